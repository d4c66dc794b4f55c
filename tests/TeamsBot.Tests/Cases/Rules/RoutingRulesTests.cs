using Trygg.Members;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Organisations.Calendar;

namespace Trygg.Cases.Rules;

/// <summary>The shipped example profiles (Alingsås, Stockholm, Göteborg) with members of different roles, bodies and times.</summary>
public sealed class RoutingRulesTests
{
    private const string S = "Socialdemokraterna";
    private const string M = "Moderaterna";
    private const string SD = "Sverigedemokraterna";
    private const string Channel = "channel";

    private static readonly OrganisationDirectory Shipped = ShippedProfiles.Load();

    private readonly RoutingRules _rules = new(new OfficeCalendar());

    // People in the example profiles: the Agents Playground's mock users.
    private const string Megan = "PartySecurityOfficer:00000000-0000-0000-0000-0000000000021";
    private const string Adele = "PartySecurityOfficer:00000000-0000-0000-0000-0000000000022";
    private const string PattiForParty = "PartySecurityOfficer:00000000-0000-0000-0000-0000000000025";
    private const string PattiLocal = "LocalSecurityOfficer:00000000-0000-0000-0000-0000000000025";
    private const string IsaiahLocal = "LocalSecurityOfficer:00000000-0000-0000-0000-0000000000023";
    private const string IsaiahOnCall = "OnCall:00000000-0000-0000-0000-0000000000023";
    private const string LynneOnCall = "OnCall:00000000-0000-0000-0000-0000000000024";

    private RoutingDecision Decide(
        string organisation, string local, string party = S, MemberRole role = MemberRole.Fritidspolitiker,
        string? body = null, bool acute = false, bool informParty = true) =>
        _rules.Decide(new RoutingRequest(Shipped.Find(organisation)!, role, party, body, acute, informParty, OfficeCalendarTests.Local(local)));

    private static void AssertRecipients(RoutingDecision decision, params string[] keys) =>
        Assert.Equal(keys, decision.Recipients.Select(r => r.Key));

    // ---- Stockholm: 08:00-17:00 weekdays, TiB in Teams out of hours, no body rule.

    [Fact]
    public void Stockholm_LeisurePoliticianInOfficeHours_ChannelAndPartyOfficerNormal()
    {
        var decision = Decide("stockholm", "2026-11-18 10:00");

        AssertRecipients(decision, Channel, Megan);
        Assert.Equal(Priority.Normal, decision.Priority);
        Assert.False(decision.OutOfHours);
        Assert.Null(decision.CallNow);
        Assert.Equal(OfficeCalendarTests.Local("2026-11-18 14:00"), decision.EscalateAt);
        Assert.Equal("Säkerhetsavdelningen – incidenter", decision.Recipients[0].Name);
        Assert.Null(decision.Recipients[0].Person);
        Assert.Equal(("Megan Bowen", RecipientRole.PartySecurityOfficer), (decision.Recipients[1].Name, decision.Recipients[1].Role));
    }

    [Fact]
    public void Stockholm_PartyWithTwoOfficers_BothAreTold() =>
        AssertRecipients(Decide("stockholm", "2026-11-18 10:00", party: M), Channel, Adele, PattiForParty);

    [Fact]
    public void Stockholm_PartyWithoutOfficer_OnlyTheChannel() =>
        AssertRecipients(Decide("stockholm", "2026-11-18 10:00", party: SD), Channel);

    [Fact]
    public void Stockholm_MemberOptedOut_PartyOfficerNotTold() =>
        AssertRecipients(Decide("stockholm", "2026-11-18 10:00", party: M, informParty: false), Channel);

    [Fact]
    public void Stockholm_SarskiltArvoderad_HighPriorityEscalatesOnTheWallClock()
    {
        var decision = Decide("stockholm", "2026-11-18 16:55", role: MemberRole.SarskiltArvoderad);

        Assert.Equal(Priority.High, decision.Priority);
        AssertRecipients(decision, Channel, Megan);
        Assert.Equal(OfficeCalendarTests.Local("2026-11-18 17:10"), decision.EscalateAt);
    }

    [Fact]
    public void Stockholm_Evening_TibIsToldAndTheMemberIsToldToCall()
    {
        var decision = Decide("stockholm", "2026-11-18 21:00");

        AssertRecipients(decision, Channel, Megan, IsaiahOnCall);
        Assert.True(decision.OutOfHours);
        Assert.Equal("Tjänsteperson i beredskap (TiB)", decision.CallNow!.Name);
        Assert.Equal("08-000 00 00", decision.CallNow.Phone);
        Assert.Equal(Priority.Normal, decision.Priority);
        Assert.Equal(OfficeCalendarTests.Local("2026-11-19 12:00"), decision.EscalateAt); // 4 office hours from 08:00
    }

    [Fact]
    public void Stockholm_AcuteOnSaturday_HighPriorityTibAndCallNow()
    {
        var decision = Decide("stockholm", "2026-11-21 23:50", party: SD, acute: true);

        AssertRecipients(decision, Channel, IsaiahOnCall);
        Assert.Equal(Priority.High, decision.Priority);
        Assert.NotNull(decision.CallNow);
        Assert.Equal(OfficeCalendarTests.Local("2026-11-22 00:05"), decision.EscalateAt);
    }

    [Fact]
    public void Stockholm_PublicHolidayMorning_OutOfHoursAndNormalWaitsForTheNextWorkingDay()
    {
        var decision = Decide("stockholm", "2026-05-14 10:00"); // Kristi himmelsfärdsdag

        Assert.True(decision.OutOfHours);
        AssertRecipients(decision, Channel, Megan, IsaiahOnCall);
        Assert.Equal(OfficeCalendarTests.Local("2026-05-15 12:00"), decision.EscalateAt);
    }

    [Fact]
    public void Stockholm_BodyGiven_NoBodyRuleHere() =>
        AssertRecipients(Decide("stockholm", "2026-11-18 10:00", body: "social"), Channel, Megan);

    [Fact]
    public void Stockholm_AcuteInTheSpringDstNight_EscalatesFifteenRealMinutesLater()
    {
        var decision = Decide("stockholm", "2026-03-29 01:55", acute: true);

        Assert.Equal(Priority.High, decision.Priority);
        Assert.Equal(OfficeCalendarTests.Local("2026-03-29 03:10"), decision.EscalateAt); // the clock jumps 02:00 -> 03:00
        Assert.Equal(TimeSpan.FromMinutes(15), decision.EscalateAt - OfficeCalendarTests.Local("2026-03-29 01:55"));
    }

    [Fact]
    public void Stockholm_AcuteInTheAutumnDstNight_EscalatesFifteenRealMinutesLater()
    {
        var at = OfficeCalendarTests.Local("2026-10-25 02:55"); // first 02:55, summer time
        var decision = _rules.Decide(new RoutingRequest(Shipped.Find("stockholm")!, MemberRole.Fritidspolitiker, S, null, true, true, at));

        Assert.Equal(at + TimeSpan.FromMinutes(15), decision.EscalateAt);
        Assert.Equal(new DateTime(2026, 10, 25, 2, 10, 0), TimeZoneInfo.ConvertTime(decision.EscalateAt, OfficeCalendar.Stockholm).DateTime);
    }

    [Fact]
    public void Stockholm_NormalOnFridayBeforeSpringChange_EscalatesMondayInSummerTime()
    {
        var decision = Decide("stockholm", "2026-03-27 16:00");

        Assert.Equal(OfficeCalendarTests.Local("2026-03-30 11:00"), decision.EscalateAt);
        Assert.Equal(TimeSpan.FromHours(2), decision.EscalateAt.Offset);
    }

    // ---- Alingsås: 08:00-16:30 weekdays; out of hours the head of security's duty phone.

    [Fact]
    public void Alingsas_InOfficeHours_ChannelAndPartyOfficer()
    {
        var decision = Decide("alingsas", "2026-11-18 16:29", party: M);

        AssertRecipients(decision, Channel, Adele);
        Assert.False(decision.OutOfHours);
        Assert.Equal("Säkerhetsenheten – rapporter", decision.Recipients[0].Name);
        Assert.Equal(OfficeCalendarTests.Local("2026-11-19 11:59"), decision.EscalateAt); // 1 minute today, 3 h 59 min tomorrow
    }

    [Fact]
    public void Alingsas_AtClosingTime_HeadOfSecuritysDutyPhone()
    {
        var decision = Decide("alingsas", "2026-11-18 16:30");

        AssertRecipients(decision, Channel, Megan, LynneOnCall);
        Assert.Equal("Säkerhetschefens jourtelefon", decision.CallNow!.Name);
        Assert.Equal("0322-00 00 00", decision.CallNow.Phone);
    }

    [Fact]
    public void Alingsas_ViolenceOnJulafton_HighPriority()
    {
        var decision = Decide("alingsas", "2026-12-24 11:00", party: SD, acute: true);

        Assert.Equal(Priority.High, decision.Priority);
        Assert.True(decision.OutOfHours);
        AssertRecipients(decision, Channel, LynneOnCall);
        Assert.Equal(OfficeCalendarTests.Local("2026-12-24 11:15"), decision.EscalateAt);
    }

    [Fact]
    public void Alingsas_NormalOnMidsommarafton_EscalatesAfterTheWeekend()
    {
        var decision = Decide("alingsas", "2026-06-19 09:00");

        Assert.True(decision.OutOfHours);
        Assert.Equal(OfficeCalendarTests.Local("2026-06-22 12:00"), decision.EscalateAt);
    }

    // ---- Göteborg: 08:00-16:30 weekdays, a support line (phone only) out of hours, the body rule.

    [Fact]
    public void Goteborg_BoardWithLocalOfficer_AlsoGoesToThatOfficer()
    {
        var decision = Decide("goteborg", "2026-11-18 10:00", body: "arbetsmarknad");

        AssertRecipients(decision, Channel, Megan, PattiLocal);
        Assert.Equal(("Patti Fernandez", RecipientRole.LocalSecurityOfficer), (decision.Recipients[2].Name, decision.Recipients[2].Role));
    }

    [Fact]
    public void Goteborg_CompanyWithLocalOfficer_AlsoGoesToThatOfficer() =>
        AssertRecipients(Decide("goteborg", "2026-11-18 10:00", party: M, body: "framtiden"), Channel, Adele, IsaiahLocal);

    [Theory]
    [InlineData("ks")]
    [InlineData("kf")]
    [InlineData("byggnad")] // a board without a local officer
    [InlineData(null)] // party-political: no body
    [InlineData("finns-inte")]
    public void Goteborg_NoLocalOfficerForTheBody_ChannelAndParty(string? body) =>
        AssertRecipients(Decide("goteborg", "2026-11-18 10:00", body: body), Channel, Megan);

    [Fact]
    public void Goteborg_OptedOutWithBody_LocalOfficerStillTold() =>
        AssertRecipients(Decide("goteborg", "2026-11-18 10:00", body: "social-centrum", informParty: false), Channel, PattiLocal);

    [Fact]
    public void Goteborg_Evening_SupportLineToCallButNobodyInTeams()
    {
        var decision = Decide("goteborg", "2026-11-18 16:30", body: "utbildning");

        AssertRecipients(decision, Channel, Megan, PattiLocal);
        Assert.True(decision.OutOfHours);
        Assert.Equal("031-000 00 00", decision.CallNow!.Phone);
        Assert.Null(decision.CallNow.Person);
        Assert.Equal(OfficeCalendarTests.Local("2026-11-19 12:00"), decision.EscalateAt);
    }

    [Fact]
    public void Goteborg_SarskiltArvoderadOnKsAtWeekend_HighWithTenMinutes()
    {
        var decision = Decide("goteborg", "2026-11-22 14:00", role: MemberRole.SarskiltArvoderad, body: "ks");

        Assert.Equal(Priority.High, decision.Priority);
        AssertRecipients(decision, Channel, Megan);
        Assert.Equal(OfficeCalendarTests.Local("2026-11-22 14:10"), decision.EscalateAt);
    }

    [Fact]
    public void Goteborg_SamePersonInTwoRoles_ToldOnceInTheFirstRole()
    {
        var goteborg = Shipped.Find("goteborg")!;
        var megan = goteborg.Routing.PartySecurity[0].Officers[0];
        var changed = goteborg with
        {
            Routing = goteborg.Routing with
            {
                LocalSecurityOfficers = new Dictionary<string, StaffPerson>(goteborg.Routing.LocalSecurityOfficers) { ["kultur"] = megan },
                OnCall = goteborg.Routing.OnCall with { Person = megan },
            },
        };

        var decision = _rules.Decide(new RoutingRequest(changed, MemberRole.Fritidspolitiker, S, "kultur", false, true, OfficeCalendarTests.Local("2026-11-18 20:00")));

        AssertRecipients(decision, Channel, Megan);
        Assert.NotNull(decision.CallNow);
    }

    [Fact]
    public void Decide_OnCallRotaOutOfHours_EachOnTheRotaIsToldOnce()
    {
        var organisation = Trygg.Testing.Cases.TestOrganisations.Testkommun();
        var rota = new[] { new StaffPerson("Rota Ett", "5b0a6c2e-0000-4000-8000-000000000001"), new StaffPerson("Rota Två", "5b0a6c2e-0000-4000-8000-000000000002") };
        var withRota = organisation with
        {
            Routing = organisation.Routing with { OnCall = organisation.Routing.OnCall with { GroupMembers = [.. rota, Trygg.Testing.Cases.TestOrganisations.MeganBowen] } },
        };

        var decision = _rules.Decide(new RoutingRequest(withRota, MemberRole.Fritidspolitiker, S, null, false, true, OfficeCalendarTests.Local("2026-11-18 21:00")));

        AssertRecipients(
            decision,
            Channel,
            Megan,
            $"OnCall:{Trygg.Testing.Cases.TestOrganisations.Isaiah}",
            "OnCall:5b0a6c2e-0000-4000-8000-000000000001",
            "OnCall:5b0a6c2e-0000-4000-8000-000000000002");
        Assert.Equal("Jouren", decision.CallNow!.Name);
    }

    [Fact]
    public void Decide_OnCallRotaInOfficeHours_NobodyOnTheRotaIsTold()
    {
        var organisation = Trygg.Testing.Cases.TestOrganisations.Testkommun();
        var withRota = organisation with
        {
            Routing = organisation.Routing with { OnCall = organisation.Routing.OnCall with { GroupMembers = [new StaffPerson("Rota Ett", "5b0a6c2e-0000-4000-8000-000000000001")] } },
        };

        var decision = _rules.Decide(new RoutingRequest(withRota, MemberRole.Fritidspolitiker, S, null, false, true, OfficeCalendarTests.Local("2026-11-18 10:00")));

        AssertRecipients(decision, Channel, Megan);
    }

    [Fact]
    public void Decide_BodyWithALocalOfficerGroup_EachInTheGroupIsTold()
    {
        var goteborg = Shipped.Find("goteborg")!;
        var adele = new StaffPerson("Adele Vance", "00000000-0000-0000-0000-0000000000022");
        var changed = goteborg with
        {
            Routing = goteborg.Routing with
            {
                LocalOfficerGroupMembers = new Dictionary<string, IReadOnlyList<StaffPerson>>(goteborg.Routing.LocalOfficerGroupMembers)
                {
                    ["arbetsmarknad"] = [.. goteborg.Routing.LocalOfficersOf("arbetsmarknad"), adele],
                },
            },
        };

        var decision = _rules.Decide(new RoutingRequest(changed, MemberRole.Fritidspolitiker, S, "arbetsmarknad", false, true, OfficeCalendarTests.Local("2026-11-18 10:00")));

        AssertRecipients(decision, Channel, Megan, PattiLocal, "LocalSecurityOfficer:00000000-0000-0000-0000-0000000000022");
    }

    [Fact]
    public void Decide_RolesNamedByGroupNotReadYet_KeepsEachGroupAsARecipient()
    {
        var asWritten = OrganisationDirectory.Load(RepoPaths.Combine("bot", "Organisations", "Profiles"));
        var alingsas = asWritten.Find("alingsas")!;

        var decision = _rules.Decide(new RoutingRequest(alingsas, MemberRole.Fritidspolitiker, S, null, false, true, OfficeCalendarTests.Local("2026-11-18 20:00")));

        AssertRecipients(decision, Channel, "PartySecurityOfficer:group:6a1f0c2e-0000-4000-8000-000000000011", "OnCall:group:6a1f0c2e-0000-4000-8000-000000000004");
        Assert.Equal(S, decision.Recipients[1].Name);
        Assert.Equal("Säkerhetschefens jourtelefon", decision.Recipients[2].Name);
        var goteborg = _rules.Decide(new RoutingRequest(
            asWritten.Find("goteborg")!, MemberRole.Fritidspolitiker, M, "arbetsmarknad", false, true, OfficeCalendarTests.Local("2026-11-18 10:00")));
        AssertRecipients(goteborg, Channel, "PartySecurityOfficer:group:6a1f0c2e-0000-4000-8000-000000000112", "LocalSecurityOfficer:group:6a1f0c2e-0000-4000-8000-000000000121");
        Assert.Equal("Arbetsmarknadsnämnden", goteborg.Recipients[2].Name);
    }

    [Fact]
    public void MembersOf_AGroupNamedForTwoBodies_TheirLocalOfficersOnce()
    {
        var goteborg = Shipped.Find("goteborg")!;

        var members = RoutingRules.MembersOf(goteborg, RecipientRole.LocalSecurityOfficer, "6a1f0c2e-0000-4000-8000-000000000121");

        Assert.Equal(["00000000-0000-0000-0000-0000000000025"], members.Select(p => p.AadObjectId));
        Assert.Empty(RoutingRules.MembersOf(goteborg, RecipientRole.OnCall, "6a1f0c2e-0000-4000-8000-000000000121"));
    }

    [Fact]
    public void Decide_NormalNotInOfficeHours_UsesTheWallClock()
    {
        var stockholm = Shipped.Find("stockholm")!;
        var wallClock = stockholm with { Routing = stockholm.Routing with { Escalation = stockholm.Routing.Escalation with { NormalInOfficeHours = false } } };
        var at = OfficeCalendarTests.Local("2026-11-20 16:00");

        var decision = _rules.Decide(new RoutingRequest(wallClock, MemberRole.Fritidspolitiker, S, null, false, true, at));

        Assert.Equal(at + TimeSpan.FromHours(4), decision.EscalateAt);
    }

    [Fact]
    public void Decide_SameRequest_SameDecision()
    {
        var first = Decide("goteborg", "2026-11-18 20:00", body: "arbetsmarknad");
        var second = Decide("goteborg", "2026-11-18 20:00", body: "arbetsmarknad");

        Assert.Equal(first.Recipients, second.Recipients);
        Assert.Equal((first.Priority, first.EscalateAt, first.CallNow), (second.Priority, second.EscalateAt, second.CallNow));
    }

    [Fact]
    public void PartyOfficers_AnyCase_FindsTheParty()
    {
        Assert.Single(RoutingRules.PartyOfficers(Shipped.Find("alingsas")!, "socialdemokraterna"));
        Assert.Empty(RoutingRules.PartyOfficers(Shipped.Find("alingsas")!, "Liberalerna"));
    }
}
