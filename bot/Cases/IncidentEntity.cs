using Azure;
using Azure.Data.Tables;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Storage;

namespace Trygg.Cases;

/// <summary>
/// An incident (RowKey <c>case|{caseNumber}</c>). The summary fields are explicit properties (readable and
/// filterable); the report content is <see cref="Details"/> as JSON, the one source of truth for it.
/// </summary>
internal sealed class IncidentEntity : TableRow
{
    public string CaseNumber { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string OrganisationId { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Status { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string ReporterId { get; set; } = "";

    public string ReporterName { get; set; } = "";

    /// <summary>The reporter's index row, kept rather than recomputed (the stored time may be rounded).</summary>
    public string ReporterRowKey { get; set; } = "";

    /// <summary><see cref="IncidentDetails"/> as JSON (sensitive: never logged).</summary>
    public string Details { get; set; } = "";

    /// <summary><see cref="ReporterSnapshot.Role"/>; null on rows stored before the snapshot was kept (no snapshot then).</summary>
    public string? ReporterRole { get; set; }

    /// <summary><see cref="ReporterSnapshot.Party"/>; empty once anonymised.</summary>
    public string? ReporterParty { get; set; }

    /// <summary><see cref="ReporterSnapshot.Body"/>; null when the report concerned the party or no body.</summary>
    public string? ReporterBody { get; set; }

    public static IncidentEntity From(Incident incident, string partitionKey, string reporterRowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = CaseKeys.Case(incident.CaseNumber),
        CaseNumber = incident.CaseNumber,
        TenantId = incident.TenantId,
        OrganisationId = incident.OrganisationId,
        Kind = incident.Details.Kind.ToString(),
        Status = incident.Status.ToString(),
        SubmittedAt = incident.SubmittedAt,
        OccurredAt = incident.Details.OccurredAt,
        ReporterId = incident.ReporterId,
        ReporterName = incident.ReporterName,
        ReporterRowKey = reporterRowKey,
        Details = TableJson.Serialize(incident.Details, "incident report"),
        ReporterRole = incident.Reporter?.Role.ToString(),
        ReporterParty = incident.Reporter?.Party,
        ReporterBody = incident.Reporter?.Body?.ToString(),
    };

    public Incident ToIncident() => new(
        CaseNumber,
        OrganisationId,
        TenantId,
        ReporterId,
        ReporterName,
        SubmittedAt,
        Enum.Parse<IncidentStatus>(Status),
        TableJson.Deserialize<IncidentDetails>(Details, "incident report"),
        Snapshot());

    private ReporterSnapshot? Snapshot() =>
        Enum.TryParse<MemberRole>(ReporterRole, out var role)
            ? new ReporterSnapshot(role, ReporterParty ?? string.Empty, Enum.TryParse<BodyKind>(ReporterBody, out var body) ? body : null)
            : null;
}
