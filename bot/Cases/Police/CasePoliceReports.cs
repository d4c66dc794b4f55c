namespace Trygg.Cases.Police;

/// <summary>What someone recorded about the police report: who filed it and, when known, the police's case number.</summary>
public sealed record PoliceFiling(PoliceFiler FiledBy, string? PoliceNumber);

/// <summary>Who records a filing, for the audit line: the member themselves or a member of the security staff.</summary>
public sealed record PoliceRecorder(string AadObjectId, string Name);

/// <summary>
/// Records on the case that a police report was filed. The report's own answer about the police (made, not yet, wants
/// help) is where the staff's details and the annual review already read it, so a later "Jag har polisanmält" or a
/// filing on the member's behalf changes that answer instead of keeping a second one beside it. It is an ordinary case
/// edit: the incident's details, the case file and the audit line in one transaction, decided again on a concurrent
/// change; recording the same thing twice (a double click) changes nothing.
/// </summary>
internal sealed class CasePoliceReports(TableCaseStore cases, TimeProvider time)
{
    /// <summary>
    /// The incident after the filing is recorded; null when there is no such case, it is anonymised, or
    /// <paramref name="may"/> refuses (the caller decides who may record: the reporter, or security staff).
    /// </summary>
    public async Task<Incident?> RecordAsync(
        string tenantId, string organisationId, string caseNumber, PoliceFiling filing, PoliceRecorder recorder, Func<Incident, bool> may, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filing);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(may);
        var allowed = false;
        var change = await cases.ChangeAsync(
            tenantId,
            organisationId,
            caseNumber,
            current =>
            {
                allowed = !current.Incident.IsAnonymised && may(current.Incident);
                var before = current.Incident.Details;
                var after = Recorded(before, filing);
                if (!allowed || after == before)
                {
                    return null;
                }

                var audit = new AuditEntry(caseNumber, time.GetUtcNow(), recorder.AadObjectId, recorder.Name, AuditAction.PoliceReportRecorded, Allowed: true, filing.FiledBy.ToString());
                return new CaseEdit(current.File, audit, Details: after);
            },
            cancellationToken);
        return change is not null && allowed ? change.Case.Incident : null;
    }

    /// <summary>
    /// The details with <paramref name="filing"/> recorded. The member passing on the police's number after the party or
    /// the municipality filed keeps who filed: both facts stay, the filer and who gave the number.
    /// </summary>
    internal static IncidentDetails Recorded(IncidentDetails before, PoliceFiling filing)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(filing);
        var filedForTheMember = before.PoliceFiledBy is PoliceFiler.Party or PoliceFiler.Municipality;
        var newNumber = filing.PoliceNumber is { } number && !string.Equals(number, before.PoliceDiaryNumber, StringComparison.Ordinal);
        var after = before with
        {
            PoliceReport = PoliceReport.Made,
            PoliceFiledBy = filing.FiledBy == PoliceFiler.Member && filedForTheMember ? before.PoliceFiledBy : filing.FiledBy,
            PoliceDiaryNumber = newNumber ? filing.PoliceNumber : before.PoliceDiaryNumber,
            PoliceNumberGivenBy = newNumber ? filing.FiledBy : before.PoliceNumberGivenBy,
        };

        // Record equality would compare the evidence list by reference; these are the only fields a filing changes.
        return (after.PoliceReport, after.PoliceFiledBy, after.PoliceDiaryNumber, after.PoliceNumberGivenBy)
            == (before.PoliceReport, before.PoliceFiledBy, before.PoliceDiaryNumber, before.PoliceNumberGivenBy)
                ? before
                : after;
    }
}
