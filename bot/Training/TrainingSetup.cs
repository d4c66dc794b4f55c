using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Training;

public static class TrainingSetup
{
    /// <summary>
    /// Training: records, the reminder card's buttons and "min utbildning", the security unit's status, and the reminder
    /// scheduler with its delivery through the outbox. Needs storage, cards, the organisations, member profiles, the
    /// directory and delivery (AddDelivery).
    /// </summary>
    public static IHostApplicationBuilder AddTraining(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TrainingOptions>()
            .BindConfiguration(TrainingOptions.Section)
            .PostConfigure(o => o.TenantId ??= builder.Configuration["Bot:TenantId"] is { Length: > 0 } tenant ? tenant : null)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddTrainingStores();
        services.AddSingleton<IProfileSection, TrainingProfileSection>();
        services.AddSingleton<ICardActionHandler, TrainingActions>();
        services.AddSingleton<ICardActionHandler, TrainingUnitActions>();
        services.AddSingleton<IOutboxHandler, TrainingReminderDelivery>();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return builder;
    }

    /// <summary>Training records (the <c>training</c> table). Needs storage (AddStorage).</summary>
    public static IServiceCollection AddTrainingStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<ITrainingRecords, TableTrainingRecords>();
        return services;
    }
}
