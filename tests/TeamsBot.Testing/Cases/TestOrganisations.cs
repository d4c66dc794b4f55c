using Trygg.Organisations;
using Trygg.Cases.Rules;

namespace Trygg.Testing.Cases;

/// <summary>An organisation built in code for delivery and case tests (independent of the shipped example profiles).</summary>
public static class TestOrganisations
{
    public const string Alex = "00000000-0000-0000-0000-0000000000020";
    public const string Megan = "00000000-0000-0000-0000-0000000000021";
    public const string Isaiah = "00000000-0000-0000-0000-0000000000023";
    public const string Lynne = "00000000-0000-0000-0000-0000000000024";
    public const string Outsider = "00000000-0000-0000-0000-0000000000099";

    public static readonly StaffPerson AlexWilber = new("Alex Wilber", Alex);
    public static readonly StaffPerson MeganBowen = new("Megan Bowen", Megan);
    public static readonly StaffPerson IsaiahLanger = new("Isaiah Langer", Isaiah, "070-000 00 23");
    public static readonly StaffPerson LynneRobbins = new("Lynne Robbins", Lynne);

    /// <summary>
    /// "Testkommun": security staff Alex and Lynne (Lynne heads security), Alex administers, Isaiah is on call in
    /// Teams, Megan is the Socialdemokraterna's security officer. High priority escalates after 15 minutes, normal after
    /// 4 hours of wall-clock time.
    /// </summary>
    public static Organisation Testkommun(string id = "testkommun", TimeSpan? high = null, TimeSpan? normal = null) =>
        new(id, "Testkommun", "TST", "Säkerhetsenheten", ["Socialdemokraterna", "Moderaterna"],
            [new Body("kf", "Kommunfullmäktige", BodyKind.Council), new Body("ks", "Kommunstyrelsen", BodyKind.ExecutiveBoard)])
        {
            Routing = new RoutingProfile(
                new SecurityChannelSetting("Säkerhetsenheten – rapporter"),
                new OfficeHours(new TimeOnly(8, 0), new TimeOnly(16, 30), [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]),
                new OnCallContact("Jouren", "070-000 00 23", IsaiahLanger),
                LynneRobbins,
                [AlexWilber, LynneRobbins],
                [AlexWilber],
                [new PartySecurity("Socialdemokraterna", [MeganBowen])],
                new Dictionary<string, StaffPerson>(),
                RouteBodiesToLocalOfficer: false,
                ["Kommunalråd"],
                new EscalationPolicy(high ?? TimeSpan.FromMinutes(15), normal ?? TimeSpan.FromHours(4), NormalInOfficeHours: false),
                MembersGroupId: null),
        };

    /// <summary>The rules' usual answer for a report in <paramref name="organisation"/>: the channel and Megan.</summary>
    public static RoutingDecision Decision(Organisation organisation, DateTimeOffset at, Priority priority = Priority.High, bool onCall = false)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var routing = organisation.Routing;
        List<Recipient> recipients =
        [
            new(RecipientRole.SecurityChannel, routing.SecurityChannel.Name, null),
            new(RecipientRole.PartySecurityOfficer, MeganBowen.Name, MeganBowen),
        ];
        if (onCall)
        {
            recipients.Add(new(RecipientRole.OnCall, routing.OnCall.Name, routing.OnCall.Person));
        }

        var wait = priority == Priority.High ? routing.Escalation.High : routing.Escalation.Normal;
        return new RoutingDecision(priority, onCall, recipients, onCall ? routing.OnCall : null, at + wait);
    }
}
