using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Cases;

/// <summary>
/// A change to a case: the new case file, its audit line, and more actions for the same transaction (the outbox rows
/// that tell the member, an escalation timer's own update), built for the case's partition. <paramref name="Details"/>,
/// when set, replaces the report's details in the same transaction (a police report recorded later).
/// </summary>
internal sealed record CaseEdit(
    CaseFile File, AuditEntry Audit, Func<string, IEnumerable<TableTransactionAction>>? Actions = null, IncidentDetails? Details = null)
{
    /// <summary>Rows to insert with the change.</summary>
    public static Func<string, IEnumerable<TableTransactionAction>> Adding(Func<string, IEnumerable<ITableEntity>> rows) =>
        partitionKey => rows(partitionKey).Select(row => new TableTransactionAction(TableTransactionActionType.Add, row));
}

/// <summary>
/// The result of <see cref="TableCaseStore.ChangeAsync"/>: the case after it (or as it was, when nothing changed).
/// <see cref="Conflict"/>: someone else wrote first and the caller asked not to decide again.
/// </summary>
internal sealed record CaseChange(Case Case, bool Changed, bool Conflict = false);

/// <summary>
/// Cases in the incidents table, next to their incidents: reads a case (incident + case file) and applies a change as
/// ONE transaction: the case file (with its ETag), the incident's status and the member's list line (with theirs), the
/// audit line and any outbox rows. A concurrent change makes the transaction fail; the change is then decided again
/// on what the other one wrote, so two officers pressing at once never overwrite each other.
/// </summary>
internal sealed class TableCaseStore(ITables tables)
{
    public async Task<Case?> GetAsync(string tenantId, string organisationId, string caseNumber, CancellationToken cancellationToken)
    {
        var partitionKey = CaseKeys.Partition(tenantId, organisationId);
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        var (incident, file) = await ReadAsync(table, partitionKey, caseNumber, cancellationToken);
        return incident is null || file is null ? null : new Case(incident.ToIncident(), file.ToRecord());
    }

    /// <summary>
    /// Applies <paramref name="decide"/> to the current case; it returns null when nothing is to change (e.g. already
    /// acknowledged). Null when there is no such case. On a conflict the change is decided again on the new state, unless
    /// <paramref name="retryOnConflict"/> is false (the edit carries ETags of its own that a retry would not refresh).
    /// </summary>
    public async Task<CaseChange?> ChangeAsync(
        string tenantId, string organisationId, string caseNumber, Func<Case, CaseEdit?> decide, CancellationToken cancellationToken, bool retryOnConflict = true)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var partitionKey = CaseKeys.Partition(tenantId, organisationId);
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);

        return await table.ChangeBatchAsync(
            async ct =>
            {
                var (incidentRow, fileRow) = await ReadAsync(table, partitionKey, caseNumber, ct);
                if (incidentRow is null || fileRow is null)
                {
                    return null;
                }

                var current = new Case(incidentRow.ToIncident(), fileRow.ToRecord());
                if (decide(current) is not { } edit)
                {
                    return new BatchChange<CaseChange>(new CaseChange(current, Changed: false), []);
                }

                var status = await TableIncidentStore.StatusChangeAsync(table, partitionKey, caseNumber, edit.File.IncidentStatus, ct, edit.Details);
                if (status is null)
                {
                    return null;
                }

                var actions = new List<TableTransactionAction>
                {
                    new(TableTransactionActionType.UpdateReplace, fileRow.Apply(edit.File), fileRow.ETag),
                    new(TableTransactionActionType.Add, AuditEntity.From(edit.Audit, partitionKey)),
                };
                actions.AddRange(status.Actions);
                actions.AddRange(edit.Actions?.Invoke(partitionKey) ?? []);
                return new BatchChange<CaseChange>(
                    new CaseChange(new Case(status.Incident, edit.File), Changed: true),
                    actions,
                    retryOnConflict ? null : _ => new CaseChange(current, Changed: false, Conflict: true));
            },
            TimeProvider.System, // the back-off pulls racing writers apart in wall-clock time, even when a test drives the clock
            $"Case {caseNumber}",
            cancellationToken);
    }

    /// <summary>An audit line on its own (a view of the details, a refused attempt).</summary>
    public async Task AuditAsync(string tenantId, string organisationId, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        await table.AddEntityAsync(AuditEntity.From(entry, CaseKeys.Partition(tenantId, organisationId)), cancellationToken);
    }

    /// <summary>A case's audit trail, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string tenantId, string organisationId, string caseNumber, CancellationToken cancellationToken)
    {
        var partitionKey = CaseKeys.Partition(tenantId, organisationId);
        var (from, to) = AuditEntity.Range(caseNumber);
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to}");
        var entries = new List<AuditEntry>();
        await foreach (var row in table.QueryAsync<AuditEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(row.ToRecord());
        }

        return entries;
    }

    private static async Task<(IncidentEntity? Incident, CaseFileEntity? File)> ReadAsync(
        TableClient table, string partitionKey, string caseNumber, CancellationToken cancellationToken)
    {
        var incident = table.GetEntityIfExistsAsync<IncidentEntity>(partitionKey, CaseKeys.Case(caseNumber), cancellationToken: cancellationToken);
        var file = table.GetEntityIfExistsAsync<CaseFileEntity>(partitionKey, CaseFileEntity.Key(caseNumber), cancellationToken: cancellationToken);
        await Task.WhenAll(incident, file);
        var i = await incident;
        var f = await file;
        return (i.HasValue ? i.Value : null, f.HasValue ? f.Value : null);
    }
}
