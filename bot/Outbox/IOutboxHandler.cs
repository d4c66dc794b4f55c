using Azure.Data.Tables;

namespace Trygg.Outbox;

/// <summary>
/// What the rows of one <see cref="OutboxKind"/> mean: how they are sent and what follows when they fail. Each feature
/// registers the handlers of its kinds, so the dispatcher's claims, leases, retries, app installs and rate limits serve it
/// without the outbox knowing the feature.
/// </summary>
internal interface IOutboxHandler
{
    OutboxKind Kind { get; }

    /// <summary>
    /// Rows of this kind are many and independent of each other (a mandate period's reminders): each goes out on its own,
    /// after the ordered rows and in shuffled order, so that two instances reading the same due rows mostly claim
    /// different ones. Otherwise rows with the same <see cref="OutboxEntity.CaseNumber"/> go out one after the other in key
    /// order (a reporter's "acknowledged" before "closed").
    /// </summary>
    bool Independent => false;

    /// <summary>
    /// Sends the row's message, or says why not (wait, retry, cancel, not installed, failed), or
    /// <see cref="DeliveryOutcome.Recorded"/> when it wrote the row's result itself.
    /// </summary>
    Task<DeliveryOutcome> DeliverAsync(OutboxEntity row, CancellationToken cancellationToken);

    /// <summary>
    /// The row is done (delivered, cancelled or failed after its last attempt) and about to be recorded: a row that named a
    /// person or a place only to deliver drops it here, whatever the outcome.
    /// </summary>
    void Forget(OutboxEntity row)
    {
    }

    /// <summary>
    /// The row failed for good: rows to add in the same transaction that records the failure (in the row's table and
    /// partition), e.g. a notice to the people who must know. None by default.
    /// </summary>
    IReadOnlyList<ITableEntity> FailureRows(OutboxEntity failed, DateTimeOffset now) => [];

    /// <summary>
    /// After a failure and its <see cref="FailureRows"/> were recorded: a best-effort follow-up (a storage failure here is
    /// logged, the rows are already written).
    /// </summary>
    Task AfterFailureAsync(OutboxEntity failed, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
}
