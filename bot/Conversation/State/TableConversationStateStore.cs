using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Conversation.State;

/// <summary>
/// <see cref="IConversationStateStore"/> on the <c>state</c> table. Updates are optimistic: read with the ETag,
/// apply, write with that ETag (or insert if there was no row); a lost race re-reads and applies again, a
/// bounded number of times with a short jittered back-off.
/// </summary>
internal sealed class TableConversationStateStore(ITables tables, TimeProvider time) : IConversationStateStore
{
    internal const string TableName = "state";

    /// <summary>Enough for a burst of turns in one conversation; beyond it something is wrong, and we say so.</summary>
    internal const int MaxAttempts = 10;

    /// <summary>
    /// A string property holds at most 64 KiB (32 K UTF-16 characters). State is meant to be small (a draft, a
    /// step in a dialog); rather than split it across properties we refuse a value that does not fit.
    /// </summary>
    internal const int MaxJsonLength = 32 * 1024;

    /// <summary>
    /// Web defaults, but non-ASCII text kept as is: the default encoder writes 'å' as six characters, which would
    /// shrink what Swedish state fits into a property sixfold. The JSON is never embedded in HTML.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<T?> GetAsync<T>(StateKey key, CancellationToken cancellationToken) where T : class
    {
        var (partitionKey, rowKey) = Keys(key);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var (value, _) = await ReadAsync<T>(table, partitionKey, rowKey, cancellationToken);
        return value;
    }

    public async Task<T> UpdateAsync<T>(StateKey key, Func<T?, T> update, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(update);
        var (partitionKey, rowKey) = Keys(key);
        var table = await tables.GetAsync(TableName, cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadAsync<T>(table, partitionKey, rowKey, cancellationToken);
            var next = update(current)
                ?? throw new InvalidOperationException($"The update of conversation state '{key.Slot}' returned null; use DeleteAsync to remove state.");
            var entity = new ConversationStateEntity { PartitionKey = partitionKey, RowKey = rowKey, Json = Serialize(next, key) };

            var written = etag is { } ifMatch
                ? await table.TryUpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken)
                : await table.TryAddEntityAsync(entity, cancellationToken);
            if (written)
            {
                return next;
            }

            if (attempt == MaxAttempts)
            {
                throw new StorageConcurrencyException(
                    $"Conversation state '{key.Slot}' kept changing under {MaxAttempts} consecutive updates; gave up.");
            }

            await Task.Delay(Backoff(attempt), time, cancellationToken);
        }
    }

    public async Task DeleteAsync(StateKey key, CancellationToken cancellationToken)
    {
        var (partitionKey, rowKey) = Keys(key);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.TryDeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
    }

    private static (string PartitionKey, string RowKey) Keys(StateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (TableKeys.Compose(key.TenantId, key.ConversationId), TableKeys.Compose(key.UserId, key.Slot));
    }

    private static async Task<(T? Value, ETag? ETag)> ReadAsync<T>(
        TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken) where T : class
    {
        var response = await table.GetEntityIfExistsAsync<ConversationStateEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return (null, null);
        }

        return (JsonSerializer.Deserialize<T>(entity.Json, Json), entity.ETag);
    }

    private static string Serialize<T>(T value, StateKey key)
    {
        var json = JsonSerializer.Serialize(value, Json);
        if (json.Length > MaxJsonLength)
        {
            throw new InvalidOperationException(
                $"Conversation state '{key.Slot}' is {json.Length} characters as JSON; at most {MaxJsonLength} fit in a table property. Keep state small and store bulky data elsewhere.");
        }

        return json;
    }

    /// <summary>Full jitter over a window that doubles from 10 ms up to 320 ms, so racing writers spread out.</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var window = 10 << Math.Min(attempt - 1, 5);
        return TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(1, window + 1));
    }
}
