using Trygg.Members;

namespace Trygg.Routing;

// The routing part of an organisation profile, and what the routing rules decide. Contract shared by the profile
// and rules (Routing/Profile, Routing/Rules) and the delivery side (Routing/Delivery, Routing/Cases).

/// <summary>How urgent a report is; decides the escalation time.</summary>
public enum Priority
{
    Normal,
    High,
}

/// <summary>A person named in the profile (the shipped examples use placeholders).</summary>
/// <param name="AadObjectId">Entra object id: how the bot reaches them 1:1 and recognises them in a channel.</param>
/// <param name="Phone">Shown to members only for the on-call contact.</param>
public sealed record StaffPerson(string Name, string AadObjectId, string? Phone = null, string? Email = null);

/// <summary>
/// The security unit's Teams channel. The profile names it; "registrera säkerhetskanal", written in that channel by
/// an administrator, stores the actual Teams ids (the channel cannot be known before the app is installed there).
/// </summary>
public sealed record SecurityChannelSetting(string Name);

/// <summary>When the security unit is staffed, in Europe/Stockholm time; closed on Swedish public holidays.</summary>
public sealed record OfficeHours(TimeOnly Opens, TimeOnly Closes, IReadOnlyList<DayOfWeek> Days);

/// <summary>The out-of-hours contact (TiB, support line): notified out of hours, and the number members are told to call.</summary>
/// <param name="Person">Who is reached in Teams, when the on-call duty has a Teams account; null when only a phone.</param>
public sealed record OnCallContact(string Name, string Phone, StaffPerson? Person);

/// <summary>A party's security officers (säkerhetsansvarig); <see cref="Party"/> is one of the organisation's parties.</summary>
public sealed record PartySecurity(string Party, IReadOnlyList<StaffPerson> Officers);

/// <summary>Time allowed before an unacknowledged case escalates.</summary>
/// <param name="High">Wall-clock time for high priority (e.g. 15 minutes).</param>
/// <param name="Normal">For normal priority (e.g. 4 hours).</param>
/// <param name="NormalInOfficeHours">True when <see cref="Normal"/> counts only office hours.</param>
public sealed record EscalationPolicy(TimeSpan High, TimeSpan Normal, bool NormalInOfficeHours);

/// <summary>Who gets what in one organisation: data, not code.</summary>
/// <param name="SecurityStaff">Authorised security staff: see report details, act on cases, are offered as assignees.</param>
/// <param name="Administrators">May register the security channel and list guidance feedback.</param>
/// <param name="LocalSecurityOfficers">Body id -> that body's local security officer (Göteborg style), where it has one.</param>
/// <param name="RouteBodiesToLocalOfficer">When true, incidents tied to a body other than KS/KF also go to its local security officer.</param>
/// <param name="SarskiltArvoderadeRoles">Titles that count as särskilt arvoderad here (shown to members choosing their role).</param>
/// <param name="MembersGroupId">Entra group of all elected members (training reminders reach them); null when not used.</param>
public sealed record RoutingProfile(
    SecurityChannelSetting SecurityChannel,
    OfficeHours OfficeHours,
    OnCallContact OnCall,
    StaffPerson HeadOfSecurity,
    IReadOnlyList<StaffPerson> SecurityStaff,
    IReadOnlyList<StaffPerson> Administrators,
    IReadOnlyList<PartySecurity> PartySecurity,
    IReadOnlyDictionary<string, StaffPerson> LocalSecurityOfficers,
    bool RouteBodiesToLocalOfficer,
    IReadOnlyList<string> SarskiltArvoderadeRoles,
    EscalationPolicy Escalation,
    string? MembersGroupId);

/// <summary>Why someone receives a report.</summary>
public enum RecipientRole
{
    /// <summary>The security unit's channel: always.</summary>
    SecurityChannel,

    /// <summary>The member's party security officer (unless the member opted out).</summary>
    PartySecurityOfficer,

    /// <summary>The local security officer of the body the incident is tied to (body rule).</summary>
    LocalSecurityOfficer,

    /// <summary>The on-call contact, out of office hours.</summary>
    OnCall,

    /// <summary>The head of security (escalation).</summary>
    HeadOfSecurity,
}

/// <summary>One recipient of a report. <see cref="Person"/> is null only for the channel (and an on-call contact without Teams).</summary>
public sealed record Recipient(RecipientRole Role, string Name, StaffPerson? Person)
{
    /// <summary>Stable within one case: "channel", or the role and the person's object id. One outbox row per key.</summary>
    public string Key => Person is null ? Role == RecipientRole.SecurityChannel ? "channel" : $"{Role}" : $"{Role}:{Person.AadObjectId}";
}

/// <summary>What the rules need to know about a report.</summary>
/// <param name="BodyId">The body the incident is tied to, or null when it concerns the party/no body.</param>
/// <param name="AcuteOrViolent">The member was not safe / it is ongoing, or it involved violence or injury.</param>
/// <param name="InformParty">False when the member opted out of informing the party security officer.</param>
public sealed record RoutingRequest(
    Organisation Organisation,
    MemberRole Role,
    string Party,
    string? BodyId,
    bool AcuteOrViolent,
    bool InformParty,
    DateTimeOffset At);

/// <summary>The rules' answer: who receives the report, how urgent it is, and whom the member should call now.</summary>
/// <param name="CallNow">Out of office hours: the on-call contact the member is told to call; null in office hours.</param>
/// <param name="EscalateAt">When the case escalates if nobody has acknowledged it.</param>
public sealed record RoutingDecision(
    Priority Priority,
    bool OutOfHours,
    IReadOnlyList<Recipient> Recipients,
    OnCallContact? CallNow,
    DateTimeOffset EscalateAt);

/// <summary>The routing rules (Routing/Rules). Pure: same request, same decision.</summary>
public interface IRoutingRules
{
    RoutingDecision Decide(RoutingRequest request);
}

/// <summary>Office hours and Swedish public holidays, Europe/Stockholm.</summary>
public interface IOfficeCalendar
{
    bool IsOpen(OfficeHours hours, DateTimeOffset at);

    /// <summary><paramref name="start"/> plus <paramref name="duration"/> counted only while the office is open.</summary>
    DateTimeOffset AddOpenTime(OfficeHours hours, DateTimeOffset start, TimeSpan duration);
}
