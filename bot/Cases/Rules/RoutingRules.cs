using Trygg.Members;
using Trygg.Organisations;

namespace Trygg.Cases.Rules;

/// <summary>
/// Who is told about a report, read from the organisation's profile (domain.md: always the municipality's security
/// unit, the party's security officer, Göteborg's body rule, the on-call contact out of hours):
/// <list type="number">
/// <item>The security unit's channel, always.</item>
/// <item>The party's security officers, unless the member said no in the form.</item>
/// <item>When the profile routes bodies (Göteborg), the local security officer of the nämnd, styrelse or bolag the
/// incident is tied to; incidents tied to KS or KF stay with the security unit.</item>
/// <item>Out of office hours, the on-call contact: each person on call in Teams (the named person and every member of
/// the rota group) is notified, and the contact is always named to the member with the number to call.</item>
/// </list>
/// A person named in two roles is told once, in the first role above. Särskilt arvoderade (Kommunallagen 4 kap.
/// 18 a §) and acute or violent incidents are high priority: they escalate after the profile's high-priority time
/// on the wall clock; others after the normal time, counted in office hours when the profile says so.
/// </summary>
public sealed class RoutingRules(IOfficeCalendar calendar) : IRoutingRules
{
    public RoutingDecision Decide(RoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var organisation = request.Organisation;
        var profile = organisation.Routing;
        var priority = request.Role == MemberRole.SarskiltArvoderad || request.AcuteOrViolent ? Priority.High : Priority.Normal;
        var outOfHours = !calendar.IsOpen(profile.OfficeHours, request.At);

        var recipients = new List<Recipient> { new(RecipientRole.SecurityChannel, profile.SecurityChannel.Name, null) };
        void Add(RecipientRole role, string name, StaffPerson? person)
        {
            if (person is null || !recipients.Exists(r => r.Person?.AadObjectId == person.AadObjectId))
            {
                recipients.Add(new Recipient(role, name, person));
            }
        }

        // A role named by group with nobody known yet (its group not read since start) is kept as the group: its row
        // waits for the read instead of the report skipping the role.
        void AddGroup(RecipientRole role, string name, string? group)
        {
            if (group is not null)
            {
                recipients.Add(new Recipient(role, name, null) { Group = group });
            }
        }

        if (request.InformParty)
        {
            var officers = PartyOfficers(organisation, request.Party);
            foreach (var officer in officers)
            {
                Add(RecipientRole.PartySecurityOfficer, officer.Name, officer);
            }

            if (officers.Count == 0 && profile.PartySecurity.FirstOrDefault(p => string.Equals(p.Party, request.Party, StringComparison.OrdinalIgnoreCase)) is { } party)
            {
                AddGroup(RecipientRole.PartySecurityOfficer, party.Party, profile.Groups.PartyOfficers?.GetValueOrDefault(party.Party));
            }
        }

        var locals = LocalOfficers(organisation, request.BodyId);
        foreach (var local in locals)
        {
            Add(RecipientRole.LocalSecurityOfficer, local.Name, local);
        }

        if (locals.Count == 0 && IsRoutedBody(organisation, request.BodyId))
        {
            AddGroup(RecipientRole.LocalSecurityOfficer, organisation.FindBody(request.BodyId!)!.Name, profile.Groups.LocalOfficers?.GetValueOrDefault(request.BodyId!));
        }

        OnCallContact? callNow = null;
        if (outOfHours)
        {
            callNow = profile.OnCall;
            foreach (var onCall in profile.OnCall.People)
            {
                Add(RecipientRole.OnCall, onCall.Name, onCall);
            }

            if (profile.OnCall.People.Count == 0)
            {
                AddGroup(RecipientRole.OnCall, profile.OnCall.Name, profile.Groups.OnCall);
            }
        }

        var escalation = profile.Escalation;
        var escalateAt = priority == Priority.High
            ? request.At + escalation.High
            : escalation.NormalInOfficeHours
                ? calendar.AddOpenTime(profile.OfficeHours, request.At, escalation.Normal)
                : request.At + escalation.Normal;
        return new RoutingDecision(priority, outOfHours, recipients, callNow, escalateAt);
    }

    /// <summary>The party's security officers; none when the party has not named one (the form then does not ask).</summary>
    public static IReadOnlyList<StaffPerson> PartyOfficers(Organisation organisation, string party)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return organisation.Routing.PartySecurity
            .FirstOrDefault(p => string.Equals(p.Party, party, StringComparison.OrdinalIgnoreCase))?.Officers ?? [];
    }

    /// <summary>
    /// The members of <paramref name="group"/> in <paramref name="role"/> now (a recipient kept as its group when the
    /// report was filed): the party's officers, the body's local officers or the on-call rota the group was named for.
    /// </summary>
    public static IReadOnlyList<StaffPerson> MembersOf(Organisation organisation, RecipientRole role, string group)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var routing = organisation.Routing;
        bool Named(string? id) => string.Equals(id, group, StringComparison.OrdinalIgnoreCase);
        return role switch
        {
            RecipientRole.PartySecurityOfficer => [.. routing.PartySecurity
                .Where(p => Named(routing.Groups.PartyOfficers?.GetValueOrDefault(p.Party))).SelectMany(p => p.Officers).DistinctBy(p => p.AadObjectId)],
            RecipientRole.LocalSecurityOfficer => [.. (routing.Groups.LocalOfficers ?? new Dictionary<string, string>())
                .Where(b => Named(b.Value)).SelectMany(b => routing.LocalOfficersOf(b.Key)).DistinctBy(p => p.AadObjectId)],
            RecipientRole.OnCall when Named(routing.Groups.OnCall) => routing.OnCall.People,
            _ => [],
        };
    }

    /// <summary>The body rule: the local officers of a nämnd, styrelse or bolag, when the profile routes bodies.</summary>
    private static IReadOnlyList<StaffPerson> LocalOfficers(Organisation organisation, string? bodyId) =>
        IsRoutedBody(organisation, bodyId) ? organisation.Routing.LocalOfficersOf(bodyId!) : [];

    private static bool IsRoutedBody(Organisation organisation, string? bodyId) =>
        organisation.Routing.RouteBodiesToLocalOfficer
        && bodyId is not null
        && organisation.FindBody(bodyId) is { Kind: BodyKind.Board or BodyKind.Company };
}
