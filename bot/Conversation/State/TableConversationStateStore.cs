using System.Text.Encodings.Web;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Conversation.State;

/// <summary>
/// <see cref="IConversationStateStore"/> on the <c>state</c> table. Updates are optimistic
/// (<see cref="TableUpdates"/>): a lost race re-reads and applies again.
/// </summary>
/// <remarks>
/// Within a turn (<see cref="BeginTurn"/>) the member's rows in the conversation (language choice, draft, ...) are read
/// with one partition query instead of one point read each, and an update first writes with the ETag of that read. The
/// turn never trusts more than that: a lost race re-reads the row itself, so another instance's write is never overwritten.
/// </remarks>
internal sealed class TableConversationStateStore(ITables tables, TimeProvider time) : IConversationStateStore
{
    internal const string TableName = "state";

    /// <summary>
    /// A string property holds at most 64 KiB (32 K UTF-16 characters). State is meant to be small (a draft, a
    /// step in a dialog); rather than split it across properties we refuse a value that does not fit.
    /// </summary>
    internal const int MaxJsonLength = 32 * 1024;

    /// <summary>The member's rows as this turn read them; set by <see cref="BeginTurn"/> and flowing with the turn's awaits.</summary>
    private static readonly AsyncLocal<TurnSnapshot?> CurrentTurn = new();

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
        return Deserialize<T>(await ReadRowAsync(table, partitionKey, rowKey, fresh: false, cancellationToken));
    }

    public async Task<T> UpdateAsync<T>(StateKey key, Func<T?, T> update, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(update);
        var (partitionKey, rowKey) = Keys(key);
        var table = await tables.GetAsync(TableName, cancellationToken);

        T? next = null;
        var written = await table.ReadChangeWriteAsync<ConversationStateEntity>(
            // The first attempt may use what the turn already read; after a lost race only a fresh read will do.
            (fresh, ct) => ReadRowAsync(table, partitionKey, rowKey, fresh, ct),
            row =>
            {
                next = update(Deserialize<T>(row))
                    ?? throw new InvalidOperationException($"The update of conversation state '{key.Slot}' returned null; use DeleteAsync to remove state.");
                return new ConversationStateEntity { PartitionKey = partitionKey, RowKey = rowKey, Json = Serialize(next, key) };
            },
            time,
            $"Conversation state '{key.Slot}'",
            cancellationToken);
        Turn(partitionKey, rowKey)?.Remember(rowKey, written);
        return next!;
    }

    public async Task DeleteAsync(StateKey key, CancellationToken cancellationToken)
    {
        var (partitionKey, rowKey) = Keys(key);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.TryDeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        Turn(partitionKey, rowKey)?.Remember(rowKey, null);
    }

    public IDisposable BeginTurn(string tenantId, string conversationId, string userId)
    {
        TurnSnapshot snapshot;
        try
        {
            var user = TableKeys.Encode(userId);
            snapshot = new TurnSnapshot(TableKeys.Compose(tenantId, conversationId), user + TableKeys.Separator, user + (char)(TableKeys.Separator + 1));
        }
        catch (ArgumentException)
        {
            // Ids no key can hold: the feature's own read fails on them inside the turn's error handling, as it always did.
            return TurnSnapshot.None();
        }

        CurrentTurn.Value = snapshot;
        return snapshot;
    }

    /// <summary>The open turn snapshot that covers this row, if any.</summary>
    private static TurnSnapshot? Turn(string partitionKey, string rowKey) =>
        CurrentTurn.Value is { } snapshot && snapshot.Covers(partitionKey, rowKey) ? snapshot : null;

    private static (string PartitionKey, string RowKey) Keys(StateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (TableKeys.Compose(key.TenantId, key.ConversationId), TableKeys.Compose(key.UserId, key.Slot));
    }

    /// <summary>
    /// The row (with its ETag): from the turn's snapshot when one covers it (loading the member's rows with one query
    /// on first use), otherwise, or when <paramref name="fresh"/>, with a point read.
    /// </summary>
    private static async ValueTask<ConversationStateEntity?> ReadRowAsync(
        TableClient table, string partitionKey, string rowKey, bool fresh, CancellationToken cancellationToken)
    {
        var snapshot = Turn(partitionKey, rowKey);
        ConversationStateEntity? row;
        if (!fresh && snapshot is not null)
        {
            row = await snapshot.GetAsync(table, rowKey, cancellationToken);
        }
        else
        {
            var response = await table.GetEntityIfExistsAsync<ConversationStateEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            row = response.HasValue ? response.Value : null;
            snapshot?.Remember(rowKey, row);
        }

        return row;
    }

    private static T? Deserialize<T>(ConversationStateEntity? row) where T : class =>
        row is null ? null : JsonSerializer.Deserialize<T>(row.Json, Json);

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

    /// <summary>One turn's view of one member's state rows in one conversation.</summary>
    private sealed class TurnSnapshot(string partitionKey, string rowFrom, string rowTo) : IDisposable
    {
        private readonly Lock _gate = new();
        private Dictionary<string, ConversationStateEntity?>? _rows;
        private bool _closed;

        /// <summary>A snapshot that covers nothing.</summary>
        public static TurnSnapshot None()
        {
            var none = new TurnSnapshot("", "", "");
            none._closed = true;
            return none;
        }

        public bool Covers(string partition, string rowKey) =>
            !_closed && string.Equals(partition, partitionKey, StringComparison.Ordinal) && rowKey.StartsWith(rowFrom, StringComparison.Ordinal);

        /// <summary>The row, or <c>null</c> when there is none; the member's rows are loaded with one query on first use.</summary>
        public async Task<ConversationStateEntity?> GetAsync(TableClient table, string rowKey, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_rows is not null)
                {
                    return _rows.GetValueOrDefault(rowKey);
                }
            }

            var loaded = new Dictionary<string, ConversationStateEntity?>(StringComparer.Ordinal);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {rowFrom} and RowKey lt {rowTo}");
            await foreach (var row in table.QueryAsync<ConversationStateEntity>(filter, cancellationToken: cancellationToken))
            {
                loaded[row.RowKey] = row;
            }

            lock (_gate)
            {
                // Two loads racing in one turn: the first to land wins, and any write since has updated it.
                _rows ??= loaded;
                return _rows.GetValueOrDefault(rowKey);
            }
        }

        /// <summary>What the turn now knows of a row (<c>null</c>: there is none), once the member's rows are loaded.</summary>
        public void Remember(string rowKey, ConversationStateEntity? row)
        {
            lock (_gate)
            {
                if (_rows is not null)
                {
                    _rows[rowKey] = row;
                }
            }
        }

        /// <summary>Closed rather than cleared: work the turn left running must not read a snapshot that no longer tracks writes.</summary>
        public void Dispose()
        {
            _closed = true;
            if (ReferenceEquals(CurrentTurn.Value, this))
            {
                CurrentTurn.Value = null;
            }
        }
    }
}
