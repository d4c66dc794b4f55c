using Trygg.Members;
using Trygg.Organisations;

namespace Trygg.Cases;

public enum IncidentStatus
{
    /// <summary>Sent; nobody in the security unit has acknowledged it yet.</summary>
    Received,

    /// <summary>A security officer has acknowledged it.</summary>
    Acknowledged,

    /// <summary>A named security officer handles it (implies acknowledged).</summary>
    Assigned,

    /// <summary>Closed by the security unit.</summary>
    Closed,
}

/// <summary>
/// The reporter's standing when they submitted: role category and party from their profile, and the kind of body the
/// report concerned. Kept with the incident because people change party and role; the annual review counts the incident
/// as it was. An anonymised incident keeps the role and drops the party (empty).
/// </summary>
/// <param name="Body">The kind of body of the report's assignment; null for the party or no body.</param>
public sealed record ReporterSnapshot(MemberRole Role, string Party, BodyKind? Body);

/// <summary>A submitted report, as stored. <see cref="Details"/> is the report content (sensitive; never logged).</summary>
/// <param name="Reporter">Role and party at submit; null on incidents stored before it was kept.</param>
public sealed record Incident(
    string CaseNumber,
    string OrganisationId,
    string TenantId,
    string ReporterId,
    string ReporterName,
    DateTimeOffset SubmittedAt,
    IncidentStatus Status,
    IncidentDetails Details,
    ReporterSnapshot? Reporter = null)
{
    /// <summary>Stands where the reporter's id was once retention has anonymised the case: it matches no Entra or Teams id.</summary>
    public const string AnonymisedReporterId = "anonymised";

    /// <summary>True once retention has anonymised the case (only the review's facts remain).</summary>
    public bool IsAnonymised => string.Equals(ReporterId, AnonymisedReporterId, StringComparison.Ordinal);
}

/// <summary>One line of "Mina rapporter": no report text.</summary>
public sealed record IncidentSummary(string CaseNumber, DateTimeOffset SubmittedAt, IncidentKind Kind, IncidentStatus Status);

/// <summary>The outcome of a submit: the incident, and whether this call created it (false = it already existed).</summary>
public sealed record SubmitResult(Incident Incident, bool Created);

public interface IIncidentStore
{
    /// <summary>
    /// Stores a new incident exactly once per <paramref name="submissionId"/>: a second call with the same id (double
    /// click, retry, resent activity) returns the first incident. The case number is allocated atomically, per
    /// organisation and year, and never reused: <paramref name="create"/> gets it and builds the incident.
    /// <paramref name="create"/> may run more than once when concurrent submits race for a number: keep it free of side effects.
    /// </summary>
    Task<SubmitResult> SubmitAsync(
        string tenantId,
        string organisationId,
        string casePrefix,
        int year,
        string submissionId,
        Func<string, Incident> create,
        CancellationToken cancellationToken);

    Task<Incident?> GetAsync(string tenantId, string organisationId, string caseNumber, CancellationToken cancellationToken);

    /// <summary>Every incident of an organisation (the annual review; a partition scan of case rows only).</summary>
    Task<IReadOnlyList<Incident>> ListAsync(string tenantId, string organisationId, CancellationToken cancellationToken);

    /// <summary>The reporter's own incidents, newest first.</summary>
    Task<IReadOnlyList<IncidentSummary>> ListForReporterAsync(string tenantId, string organisationId, string reporterId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the status of an incident (and of its line in the reporter's list, atomically). Returns the updated
    /// incident, or <c>null</c> when there is no such case.
    /// </summary>
    Task<Incident?> UpdateStatusAsync(string tenantId, string organisationId, string caseNumber, IncidentStatus status, CancellationToken cancellationToken);
}
