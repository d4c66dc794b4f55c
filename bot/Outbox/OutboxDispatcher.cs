using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Trygg.Outbox;

/// <summary>
/// Delivers the outbox: finds due rows, claims each with a lease (<see cref="OutboxLease"/>), hands it to the handler of
/// its kind (<see cref="IOutboxHandler"/>, registered by the feature that owns the kind), records the result, retries with
/// exponential backoff and jitter (the next attempt's time is in the row, so retries survive restarts) and, after
/// <see cref="DeliveryOptions.MaxAttempts"/>, marks the row failed together with the rows its handler adds for a failure
/// (a notice to the security unit), in one transaction.
/// </summary>
/// <remarks>
/// <para>Nothing is lost: a row stays pending until it is delivered, cancelled or failed; a dispatcher that dies holding a
/// lease only delays the row until the lease runs out.</para>
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
    OutboxLease lease,
    IAppInstaller installer,
    IEnumerable<IOutboxHandler> handlers,
    OutboxSignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>The start of <see cref="OutboxEntity.LastError"/> of a row waiting for a service URL the bot may call.</summary>
    internal const string UntrustedServiceUrlError = "untrusted service URL: ";

    private readonly Dictionary<OutboxKind, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    /// <summary>Kinds this instance has no handler for and has said so once.</summary>
    private readonly ConcurrentDictionary<string, byte> _unknownKinds = new(StringComparer.Ordinal);

    /// <summary>Who holds a lease: this process.</summary>
    public string InstanceId => lease.InstanceId;

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
                        var key = (rows[0].PartitionKey, SequenceKey(rows[0]));
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
    /// Due rows in sequences: the rows of one case (one <see cref="OutboxEntity.CaseNumber"/>) in their order, sequences in
    /// their order; then the rows of independent kinds (<see cref="IOutboxHandler.Independent"/>), each alone and shuffled.
    /// </summary>
    private List<List<OutboxEntity>> Sequences(IReadOnlyList<OutboxEntity> due)
    {
        var ordered = due.Where(r => !IsIndependent(r)).GroupBy(r => (r.PartitionKey, SequenceKey(r))).Select(g => g.ToList()).ToList();
        var independent = due.Where(IsIndependent).Select(r => new List<OutboxEntity> { r }).ToArray();
        RandomNumberGenerator.Shuffle(independent.AsSpan());
        ordered.AddRange(independent);
        return ordered;
    }

    private bool IsIndependent(OutboxEntity row) => HandlerOf(row) is { Independent: true };

    /// <summary>Rows with the same key (and partition) go out one after the other; an independent row is its own sequence.</summary>
    private string SequenceKey(OutboxEntity row) => IsIndependent(row) ? row.RowKey : row.CaseNumber;

    private IOutboxHandler? HandlerOf(OutboxEntity row) =>
        Enum.TryParse<OutboxKind>(row.Kind, out var kind) && _handlers.TryGetValue(kind, out var handler) ? handler : null;

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
    /// A shutdown (<paramref name="cancellationToken"/>) cuts the send short, never the lease's writes around it (see
    /// <see cref="OutboxLease"/>); a claim won while stopping is handed straight back.
    /// </remarks>
    private async Task<bool> ProcessAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (HandlerOf(row) is not { } handler)
        {
            // During a rolling deploy an older instance meets a kind a newer one writes: the row is left, unclaimed and
            // with no attempt spent, for an instance that knows it. Said once per kind, not on every round.
            if (_unknownKinds.TryAdd(row.Kind, 0))
            {
                LogUnknownKind(row.Kind);
            }

            return false;
        }

        if (!await lease.TryClaimAsync(row))
        {
            return false;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            await lease.ReleaseAsync(row);
            cancellationToken.ThrowIfCancellationRequested();
        }

        // The send must end while the lease is ours, with a quarter of it left to record the result.
        using var sending = new CancellationTokenSource(o.LeaseDuration * 3 / 4, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, sending.Token);
        DeliveryOutcome outcome;
        try
        {
            outcome = await handler.DeliverAsync(row, linked.Token);
        }
        catch (OperationCanceledException) when (sending.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            outcome = new DeliveryOutcome.Retry("did not finish within the lease");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: hand the row back now instead of making the next instance wait out the lease.
            // Whether Teams got the message is as unknown as after a crash; releasing early adds no duplicate risk.
            await lease.ReleaseAsync(row);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage or a bug: the row stays, the next attempt may succeed, the attempt count bounds it.
            outcome = new DeliveryOutcome.Retry(e.GetType().Name);
        }

        if (outcome is DeliveryOutcome.Recorded)
        {
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
                await lease.ReleaseAsync(row);
                throw;
            }
        }

        // The quarter of the lease the send left for it: after that another dispatcher may own the row, and the
        // ETag-conditional write would be refused anyway.
        using var recording = new CancellationTokenSource(o.LeaseDuration / 4);
        try
        {
            await RecordAsync(row, handler, outcome, recording.Token);
        }
        catch (OperationCanceledException) when (recording.IsCancellationRequested)
        {
            LogLeaseLost(row.Kind, row.CaseNumber, row.RowKey, outcome is DeliveryOutcome.Sent);
        }

        return true;
    }

    /// <summary>Asks the directory (once per row) to install the app for the user, then tries again after a short wait.</summary>
    private async Task<DeliveryOutcome> InstallAsync(OutboxEntity row, DeliveryOutcome.NotInstalled outcome, CancellationToken cancellationToken)
    {
        if (row.InstallRequested)
        {
            return new DeliveryOutcome.Retry($"{outcome.Reason}; app install requested, not active yet");
        }

        switch (await installer.InstallForUserAsync(row.TenantId, outcome.UserAadObjectId, cancellationToken))
        {
            case AppInstall.Requested:
                row.InstallRequested = true;
                LogInstallRequested(row.CaseNumber, row.RowKey);
                return new DeliveryOutcome.Retry($"{outcome.Reason}; app install requested", options.Value.InstallWait);
            case AppInstall.NotConfigured:
                return new DeliveryOutcome.Retry($"{outcome.Reason}; the app is not installed for the user and the directory is not configured to install it");
            default:
                return new DeliveryOutcome.Retry($"{outcome.Reason}; installing the app failed");
        }
    }

    private async Task RecordAsync(OutboxEntity row, IOutboxHandler handler, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        IReadOnlyList<ITableEntity> added = [];
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
                added = handler.FailureRows(row, now);
                LogFailed(row.Kind, row.CaseNumber, row.RowKey, reason);
                break;
        }

        if (row.StateValue != OutboxState.Pending)
        {
            handler.Forget(row);
        }

        if (!await lease.EndAsync(row, added, outcome is DeliveryOutcome.Sent, cancellationToken))
        {
            LogLeaseLost(row.Kind, row.CaseNumber, row.RowKey, outcome is DeliveryOutcome.Sent);
        }
        else if (added.Count > 0)
        {
            await AfterFailureAsync(handler, row, now, cancellationToken);
            signal.Nudge();
        }
    }

    /// <summary>The handler's follow-up to a recorded failure. Best effort: the failure and its rows are written.</summary>
    private async Task AfterFailureAsync(IOutboxHandler handler, OutboxEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await handler.AfterFailureAsync(row, now, cancellationToken);
        }
        catch (Exception e) when (OutboxLease.StorageStatus(e) is not null)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "App install requested for the recipient of {CaseNumber} ({RowKey})")]
    private partial void LogInstallRequested(string caseNumber, string rowKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox rows of kind {Kind} wait: this instance has no handler for them (an older version during a deploy, or the kind's feature is not registered)")]
    private partial void LogUnknownKind(string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed with {ExceptionType}")]
    private partial void LogRoundFailed(string exceptionType, Exception exception);
}
