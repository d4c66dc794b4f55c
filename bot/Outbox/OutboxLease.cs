using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Trygg.Outbox;

/// <summary>
/// The lease on an outbox row: the ETag-conditional claim that makes one dispatcher its owner until the lease ends, and
/// the write that ends it (the result, or the row handed back at a shutdown). Every write after the claim carries the ETag
/// the claim returned, so a dispatcher that lost its lease cannot overwrite the new owner's work.
/// </summary>
/// <remarks>
/// A shutdown never cuts these writes short. A cancelled claim can still reach storage with its answer lost, and a
/// cancelled record leaves a message Teams already has claimed: either way the row waited out its whole lease, and the
/// sent one then went out a second time. The writes are bounded by time instead.
/// </remarks>
internal sealed partial class OutboxLease(TableOutboxStore store, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<OutboxLease> logger)
{
    private const int RecordAttempts = 5;

    /// <summary>
    /// A message Teams accepted but we could not record would be sent again once the lease ends: keep trying for about
    /// half a minute (an Azure Storage failover, a restart), well inside the lease.
    /// </summary>
    private const int SentRecordAttempts = 16;

    /// <summary>How long a claim or a release may take before it is given up (storage is down; the lease decides).</summary>
    private static readonly TimeSpan StorageWriteLimit = TimeSpan.FromSeconds(10);

    /// <summary>Who holds a lease: this process.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// The status of a storage failure worth retrying, or null. With the service unreachable the SDK throws an
    /// AggregateException of its failed tries, not a RequestFailedException: left unhandled, the sent row stayed claimed
    /// and went out a second time after its lease.
    /// </summary>
    internal static int? StorageStatus(Exception e) => e switch
    {
        RequestFailedException failed => failed.Status,
        AggregateException { InnerExceptions: [.., RequestFailedException last] } => last.Status,
        _ => null,
    };

    /// <summary>Takes the row for this instance for <see cref="DeliveryOptions.LeaseDuration"/>; false when another was first.</summary>
    public async Task<bool> TryClaimAsync(OutboxEntity row)
    {
        using var claiming = new CancellationTokenSource(StorageWriteLimit);
        return await store.TryClaimAsync(row, InstanceId, time.GetUtcNow() + options.Value.LeaseDuration, claiming.Token);
    }

    /// <summary>Hands a claimed row back at a shutdown. Best effort, with a few seconds of its own: the stopping token is already cancelled.</summary>
    public async Task ReleaseAsync(OutboxEntity row)
    {
        row.LeaseOwner = null;
        row.LeaseUntil = null;
        row.DueAt = time.GetUtcNow();
        row.LastError = "interrupted by a shutdown";
        try
        {
            using var timeout = new CancellationTokenSource(StorageWriteLimit);
            await store.WriteAsync(row, timeout.Token);
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException)
        {
            // The lease runs out on its own.
        }
    }

    /// <summary>
    /// Ends the lease by writing the row's result (and <paramref name="added"/> in the same transaction), retried while
    /// storage hiccups. False when the lease was lost meanwhile (another dispatcher owns the row).
    /// </summary>
    public async Task<bool> EndAsync(OutboxEntity row, IReadOnlyList<ITableEntity> added, bool sent, CancellationToken cancellationToken)
    {
        row.LeaseOwner = null;
        row.LeaseUntil = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return added.Count == 0
                    ? await store.WriteAsync(row, cancellationToken)
                    : await store.WriteWithAsync(row, added, cancellationToken);
            }
            catch (Exception e) when (StorageStatus(e) is { } status && attempt < (sent ? SentRecordAttempts : RecordAttempts))
            {
                LogRecordRetry(row.CaseNumber, row.RowKey, status);
                // Storage hiccups pass in moments: wall-clock time even when a test drives the clock.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 << Math.Min(attempt, 4), 2000)), TimeProvider.System, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the result of {CaseNumber} ({RowKey}) failed with {Status}; trying again")]
    private partial void LogRecordRetry(string caseNumber, string rowKey, int status);
}
