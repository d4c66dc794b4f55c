using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Cases.Rules;
using Trygg.Texts;

namespace Trygg.Cases;

/// <summary>Where a case stands for the security unit.</summary>
public enum CaseStatus
{
    /// <summary>Nobody has acknowledged it yet (it escalates when this lasts too long).</summary>
    New,
    Acknowledged,
    Assigned,
    Closed,
}

/// <summary>Who did something to a case, and when. Staff names are kept (the audit and the card show them); never the reporter's.</summary>
public sealed record StaffStamp(string AadObjectId, string Name, DateTimeOffset At);

/// <summary>A note a security officer added to a case (shown only in the detail view).</summary>
public sealed record CaseNote(StaffStamp By, string Text);

/// <summary>Who was sent the report: a role and a display name (the channel has the unit's name).</summary>
public sealed record CaseRecipient(RecipientRole Role, string Name);

/// <summary>
/// The security unit's side of a report: how urgent it is, who received it, and who acknowledged, took, noted and
/// closed it. Stored next to the incident (same partition), created in the submit's transaction.
/// </summary>
/// <param name="ReporterConversationId">The member's chat with the bot, where they hear about their case.</param>
/// <param name="ReporterLanguage">The language the member used when reporting.</param>
/// <param name="EscalationRound">How many times the case has been escalated (0 = never).</param>
public sealed record CaseFile(
    string TenantId,
    string OrganisationId,
    string CaseNumber,
    Priority Priority,
    bool OutOfHours,
    DateTimeOffset EscalateAt,
    string? ReporterConversationId,
    Language ReporterLanguage,
    IReadOnlyList<CaseRecipient> Recipients,
    int EscalationRound = 0,
    StaffStamp? AcknowledgedBy = null,
    StaffStamp? Assignee = null,
    StaffStamp? ClosedBy = null,
    string? Outcome = null,
    IReadOnlyList<CaseNote>? Notes = null)
{
    public IReadOnlyList<CaseNote> AllNotes => Notes ?? [];

    public CaseStatus Status =>
        ClosedBy is not null ? CaseStatus.Closed
        : Assignee is not null ? CaseStatus.Assigned
        : AcknowledgedBy is not null ? CaseStatus.Acknowledged
        : CaseStatus.New;

    /// <summary>What the member sees in "mina rapporter".</summary>
    public IncidentStatus IncidentStatus => Status switch
    {
        CaseStatus.Closed => IncidentStatus.Closed,
        CaseStatus.Assigned => IncidentStatus.Assigned,
        CaseStatus.Acknowledged => IncidentStatus.Acknowledged,
        _ => IncidentStatus.Received,
    };
}

/// <summary>A report with its case file: everything the cards show.</summary>
internal sealed record Case(Incident Incident, CaseFile File);
