using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Cases.Delivery;

/// <summary>
/// A due escalation timer (one per case, created with the report). When the case is still unacknowledged, round n
/// re-announces it in the channel and sends it to the on-call person and the head of security; the timer then waits the
/// same interval again for round n+1, up to <see cref="DeliveryOptions.EscalationRounds"/>. Timer, messages, the case
/// file's round and the audit line are one transaction, and the timer is written with the ETag of the dispatcher's claim:
/// two instances escalate a case once. The messages themselves are dropped when an acknowledgement beats them out.
/// </summary>
internal sealed partial class Escalations(
    IOrganisationDirectory organisations,
    TableCaseStore cases,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<Escalations> logger) : IOutboxHandler
{
    /// <summary>Who the audit trail names for what the bot does on its own.</summary>
    public const string SystemActor = "trygg";

    public OutboxKind Kind => OutboxKind.Escalation;

    /// <summary>Used when a case's own interval cannot be read (it escalated at submit time).</summary>
    private static readonly TimeSpan FallbackInterval = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Runs a claimed timer. Returns <see cref="DeliveryOutcome.Recorded"/> when it has recorded the outcome itself
    /// (escalated, in one transaction); otherwise the outcome for the dispatcher to record (cancelled: acknowledged in
    /// time; retry: a write raced).
    /// </summary>
    public async Task<DeliveryOutcome> DeliverAsync(OutboxEntity timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (organisations.Find(timer.OrganisationId) is not { } organisation)
        {
            return new DeliveryOutcome.Failed("the organisation is no longer in the profiles");
        }

        var now = time.GetUtcNow();
        var round = Math.Max(1, timer.Round);
        var last = round >= options.Value.EscalationRounds;
        var change = await cases.ChangeAsync(
            timer.TenantId,
            timer.OrganisationId,
            timer.CaseNumber,
            current =>
            {
                if (current.File.Status != CaseStatus.New)
                {
                    return null;
                }

                var file = current.File with { EscalationRound = round };
                var interval = current.File.EscalateAt - current.Incident.SubmittedAt;
                var audit = new AuditEntry(timer.CaseNumber, now, SystemActor, "Trygg", AuditAction.Escalated, Allowed: true, Detail: $"round {round}");
                return new CaseEdit(file, audit, partitionKey =>
                {
                    var next = Next(timer, last, now, interval > TimeSpan.Zero ? interval : FallbackInterval);
                    return OutboxRows.ForEscalation(file, organisation.Routing, round, partitionKey, now)
                        .Select(row => new TableTransactionAction(TableTransactionActionType.Add, row))
                        .Append(new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, timer.ETag));
                });
            },
            cancellationToken,
            retryOnConflict: false);

        if (change is null)
        {
            return new DeliveryOutcome.Failed("the case does not exist");
        }

        if (change.Conflict)
        {
            // The case changed meanwhile (perhaps acknowledged) or the lease was lost: look again shortly.
            return new DeliveryOutcome.Retry("the case changed while escalating");
        }

        if (!change.Changed)
        {
            return new DeliveryOutcome.Cancelled("acknowledged before the escalation time");
        }

        LogEscalated(timer.CaseNumber, round);
        return new DeliveryOutcome.Recorded();
    }

    /// <summary>The timer after round <c>timer.Round</c>: due again for the next round, or done.</summary>
    private static OutboxEntity Next(OutboxEntity timer, bool last, DateTimeOffset now, TimeSpan interval)
    {
        var next = new OutboxEntity
        {
            PartitionKey = timer.PartitionKey,
            RowKey = timer.RowKey,
            TenantId = timer.TenantId,
            OrganisationId = timer.OrganisationId,
            CaseNumber = timer.CaseNumber,
            Kind = timer.Kind,
            CreatedAt = timer.CreatedAt,
            Round = last ? timer.Round : timer.Round + 1,
            State = last ? nameof(OutboxState.Delivered) : nameof(OutboxState.Pending),
            DueAt = last ? now : now + interval,
            DoneAt = last ? now : null,
        };
        return next;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseNumber} escalated (round {Round}): nobody acknowledged it in time")]
    private partial void LogEscalated(string caseNumber, int round);
}
