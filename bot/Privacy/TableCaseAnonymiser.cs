using Azure;
using Azure.Data.Tables;
using Trygg.Storage;
using Trygg.Cases;
using Trygg.Outbox;
using Trygg.EvidenceFiles;

namespace Trygg.Privacy;

/// <summary>
/// Anonymises cases in the <c>incidents</c> table, where a report lives with everything about it (same partition): the
/// incident row is replaced by <see cref="Anonymiser.Incident"/>, the case file by <see cref="Anonymiser.CaseFile"/>, and
/// the reporter's "mina rapporter" line, the case's audit trail (staff names, what they looked at) and its outbox rows
/// (chats and messages it went to) are deleted, and so is every evidence file kept with the case (Blob storage).
/// </summary>
/// <remarks>
/// The trails go first, then incident, list line and case file together in one transaction with the ETags read, then the
/// trails again (a line a colleague added meanwhile). A crash before the transaction leaves the incident as it was, so the
/// next run does it all again; a case someone changes at that moment is left for the next run.
/// </remarks>
internal sealed class TableCaseAnonymiser(ITables tables, TableOutboxStore outbox, OutboxSignal signal, IEvidenceStore evidence, TimeProvider time)
{
    /// <summary>The incidents of every organisation, as stored (a scan of case rows only; a daily job).</summary>
    public async IAsyncEnumerable<IncidentEntity> AllIncidentsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (from, to) = CaseKeys.CaseRange();
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {to}");
        await foreach (var row in table.QueryAsync<IncidentEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>One reporter's incidents in one organisation (case rows whose reporter is <paramref name="reporterId"/>).</summary>
    public async Task<IReadOnlyList<IncidentEntity>> ReporterIncidentsAsync(string tenantId, string organisationId, string reporterId, CancellationToken cancellationToken)
    {
        var partitionKey = CaseKeys.Partition(tenantId, organisationId);
        var (from, to) = CaseKeys.CaseRange();
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to} and ReporterId eq {reporterId}");
        var result = new List<IncidentEntity>();
        await foreach (var row in table.QueryAsync<IncidentEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(row);
        }

        return result;
    }

    /// <summary>When the case was closed, or null (never closed, or no case file).</summary>
    public async Task<DateTimeOffset?> ClosedAtAsync(string partitionKey, string caseNumber, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        var file = await table.GetEntityIfExistsAsync<CaseFileEntity>(
            partitionKey, CaseFileEntity.Key(caseNumber), select: [nameof(CaseFileEntity.ClosedAt)], cancellationToken: cancellationToken);
        return file.HasValue ? file.Value?.ClosedAt : null;
    }

    /// <summary>Anonymises one case. False when it is gone, already anonymised, or changed under us (the next run tries again).</summary>
    public async Task<bool> AnonymiseAsync(string partitionKey, string caseNumber, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        var read = await table.GetEntityIfExistsAsync<IncidentEntity>(partitionKey, CaseKeys.Case(caseNumber), cancellationToken: cancellationToken);
        if (!read.HasValue || read.Value is not { } row || row.ReporterId == Anonymiser.ReporterId)
        {
            return false;
        }

        await ReplacePostedCardsAsync(table, partitionKey, caseNumber, cancellationToken);
        await DeleteTrailsAsync(table, partitionKey, caseNumber, cancellationToken);

        var incident = row.ToIncident();

        // The files go before the rows: should the transaction lose a race, the next run finds the case and deletes again.
        await evidence.DeleteCaseAsync(new EvidenceCase(incident.TenantId, incident.OrganisationId, caseNumber), cancellationToken);
        var anonymised = IncidentEntity.From(Anonymiser.Incident(incident), partitionKey, reporterRowKey: string.Empty);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, anonymised, row.ETag) };
        if (row.ReporterRowKey.Length > 0)
        {
            var index = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, row.ReporterRowKey, select: ["RowKey"], cancellationToken: cancellationToken);
            if (index.HasValue)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partitionKey, row.ReporterRowKey), ETag.All));
            }
        }

        var fileRead = await table.GetEntityIfExistsAsync<CaseFileEntity>(partitionKey, CaseFileEntity.Key(caseNumber), cancellationToken: cancellationToken);
        if (fileRead.HasValue && fileRead.Value is { } file)
        {
            var cleared = CaseFileEntity.From(Anonymiser.CaseFile(file.ToRecord(), incident.SubmittedAt), partitionKey);
            actions.Add(new(TableTransactionActionType.UpdateReplace, cleared, file.ETag));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.IsConcurrencyConflict() || e.IsNotFound())
        {
            return false;
        }

        await DeleteTrailsAsync(table, partitionKey, caseNumber, cancellationToken);
        return true;
    }

    /// <summary>
    /// A meeting notice's card in the security channel goes the way a case's cards go: replaced by the erased card, then the
    /// row that says where it was is deleted. Called before the notice itself is deleted (erasure, retention).
    /// </summary>
    public async Task ForgetNoticeCardsAsync(string partitionKey, string reference, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(Reporting.TableMeetingNoticeStore.TableName, cancellationToken);
        await ReplacePostedCardsAsync(table, partitionKey, reference, cancellationToken);
        await DeleteTrailsAsync(table, partitionKey, reference, cancellationToken);
    }

    /// <summary>
    /// Before the outbox rows that say where the case's cards went are deleted: one <see cref="OutboxKind.ErasedCard"/> row
    /// per posted card, so the dispatcher replaces each with the erased card (and retries), whatever happens to the data.
    /// </summary>
    private async Task ReplacePostedCardsAsync(TableClient table, string partitionKey, string caseNumber, CancellationToken cancellationToken)
    {
        var (from, to) = OutboxEntity.CaseRange(caseNumber);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to}");
        var now = time.GetUtcNow();
        var added = false;
        await foreach (var row in table.QueryAsync<OutboxEntity>(filter, cancellationToken: cancellationToken))
        {
            if (ErasedCards.IsPostedCard(row))
            {
                await outbox.AddIfMissingAsync(ErasedCards.For(row, now), cancellationToken);
                added = true;
            }
        }

        if (added)
        {
            signal.Nudge();
        }
    }

    /// <summary>The case's audit lines, outbox rows and messages, in transactions of up to 100 (idempotent: a row already gone is fine).</summary>
    private static async Task DeleteTrailsAsync(TableClient table, string partitionKey, string caseNumber, CancellationToken cancellationToken)
    {
        foreach (var (from, to) in new[] { AuditEntity.Range(caseNumber), OutboxEntity.CaseRange(caseNumber), Cases.Messages.CaseMessageEntity.Range(caseNumber) })
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to}");
            var keys = new List<string>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                keys.Add(row.RowKey);
            }

            await PrivacyTableOps.DeleteAsync(table, partitionKey, keys, cancellationToken);
        }
    }
}
