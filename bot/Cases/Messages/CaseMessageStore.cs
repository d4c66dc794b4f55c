using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Cases.Messages;

/// <summary>
/// A case's messages, next to the case in the incidents table. A message, the outbox rows that carry it and its audit
/// line are written in ONE transaction, keyed by the message's id: a second click on the same card finds the message
/// there and adds nothing, and nothing sits between storing a message and queueing its delivery.
/// </summary>
internal sealed class CaseMessageStore(ITables tables)
{
    /// <summary>Messages a case can hold: a conversation, not a chat log; enough for weeks of back and forth.</summary>
    public const int MaxPerCase = 200;

    /// <summary>The case's messages, oldest first.</summary>
    public async Task<IReadOnlyList<CaseMessage>> ListAsync(string tenantId, string organisationId, string caseNumber, CancellationToken cancellationToken)
    {
        var partitionKey = CaseKeys.Partition(tenantId, organisationId);
        var (from, to) = CaseMessageEntity.Range(caseNumber);
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to}");
        var messages = new List<CaseMessage>();
        await foreach (var row in table.QueryAsync<CaseMessageEntity>(filter, cancellationToken: cancellationToken))
        {
            messages.Add(row.ToRecord());
        }

        return [.. messages.OrderBy(m => m.At).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    public async Task<CaseMessage?> GetAsync(string tenantId, string organisationId, string caseNumber, string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<CaseMessageEntity>(
            CaseKeys.Partition(tenantId, organisationId), CaseMessageEntity.Key(caseNumber, id), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } found ? found.ToRecord() : null;
    }

    /// <summary>
    /// Stores <paramref name="message"/> with <paramref name="rows"/> (its outbox rows) and <paramref name="audit"/>; false
    /// when a message with its id is already there (a double click): then nothing is written.
    /// </summary>
    public async Task<bool> AddAsync(string tenantId, string organisationId, CaseMessage message, Func<string, IEnumerable<ITableEntity>> rows, AuditEntry? audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(rows);
        var partitionKey = CaseKeys.Partition(tenantId, organisationId);
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, CaseMessageEntity.From(message, partitionKey)) };
        actions.AddRange(rows(partitionKey).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        if (audit is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, AuditEntity.From(audit, partitionKey)));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.IsConflict())
        {
            return false;
        }
    }
}
