using Trygg.Conversation.Turns;
using Trygg.Reporting;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Cases.Rules;

namespace Trygg.Cases.Delivery;

/// <summary>A report on its way in, with the routing decided for it.</summary>
/// <param name="ReporterConversationId">The member's chat with the bot, where they will hear about the case.</param>
internal sealed record CaseSubmission(
    Organisation Organisation,
    string TenantId,
    int Year,
    string SubmissionId,
    Func<string, Incident> Create,
    RoutingDecision Decision,
    string? ReporterConversationId,
    Language ReporterLanguage);

/// <summary>
/// Stores a report with everything that must follow it, in ONE Table transaction: the incident, its case file, one
/// outbox row per recipient and the escalation timer. Either all of it exists or none: no report can be saved without
/// its notifications, and no notification can exist for a report that was not saved. Then wakes the dispatcher.
/// </summary>
internal sealed class CaseIntake(TableIncidentStore incidents, OutboxSignal signal, TimeProvider time)
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
