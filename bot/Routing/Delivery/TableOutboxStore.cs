using Azure;
using Azure.Data.Tables;
using Trygg.Reporting;
using Trygg.Storage;

namespace Trygg.Routing.Delivery;

/// <summary>
/// The outbox rows in the incidents table. Rows are claimed with an ETag-conditional update (owner and lease), so of
/// two dispatchers that read the same due row only one gets it; every later write of the claimant carries the ETag its
/// claim returned, so a dispatcher that lost its lease (it was too slow) cannot overwrite the new owner's work.
/// </summary>
internal sealed class TableOutboxStore(ITables tables)
{
    /// <summary>
    /// Pending rows due by <paramref name="now"/>, across all organisations. A query without a partition scans the table;
    /// the filter keeps it to outbox rows, and the incidents of all Swedish municipalities are a few thousand rows a year.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntity>> FindDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var (from, to) = OutboxEntity.AllRange();
        var pending = nameof(OutboxState.Pending);
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {to} and State eq {pending} and DueAt le {now}");
        var due = new List<OutboxEntity>();
        await foreach (var row in table.QueryAsync<OutboxEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            due.Add(row);
            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    /// <summary>A case's outbox rows (for its posted cards), in key order.</summary>
    public async Task<IReadOnlyList<OutboxEntity>> ListForCaseAsync(string tenantId, string organisationId, string caseNumber, CancellationToken cancellationToken)
    {
        var partitionKey = ReportingKeys.Partition(tenantId, organisationId);
        var (from, to) = OutboxEntity.CaseRange(caseNumber);
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to}");
        var rows = new List<OutboxEntity>();
        await foreach (var row in table.QueryAsync<OutboxEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Takes the row for <paramref name="owner"/> until <paramref name="leaseUntil"/>, if nobody changed it since it was
    /// read. On success the row (and its ETag) reflect the claim; false when another dispatcher was first.
    /// </summary>
    public async Task<bool> TryClaimAsync(OutboxEntity row, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var before = (row.LeaseOwner, row.LeaseUntil, row.DueAt, row.Attempts);
        row.LeaseOwner = owner;
        row.LeaseUntil = leaseUntil;
        row.DueAt = leaseUntil;

        // Counted at the claim: a row that crashes its dispatcher every time still runs out of attempts.
        row.Attempts++;
        if (await WriteAsync(row, cancellationToken))
        {
            return true;
        }

        (row.LeaseOwner, row.LeaseUntil, row.DueAt, row.Attempts) = before;
        return false;
    }

    /// <summary>Writes the claimed row back (result, next attempt, lease released); false when the lease was lost meanwhile.</summary>
    public Task<bool> WriteAsync(OutboxEntity row, CancellationToken cancellationToken) =>
        UpdateAsync(row, cancellationToken);

    /// <summary>Writes the claimed row and adds <paramref name="added"/> in one transaction; false when the lease was lost.</summary>
    public async Task<bool> WriteWithAsync(OutboxEntity row, IReadOnlyList<ITableEntity> added, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(added);
        if (added.Count == 0)
        {
            return await WriteAsync(row, cancellationToken);
        }

        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, row.ETag) };
        actions.AddRange(added.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken);
            row.ETag = response.Value[0].Headers.ETag ?? row.ETag;
            return true;
        }
        catch (TableTransactionFailedException e) when (e.IsConcurrencyConflict() || e.IsNotFound())
        {
            if (e.FailedTransactionActionIndex is > 0)
            {
                // One of the added rows exists already: a notice or an escalation from an earlier, unrecorded success.
                // Record the row alone; the rows that exist are the ones this would have added.
                return await WriteAsync(row, cancellationToken);
            }

            return false;
        }
    }

    /// <summary>Adds rows (a card refresh, a notice) outside any case change; an existing row is left as it is.</summary>
    public async Task AddIfMissingAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        await table.TryAddEntityAsync(row, cancellationToken);
    }

    /// <summary>Makes a finished refresh row pending again (or adds it): used when a card change could not be sent at once.</summary>
    public async Task RequestAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task<bool> UpdateAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? row.ETag;
            return true;
        }
        catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsNotFound())
        {
            return false;
        }
    }
}
