using Azure;
using Azure.Data.Tables;
using Trygg.Cases;
using Trygg.Reporting;
using Trygg.Storage;

namespace Trygg.Outbox;

/// <summary>
/// The outbox rows: a case's rows in the incidents table (next to the case, written in its transactions), a meeting
/// notice's row in the notices table (likewise), training reminders in the reminders table (tens of thousands a mandate period, kept out of the cases' scans). Rows are claimed with an ETag-conditional update (owner and lease), so of
/// two dispatchers that read the same due row only one gets it; every later write of the claimant carries the ETag its
/// claim returned, so a dispatcher that lost its lease (it was too slow) cannot overwrite the new owner's work.
/// </summary>
internal sealed class TableOutboxStore(ITables tables)
{
    /// <summary>Training reminders (<see cref="OutboxKind.TrainingReminder"/>): PartitionKey tenant|organisation|campaign|cycle.</summary>
    internal const string RemindersTable = "reminders";

    /// <summary>Transactions hold at most 100 operations, all in one partition.</summary>
    private const int BatchLimit = 100;

    /// <summary>
    /// Pending rows due by <paramref name="now"/>, across all organisations: the cases' rows first (a threat must not wait
    /// behind a mandate period's reminders), then reminders to fill the batch. A query without a partition scans the
    /// table; the filter keeps it to pending rows that are due.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntity>> FindDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var (from, to) = OutboxEntity.AllRange();
        var pending = nameof(OutboxState.Pending);
        var due = new List<OutboxEntity>();
        var caseRows = TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {to} and State eq {pending} and DueAt le {now}");
        await QueryAsync(TableIncidentStore.TableName, caseRows);
        if (due.Count < max)
        {
            await QueryAsync(TableMeetingNoticeStore.TableName, caseRows);
        }

        if (due.Count < max)
        {
            await QueryAsync(RemindersTable, TableClient.CreateQueryFilter($"State eq {pending} and DueAt le {now}"));
        }

        return due;

        async Task QueryAsync(string tableName, string filter)
        {
            var table = await tables.GetAsync(tableName, cancellationToken);
            await foreach (var row in table.QueryAsync<OutboxEntity>(filter, maxPerPage: Math.Min(max - due.Count, 1000), cancellationToken: cancellationToken))
            {
                due.Add(row);
                if (due.Count >= max)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Adds reminder rows that are not there yet, a hundred per transaction. A transaction fails whole when one of its
    /// rows exists (another instance enqueued it first): that chunk is then added row by row, each only if absent.
    /// Returns how many rows this call added.
    /// </summary>
    public async Task<int> AddRemindersIfMissingAsync(IReadOnlyList<OutboxEntity> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = await tables.GetAsync(RemindersTable, cancellationToken);
        var added = 0;
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(BatchLimit))
            {
                try
                {
                    await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
                    added += chunk.Length;
                }
                catch (TableTransactionFailedException e) when (e.IsConcurrencyConflict())
                {
                    foreach (var row in chunk)
                    {
                        if (await table.TryAddEntityAsync(row, cancellationToken))
                        {
                            added++;
                        }
                    }
                }
            }
        }

        return added;
    }

    /// <summary>The reminder rows of one partition (campaign cycle): keys, states and when they were done only.</summary>
    public async Task<IReadOnlyList<OutboxEntity>> ListRemindersAsync(string partitionKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(RemindersTable, cancellationToken);
        var rows = new List<OutboxEntity>();
        await foreach (var row in table.QueryAsync<OutboxEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"),
            select: [nameof(OutboxEntity.PartitionKey), nameof(OutboxEntity.RowKey), nameof(OutboxEntity.State), nameof(OutboxEntity.Kind), nameof(OutboxEntity.Round), nameof(OutboxEntity.DoneAt)],
            cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The reminders-table rows of one partition addressed to <paramref name="recipientAadObjectId"/> (a member's handovers).</summary>
    public async Task<IReadOnlyList<OutboxEntity>> ListForRecipientAsync(string partitionKey, string recipientAadObjectId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(RemindersTable, cancellationToken);
        var rows = new List<OutboxEntity>();
        await foreach (var row in table.QueryAsync<OutboxEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RecipientAadObjectId eq {recipientAadObjectId}"),
            cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// A member's training reminders in one organisation (every campaign and cycle: a scan of the reminders table by
    /// property, for erasure only). They hold the member's id, name, role and party.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntity>> ListTrainingRemindersForMemberAsync(string tenantId, string organisationId, string memberId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(RemindersTable, cancellationToken);
        var kind = nameof(OutboxKind.TrainingReminder);
        var rows = new List<OutboxEntity>();
        await foreach (var row in table.QueryAsync<OutboxEntity>(
            TableClient.CreateQueryFilter($"Kind eq {kind} and TenantId eq {tenantId} and OrganisationId eq {organisationId} and RecipientAadObjectId eq {memberId}"),
            cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Deletes reminders-table rows whatever their state (a dispatcher holding one finds it gone when it records); returns how many went.</summary>
    public async Task<int> DeleteRemindersAsync(IEnumerable<OutboxEntity> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = await tables.GetAsync(RemindersTable, cancellationToken);
        var deleted = 0;
        foreach (var row in rows)
        {
            if (await table.TryDeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken))
            {
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>
    /// Claims a run of a periodic job (<paramref name="job"/>) until <paramref name="until"/>, unless another owner's claim
    /// still runs: so of two instances one does the work. Stored in the reminders table, partition <c>jobs</c>.
    /// </summary>
    public async Task<bool> TryClaimJobAsync(string job, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(RemindersTable, cancellationToken);
        var rowKey = TableKeys.From(job);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(JobsPartition, rowKey, cancellationToken: cancellationToken);
        var claim = new TableEntity(JobsPartition, rowKey) { ["Owner"] = owner, ["Until"] = until };
        if (!found.HasValue || found.Value is not { } current)
        {
            return await table.TryAddEntityAsync(claim, cancellationToken);
        }

        if (current.GetString("Owner") != owner && current.GetDateTimeOffset("Until") is { } held && held > now)
        {
            return false;
        }

        return await table.TryUpdateEntityAsync(claim, current.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    private const string JobsPartition = "jobs";

    /// <summary>A case's outbox rows (for its posted cards), in key order.</summary>
    public async Task<IReadOnlyList<OutboxEntity>> ListForCaseAsync(string tenantId, string organisationId, string caseNumber, CancellationToken cancellationToken)
    {
        var partitionKey = CaseKeys.Partition(tenantId, organisationId);
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

        var table = await tables.GetAsync(TableOf(row), cancellationToken);
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
        ArgumentNullException.ThrowIfNull(row);
        var table = await tables.GetAsync(TableOf(row), cancellationToken);
        await table.TryAddEntityAsync(row, cancellationToken);
    }

    /// <summary>Makes a finished refresh row pending again (or adds it): used when a card change could not be sent at once.</summary>
    public async Task RequestAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var table = await tables.GetAsync(TableOf(row), cancellationToken);
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    private static string TableOf(OutboxEntity row) => row.KindValue switch
    {
        OutboxKind.TrainingReminder or OutboxKind.PersonalChatHandover or OutboxKind.ErasedCard => RemindersTable,
        OutboxKind.MeetingNoticeToChannel => TableMeetingNoticeStore.TableName,
        _ => TableIncidentStore.TableName,
    };

    private async Task<bool> UpdateAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var table = await tables.GetAsync(TableOf(row), cancellationToken);
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
