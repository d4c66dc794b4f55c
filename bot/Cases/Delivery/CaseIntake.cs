using Trygg.Outbox;
using Trygg.Cases.Rules;

namespace Trygg.Cases.Delivery;

/// <summary>
/// Stores a report with everything that must follow it, in ONE Table transaction: the incident, its case file, one
/// outbox row per recipient and the escalation timer. Either all of it exists or none: no report can be saved without
/// its notifications, and no notification can exist for a report that was not saved. Then wakes the dispatcher.
/// </summary>
internal sealed class CaseIntake(TableIncidentStore incidents, TableOutboxStore outbox, OutboxSignal signal, TimeProvider time) : ICaseIntake
{
    public async Task<SubmitResult> SubmitAsync(CaseSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var organisation = submission.Organisation;
        var now = time.GetUtcNow();
        var result = await incidents.SubmitAsync(
            submission.TenantId,
            organisation.Id,
            organisation.CasePrefix,
            submission.Year,
            submission.SubmissionId,
            submission.Create,
            (incident, partitionKey) =>
            {
                var file = FileFor(incident, submission);
                return [CaseFileEntity.From(file, partitionKey), .. OutboxRows.ForNewCase(file, submission.Decision, partitionKey, now)];
            },
            cancellationToken);

        if (result.Created)
        {
            signal.Nudge();
        }

        return result;
    }

    /// <summary>
    /// The recipients as <paramref name="decision"/> names them, each with the state of its outbox row: right after
    /// the submit that is "on its way", never "sent" before Teams took it.
    /// </summary>
    public async Task<IReadOnlyList<RecipientDelivery>> DeliveriesAsync(Incident incident, RoutingDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(decision);
        var rows = await outbox.ListForCaseAsync(incident.TenantId, incident.OrganisationId, incident.CaseNumber, cancellationToken);
        return OutboxRows.Deliveries(decision.Recipients.Select(r => new CaseRecipient(r.Role, r.Name)), rows);
    }

    internal static CaseFile FileFor(Incident incident, CaseSubmission submission) => new(
        incident.TenantId,
        incident.OrganisationId,
        incident.CaseNumber,
        submission.Decision.Priority,
        submission.Decision.OutOfHours,
        submission.Decision.EscalateAt,
        submission.ReporterConversationId,
        submission.ReporterLanguage,
        [.. submission.Decision.Recipients.Select(r => new CaseRecipient(r.Role, r.Name))]);
}
