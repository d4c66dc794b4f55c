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

        if (request.InformParty)
        {
            foreach (var officer in PartyOfficers(organisation, request.Party))
            {
                Add(RecipientRole.PartySecurityOfficer, officer.Name, officer);
            }
        }

        foreach (var local in LocalOfficers(organisation, request.BodyId))
        {
            Add(RecipientRole.LocalSecurityOfficer, local.Name, local);
        }

        OnCallContact? callNow = null;
        if (outOfHours)
        {
            callNow = profile.OnCall;
            foreach (var onCall in profile.OnCall.People)
            {
                Add(RecipientRole.OnCall, onCall.Name, onCall);
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

    /// <summary>The body rule: the local officers of a nämnd, styrelse or bolag, when the profile routes bodies.</summary>
    private static IReadOnlyList<StaffPerson> LocalOfficers(Organisation organisation, string? bodyId) =>
        organisation.Routing.RouteBodiesToLocalOfficer
        && bodyId is not null
        && organisation.FindBody(bodyId) is { Kind: BodyKind.Board or BodyKind.Company }
            ? organisation.Routing.LocalOfficersOf(bodyId)
            : [];
}
