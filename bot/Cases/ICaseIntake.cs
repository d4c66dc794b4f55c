using Trygg.Cases.Rules;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Cases;

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
/// How a submitted report becomes a case: the one way in for Reporting, which hands over the report and reads back
/// where its messages stand, without knowing the tables or the outbox behind them.
/// </summary>
internal interface ICaseIntake
{
    /// <summary>
    /// Stores the incident, its case file and the messages that announce it, all or nothing, exactly once per
    /// <see cref="CaseSubmission.SubmissionId"/>: a second call with the same id (double click, retry, resent
    /// activity) returns the first incident, as not created, and announces nothing again.
    /// </summary>
    Task<SubmitResult> SubmitAsync(CaseSubmission submission, CancellationToken cancellationToken);

    /// <summary>Where the first announcement of <paramref name="incident"/> stands for each recipient of <paramref name="decision"/>.</summary>
    Task<IReadOnlyList<RecipientDelivery>> DeliveriesAsync(Incident incident, RoutingDecision decision, CancellationToken cancellationToken);
}
