using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Storage;
using Trygg.Testing;

namespace Trygg.Conversation.References;

public sealed class TableConversationReferenceStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly string _tablePrefix = AzuriteFixture.NewTablePrefix();
    private IHost? _host;

    private IConversationReferenceStore Store =>
        (_host ??= TryggServices.Build(azurite, _tablePrefix, s => s.AddConversationStores())).Services.GetRequiredService<IConversationReferenceStore>();

    private static ConversationReference Personal(string conversationId = "a:1xyzPersonal-Chat_id", string aadObjectId = "6b7c1e9a-0000-4000-8000-000000000001") => new(
        Tenant,
        conversationId,
        "personal",
        "https://smba.trafficmanager.net/emea/",
        "msteams",
        "28:bot-app-id",
        "Trygg",
        "29:1user-id",
        aadObjectId,
        "Alex Wilber",
        null,
        null,
        "sv-SE",
        new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));

    private static ConversationReference Channel(string conversationId = "19:abc@thread.tacv2;messageid=1712345678901") => new(
        Tenant,
        conversationId,
        "channel",
        "https://smba.trafficmanager.net/emea/",
        "msteams",
        "28:bot-app-id",
        "Trygg",
        "29:1user-id",
        "6b7c1e9a-0000-4000-8000-000000000001",
        "Alex Wilber",
        "19:team@thread.tacv2",
        "19:abc@thread.tacv2",
        "sv-SE",
        new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(1)));

    [Fact]
    public async Task GetAsync_AfterSave_ReturnsTheSameReference()
    {
        var reference = Channel();
        await Store.SaveAsync(reference, CancellationToken.None);

        Assert.Equal(reference, await Store.GetAsync(Tenant, reference.ConversationId, CancellationToken.None));
    }

    [Fact]
    public async Task GetAnyAsync_TenantWithConversations_ReturnsOneOfThem()
    {
        await Store.SaveAsync(Personal(), CancellationToken.None);

        var any = await Store.GetAnyAsync(Tenant, CancellationToken.None);

        Assert.Equal(Personal().ServiceUrl, any?.ServiceUrl);
        Assert.Equal(Personal().ConversationId, any?.ConversationId);
        Assert.Null(await Store.GetAnyAsync("another-tenant", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync(Tenant, "19:unknown@thread.tacv2", CancellationToken.None));
        Assert.Null(await Store.GetPersonalAsync(Tenant, "no-such-user", CancellationToken.None));
    }

    [Fact]
    public async Task GetPersonalAsync_AfterSavingPersonalChat_ReturnsIt()
    {
        var reference = Personal();
        await Store.SaveAsync(reference, CancellationToken.None);

        Assert.Equal(reference, await Store.GetPersonalAsync(Tenant, reference.UserAadObjectId!, CancellationToken.None));
        Assert.Equal(reference, await Store.GetAsync(Tenant, reference.ConversationId, CancellationToken.None));
    }

    [Fact]
    public async Task GetPersonalAsync_AfterSavingOnlyAChannel_ReturnsNull()
    {
        var channel = Channel();
        await Store.SaveAsync(channel, CancellationToken.None);

        Assert.Null(await Store.GetPersonalAsync(Tenant, channel.UserAadObjectId!, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_Again_ReplacesAllFields()
    {
        var first = Personal();
        await Store.SaveAsync(first, CancellationToken.None);
        var second = first with { ServiceUrl = "https://smba.trafficmanager.net/amer/", BotName = null, Locale = null, UpdatedAt = first.UpdatedAt.AddDays(1) };

        await Store.SaveAsync(second, CancellationToken.None);

        Assert.Equal(second, await Store.GetAsync(Tenant, first.ConversationId, CancellationToken.None));
        Assert.Equal(second, await Store.GetPersonalAsync(Tenant, first.UserAadObjectId!, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_PersonalChat_RemovesBothRows()
    {
        var reference = Personal();
        await Store.SaveAsync(reference, CancellationToken.None);

        await Store.RemoveAsync(Tenant, reference.ConversationId, CancellationToken.None);

        Assert.Null(await Store.GetAsync(Tenant, reference.ConversationId, CancellationToken.None));
        Assert.Null(await Store.GetPersonalAsync(Tenant, reference.UserAadObjectId!, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_OldPersonalChat_KeepsTheUsersNewerOne()
    {
        var old = Personal("a:1old");
        var newer = Personal("a:1new");
        await Store.SaveAsync(old, CancellationToken.None);
        await Store.SaveAsync(newer, CancellationToken.None);

        await Store.RemoveAsync(Tenant, old.ConversationId, CancellationToken.None);

        Assert.Null(await Store.GetAsync(Tenant, old.ConversationId, CancellationToken.None));
        Assert.Equal(newer, await Store.GetPersonalAsync(Tenant, newer.UserAadObjectId!, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_Channel_KeepsTheUsersPersonalChat()
    {
        var personal = Personal();
        var channel = Channel();
        await Store.SaveAsync(personal, CancellationToken.None);
        await Store.SaveAsync(channel, CancellationToken.None);

        await Store.RemoveAsync(Tenant, channel.ConversationId, CancellationToken.None);

        Assert.Null(await Store.GetAsync(Tenant, channel.ConversationId, CancellationToken.None));
        Assert.Equal(personal, await Store.GetPersonalAsync(Tenant, personal.UserAadObjectId!, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_Unknown_DoesNotThrow()
    {
        await Store.RemoveAsync(Tenant, "19:never-saved@thread.v2", CancellationToken.None);
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=123")]
    [InlineData("a:1xyz")]
    [InlineData("odd/conv\\id#with?all|the~chars%'+")]
    [InlineData("möte-日本語-🙂")]
    public async Task SaveAsync_ConversationIdsWithAnyCharacters_RoundTrip(string conversationId)
    {
        var reference = Channel(conversationId);
        await Store.SaveAsync(reference, CancellationToken.None);

        Assert.Equal(reference, await Store.GetAsync(Tenant, conversationId, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_OtherTenant_DoesNotSeeTheReference()
    {
        var reference = Personal();
        await Store.SaveAsync(reference, CancellationToken.None);

        Assert.Null(await Store.GetAsync("other-tenant", reference.ConversationId, CancellationToken.None));
        Assert.Null(await Store.GetPersonalAsync("other-tenant", reference.UserAadObjectId!, CancellationToken.None));
    }

    public void Dispose() => _host?.Dispose();

    [Fact]
    public async Task SaveAsync_TheSameReferenceAgainSoon_IsNotRewritten_AChangedOrOldOneIs()
    {
        // What is stored shows whether a save wrote: its UpdatedAt.
        var first = Personal();
        await Store.SaveAsync(first, CancellationToken.None);

        await Store.SaveAsync(first with { UpdatedAt = first.UpdatedAt.AddMinutes(5) }, CancellationToken.None);
        Assert.Equal(first.UpdatedAt, (await Store.GetAsync(Tenant, first.ConversationId, CancellationToken.None))!.UpdatedAt);

        var moved = first with { ServiceUrl = "https://smba.trafficmanager.net/amer/", UpdatedAt = first.UpdatedAt.AddMinutes(6) };
        await Store.SaveAsync(moved, CancellationToken.None);
        Assert.Equal(moved, await Store.GetAsync(Tenant, first.ConversationId, CancellationToken.None));
        Assert.Equal(moved, await Store.GetPersonalAsync(Tenant, first.UserAadObjectId!, CancellationToken.None));

        var later = moved with { UpdatedAt = moved.UpdatedAt + TableConversationReferenceStore.RefreshAfter };
        await Store.SaveAsync(later, CancellationToken.None);
        Assert.Equal(later, await Store.GetAsync(Tenant, first.ConversationId, CancellationToken.None));

        // Removed (uninstalled, or the member's data erased): the next turn stores it again.
        await Store.RemoveAsync(Tenant, first.ConversationId, CancellationToken.None);
        await Store.SaveAsync(later, CancellationToken.None);
        Assert.Equal(later, await Store.GetPersonalAsync(Tenant, first.UserAadObjectId!, CancellationToken.None));
    }
}
