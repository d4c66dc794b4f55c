using System.Text.Json.Nodes;

namespace Trygg.Organisations;

public sealed class OrganisationFileTests : IDisposable
{
    private const string FileName = "testkommun.json";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trygg-orgs-" + Guid.NewGuid().ToString("N")[..12]);

    public OrganisationFileTests() => Directory.CreateDirectory(_folder);

    private static JsonObject Valid() => new()
    {
        ["id"] = "testkommun",
        ["name"] = "Testkommun",
        ["casePrefix"] = "TRY",
        ["securityUnitName"] = "Säkerhetsenheten",
        ["parties"] = new JsonArray("Socialdemokraterna", "Moderaterna"),
        ["bodies"] = new JsonArray(
            new JsonObject { ["id"] = "kf", ["name"] = "Kommunfullmäktige", ["kind"] = "council" },
            new JsonObject { ["id"] = "ks", ["name"] = "Kommunstyrelsen", ["kind"] = "executiveBoard" },
            new JsonObject { ["id"] = "social", ["name"] = "Socialnämnden", ["kind"] = "board" },
            new JsonObject { ["id"] = "bostader", ["name"] = "Bostäder AB", ["kind"] = "company" }),
        ["securityChannel"] = new JsonObject { ["name"] = "Säkerhetsenheten – rapporter" },
        ["officeHours"] = new JsonObject
        {
            ["opens"] = "08:00",
            ["closes"] = "16:30",
            ["days"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday"),
        },
        ["onCall"] = new JsonObject { ["name"] = "Tjänsteperson i beredskap", ["phone"] = "08-000 00 00", ["person"] = Person("Isaiah Langer", 23) },
        ["headOfSecurity"] = Person("Lynne Robbins", 24),
        ["securityStaff"] = new JsonArray(Person("Alex Wilber", 20), Person("Lynne Robbins", 24)),
        ["administrators"] = new JsonArray(Person("Alex Wilber", 20)),
        ["partySecurity"] = new JsonArray(
            new JsonObject { ["party"] = "Moderaterna", ["officers"] = new JsonArray(Person("Adele Vance", 22), Person("Patti Fernandez", 25)) }),
        ["localSecurityOfficers"] = new JsonObject { ["social"] = Person("Megan Bowen", 21) },
        ["routeBodiesToLocalOfficer"] = true,
        ["sarskiltArvoderadeRoles"] = new JsonArray("Kommunalråd", "Oppositionsråd"),
        ["escalation"] = new JsonObject { ["high"] = "00:15", ["normal"] = "04:00", ["normalInOfficeHours"] = true },
        ["retention"] = new JsonObject { ["incidentMonths"] = 24, ["draftDays"] = 7 },
    };

    private static string PlaygroundId(int user) => $"00000000-0000-0000-0000-00000000000{user}";

    private static StaffPerson Staff(string name, int user) => new(name, PlaygroundId(user), null, null);

    private static JsonObject Person(string name, int user) => new() { ["name"] = name, ["aadObjectId"] = PlaygroundId(user) };

    [Fact]
    public void Read_ValidProfile_MapsEveryField()
    {
        var organisation = OrganisationFile.Read(Write(Valid()));

        Assert.Equal("testkommun", organisation.Id);
        Assert.Equal("Testkommun", organisation.Name);
        Assert.Equal("TRY", organisation.CasePrefix);
        Assert.Equal("Säkerhetsenheten", organisation.SecurityUnitName);
        Assert.Equal(["Socialdemokraterna", "Moderaterna"], organisation.Parties);
        Assert.Equal(
            [new Body("kf", "Kommunfullmäktige", BodyKind.Council), new Body("ks", "Kommunstyrelsen", BodyKind.ExecutiveBoard),
             new Body("social", "Socialnämnden", BodyKind.Board), new Body("bostader", "Bostäder AB", BodyKind.Company)],
            organisation.Bodies);
        var routing = organisation.Routing;
        Assert.Equal(new SecurityChannelSetting("Säkerhetsenheten – rapporter"), routing.SecurityChannel);
        Assert.Equal(new TimeOnly(8, 0), routing.OfficeHours.Opens);
        Assert.Equal(new TimeOnly(16, 30), routing.OfficeHours.Closes);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], routing.OfficeHours.Days);
        Assert.Equal(new OnCallContact("Tjänsteperson i beredskap", "08-000 00 00", Staff("Isaiah Langer", 23)), routing.OnCall);
        Assert.Equal(Staff("Lynne Robbins", 24), routing.HeadOfSecurity);
        Assert.Equal([Staff("Alex Wilber", 20), Staff("Lynne Robbins", 24)], routing.SecurityStaff);
        Assert.Equal([Staff("Alex Wilber", 20)], routing.Administrators);
        var party = Assert.Single(routing.PartySecurity);
        Assert.Equal("Moderaterna", party.Party);
        Assert.Equal([Staff("Adele Vance", 22), Staff("Patti Fernandez", 25)], party.Officers);
        Assert.Equal(Staff("Megan Bowen", 21), Assert.Single(routing.LocalSecurityOfficers, p => p.Key == "social").Value);
        Assert.True(routing.RouteBodiesToLocalOfficer);
        Assert.Equal(["Kommunalråd", "Oppositionsråd"], routing.SarskiltArvoderadeRoles);
        Assert.Equal(new EscalationPolicy(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4), NormalInOfficeHours: true), routing.Escalation);
        Assert.Null(routing.MembersGroupId);
    }

    [Fact]
    public void Read_OptionalRoutingFieldsLeftOut_TakeTheirDefaults()
    {
        var json = Valid();
        json.Remove("localSecurityOfficers");
        json.Remove("routeBodiesToLocalOfficer");
        json["escalation"]!.AsObject().Remove("normalInOfficeHours");
        json["onCall"]!.AsObject().Remove("person");
        json["partySecurity"] = new JsonArray();

        var routing = OrganisationFile.Read(Write(json)).Routing;

        Assert.Empty(routing.LocalSecurityOfficers);
        Assert.False(routing.RouteBodiesToLocalOfficer);
        Assert.True(routing.Escalation.NormalInOfficeHours);
        Assert.Null(routing.OnCall.Person);
        Assert.Empty(routing.PartySecurity);
    }

    [Fact]
    public void Read_PersonDetails_KeepsPhoneAsWrittenAndLowerCasesGuid()
    {
        var json = Valid();
        json["headOfSecurity"] = new JsonObject
        {
            ["name"] = " Lynne Robbins ",
            ["aadObjectId"] = "3F2B8C1E-5D4A-4E0B-9C7F-1A2B3C4D5E6F",
            ["phone"] = "070-000 00 00",
            ["email"] = "lynne@example.com",
        };
        json["membersGroupId"] = "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

        var routing = OrganisationFile.Read(Write(json)).Routing;

        Assert.Equal(new StaffPerson("Lynne Robbins", "3f2b8c1e-5d4a-4e0b-9c7f-1a2b3c4d5e6f", "070-000 00 00", "lynne@example.com"), routing.HeadOfSecurity);
        Assert.Equal("6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", routing.MembersGroupId);
    }

    [Fact]
    public void Read_PartyWrittenInOtherCase_UsesThePartyListsSpelling()
    {
        var json = Valid();
        json["partySecurity"]![0]!["party"] = "moderaterna";

        Assert.Equal("Moderaterna", Assert.Single(OrganisationFile.Read(Write(json)).Routing.PartySecurity).Party);
    }

    [Theory]
    [InlineData("securityChannel")]
    [InlineData("officeHours")]
    [InlineData("onCall")]
    [InlineData("headOfSecurity")]
    [InlineData("securityStaff")]
    [InlineData("administrators")]
    [InlineData("partySecurity")]
    [InlineData("sarskiltArvoderadeRoles")]
    [InlineData("escalation")]
    public void Read_MissingRoutingField_NamesFileAndField(string field)
    {
        var json = Valid();
        json.Remove(field);

        AssertFails(json, field);
    }

    [Theory]
    [InlineData("securityChannel", "name")]
    [InlineData("officeHours", "opens")]
    [InlineData("officeHours", "closes")]
    [InlineData("officeHours", "days")]
    [InlineData("onCall", "name")]
    [InlineData("onCall", "phone")]
    [InlineData("headOfSecurity", "name")]
    [InlineData("headOfSecurity", "aadObjectId")]
    [InlineData("escalation", "high")]
    [InlineData("escalation", "normal")]
    public void Read_MissingNestedField_NamesIt(string parent, string field) =>
        AssertFails(With(j => j[parent]!.AsObject().Remove(field)), $"{parent}.{field}");

    [Fact]
    public void Read_BlankChannelName_NamesIt() => AssertFails(With(j => j["securityChannel"]!["name"] = " "), "securityChannel.name");

    [Fact]
    public void Read_ChannelNotAnObject_NamesIt() => AssertFails(With(j => j["securityChannel"] = "Säkerhet"), "securityChannel", "an object");

    [Theory]
    [InlineData("opens", "8")]
    [InlineData("opens", "25:00")]
    [InlineData("opens", "08.00")]
    [InlineData("closes", "16:30:00")]
    [InlineData("closes", "halv fem")]
    public void Read_BadTime_NamesIt(string field, string value) =>
        AssertFails(With(j => j["officeHours"]![field] = value), $"officeHours.{field}", "HH:mm");

    [Fact]
    public void Read_ClosesBeforeOpens_NamesCloses() => AssertFails(With(j => j["officeHours"]!["closes"] = "07:00"), "officeHours.closes");

    [Fact]
    public void Read_UnknownDay_NamesTheDay() => AssertFails(With(j => j["officeHours"]!["days"]![1] = "tisdag"), "officeHours.days[1]");

    [Fact]
    public void Read_RepeatedDay_NamesTheRepeat() => AssertFails(With(j => j["officeHours"]!["days"]![2] = "Monday"), "officeHours.days[2]");

    [Fact]
    public void Read_NoOpenDays_NamesDays() => AssertFails(With(j => j["officeHours"]!["days"] = new JsonArray()), "officeHours.days");

    [Theory]
    [InlineData("112")]
    [InlineData("+1 555 0100")]
    [InlineData("ring TiB")]
    public void Read_OnCallPhoneNotSwedish_NamesIt(string phone) => AssertFails(With(j => j["onCall"]!["phone"] = phone), "onCall.phone");

    [Fact]
    public void Read_BlankOnCallPhone_NamesIt() => AssertFails(With(j => j["onCall"]!["phone"] = ""), "onCall.phone", "call this number");

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("3f2b8c1e5d4a4e0b9c7f1a2b3c4d5e6f")]
    [InlineData("user-id-0")]
    public void Read_BadObjectId_NamesIt(string id) =>
        AssertFails(With(j => j["securityStaff"]![1]!["aadObjectId"] = id), "securityStaff[1].aadObjectId", "Entra object id");

    [Fact]
    public void Read_BadObjectIdOfPartyOfficer_NamesIt() =>
        AssertFails(With(j => j["partySecurity"]![0]!["officers"]![1]!["aadObjectId"] = "x"), "partySecurity[0].officers[1].aadObjectId");

    [Fact]
    public void Read_BadObjectIdOfOnCallPerson_NamesIt() => AssertFails(With(j => j["onCall"]!["person"]!["aadObjectId"] = "x"), "onCall.person.aadObjectId");

    [Fact]
    public void Read_BadMembersGroupId_NamesIt() => AssertFails(With(j => j["membersGroupId"] = "alla-politiker"), "membersGroupId");

    [Fact]
    public void Read_BadStaffPhone_NamesIt() => AssertFails(With(j => j["headOfSecurity"]!["phone"] = "12345"), "headOfSecurity.phone");

    [Fact]
    public void Read_BadEmail_NamesIt() => AssertFails(With(j => j["administrators"]![0]!["email"] = "alex"), "administrators[0].email");

    [Fact]
    public void Read_EmptySecurityStaff_NamesIt() => AssertFails(With(j => j["securityStaff"] = new JsonArray()), "securityStaff");

    [Fact]
    public void Read_NullAdministrator_NamesIt() => AssertFails(With(j => j["administrators"]!.AsArray().Add(null)), "administrators[1]");

    [Fact]
    public void Read_SamePersonTwiceInStaff_NamesTheRepeat() =>
        AssertFails(With(j => j["securityStaff"]!.AsArray().Add(Person("Alex W.", 20))), "securityStaff[2].aadObjectId");

    [Fact]
    public void Read_UnknownParty_NamesTheParty() =>
        AssertFails(With(j => j["partySecurity"]![0]!["party"] = "Piratpartiet"), "partySecurity[0].party", "Piratpartiet");

    [Fact]
    public void Read_PartyListedTwice_NamesTheRepeat() =>
        AssertFails(
            With(j => j["partySecurity"]!.AsArray().Add(new JsonObject { ["party"] = "Moderaterna", ["officers"] = new JsonArray(Person("Megan Bowen", 21)) })),
            "partySecurity[1].party");

    [Fact]
    public void Read_PartyWithoutOfficers_NamesOfficers() =>
        AssertFails(With(j => j["partySecurity"]![0]!["officers"] = new JsonArray()), "partySecurity[0].officers");

    [Fact]
    public void Read_UnknownBodyForLocalOfficer_NamesIt() =>
        AssertFails(With(j => j["localSecurityOfficers"]!["skola"] = Person("Megan Bowen", 21)), "localSecurityOfficers.skola", "skola");

    [Theory]
    [InlineData("kf")]
    [InlineData("ks")]
    public void Read_LocalOfficerForCouncilOrExecutiveBoard_NamesIt(string body) =>
        AssertFails(With(j => j["localSecurityOfficers"]![body] = Person("Megan Bowen", 21)), $"localSecurityOfficers.{body}");

    [Fact]
    public void Read_LocalOfficerNotAPerson_NamesIt() =>
        AssertFails(With(j => j["localSecurityOfficers"]!["social"] = "Megan Bowen"), "localSecurityOfficers.social", "a person");

    [Fact]
    public void Read_BodyRuleWithoutLocalOfficers_NamesTheRule() =>
        AssertFails(With(j => j["localSecurityOfficers"] = new JsonObject()), "routeBodiesToLocalOfficer");

    [Fact]
    public void Read_BodyRuleNotABoolean_NamesIt() =>
        AssertFails(With(j => j["routeBodiesToLocalOfficer"] = "ja"), "routeBodiesToLocalOfficer", "true or false");

    [Fact]
    public void Read_NoSarskiltArvoderadeRoles_NamesIt() => AssertFails(With(j => j["sarskiltArvoderadeRoles"] = new JsonArray()), "sarskiltArvoderadeRoles");

    [Theory]
    [InlineData("high", "15")]
    [InlineData("high", "3")]
    [InlineData("high", "15 minuter")]
    [InlineData("high", "00:00")]
    [InlineData("high", "-00:15")]
    [InlineData("normal", "8.00:00")]
    [InlineData("normal", "PT4H")]
    public void Read_BadEscalationTime_NamesIt(string field, string value) =>
        AssertFails(With(j => j["escalation"]![field] = value), $"escalation.{field}");

    [Theory]
    [InlineData("routeBodiesToLocalOfficers")]
    [InlineData("onCallPhone")]
    public void Read_UnknownTopLevelField_NamesIt(string field)
    {
        var path = Write(With(j => j[field] = true));

        var e = Assert.Throws<OrganisationProfileException>(() => OrganisationFile.Read(path, new HashSet<string> { "retention" }));

        Assert.Contains($"field '{field}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("spelling", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SectionAFeatureClaims_KeepsItAsWritten()
    {
        var organisation = OrganisationFile.Read(Write(Valid()), new HashSet<string> { "retention" });

        Assert.Equal(["retention"], organisation.Sections.Names);
        Assert.Equal("testkommun.json", organisation.Sections.File);
        Assert.Equal(7, organisation.Sections.Read("retention", (_, json) => json!.Value.GetProperty("draftDays").GetInt32(), 0));
    }

    [Fact]
    public void Read_RolesNamedByGroup_KeepsTheGroupsAndNeedsNoPeople()
    {
        var json = With(j =>
        {
            j.Remove("securityStaff");
            j.Remove("administrators");
            j["groups"] = new JsonObject { ["securityStaff"] = "6A1F0C2E-0000-4000-8000-000000000001", ["administrators"] = "6a1f0c2e-0000-4000-8000-000000000002" };
        });

        var routing = OrganisationFile.Read(Write(json)).Routing;

        Assert.Equal(new Roles.RoleGroups("6a1f0c2e-0000-4000-8000-000000000001", "6a1f0c2e-0000-4000-8000-000000000002"), routing.Groups);
        Assert.Empty(routing.SecurityStaff);
        Assert.Empty(routing.Administrators);
    }

    [Fact]
    public void Read_PartyOfficersNamedByGroup_KeepsTheGroupAndNeedsNoPeople()
    {
        var json = With(j =>
        {
            j["partySecurity"]![0]!.AsObject().Remove("officers");
            j["partySecurity"]![0]!["group"] = "6a1f0c2e-0000-4000-8000-000000000003";
        });

        var routing = OrganisationFile.Read(Write(json)).Routing;

        Assert.Empty(Assert.Single(routing.PartySecurity).Officers);
        Assert.Equal("6a1f0c2e-0000-4000-8000-000000000003", routing.Groups.PartyOfficers!["Moderaterna"]);
        Assert.Contains("6a1f0c2e-0000-4000-8000-000000000003", routing.Groups.All);
    }

    [Fact]
    public void Read_OnCallHeadAndLocalOfficersNamedByGroup_KeepTheGroupsAndNeedNoPeople()
    {
        var json = With(j =>
        {
            j.Remove("headOfSecurity");
            j["onCall"]!.AsObject().Remove("person");
            j["groups"] = new JsonObject { ["onCall"] = "6a1f0c2e-0000-4000-8000-000000000004", ["headOfSecurity"] = "6a1f0c2e-0000-4000-8000-000000000005" };
            j["localSecurityOfficers"] = new JsonObject
            {
                ["social"] = new JsonObject { ["group"] = "6a1f0c2e-0000-4000-8000-000000000006" },
                ["bostader"] = new JsonObject { ["name"] = "Megan Bowen", ["aadObjectId"] = PlaygroundId(21), ["group"] = "6a1f0c2e-0000-4000-8000-000000000007" },
            };
        });

        var routing = OrganisationFile.Read(Write(json)).Routing;

        Assert.Equal("6a1f0c2e-0000-4000-8000-000000000004", routing.Groups.OnCall);
        Assert.Equal("6a1f0c2e-0000-4000-8000-000000000005", routing.Groups.HeadOfSecurity);
        Assert.Equal(
            [KeyValuePair.Create("social", "6a1f0c2e-0000-4000-8000-000000000006"), KeyValuePair.Create("bostader", "6a1f0c2e-0000-4000-8000-000000000007")],
            routing.Groups.LocalOfficers!);
        Assert.Null(routing.HeadOfSecurity);
        Assert.Empty(routing.HeadsOfSecurity);
        Assert.Empty(routing.OnCall.People);
        Assert.Equal("08-000 00 00", routing.OnCall.Phone);
        Assert.Empty(routing.LocalOfficersOf("social"));
        Assert.Equal([Staff("Megan Bowen", 21)], routing.LocalOfficersOf("bostader"));
        Assert.Equal(
            ["6a1f0c2e-0000-4000-8000-000000000004", "6a1f0c2e-0000-4000-8000-000000000005", "6a1f0c2e-0000-4000-8000-000000000006", "6a1f0c2e-0000-4000-8000-000000000007"],
            routing.Groups.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_NoHeadOfSecurityAndNoGroup_NamesTheField() => AssertFails(With(j => j.Remove("headOfSecurity")), "headOfSecurity");

    [Fact]
    public void Read_RouteBodiesWithOnlyAGroupForALocalOfficer_IsAccepted()
    {
        var json = With(j => j["localSecurityOfficers"] = new JsonObject { ["social"] = new JsonObject { ["group"] = "6a1f0c2e-0000-4000-8000-000000000006" } });

        Assert.True(OrganisationFile.Read(Write(json)).Routing.RouteBodiesToLocalOfficer);
    }

    [Theory]
    [InlineData("onCall")]
    [InlineData("headOfSecurity")]
    public void Read_BadOnCallOrHeadGroupId_NamesIt(string role) =>
        AssertFails(With(j => j["groups"] = new JsonObject { [role] = "jouren" }), $"groups.{role}");

    [Fact]
    public void Read_BadLocalOfficerGroupId_NamesIt() =>
        AssertFails(With(j => j["localSecurityOfficers"] = new JsonObject { ["social"] = new JsonObject { ["group"] = "socialens-grupp" } }), "localSecurityOfficers.social.group");

    [Fact]
    public void Read_UnknownFieldInAGroupOnlyLocalOfficer_NamesIt() =>
        AssertFails(
            With(j => j["localSecurityOfficers"] = new JsonObject { ["social"] = new JsonObject { ["group"] = "6a1f0c2e-0000-4000-8000-000000000006", ["grupp"] = "x" } }),
            "localSecurityOfficers.social.grupp");

    [Fact]
    public void Read_PartyWithNeitherOfficersNorGroup_NamesTheField() =>
        AssertFails(With(j => j["partySecurity"]![0]!.AsObject().Remove("officers")), "partySecurity[0].officers");

    [Fact]
    public void Read_BadPartyGroupId_NamesIt() =>
        AssertFails(With(j => j["partySecurity"]![0]!["group"] = "moderaternas-grupp"), "partySecurity[0].group");

    [Fact]
    public void Read_NoStaffAndNoGroup_NamesTheField() => AssertFails(With(j => j.Remove("securityStaff")), "securityStaff");

    [Theory]
    [InlineData("securityStaff", "alla-handlaggare")]
    [InlineData("administrators", "")]
    public void Read_BadGroupId_NamesIt(string role, string id) =>
        AssertFails(With(j => j["groups"] = new JsonObject { [role] = id }), $"groups.{role}");

    [Fact]
    public void Read_UnknownRoleGroup_NamesIt() =>
        AssertFails(With(j => j["groups"] = new JsonObject { ["rota"] = "6a1f0c2e-0000-4000-8000-000000000001" }), "groups.rota");

    [Fact]
    public void Read_UnknownNestedField_NamesIt() => AssertFails(With(j => j["onCall"]!["telefon"] = "08-000 00 00"), "onCall.telefon");

    [Fact]
    public void Read_UnknownFieldInBody_NamesIt() => AssertFails(With(j => j["bodies"]![0]!["officers"] = new JsonArray()), "bodies[0].officers");

    [Fact]
    public void Read_UnknownFieldInPerson_NamesIt() => AssertFails(With(j => j["securityStaff"]![0]!["objectId"] = "x"), "securityStaff[0].objectId");

    [Fact]
    public void Read_SchemaField_IsAllowed()
    {
        var json = Valid();
        json["$schema"] = "./organisation.schema.json";

        Assert.Equal("testkommun", OrganisationFile.Read(Write(json)).Id);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("casePrefix")]
    [InlineData("securityUnitName")]
    [InlineData("parties")]
    [InlineData("bodies")]
    public void Read_MissingField_NamesFileAndField(string field)
    {
        var json = Valid();
        json.Remove(field);

        AssertFails(json, field);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("casePrefix")]
    [InlineData("securityUnitName")]
    public void Read_BlankField_NamesFileAndField(string field)
    {
        var json = Valid();
        json[field] = "  ";

        AssertFails(json, field);
    }

    [Theory]
    [InlineData("id", "Alingsås")]
    [InlineData("id", "a")]
    [InlineData("casePrefix", "T")]
    [InlineData("casePrefix", "TRYGGA")]
    [InlineData("casePrefix", "try")]
    [InlineData("casePrefix", "TR1")]
    [InlineData("casePrefix", "ÅÄÖ")]
    public void Read_InvalidValue_NamesFileAndField(string field, string value)
    {
        var json = Valid();
        json[field] = value;

        AssertFails(json, field);
    }

    [Fact]
    public void Read_EmptyParties_NamesParties() => AssertFails(With(j => j["parties"] = new JsonArray()), "parties");

    [Fact]
    public void Read_BlankParty_NamesThatParty() => AssertFails(With(j => j["parties"]!.AsArray().Add("")), "parties[2]");

    [Fact]
    public void Read_RepeatedParty_NamesThatParty() => AssertFails(With(j => j["parties"]!.AsArray().Add("moderaterna")), "parties[2]");

    [Fact]
    public void Read_PartiesNotAList_NamesParties() => AssertFails(With(j => j["parties"] = "Socialdemokraterna"), "parties");

    [Fact]
    public void Read_EmptyBodies_NamesBodies() => AssertFails(With(j => j["bodies"] = new JsonArray()), "bodies");

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("kind")]
    public void Read_BodyWithoutField_NamesBodyAndField(string field) =>
        AssertFails(With(j => j["bodies"]![2]!.AsObject().Remove(field)), $"bodies[2].{field}");

    [Fact]
    public void Read_UnknownBodyKind_NamesKind() => AssertFails(With(j => j["bodies"]![2]!["kind"] = "committee"), "bodies[2].kind");

    [Fact]
    public void Read_BodyIdWithComma_NamesId() => AssertFails(With(j => j["bodies"]![2]!["id"] = "a,b"), "bodies[2].id");

    [Fact]
    public void Read_RepeatedBodyId_NamesTheRepeat() => AssertFails(With(j => j["bodies"]![3]!["id"] = "social"), "bodies[3].id");

    [Fact]
    public void Read_NoCouncil_NamesBodies() => AssertFails(With(j => j["bodies"]![0]!["kind"] = "board"), "bodies", "council");

    [Fact]
    public void Read_TwoExecutiveBoards_NamesBodies() =>
        AssertFails(With(j => j["bodies"]![2]!["kind"] = "executiveBoard"), "bodies", "executiveBoard");

    [Fact]
    public void Read_NotJson_NamesFile()
    {
        var path = Path.Combine(_folder, FileName);
        File.WriteAllText(path, "{ \"id\": \"testkommun\", ");

        var e = Assert.Throws<OrganisationProfileException>(() => OrganisationFile.Read(path));

        Assert.Contains($"'{FileName}'", e.Message, StringComparison.Ordinal);
    }

    private static JsonObject With(Action<JsonObject> change)
    {
        var json = Valid();
        change(json);
        return json;
    }

    private void AssertFails(JsonObject json, string field, string? mention = null)
    {
        var path = Write(json);

        var e = Assert.Throws<OrganisationProfileException>(() => OrganisationFile.Read(path));

        Assert.Contains($"'{FileName}'", e.Message, StringComparison.Ordinal);
        Assert.Contains($"field '{field}'", e.Message, StringComparison.Ordinal);
        if (mention is not null)
        {
            Assert.Contains(mention, e.Message, StringComparison.Ordinal);
        }
    }

    private string Write(JsonObject json)
    {
        var path = Path.Combine(_folder, FileName);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
