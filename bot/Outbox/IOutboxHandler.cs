using Trygg.Cases.Delivery;

namespace Trygg.Outbox;

/// <summary>
/// Delivers the rows of one <see cref="OutboxKind"/> that another feature owns (training reminders), so that the
/// dispatcher's claims, leases, retries, app installs and rate limits serve it without the delivery knowing the feature.
/// </summary>
internal interface IOutboxHandler
{
    OutboxKind Kind { get; }

    /// <summary>Sends the row's message, or says why not (wait, retry, cancel, not installed, failed).</summary>
    Task<DeliveryOutcome> DeliverAsync(OutboxEntity row, CancellationToken cancellationToken);

    /// <summary>
    /// The row is done (delivered, cancelled or failed after its last attempt) and about to be recorded: a row that named a
    /// person or a place only to deliver drops it here, whatever the outcome.
    /// </summary>
    void Forget(OutboxEntity row)
    {
    }
}
