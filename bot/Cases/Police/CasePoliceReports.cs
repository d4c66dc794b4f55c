using Azure.Data.Tables;
using Trygg.Storage;

namespace Trygg.Cases.Police;

/// <summary>What someone recorded about the police report: who filed it and, when known, the police's case number.</summary>
public sealed record PoliceFiling(PoliceFiler FiledBy, string? PoliceNumber);

/// <summary>Who records a filing, for the audit line: the member themselves or a member of the security staff.</summary>
public sealed record PoliceRecorder(string AadObjectId, string Name);

/// <summary>
/// Records on the case that a police report was filed. The report's own answer about the police (made, not yet, wants
/// help) is where the staff's details and the annual review already read it, so a later "Jag har polisanmält" or a
/// filing on the member's behalf changes that answer instead of keeping a second one beside it. The incident and its
/// audit line are written in one transaction (with the case file's ETag, through <see cref="TableCaseStore"/>); a
/// concurrent change is read again and decided anew, and recording the same thing twice (a double click) changes nothing.
/// </summary>
internal sealed class CasePoliceReports(TableCaseStore cases, ITables tables, TimeProvider time)
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
        var partitionKey = CaseKeys.Partition(tenantId, organisationId);
        var table = await tables.GetAsync(TableIncidentStore.TableName, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var read = await table.GetEntityIfExistsAsync<IncidentEntity>(partitionKey, CaseKeys.Case(caseNumber), cancellationToken: cancellationToken);
            if (!read.HasValue || read.Value is not { } row || row.ToIncident() is not { } incident || incident.IsAnonymised || !may(incident))
            {
                return null;
            }

            var before = incident.Details;
            var after = before with
            {
                PoliceReport = PoliceReport.Made,
                PoliceDiaryNumber = filing.PoliceNumber ?? before.PoliceDiaryNumber,
                PoliceFiledBy = filing.FiledBy,
            };
            if (before.PoliceReport == after.PoliceReport && before.PoliceDiaryNumber == after.PoliceDiaryNumber && before.PoliceFiledBy == after.PoliceFiledBy)
            {
                return incident;
            }

            row.Details = TableJson.Serialize(after, "incident report");
            var audit = new AuditEntry(caseNumber, time.GetUtcNow(), recorder.AadObjectId, recorder.Name, AuditAction.PoliceReportRecorded, Allowed: true, filing.FiledBy.ToString());
            var change = await cases.ChangeAsync(
                tenantId,
                organisationId,
                caseNumber,
                current => new CaseEdit(current.File, audit, _ => [new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag)]),
                cancellationToken,
                retryOnConflict: false);
            if (change is null)
            {
                return null;
            }

            if (!change.Conflict)
            {
                return incident with { Details = after };
            }

            if (attempt >= TableUpdates.MaxAttempts)
            {
                throw new StorageConcurrencyException($"Case {caseNumber} kept changing while a police report was recorded; gave up.");
            }

            await Task.Delay(TableUpdates.Backoff(attempt), TimeProvider.System, cancellationToken);
        }
    }
}
