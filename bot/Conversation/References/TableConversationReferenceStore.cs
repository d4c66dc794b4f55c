using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Conversation.References;

/// <summary>
/// <see cref="IConversationReferenceStore"/> on the <c>conversationrefs</c> table, one partition per tenant. A
/// personal chat is written twice in one transaction: under its conversation id and under the user's object
/// id, so "message this user" is a point read.
/// </summary>
/// <remarks>
/// Every member turn saves its conversation's reference, and it is nearly always the one already stored: such a save is
/// skipped when this process wrote the same reference less than <see cref="RefreshAfter"/> ago (one storage round trip
/// fewer per turn). Only this store writes the table and a removal forgets the memory, so
/// the skip can only miss a removal made by another instance, until the next refresh; a proactive message then opens
/// the 1:1 chat again by object id.
/// </remarks>
internal sealed class TableConversationReferenceStore(ITables tables) : IConversationReferenceStore
{
    internal const string TableName = "conversationrefs";
    internal const string PersonalConversationType = "personal";

    private const string ConversationRowPrefix = "conv|";
    private const string UserRowPrefix = "user|";

    /// <summary>How long a reference written by this process is trusted to be stored unchanged.</summary>
    internal static readonly TimeSpan RefreshAfter = TimeSpan.FromHours(1);

    private const int MaxRemembered = 50_000;

    /// <summary>The last reference this process wrote, per partition and conversation row key.</summary>
    private readonly ConcurrentDictionary<(string, string), ConversationReference> _written = new();

    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference.TenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference.ConversationId);

        var partitionKey = TableKeys.From(reference.TenantId);
        var key = (partitionKey, ConversationRowKey(reference.ConversationId));
        if (_written.TryGetValue(key, out var last)
            && last with { UpdatedAt = reference.UpdatedAt } == reference
            && reference.UpdatedAt - last.UpdatedAt < RefreshAfter
            && reference.UpdatedAt >= last.UpdatedAt)
        {
            return;
        }

        var actions = new List<TableTransactionAction>(2)
        {
            new(TableTransactionActionType.UpsertReplace,
                ConversationReferenceEntity.FromRecord(reference, partitionKey, ConversationRowKey(reference.ConversationId))),
        };
        if (IsPersonal(reference))
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace,
                ConversationReferenceEntity.FromRecord(reference, partitionKey, UserRowKey(reference.UserAadObjectId!))));
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        _written.TryRemove(key, out _);
        await table.SubmitTransactionAsync(actions, cancellationToken);
        if (_written.Count >= MaxRemembered)
        {
            _written.Clear();
        }

        _written[key] = reference;
    }

    public Task<ConversationReference?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        return ReadAsync(TableKeys.From(tenantId), ConversationRowKey(conversationId), cancellationToken);
    }

    public Task<ConversationReference?> GetPersonalAsync(string tenantId, string userAadObjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userAadObjectId);
        return ReadAsync(TableKeys.From(tenantId), UserRowKey(userAadObjectId), cancellationToken);
    }

    public async Task<ConversationReference?> GetAnyAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var partitionKey = TableKeys.From(tenantId);
        const string from = ConversationRowPrefix;
        var to = ConversationRowPrefix[..^1] + (char)(ConversationRowPrefix[^1] + 1);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var row in table.QueryAsync<ConversationReferenceEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return row.ToRecord();
        }

        return null;
    }

    public async Task RemoveAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);

        var partitionKey = TableKeys.From(tenantId);
        var conversationRowKey = ConversationRowKey(conversationId);
        _written.TryRemove((partitionKey, conversationRowKey), out _);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var conversation = await GetEntityAsync(table, partitionKey, conversationRowKey, cancellationToken);
        if (conversation is null)
        {
            return;
        }

        var actions = new List<TableTransactionAction>(2)
        {
            new(TableTransactionActionType.Delete, conversation, conversation.ETag),
        };
        if (!string.IsNullOrWhiteSpace(conversation.UserAadObjectId)
            && await GetEntityAsync(table, partitionKey, UserRowKey(conversation.UserAadObjectId), cancellationToken) is { } user
            && string.Equals(user.ConversationId, conversationId, StringComparison.Ordinal))
        {
            // Only if it still points here: the user may have a newer personal chat by now.
            actions.Add(new(TableTransactionActionType.Delete, user, user.ETag));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsNotFound())
        {
            // A concurrent save or remove changed the rows since we read them: the last writer wins, as with SaveAsync.
        }
    }

    private static bool IsPersonal(ConversationReference reference) =>
        string.Equals(reference.ConversationType, PersonalConversationType, StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(reference.UserAadObjectId);

    private static string ConversationRowKey(string conversationId) =>
        TableKeys.Validate(ConversationRowPrefix + TableKeys.Encode(conversationId));

    private static string UserRowKey(string userAadObjectId) =>
        TableKeys.Validate(UserRowPrefix + TableKeys.Encode(userAadObjectId));

    private async Task<ConversationReference?> ReadAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        return (await GetEntityAsync(table, partitionKey, rowKey, cancellationToken))?.ToRecord();
    }

    private static async Task<ConversationReferenceEntity?> GetEntityAsync(
        TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<ConversationReferenceEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
