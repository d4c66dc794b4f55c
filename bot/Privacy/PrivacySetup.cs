using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Privacy;

public static class PrivacySetup
{
    /// <summary>
    /// The data lifecycle: the daily retention job (a hosted service), "vilka uppgifter har ni om mig" and the security
    /// unit's erasure on request. Needs storage, cards, Teams (conversation references), organisations, members and
    /// reporting (the incident stores).
    /// </summary>
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PrivacyOptions>()
            .BindConfiguration(PrivacyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IProfileSection, RetentionProfileSection>();
        services.AddSingleton<TableCaseAnonymiser>();
        services.AddSingleton<TablePersonalData>();
        services.AddSingleton<TablePrivacyLog>();
        services.AddSingleton<MemberErasure>();
        services.AddSingleton<IOutboxHandler, ErasedCardDelivery>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        services.AddSingleton<MyCaseData>();
        services.AddSingleton<ICardActionHandler, MyDataActions>();
        services.AddSingleton<ICardActionHandler, ErasureActions>();
        return builder;
    }
}
