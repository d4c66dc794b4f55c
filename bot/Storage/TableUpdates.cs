using System.Security.Cryptography;
using Azure.Data.Tables;

namespace Trygg.Storage;

/// <summary>
/// The optimistic read-change-write of one row, written once for every store: read the row with its ETag, let the
/// caller compute the new row, write it with If-Match (or insert it when there was no row), and when someone else wrote
/// first (412, 409 on the insert, or 404 for a row deleted meanwhile) read again and apply the change again, at most
/// <see cref="MaxAttempts"/> times with a short jittered back-off so racing writers spread out.
/// </summary>
/// <remarks>
/// The change runs once per attempt on the row as read, so it must be a function of that row alone: a lost race then
/// loses nothing, because the winner's write is what the next attempt changes.
/// </remarks>
internal static class TableUpdates
{
    /// <summary>Enough for a burst of writers on one row; beyond it something is wrong, and we say so.</summary>
    public const int MaxAttempts = 10;

    /// <summary>
    /// Point-read <paramref name="partitionKey"/>/<paramref name="rowKey"/>, apply <paramref name="change"/> (given null
    /// when the row does not exist; returning null writes nothing) and write. Returns the row as written, with its new
    /// ETag, or null when the change wrote nothing.
    /// </summary>
    /// <param name="what">Names the row in the error when the attempts run out; no personal data.</param>
    public static Task<TEntity?> ReadChangeWriteAsync<TEntity>(
        this TableClient table, string partitionKey, string rowKey, Func<TEntity?, TEntity?> change, TimeProvider time, string what, CancellationToken cancellationToken)
        where TEntity : class, ITableEntity, new()
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.ReadChangeWriteAsync(
            async (_, ct) =>
            {
                var found = await table.GetEntityIfExistsAsync<TEntity>(partitionKey, rowKey, cancellationToken: ct).ConfigureAwait(false);
                return found.HasValue ? found.Value : null;
            },
            change,
            time,
            what,
            cancellationToken);
    }

    /// <summary>
    /// As the point-read overload, with the caller's own <paramref name="read"/> (given <c>true</c> when only a fresh read
    /// from the table will do, that is after a lost race), for a store that may answer the first read from a cache.
    /// </summary>
    public static async Task<TEntity?> ReadChangeWriteAsync<TEntity>(
        this TableClient table,
        Func<bool, CancellationToken, ValueTask<TEntity?>> read,
        Func<TEntity?, TEntity?> change,
        TimeProvider time,
        string what,
        CancellationToken cancellationToken)
        where TEntity : class, ITableEntity
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(time);
        for (var attempt = 1; ; attempt++)
        {
            var current = await read(attempt > 1, cancellationToken).ConfigureAwait(false);
            if (change(current) is not { } next)
            {
                return null;
            }

            if (await table.TryWriteAsync(next, current?.ETag, cancellationToken).ConfigureAwait(false) is { } written)
            {
                next.ETag = written;
                return next;
            }

            if (attempt == MaxAttempts)
            {
                throw new StorageConcurrencyException($"{what} kept changing under {MaxAttempts} consecutive updates; gave up.");
            }

            await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The read-change-write of several rows of one partition in ONE entity-group transaction: <paramref name="change"/>
    /// reads the rows it needs (with their ETags) and returns what to commit; when someone else wrote first (412, 409,
    /// or 404 for a row deleted meanwhile) it runs again on fresh reads, at most <paramref name="maxAttempts"/> times.
    /// Returns the change's result; null when <paramref name="change"/> returns null (nothing to change it can name).
    /// </summary>
    /// <param name="time">The back-off's clock; a store whose tests drive a fake clock passes <see cref="TimeProvider.System"/>.</param>
    /// <param name="what">Names the rows in the error when the attempts run out; no personal data.</param>
    public static async Task<TResult?> ChangeBatchAsync<TResult>(
        this TableClient table,
        Func<CancellationToken, Task<BatchChange<TResult>?>> change,
        TimeProvider time,
        string what,
        CancellationToken cancellationToken,
        int maxAttempts = MaxAttempts)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(time);
        for (var attempt = 1; ; attempt++)
        {
            if (await change(cancellationToken).ConfigureAwait(false) is not { } batch)
            {
                return null;
            }

            if (batch.Actions.Count == 0)
            {
                return batch.Result;
            }

            try
            {
                await table.SubmitTransactionAsync(batch.Actions, cancellationToken).ConfigureAwait(false);
                return batch.Result;
            }
            catch (TableTransactionFailedException e) when (e.IsConcurrencyConflict() || e.IsNotFound())
            {
                if (batch.Conflicted?.Invoke(e) is { } instead)
                {
                    return instead;
                }

                if (attempt >= maxAttempts)
                {
                    throw new StorageConcurrencyException($"{what} kept changing under {maxAttempts} consecutive updates; gave up.", e);
                }
            }

            await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Full jitter over a window that doubles from 10 ms up to 320 ms.</summary>
    internal static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(1, (10 << Math.Min(attempt - 1, 5)) + 1));
}

/// <summary>
/// One attempt of <see cref="TableUpdates.ChangeBatchAsync"/>: the <paramref name="Actions"/> to commit together (none:
/// nothing to write) and the <paramref name="Result"/> they give. <paramref name="Conflicted"/>, when set, is asked first
/// when someone else wrote first: a result ends the change with it, null tries again on fresh reads.
/// </summary>
internal sealed record BatchChange<TResult>(
    TResult Result, IReadOnlyList<TableTransactionAction> Actions, Func<TableTransactionFailedException, TResult?>? Conflicted = null)
    where TResult : class;
