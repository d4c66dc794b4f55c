using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Trygg.Testing.Cases;

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

    private static Organisation WithGroups(Organisation organisation) =>
        organisation with { Routing = organisation.Routing with { Groups = new RoleGroups(StaffGroup, AdminGroup) } };

    private RoleSnapshot Snapshot(Organisation organisation, FakeTimeProvider? time = null) => new(
        new OrganisationDirectory([organisation]), _groups, Options.Create(new OrganisationsOptions()), time ?? new FakeTimeProvider(), NullLogger<RoleSnapshot>.Instance);

    private sealed class Groups : IGroupMembers
    {
        public Dictionary<string, IReadOnlyList<StaffPerson>> Members { get; } = [];

        public bool Fail { get; set; }

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

            return Fail ? throw new HttpRequestException("Graph is down") : Task.FromResult(Members.GetValueOrDefault(groupId, []));
        }
    }
}
