using Microsoft.Extensions.DependencyInjection.Extensions;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Cases.Messages;
using Trygg.Cases.Rules;

namespace Trygg.Cases.Delivery;

public static class DeliverySetup
{
    /// <summary>
    /// Getting reports to people and handling them: security-channel registration, the case store and cards, the case
    /// actions, the report intake, and the outbox handlers of a case's rows with the table they live in. Needs storage,
    /// cards, the outbox (AddOutbox), the organisations and their rules, members and reporting.
    /// </summary>
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddIncidentStore();

        services.TryAddSingleton<Rules.IRoutingRules, Trygg.Cases.Rules.RoutingRules>();
        services.AddSingleton<ISecurityChannelStore, TableSecurityChannelStore>();
        services.AddSingleton<TableCaseStore>();
        services.AddSingleton<Police.CasePoliceReports>();
        services.AddSingleton<CaseCards>();
        services.AddSingleton<CaseCardPublisher>();
        services.TryAddSingleton<Files.ICaseEvidence, Files.NoCaseEvidence>();
        services.AddSingleton<Files.CaseEvidenceOpener>();
        services.AddSingleton<CaseAccess>();
        services.AddCaseMessages();
        services.AddSingleton<OutboxDeliverer>();
        services.AddSingleton<GroupRecipients>();
        services.AddSingleton<Escalations>();
        services.AddSingleton<CaseIntake>();
        services.AddSingleton<ICaseIntake>(sp => sp.GetRequiredService<CaseIntake>());

        // A case's outbox rows sit next to the case in the incidents table, written in its transactions.
        services.AddOutboxTable(TableIncidentStore.TableName, CaseOutbox.TableOrder, [.. CaseRowHandler.Kinds, OutboxKind.Escalation]);
        foreach (var kind in CaseRowHandler.Kinds)
        {
            services.AddSingleton<IOutboxHandler>(sp => ActivatorUtilities.CreateInstance<CaseRowHandler>(sp, kind));
        }

        services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<Escalations>());

        services.AddSingleton<ICardActionHandler, ChannelRegistrationActions>();
        services.AddSingleton<ICardActionHandler, CaseActions>();
        return builder;
    }
}
