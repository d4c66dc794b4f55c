using Trygg.Conversation.Turns;
using Trygg.Cases;
using Trygg.Texts;

namespace Trygg.Privacy;

/// <summary>
/// What is left of a report once it is past retention or its reporter's data is erased: only what the annual review
/// counts, none of it pointing at a person. Built as a whitelist (a new field of an incident or case file is dropped
/// unless it is added here on purpose), so a field someone adds later is never kept by accident.
/// </summary>
/// <remarks>
/// Kept: kind, place category (online, meeting, home, public), the body it was tied to, whether a police report was
/// made, the priority, the number of escalations and how long acknowledgement took. Times are moved to the first instant
/// of their Stockholm month (the review counts by month) and the case file's times are moved by the same amount as the
/// submission, so durations survive while the exact days do not. Gone: the description, platform, police diary number,
/// evidence, perpetrator, relatives, injuries, contact wish, the reporter's id, name and chat, recipients' and officers'
/// names, notes and the closing outcome.
/// </remarks>
public static class Anonymiser
{
    /// <summary>Stands where the reporter's id was: it matches no Entra or Teams id, so no profile or chat is found by it.</summary>
    public const string ReporterId = Cases.Incident.AnonymisedReporterId;

    public static bool IsAnonymised(Incident incident) => incident?.IsAnonymised == true;

    /// <summary>The incident with only the review's facts, at month precision.</summary>
    public static Incident Incident(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var d = incident.Details;
        var details = new IncidentDetails(
            d.Kind,
            RetentionPolicy.MonthStart(d.OccurredAt),
            d.Place,
            Platform: null,
            d.Assignment,
            Description: string.Empty,
            Perpetrator.Unknown,
            RelativesAffected: false,
            Injured: false,
            Evidence: [],
            d.PoliceReport == PoliceReport.Made ? PoliceReport.Made : PoliceReport.NotYet,
            PoliceDiaryNumber: null,
            ContactWish.None,
            Ongoing: false,
            InformParty: false,
            NotSafe: false);
        return new Incident(
            incident.CaseNumber,
            incident.OrganisationId,
            incident.TenantId,
            ReporterId,
            ReporterName: string.Empty,
            RetentionPolicy.MonthStart(incident.SubmittedAt),
            incident.Status,
            details);
    }

    /// <summary>
    /// The case file with times moved as the incident's submission was (<paramref name="submittedAt"/> to its month's
    /// start) and every name, id, note and free text gone. Who acted stays only as "someone did, this long after".
    /// </summary>
    public static CaseFile CaseFile(CaseFile file, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(file);
        var shift = RetentionPolicy.MonthStart(submittedAt) - submittedAt;
        StaffStamp? Stamp(StaffStamp? stamp) => stamp is null ? null : new StaffStamp(string.Empty, string.Empty, stamp.At + shift);
        return new CaseFile(
            file.TenantId,
            file.OrganisationId,
            file.CaseNumber,
            file.Priority,
            file.OutOfHours,
            file.EscalateAt + shift,
            ReporterConversationId: null,
            Language.Swedish, // English in a Swedish council narrows down who wrote it
            Recipients: [],
            file.EscalationRound,
            Stamp(file.AcknowledgedBy),
            Stamp(file.Assignee),
            Stamp(file.ClosedBy),
            Outcome: null,
            Notes: []);
    }
}
