
namespace Trygg.Organisations;

// The routing part of an organisation profile: who the security staff are, the channel, office hours, escalation times.

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
/// <param name="Person">Who is reached in Teams, when the profile names one person on call; null when only a phone or a rota group.</param>
public sealed record OnCallContact(string Name, string Phone, StaffPerson? Person)
{
    /// <summary>The members of the on-call rota group (<c>groups.onCall</c>), filled in by <see cref="Roles.RoleSnapshot"/>.</summary>
    public IReadOnlyList<StaffPerson> GroupMembers { get; init; } = [];

    /// <summary>
    /// Everyone on call who is reached in Teams: the person named, then the rota group's members, each once. A rota is
    /// several people because whoever holds the duty phone changes by the week; each of them is told, so the one on
    /// duty is never missed while the group lags behind the rota.
    /// </summary>
    public IReadOnlyList<StaffPerson> People => Roles.RolePeople.Union(Person, GroupMembers);
}

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
/// <param name="HeadOfSecurity">The head of security named in person; null when the profile names the role by group only.</param>
/// <param name="LocalSecurityOfficers">Body id -> that body's local security officer named in person (Göteborg style), where it has one.</param>
/// <param name="RouteBodiesToLocalOfficer">When true, incidents tied to a body other than KS/KF also go to its local security officer.</param>
/// <param name="SarskiltArvoderadeRoles">Titles that count as särskilt arvoderad here (shown to members choosing their role).</param>
/// <param name="MembersGroupId">Entra group of all elected members (training reminders reach them); null when not used.</param>
public sealed record RoutingProfile(
    SecurityChannelSetting SecurityChannel,
    OfficeHours OfficeHours,
    OnCallContact OnCall,
    StaffPerson? HeadOfSecurity,
    IReadOnlyList<StaffPerson> SecurityStaff,
    IReadOnlyList<StaffPerson> Administrators,
    IReadOnlyList<PartySecurity> PartySecurity,
    IReadOnlyDictionary<string, StaffPerson> LocalSecurityOfficers,
    bool RouteBodiesToLocalOfficer,
    IReadOnlyList<string> SarskiltArvoderadeRoles,
    EscalationPolicy Escalation,
    string? MembersGroupId)
{
    /// <summary>
    /// Entra groups whose members hold a role besides the people listed (<c>groups</c> in the profile); the
    /// <see cref="Roles.RoleSnapshot"/> adds them to <see cref="SecurityStaff"/> and <see cref="Administrators"/>.
    /// </summary>
    public Roles.RoleGroups Groups { get; init; } = Roles.RoleGroups.None;

    /// <summary>The members of the head of security's group (<c>groups.headOfSecurity</c>), filled in by <see cref="Roles.RoleSnapshot"/>.</summary>
    public IReadOnlyList<StaffPerson> HeadOfSecurityGroupMembers { get; init; } = [];

    /// <summary>Body id -> the members of its local security officers' group, filled in by <see cref="Roles.RoleSnapshot"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StaffPerson>> LocalOfficerGroupMembers { get; init; } =
        new Dictionary<string, IReadOnlyList<StaffPerson>>();

    /// <summary>
    /// Everyone who gets what the head of security gets (escalations, "could not reach the channel"): the person
    /// named, then the group's members. When the role is a group, all its members are told: the group is how the
    /// municipality says who stands in for the head (deputy, duty manager), and an escalation exists because nobody
    /// has acted yet, so telling one more person costs less than telling someone who is away.
    /// </summary>
    public IReadOnlyList<StaffPerson> HeadsOfSecurity => Roles.RolePeople.Union(HeadOfSecurity, HeadOfSecurityGroupMembers);

    /// <summary>The local security officers of body <paramref name="bodyId"/>: the person named, then its group's members; empty when none.</summary>
    public IReadOnlyList<StaffPerson> LocalOfficersOf(string bodyId) =>
        Roles.RolePeople.Union(LocalSecurityOfficers.GetValueOrDefault(bodyId), LocalOfficerGroupMembers.GetValueOrDefault(bodyId) ?? []);
}

/// <summary>Office hours and Swedish public holidays, Europe/Stockholm.</summary>
public interface IOfficeCalendar
{
    bool IsOpen(OfficeHours hours, DateTimeOffset at);

    /// <summary><paramref name="start"/> plus <paramref name="duration"/> counted only while the office is open.</summary>
    DateTimeOffset AddOpenTime(OfficeHours hours, DateTimeOffset start, TimeSpan duration);
}
