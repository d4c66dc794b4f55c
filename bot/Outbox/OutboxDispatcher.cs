using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Microsoft.Extensions.Options;
using Trygg.Members.Directory;
using Trygg.Cases.Delivery;
using Trygg.Organisations;

namespace Trygg.Outbox;

/// <summary>
/// Delivers the outbox: finds due rows, claims each with a lease, delivers it, records the result, retries with
/// exponential backoff and jitter (the next attempt's time is in the row, so retries survive restarts) and, after
/// <see cref="DeliveryOptions.MaxAttempts"/>, marks the row failed and tells the security unit, in one transaction.
/// </summary>
/// <remarks>
/// <para>Nothing is lost: a row stays pending until it is delivered, cancelled or failed with a notice; a dispatcher that
/// dies holding a lease only delays the row until the lease runs out.</para>
/// <para>Nothing is sent twice, as far as the protocol allows. Two dispatchers cannot hold the same row (the claim is an
/// ETag-conditional write), a send is cancelled before the lease ends, and the result is recorded before the lease is
/// released (recording IS the release, retried while storage hiccups). What remains: the Bot Connector has no idempotency
/// key, so when Teams accepted a message but the process died (or storage stayed down for the whole lease) before the
/// result was written, the next claimant sends it again; and a send whose answer never arrived (a timeout) is retried
/// although Teams may have posted it. Both need a crash or an outage at that very moment; a duplicate alert is the price
/// of never losing one.</para>
/// </remarks>
internal sealed partial class OutboxDispatcher(
    TableOutboxStore store,
    OutboxDeliverer deliverer,
    Escalations escalations,
    IDirectory directory,
    IOrganisationDirectory organisations,
    IEnumerable<IOutboxHandler> handlers,
    OutboxSignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int RecordAttempts = 5;

    /// <summary>The start of <see cref="OutboxEntity.LastError"/> of a row waiting for a service URL the bot may call.</summary>
    internal const string UntrustedServiceUrlError = "untrusted service URL: ";

    /// <summary>How long a claim or a release may take before it is given up (storage is down; the lease decides).</summary>
    private static readonly TimeSpan StorageWriteLimit = TimeSpan.FromSeconds(10);

    private readonly Dictionary<OutboxKind, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    /// <summary>
    /// A message Teams accepted but we could not record would be sent again once the lease ends: keep trying for about
    /// half a minute (an Azure Storage failover, a restart), well inside the lease.
    /// </summary>
    private const int SentRecordAttempts = 16;

    /// <summary>
    /// The status of a storage failure worth retrying, or null. With the service unreachable the SDK throws an
    /// AggregateException of its failed tries, not a RequestFailedException: that was the case left unhandled (the
    /// sent row then stayed claimed and went out a second time after its lease).
    /// </summary>
    internal static int? StorageStatus(Exception e) => e switch
    {
        RequestFailedException failed => failed.Status,
        AggregateException { InnerExceptions: [.., RequestFailedException last] } => last.Status,
        _ => null,
    };

    /// <summary>Who holds a lease: this process.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// In the background the dispatcher streams: up to <see cref="DeliveryOptions.Concurrency"/> sequences are delivered at
    /// once and the next due rows are looked up while the last ones are still going out, instead of in rounds that each
    /// wait for their slowest row (a send waiting out a Retry-After held a whole round of reminders, and the pacer idled
    /// while the next round was read: a fan-out reached two thirds of Teams' limit).
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }

        var concurrency = options.Value.Concurrency;
        using var slots = new SemaphoreSlim(concurrency);
        var inFlight = new ConcurrentDictionary<(string, string), byte>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = 0;
                var found = 0;
                try
                {
                    var due = await store.FindDueAsync(time.GetUtcNow(), options.Value.BatchSize, stoppingToken);
                    found = due.Count;
                    foreach (var rows in Sequences(due))
                    {
                        var key = (rows[0].PartitionKey, rows[0].SequenceKey);
                        if (!inFlight.TryAdd(key, 0))
                        {
                            continue; // still going out from the previous look-up
                        }

                        await slots.WaitAsync(stoppingToken);
                        started++;
                        _ = Task.Run(
                            async () =>
                            {
                                try
                                {
                                    await DeliverSequenceAsync(rows, stoppingToken);
                                }
                                finally
                                {
                                    inFlight.TryRemove(key, out _);
                                    slots.Release();
                                }
                            },
                            CancellationToken.None);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    LogRoundFailed(e.GetType().Name, e);
                }

                if (started > 0 && found >= options.Value.BatchSize)
                {
                    continue;
                }

                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        finally
        {
            // Let the sends in flight hand their rows back (they see the stopping token) before the host goes.
            for (var i = 0; i < concurrency; i++)
            {
                await slots.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            }
        }
    }

    /// <summary>One round over the rows due now, finished when all are. Returns how many this dispatcher claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await store.FindDueAsync(time.GetUtcNow(), options.Value.BatchSize, cancellationToken);
        var claimed = 0;
        await Parallel.ForEachAsync(
            Sequences(due),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken },
            async (rows, ct) => Interlocked.Add(ref claimed, await DeliverSequenceAsync(rows, ct)));

        return claimed;
    }

    /// <summary>
    /// Due rows in sequences: each case's rows in their order (a reporter's "acknowledged" before "closed"), cases first in
    /// their order, then reminders shuffled, so that two instances reading the same due rows mostly claim different ones
    /// instead of racing for each.
    /// </summary>
    private static List<List<OutboxEntity>> Sequences(IReadOnlyList<OutboxEntity> due)
    {
        var sequences = due.GroupBy(r => (r.PartitionKey, r.SequenceKey)).Select(g => g.ToList()).ToList();
        var ordered = sequences.Where(s => s[0].KindValue != OutboxKind.TrainingReminder).ToList();
        var reminders = sequences.Where(s => s[0].KindValue == OutboxKind.TrainingReminder).ToArray();
        RandomNumberGenerator.Shuffle(reminders.AsSpan());
        ordered.AddRange(reminders);
        return ordered;
    }

    /// <summary>Delivers a sequence's rows in order; returns how many it claimed.</summary>
    private async Task<int> DeliverSequenceAsync(List<OutboxEntity> rows, CancellationToken cancellationToken)
    {
        var claimed = 0;
        foreach (var row in rows)
        {
            try
            {
                if (await ProcessAsync(row, cancellationToken))
                {
                    claimed++;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return claimed;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage failed for this case (claiming or recording): the case waits for a later round, and the
                // other cases' sends in flight are not cancelled because of it.
                LogRoundFailed(e.GetType().Name, e);
                return claimed;
            }
        }

        return claimed;
    }

    /// <remarks>
    /// A shutdown (<paramref name="cancellationToken"/>) cuts the send short, never the storage writes around it. A
    /// cancelled claim can still reach storage with its answer lost, and a cancelled record leaves a message Teams already
    /// has claimed: either way the row waited out its whole lease, and the sent one then went out a second time. Both
    /// writes are bounded by time instead, and a claim won while stopping is handed straight back.
    /// </remarks>
    private async Task<bool> ProcessAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using (var claiming = new CancellationTokenSource(StorageWriteLimit))
        {
            if (!await store.TryClaimAsync(row, InstanceId, time.GetUtcNow() + o.LeaseDuration, claiming.Token))
            {
                return false;
            }
        }

        if (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(row);
            cancellationToken.ThrowIfCancellationRequested();
        }

        // The send must end while the lease is ours, with a quarter of it left to record the result.
        using var lease = new CancellationTokenSource(o.LeaseDuration * 3 / 4, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Token);
        DeliveryOutcome? outcome;
        try
        {
            outcome = row.KindValue == OutboxKind.Escalation
                ? await escalations.RunAsync(row, linked.Token)
                : _handlers.TryGetValue(row.KindValue, out var handler)
                    ? await handler.DeliverAsync(row, linked.Token)
                    : await deliverer.DeliverAsync(row, linked.Token);
        }
        catch (OperationCanceledException) when (lease.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            outcome = new DeliveryOutcome.Retry("did not finish within the lease");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: hand the row back now instead of making the next instance wait out the lease.
            // Whether Teams got the message is as unknown as after a crash; releasing early adds no duplicate risk.
            await ReleaseAsync(row);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage or a bug: the row stays, the next attempt may succeed, the attempt count bounds it.
            outcome = new DeliveryOutcome.Retry(e.GetType().Name);
        }

        if (outcome is null)
        {
            // Recorded by the escalation's own transaction.
            return true;
        }

        if (outcome is DeliveryOutcome.NotInstalled notInstalled)
        {
            try
            {
                outcome = await InstallAsync(row, notInstalled, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync(row);
                throw;
            }
        }

        // The quarter of the lease the send left for it: after that another dispatcher may own the row, and the
        // ETag-conditional write would be refused anyway.
        using var recording = new CancellationTokenSource(o.LeaseDuration / 4);
        try
        {
            await RecordAsync(row, outcome, recording.Token);
        }
        catch (OperationCanceledException) when (recording.IsCancellationRequested)
        {
            LogLeaseLost(row.Kind, row.CaseNumber, row.RowKey, outcome is DeliveryOutcome.Sent);
        }

        return true;
    }

    /// <summary>Best effort, with a few seconds of its own: the stopping token is already cancelled.</summary>
    private async Task ReleaseAsync(OutboxEntity row)
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

    /// <summary>Asks Graph (once per row) to install the app for the user, then tries again after a short wait.</summary>
    private async Task<DeliveryOutcome> InstallAsync(OutboxEntity row, DeliveryOutcome.NotInstalled outcome, CancellationToken cancellationToken)
    {
        if (row.InstallRequested)
        {
            return new DeliveryOutcome.Retry($"{outcome.Reason}; app install requested, not active yet");
        }

        try
        {
            await directory.InstallAppForUserAsync(row.TenantId, outcome.UserAadObjectId, cancellationToken);
            row.InstallRequested = true;
            LogInstallRequested(row.CaseNumber, row.RowKey);
            return new DeliveryOutcome.Retry($"{outcome.Reason}; app install requested", options.Value.InstallWait);
        }
        catch (DirectoryException e)
        {
            return new DeliveryOutcome.Retry(e.NotConfigured
                ? $"{outcome.Reason}; the app is not installed for the user and the directory is not configured to install it"
                : $"{outcome.Reason}; installing the app failed");
        }
    }

    private async Task RecordAsync(OutboxEntity row, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        row.LeaseOwner = null;
        row.LeaseUntil = null;
        OutboxEntity? notice = null;
        switch (outcome)
        {
            case DeliveryOutcome.Sent sent:
                row.State = nameof(OutboxState.Delivered);
                row.DoneAt = now;
                row.DueAt = now;
                row.ConversationId = sent.Message?.ConversationId;
                row.ActivityId = sent.Message?.ActivityId;
                row.LastError = null;
                LogDelivered(row.Kind, row.CaseNumber, row.RowKey, row.Attempts);
                break;
            case DeliveryOutcome.Cancelled cancelled:
                row.State = nameof(OutboxState.Cancelled);
                row.DoneAt = now;
                row.DueAt = now;
                row.LastError = cancelled.Reason;
                LogCancelled(row.Kind, row.CaseNumber, row.RowKey, cancelled.Reason);
                break;
            case DeliveryOutcome.Wait wait:
                row.Attempts = Math.Max(0, row.Attempts - 1);
                row.DueAt = now + wait.Delay;
                row.LastError = wait.Reason;
                LogWaiting(row.Kind, row.CaseNumber, row.RowKey, wait.Reason);
                break;
            case DeliveryOutcome.UntrustedServiceUrl untrusted:
                row.Attempts = Math.Max(0, row.Attempts - 1);
                row.DueAt = now + o.UntrustedServiceUrlWait;
                row.LastError = UntrustedServiceUrlError + untrusted.Reason;
                LogUntrustedServiceUrl(row.Kind, row.CaseNumber, row.RowKey, untrusted.Reason);
                break;
            case DeliveryOutcome.Retry retry when row.Attempts < o.MaxAttempts:
                var delay = retry.After is { } after ? Min(after, o.MaxRetryDelay) : Backoff(row.Attempts);
                row.DueAt = now + delay;
                row.LastError = retry.Reason;
                LogRetrying(row.Kind, row.CaseNumber, row.RowKey, row.Attempts, retry.Reason, delay);
                break;
            default:
                var reason = outcome switch
                {
                    DeliveryOutcome.Retry r => $"gave up after {row.Attempts} attempts: {r.Reason}",
                    DeliveryOutcome.Failed f => f.Reason,
                    _ => outcome.GetType().Name,
                };
                row.State = nameof(OutboxState.Failed);
                row.DoneAt = now;
                row.DueAt = now;
                row.LastError = reason;
                if (organisations.Find(row.OrganisationId) is { } organisation)
                {
                    notice = OutboxRows.FailureNotice(row, organisation.Routing, now);
                }

                LogFailed(row.Kind, row.CaseNumber, row.RowKey, reason);
                break;
        }

        if (row.StateValue != OutboxState.Pending && _handlers.TryGetValue(row.KindValue, out var owner))
        {
            owner.Forget(row);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var written = notice is null
                    ? await store.WriteAsync(row, cancellationToken)
                    : await store.WriteWithAsync(row, [notice], cancellationToken);
                if (!written)
                {
                    LogLeaseLost(row.Kind, row.CaseNumber, row.RowKey, outcome is DeliveryOutcome.Sent);
                }
                else if (notice is not null)
                {
                    await RefreshCardsAfterFailureAsync(row, now, cancellationToken);
                    signal.Nudge();
                }

                return;
            }
            catch (Exception e) when (StorageStatus(e) is { } status
                && attempt < (outcome is DeliveryOutcome.Sent ? SentRecordAttempts : RecordAttempts))
            {
                LogRecordRetry(row.CaseNumber, row.RowKey, status);
                // Storage hiccups pass in moments: wall-clock time even when a test drives the clock.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 << Math.Min(attempt, 4), 2000)), TimeProvider.System, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A case card that did not reach its recipient: the case's posted cards are re-rendered, so the channel card says whom
    /// Teams could not reach instead of keeping quiet behind "sent to". Best effort: the failure notice is already queued.
    /// </summary>
    private async Task RefreshCardsAfterFailureAsync(OutboxEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (row.KindValue is not (OutboxKind.CaseToChannel or OutboxKind.CaseToPerson))
        {
            return;
        }

        try
        {
            await store.RequestAsync(OutboxRows.Refresh(row.PartitionKey, row.TenantId, row.OrganisationId, row.CaseNumber, now), cancellationToken);
        }
        catch (Exception e) when (StorageStatus(e) is not null)
        {
            LogRoundFailed(e.GetType().Name, e);
        }
    }

    /// <summary>RetryDelay × 2^(attempt−1), at most MaxRetryDelay, with ±20 % jitter so failed rows do not retry in step.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var o = options.Value;
        var exponential = o.RetryDelay * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Min(exponential, o.MaxRetryDelay);
        var jitter = 0.8 + (RandomNumberGenerator.GetInt32(0, 401) / 1000.0);
        return capped * jitter;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // Case numbers, row keys, kinds and status codes only: never names or report content.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {CaseNumber} delivered ({RowKey}, attempt {Attempt})")]
    private partial void LogDelivered(string kind, string caseNumber, string rowKey, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {CaseNumber} cancelled ({RowKey}): {Reason}")]
    private partial void LogCancelled(string kind, string caseNumber, string rowKey, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {CaseNumber} waits ({RowKey}): {Reason}")]
    private partial void LogWaiting(string kind, string caseNumber, string rowKey, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} {CaseNumber} waits ({RowKey}) for a service URL the bot may call: {Reason}. Add the conversation's Teams service URL to Bot:TrustedServiceUrls")]
    private partial void LogUntrustedServiceUrl(string kind, string caseNumber, string rowKey, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {CaseNumber} not delivered ({RowKey}, attempt {Attempt}): {Reason}; next try in {Delay}")]
    private partial void LogRetrying(string kind, string caseNumber, string rowKey, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} {CaseNumber} failed ({RowKey}): {Reason}")]
    private partial void LogFailed(string kind, string caseNumber, string rowKey, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {CaseNumber} ({RowKey}): the lease was lost before the result was recorded (sent: {Sent}); another dispatcher owns the row")]
    private partial void LogLeaseLost(string kind, string caseNumber, string rowKey, bool sent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the result of {CaseNumber} ({RowKey}) failed with {Status}; trying again")]
    private partial void LogRecordRetry(string caseNumber, string rowKey, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "App install requested for the recipient of {CaseNumber} ({RowKey})")]
    private partial void LogInstallRequested(string caseNumber, string rowKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed with {ExceptionType}")]
    private partial void LogRoundFailed(string exceptionType, Exception exception);
}
