using Trygg.Conversation.Turns;

namespace Trygg.Training;

public static class TrainingSetup
{
    /// <summary>
    /// Training: records, the reminder card's buttons and "min utbildning". Needs storage, cards, the organisations and
    /// member profiles.
    /// </summary>
    public static IHostApplicationBuilder AddTraining(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTrainingStores();
        builder.Services.AddSingleton<ICardActionHandler, TrainingActions>();
        builder.Services.AddSingleton<ICardActionHandler, TrainingUnitActions>();
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
