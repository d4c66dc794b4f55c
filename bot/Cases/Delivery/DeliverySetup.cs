using Microsoft.Extensions.DependencyInjection.Extensions;
using Trygg.Conversation.Handover;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Members.Directory;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Cases.Rules;

namespace Trygg.Cases.Delivery;

public static class DeliverySetup
{
    /// <summary>
    /// Getting reports to people and handling them: security-channel registration, the case store and cards, the case
    /// actions, the report intake with its outbox, and the dispatcher that delivers it (a hosted service). Needs storage,
    /// cards, Teams (the proactive port), the organisations and their rules, members and reporting. Proactive sends are
    /// paced within Teams' rate limits (<c>Delivery:RateLimits</c>).
    /// </summary>
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DeliveryOptions>()
            .BindConfiguration(DeliveryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SendLimitsOptions>()
            .BindConfiguration(SendLimitsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDirectory, UnconfiguredDirectory>();

        // Every proactive call (case cards, notices, reminders) waits its turn within Teams' limits.
        services.TryAddSingleton<ISendPacer, SendPacer>();

        // Every proactive message to a member (reminders, case notices, handovers) reads their language when it is sent.
        services.TryAddSingleton<Conversation.Languages.IMemberLanguage, Conversation.Languages.MemberLanguage>();
        services.AddIncidentStore();

        services.TryAddSingleton<Rules.IRoutingRules, Trygg.Cases.Rules.RoutingRules>();
        services.AddSingleton<ISecurityChannelStore, TableSecurityChannelStore>();
        services.AddSingleton<TableCaseStore>();
        services.AddSingleton<TableOutboxStore>();
        services.AddSingleton<CaseCards>();
        services.AddSingleton<CaseCardPublisher>();
        services.AddSingleton<CaseAccess>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDeliverer>();
        services.AddSingleton<Escalations>();
        services.AddSingleton<CaseIntake>();
        services.AddSingleton<ICaseIntake>(sp => sp.GetRequiredService<CaseIntake>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        services.AddSingleton<IPersonalChatHandover, OutboxPersonalChatHandover>();
        services.AddSingleton<HandoverRows>();
        services.AddSingleton<IOutboxHandler, PersonalChatHandoverDelivery>();

        services.AddSingleton<ICardActionHandler, ChannelRegistrationActions>();
        services.AddSingleton<ICardActionHandler, CaseActions>();
        return builder;
    }
}
