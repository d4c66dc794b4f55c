using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Storage;
using Trygg.Testing;
using Trygg.Organisations;

namespace Trygg.Members;

public sealed class TableMemberProfileStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly string _tablePrefix = AzuriteFixture.NewTablePrefix();
    private readonly List<IHost> _hosts = [];

    private static MemberProfile Profile() => new(
        "alingsas",
        "Centerpartiet",
        MemberRole.Fritidspolitiker,
        ["ks", "barn-och-ungdom"],
        "+46701234567",
        "Åsa Öberg",
        "asa.oberg@alingsas.se",
        new DateTimeOffset(2026, 11, 2, 9, 30, 15, TimeSpan.FromHours(1)));

    /// <summary>A store on its own host (own TableServiceClient), as after a restart of the bot.</summary>
    private TableMemberProfileStore NewStore()
    {
        var host = TryggServices.Build(azurite, _tablePrefix);
        _hosts.Add(host);
        return new TableMemberProfileStore(host.Services.GetRequiredService<ITables>());
    }

    private static void AssertSame(MemberProfile expected, MemberProfile? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { BodyIds = [] }, actual with { BodyIds = [] });
        Assert.Equal(expected.BodyIds, actual.BodyIds);
        Assert.Equal(expected.UpdatedAt.UtcTicks, actual.UpdatedAt.UtcTicks);
    }

    [Fact]
    public async Task GetAsync_AfterSave_ReturnsTheSameProfile()
    {
        var store = NewStore();
        var key = new MemberKey(Tenant, "6b7c1e9a-0000-4000-8000-000000000001");

        await store.SaveAsync(key, Profile(), CancellationToken.None);

        AssertSame(Profile(), await store.GetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        var store = NewStore();
        await store.SaveAsync(new MemberKey(Tenant, "someone"), Profile(), CancellationToken.None);

        Assert.Null(await store.GetAsync(new MemberKey(Tenant, "someone-else"), CancellationToken.None));
        Assert.Null(await store.GetAsync(new MemberKey("other-tenant", "someone"), CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_Again_ReplacesEveryField()
    {
        var store = NewStore();
        var key = new MemberKey(Tenant, "29:1teams-user-id");
        await store.SaveAsync(key, Profile(), CancellationToken.None);
        var updated = new MemberProfile(
            "goteborg", "Demokraterna", MemberRole.SarskiltArvoderad, [], null, "Åsa Öberg", null, Profile().UpdatedAt.AddDays(3));

        await store.SaveAsync(key, updated, CancellationToken.None);

        AssertSame(updated, await store.GetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_FromANewStoreInstance_FindsWhatTheOldOneSaved()
    {
        var key = new MemberKey(Tenant, "6b7c1e9a-0000-4000-8000-000000000002");
        await NewStore().SaveAsync(key, Profile(), CancellationToken.None);

        AssertSame(Profile(), await NewStore().GetAsync(key, CancellationToken.None));
    }

    [Theory]
    [InlineData("29:1abc/def#ghi?jkl\\mno")]
    [InlineData("användare-🙂|~")]
    public async Task SaveAsync_UserIdsWithAnyCharacters_RoundTrip(string userId)
    {
        var store = NewStore();
        var key = new MemberKey("tenant/with#odd?chars", userId);

        await store.SaveAsync(key, Profile(), CancellationToken.None);

        AssertSame(Profile(), await store.GetAsync(key, CancellationToken.None));
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }
}
