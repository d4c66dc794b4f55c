using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Trygg.Organisations.Sources;
using Trygg.Privacy;
using Trygg.Testing;
using Trygg.Testing.Cases;
using Trygg.Testing.Organisations;

namespace Trygg.Organisations.Roles;

public sealed class RoleSnapshotTests
{
    private const string StaffGroup = "6a1f0c2e-0000-4000-8000-000000000001";
    private const string AdminGroup = "6a1f0c2e-0000-4000-8000-000000000002";

    private static readonly StaffPerson Megan = new("Megan Bowen", "00000000-0000-0000-0000-0000000000021");
    private static readonly StaffPerson Adele = new("Adele Vance", "00000000-0000-0000-0000-0000000000022");

    private readonly Groups _groups = new();

    [Fact]
    public async Task StartAsync_ProfileNamingGroups_FillsStaffAndAdministratorsFromTheDirectory()
    {
        _groups.Members[StaffGroup] = [Megan];
        _groups.Members[AdminGroup] = [Adele];
        var snapshot = Snapshot(WithGroups(TestOrganisations.Testkommun()));

        await snapshot.StartAsync(CancellationToken.None);

        var routing = snapshot.Find("testkommun")!.Routing;
        Assert.Contains(Megan, routing.SecurityStaff);
        Assert.Contains(Adele, routing.Administrators);
        Assert.True(Staff.IsSecurityStaff(snapshot.Find("testkommun")!, Megan.AadObjectId));
        await snapshot.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StartAsync_PartyNamingAGroup_FillsItsOfficers()
    {
        const string PartyGroup = "6a1f0c2e-0000-4000-8000-000000000003";
        _groups.Members[PartyGroup] = [Adele];
        var organisation = TestOrganisations.Testkommun();
        var party = organisation.Routing.PartySecurity[0].Party;
        var snapshot = Snapshot(organisation with
        {
            Routing = organisation.Routing with
            {
                PartySecurity = [new PartySecurity(party, [])],
                Groups = new RoleGroups(null, null, new Dictionary<string, string> { [party] = PartyGroup }),
            },
        });

        await snapshot.StartAsync(CancellationToken.None);

        Assert.Equal([Adele], snapshot.Find("testkommun")!.Routing.PartySecurity.Single(p => p.Party == party).Officers);
        await snapshot.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RefreshAsync_GroupChanged_ServesTheNewMembers()
    {
        _groups.Members[StaffGroup] = [Megan];
        var snapshot = Snapshot(WithGroups(TestOrganisations.Testkommun()));
        await snapshot.RefreshAsync(CancellationToken.None);

        _groups.Members[StaffGroup] = [Adele];
        await snapshot.RefreshAsync(CancellationToken.None);

        var staff = snapshot.Find("testkommun")!.Routing.SecurityStaff;
        Assert.Contains(Adele, staff);
        Assert.DoesNotContain(Megan, staff);
    }

    [Fact]
    public async Task RefreshAsync_DirectoryFails_KeepsTheLastGoodRoles()
    {
        _groups.Members[StaffGroup] = [Megan];
        var snapshot = Snapshot(WithGroups(TestOrganisations.Testkommun()));
        await snapshot.RefreshAsync(CancellationToken.None);

        _groups.Fail = true;
        await snapshot.RefreshAsync(CancellationToken.None);

        Assert.Contains(Megan, snapshot.Find("testkommun")!.Routing.SecurityStaff);
    }

    [Fact]
    public async Task RefreshAsync_ProfileChangedWhileTheDirectoryFails_ServesTheNewProfileWithTheLastGoodMembers()
    {
        var source = new FakeProfileSource();
        source.Set(NamingTheStaffGroup(TestProfiles.Valid()));
        var reader = new ProfileReader(source, [new RetentionProfileSection()], NullLogger<ProfileReader>.Instance);
        _groups.Members[StaffGroup] = [Megan];
        var snapshot = new RoleSnapshot(
            reader.Load(), _groups, Options.Create(new OrganisationsOptions()), new FakeTimeProvider(), NullLogger<RoleSnapshot>.Instance, reader);
        await snapshot.RefreshAsync(CancellationToken.None);

        _groups.Fail = true;
        source.Set(NamingTheStaffGroup(TestProfiles.Valid(name: "Nya Testkommun")));
        await snapshot.RefreshAsync(CancellationToken.None);

        var served = snapshot.Find("testkommun")!;
        Assert.Equal("Nya Testkommun", served.Name);
        Assert.Contains(Megan, served.Routing.SecurityStaff);
    }

    [Fact]
    public async Task RefreshAsync_ProfileWithoutGroups_ServesItAsWritten()
    {
        var organisation = TestOrganisations.Testkommun();
        var snapshot = Snapshot(organisation);

        await snapshot.RefreshAsync(CancellationToken.None);

        Assert.Same(organisation, snapshot.Find("testkommun"));
        Assert.Equal(0, _groups.Calls);
    }

    [Fact]
    public async Task StartAsync_DirectoryHangs_StartsWithTheProfilesAsWrittenAfterTheLimit()
    {
        _groups.Hang = true;
        var time = new FakeTimeProvider();
        var organisation = WithGroups(TestOrganisations.Testkommun());
        var snapshot = Snapshot(organisation, time);

        var start = snapshot.StartAsync(CancellationToken.None);
        Assert.False(start.IsCompleted);
        time.Advance(RoleSnapshot.FirstReadLimit);
        await start.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(organisation.Routing.SecurityStaff, snapshot.Find("testkommun")!.Routing.SecurityStaff);
        await snapshot.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RefreshAsync_OnCallHeadAndLocalOfficersNamedByGroup_FillsTheirPeopleReadingEachGroupOnce()
    {
        const string RotaGroup = "6a1f0c2e-0000-4000-8000-000000000004";
        const string HeadGroup = "6a1f0c2e-0000-4000-8000-000000000005";
        const string LocalGroup = "6a1f0c2e-0000-4000-8000-000000000006";
        _groups.Members[RotaGroup] = [Megan, Adele];
        _groups.Members[HeadGroup] = [Adele];
        _groups.Members[LocalGroup] = [Megan];
        var organisation = TestOrganisations.Testkommun();
        var snapshot = Snapshot(organisation with
        {
            Routing = organisation.Routing with
            {
                HeadOfSecurity = null,
                Groups = RoleGroups.None with
                {
                    OnCall = RotaGroup,
                    HeadOfSecurity = HeadGroup,
                    LocalOfficers = new Dictionary<string, string> { ["social"] = LocalGroup, ["bostader"] = LocalGroup },
                },
            },
        });

        await snapshot.RefreshAsync(CancellationToken.None);

        var routing = snapshot.Find("testkommun")!.Routing;
        Assert.Equal([TestOrganisations.IsaiahLanger, Megan, Adele], routing.OnCall.People);
        Assert.Equal([Adele], routing.HeadsOfSecurity);
        Assert.Equal([Megan], routing.LocalOfficersOf("social"));
        Assert.Equal([Megan], routing.LocalOfficersOf("bostader"));
        Assert.Equal(3, _groups.Calls);
    }

    [Fact]
    public async Task RefreshAsync_OnlyTheOnCallGroupFails_TheRolesDoNotCountAsRead()
    {
        const string RotaGroup = "6a1f0c2e-0000-4000-8000-000000000004";
        _groups.Members[StaffGroup] = [Megan];
        _groups.Failing.Add(RotaGroup);
        var organisation = WithGroups(TestOrganisations.Testkommun());
        var snapshot = Snapshot(organisation with { Routing = organisation.Routing with { Groups = organisation.Routing.Groups with { OnCall = RotaGroup } } });

        await snapshot.RefreshAsync(CancellationToken.None);

        Assert.False(((IOrganisationDirectory)snapshot).RolesRead("testkommun"));
    }

    [Fact]
    public async Task RolesRead_BeforeAndAfterTheFirstGoodRead_FalseThenTrue()
    {
        _groups.Fail = true;
        var snapshot = Snapshot(WithGroups(TestOrganisations.Testkommun()));
        await snapshot.RefreshAsync(CancellationToken.None);
        IOrganisationDirectory directory = snapshot;

        Assert.False(directory.RolesRead("testkommun"));

        _groups.Fail = false;
        await snapshot.RefreshAsync(CancellationToken.None);

        Assert.True(directory.RolesRead("testkommun"));
    }

    [Fact]
    public void RolesRead_ProfileListingItsPeople_TrueBeforeAnyRead()
    {
        IOrganisationDirectory directory = Snapshot(TestOrganisations.Testkommun());

        Assert.True(directory.RolesRead("testkommun"));
    }

    [Fact]
    public async Task RefreshAsync_DirectoryFailsLongerThanRoleMaxAge_KeepsServingWarnsEachTimeAndHealthIsDegraded()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero));
        var logs = new LogCapture(LogLevel.Warning);
        _groups.Members[StaffGroup] = [Megan];
        var snapshot = Snapshot(WithGroups(TestOrganisations.Testkommun()), time, logs);
        var health = new RoleHealthCheck(snapshot);
        await snapshot.RefreshAsync(CancellationToken.None);
        _groups.Fail = true;

        time.Advance(TimeSpan.FromHours(23));
        await snapshot.RefreshAsync(CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("RoleMaxAge", StringComparison.Ordinal));

        time.Advance(TimeSpan.FromHours(2));
        await snapshot.RefreshAsync(CancellationToken.None);
        await snapshot.RefreshAsync(CancellationToken.None);

        var result = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("testkommun", result.Description, StringComparison.Ordinal);
        Assert.Equal(2, logs.Entries.Count(e => e.Message.Contains("RoleMaxAge", StringComparison.Ordinal) && e.Message.Contains("testkommun", StringComparison.Ordinal)));
        Assert.Contains(Megan, snapshot.Find("testkommun")!.Routing.SecurityStaff);
        Assert.Equal("testkommun", StaffAccess.StaffOrganisation(snapshot, Megan.AadObjectId)!.Id);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("Megan", StringComparison.Ordinal));

        _groups.Fail = false;
        await snapshot.RefreshAsync(CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task StaleOrganisations_NeverReadForLongerThanRoleMaxAge_CountsFromStart()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero));
        _groups.Fail = true;
        var snapshot = Snapshot(WithGroups(TestOrganisations.Testkommun()), time);
        await snapshot.RefreshAsync(CancellationToken.None);

        Assert.Empty(snapshot.StaleOrganisations());
        time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(["testkommun"], snapshot.StaleOrganisations());
    }

    private static JsonObject NamingTheStaffGroup(JsonObject profile)
    {
        profile["groups"] = new JsonObject { ["securityStaff"] = StaffGroup };
        return profile;
    }

    private static Organisation WithGroups(Organisation organisation) =>
        organisation with { Routing = organisation.Routing with { Groups = new RoleGroups(StaffGroup, AdminGroup) } };

    private RoleSnapshot Snapshot(Organisation organisation, FakeTimeProvider? time = null, LogCapture? logs = null) => new(
        new OrganisationDirectory([organisation]),
        _groups,
        Options.Create(new OrganisationsOptions()),
        time ?? new FakeTimeProvider(),
        logs is null ? NullLogger<RoleSnapshot>.Instance : new Logger<RoleSnapshot>(LoggerFactory.Create(b => b.AddProvider(logs))));

    private sealed class Groups : IGroupMembers
    {
        public Dictionary<string, IReadOnlyList<StaffPerson>> Members { get; } = [];

        public bool Fail { get; set; }

        /// <summary>Groups whose read fails while the others answer.</summary>
        public HashSet<string> Failing { get; } = [];

        /// <summary>Answers only when cancelled, like a directory that does not answer.</summary>
        public bool Hang { get; set; }

        public int Calls { get; private set; }

        public Task<IReadOnlyList<StaffPerson>> ListUsersAsync(string groupId, CancellationToken cancellationToken)
        {
            Calls++;
            if (Hang)
            {
                return Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith<IReadOnlyList<StaffPerson>>(_ => [], cancellationToken, TaskContinuationOptions.None, TaskScheduler.Default);
            }

            return Fail || Failing.Contains(groupId) ? throw new HttpRequestException("Graph is down") : Task.FromResult(Members.GetValueOrDefault(groupId, []));
        }
    }
}
