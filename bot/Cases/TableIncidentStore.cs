using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Cases;

/// <summary>An incident as it will read after a status change, and the transaction actions that make the change.</summary>
internal sealed record StatusChange(Incident Incident, IReadOnlyList<TableTransactionAction> Actions);

/// <summary>
/// <see cref="IIncidentStore"/> on the <c>incidents</c> table, one partition per tenant and organisation
/// (<see cref="CaseKeys"/>): a submit writes counter, submission marker, incident and the reporter's index
/// row in one transaction (<see cref="NumberedSubmissions{T, TEntity}"/>), so case numbers are gap-free and a resent
/// submit never creates a second incident.
/// </summary>
internal sealed class TableIncidentStore(ITables tables, TimeProvider time) : IIncidentStore
{
    internal const string TableName = "incidents";

    /// <summary>Status changes are rare and made by people; losing this many races in a row means something is wrong.</summary>
    private static readonly NumberedKind<Incident, IncidentEntity> Kind = new(
        TableName,
        "incident",
        CaseKeys.Partition,
        CaseKeys.Case,
        entity => entity.ToIncident(),
        incident => new NumberedIdentity(incident.CaseNumber, incident.TenantId, incident.OrganisationId),
        Rows);

    private readonly NumberedSubmissions<Incident, IncidentEntity> incidents = new(tables, time, Kind);

    public Task<SubmitResult> SubmitAsync(
        string tenantId,
        string organisationId,
        string casePrefix,
        int year,
        string submissionId,
        Func<string, Incident> create,
        CancellationToken cancellationToken) =>
        SubmitAsync(tenantId, organisationId, casePrefix, year, submissionId, create, extraRows: null, cancellationToken);

    /// <summary>
    /// As <see cref="IIncidentStore.SubmitAsync"/>, plus <paramref name="extraRows"/> committed atomically with a
    /// new incident (the case file and the outbox). <paramref name="create"/> and <paramref name="extraRows"/> may run
    /// more than once when concurrent submits race for a number: keep them free of side effects.
    /// </summary>
    internal async Task<SubmitResult> SubmitAsync(
        string tenantId,
        string organisationId,
        string casePrefix,
        int year,
        string submissionId,
        Func<string, Incident> create,
        ExtraRows<Incident>? extraRows,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(casePrefix);
        var (incident, created) = await incidents.SubmitAsync(
            tenantId,
            organisationId,
            CaseKeys.IncidentCounter(year),
            CaseKeys.IncidentSubmission(submissionId),
            number => CaseNumbers.Format(casePrefix, year, number),
            create,
            extraRows,
            cancellationToken);
        return new SubmitResult(incident, created);
    }

    public Task<Incident?> GetAsync(string tenantId, string organisationId, string caseNumber, CancellationToken cancellationToken) =>
        incidents.GetAsync(tenantId, organisationId, caseNumber, cancellationToken);

    public Task<IReadOnlyList<Incident>> ListAsync(string tenantId, string organisationId, CancellationToken cancellationToken) =>
        incidents.ListAsync(tenantId, organisationId, CaseKeys.CaseRange(), (IncidentEntity row) => row.ToIncident(), cancellationToken);

    public Task<IReadOnlyList<IncidentSummary>> ListForReporterAsync(
        string tenantId, string organisationId, string reporterId, CancellationToken cancellationToken) =>
        incidents.ListAsync(
            tenantId, organisationId, CaseKeys.ReporterIncidentRange(reporterId), (ReporterIncidentEntity row) => row.ToSummary(), cancellationToken);

    public async Task<Incident?> UpdateStatusAsync(
        string tenantId, string organisationId, string caseNumber, IncidentStatus status, CancellationToken cancellationToken)
    {
        var partitionKey = CaseKeys.Partition(tenantId, organisationId);
        var table = await tables.GetAsync(TableName, cancellationToken);

        return await table.ChangeBatchAsync(
            async ct => await StatusChangeAsync(table, partitionKey, caseNumber, status, ct) is { } change
                ? new BatchChange<Incident>(change.Incident, change.Actions)
                : null,
            time,
            $"Incident {caseNumber}",
            cancellationToken);
    }

    /// <summary>
    /// What setting an incident's status takes: the incident row and the reporter's index row, each replaced with the
    /// ETag read here, so a caller can commit them in one transaction with rows of its own (the case file, audit,
    /// outbox) and re-read on a conflict. <paramref name="details"/>, when given, replaces the report's details in the
    /// same write (a police report recorded later). No actions when neither changes; null when there is no such incident.
    /// </summary>
    internal static async Task<StatusChange?> StatusChangeAsync(
        TableClient table, string partitionKey, string caseNumber, IncidentStatus status, CancellationToken cancellationToken, IncidentDetails? details = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var read = await table.GetEntityIfExistsAsync<IncidentEntity>(partitionKey, CaseKeys.Case(caseNumber), cancellationToken: cancellationToken);
        if (!read.HasValue || read.Value is not { } incident)
        {
            return null;
        }

        var newDetails = details is null ? incident.Details : TableJson.Serialize(details, "incident report");
        var detailsChange = !string.Equals(incident.Details, newDetails, StringComparison.Ordinal);
        incident.Details = newDetails;
        var value = status.ToString();
        if (string.Equals(incident.Status, value, StringComparison.Ordinal))
        {
            // The reporter's index row holds no details, so a change of details alone writes only the incident.
            return new StatusChange(incident.ToIncident(), detailsChange ? [new(TableTransactionActionType.UpdateReplace, incident, incident.ETag)] : []);
        }

        var indexRead = await table.GetEntityIfExistsAsync<ReporterIncidentEntity>(
            partitionKey, incident.ReporterRowKey, cancellationToken: cancellationToken);
        incident.Status = value;
        var index = ReporterIncidentEntity.From(incident);

        // Both rows or neither, each with the ETag we read; a missing index row (never expected) is restored.
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.UpdateReplace, incident, incident.ETag),
            indexRead.HasValue && indexRead.Value is { } current
                ? new(TableTransactionActionType.UpdateReplace, index, current.ETag)
                : new(TableTransactionActionType.Add, index),
        ];
        return new StatusChange(incident.ToIncident(), actions);
    }

    private static IReadOnlyList<ITableEntity> Rows(Incident incident, string partitionKey)
    {
        ArgumentNullException.ThrowIfNull(incident.Details);
        var entity = IncidentEntity.From(
            incident, partitionKey, CaseKeys.ReporterIncident(incident.ReporterId, incident.SubmittedAt, incident.CaseNumber));
        return [entity, ReporterIncidentEntity.From(entity)];
    }
}
