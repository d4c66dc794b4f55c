using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Training;

public static class TrainingSetup
{
    /// <summary>Development only: the moment the bot's clock starts at, e.g. <c>2026-10-15T09:00:00+02:00</c>; it runs on from there.</summary>
    public const string FakeNowSetting = "Trygg:FakeNow";

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
        UseFakeNow(builder);
        return builder;
    }

    /// <summary>Training records (the <c>training</c> table). Needs storage (AddStorage).</summary>
    public static IServiceCollection AddTrainingStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<ITrainingRecords, TableTrainingRecords>();
        return services;
    }

    /// <summary>
    /// <see cref="FakeNowSetting"/>: run the whole bot as if it were that moment (to see a mandate period's reminders go
    /// out on 15 October). Refused outside Development, where a shifted clock would send real reminders on wrong days.
    /// </summary>
    private static void UseFakeNow(IHostApplicationBuilder builder)
    {
        if (builder.Configuration[FakeNowSetting] is not { Length: > 0 } text)
        {
            return;
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{FakeNowSetting} is set, but it is only for local runs (ASPNETCORE_ENVIRONMENT=Development). Remove it.");
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            throw new InvalidOperationException($"{FakeNowSetting} is '{text}': write a date and time with its offset, e.g. 2026-10-15T09:00:00+02:00.");
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new ShiftedTimeProvider(start - TimeProvider.System.GetUtcNow())));
    }
}

/// <summary>The system clock moved by a fixed offset: time passes normally, from another starting point.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
