using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Storage;
using Trygg.Testing;

namespace Trygg.Conversation.State;

public sealed class TableConversationStateStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _tablePrefix = AzuriteFixture.NewTablePrefix();
    private IHost? _host;

    private IConversationStateStore Store => (_host ??= TryggServices.Build(azurite, _tablePrefix, s => s.AddConversationStores())).Services.GetRequiredService<IConversationStateStore>();

    private static StateKey NewKey(string slot = "draft") =>
        new("00000000-0000-0000-0000-000000000001", "a:1" + Guid.NewGuid().ToString("N"), "29:1user" + Guid.NewGuid().ToString("N")[..8], slot);

    private sealed record Draft(string Title, int Step, IReadOnlyList<string> Notes);

    private sealed record Counter(int Value);

    [Fact]
    public async Task GetAsync_AfterUpdate_ReturnsWhatWasStored()
    {
        var key = NewKey();
        var draft = new Draft("Halka på lastkajen \"B\"\nrad två", 2, ["första", "andra"]);

        var stored = await Store.UpdateAsync<Draft>(key, _ => draft, CancellationToken.None);
        var read = await Store.GetAsync<Draft>(key, CancellationToken.None);

        Assert.Equal(draft, stored);
        Assert.NotNull(read);
        Assert.Equal(draft.Title, read.Title);
        Assert.Equal(draft.Step, read.Step);
        Assert.Equal(draft.Notes, read.Notes);
    }

    [Fact]
    public async Task GetAsync_Missing_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync<Draft>(NewKey(), CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_Missing_PassesNullAndCreates()
    {
        var key = NewKey();
        var seen = new List<Counter?>();

        await Store.UpdateAsync<Counter>(key, current => { seen.Add(current); return new Counter(1); }, CancellationToken.None);

        Assert.Equal([null], seen);
        Assert.Equal(new Counter(1), await Store.GetAsync<Counter>(key, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_Existing_PassesCurrentValue()
    {
        var key = NewKey();
        await Store.UpdateAsync<Counter>(key, _ => new Counter(41), CancellationToken.None);

        var stored = await Store.UpdateAsync<Counter>(key, c => new Counter(c!.Value + 1), CancellationToken.None);

        Assert.Equal(new Counter(42), stored);
        Assert.Equal(new Counter(42), await Store.GetAsync<Counter>(key, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_TwentyConcurrentIncrements_LosesNone()
    {
        var key = NewKey("counter");
        var store = Store;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            store.UpdateAsync<Counter>(key, c => new Counter((c?.Value ?? 0) + 1), CancellationToken.None))));

        Assert.Equal(new Counter(20), await store.GetAsync<Counter>(key, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_TwentyConcurrentIncrementsFromTwoInstances_LosesNone()
    {
        var key = NewKey("counter");
        using var other = TryggServices.Build(azurite, _tablePrefix, s => s.AddConversationStores());
        IConversationStateStore[] stores = [Store, other.Services.GetRequiredService<IConversationStateStore>()];

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            stores[i % 2].UpdateAsync<Counter>(key, c => new Counter((c?.Value ?? 0) + 1), CancellationToken.None))));

        Assert.Equal(new Counter(20), await Store.GetAsync<Counter>(key, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_NewStoreInstance_SeesStateOfThePreviousOne()
    {
        var key = NewKey();
        using (var before = TryggServices.Build(azurite, _tablePrefix, s => s.AddConversationStores()))
        {
            await before.Services.GetRequiredService<IConversationStateStore>()
                .UpdateAsync<Counter>(key, _ => new Counter(7), CancellationToken.None);
        }

        using var after = TryggServices.Build(azurite, _tablePrefix, s => s.AddConversationStores());
        var read = await after.Services.GetRequiredService<IConversationStateStore>().GetAsync<Counter>(key, CancellationToken.None);

        Assert.Equal(new Counter(7), read);
    }

    [Fact]
    public async Task GetAsync_AfterAzuriteRestart_ReturnsStateWrittenBefore()
    {
        var key = NewKey();
        await Store.UpdateAsync<Counter>(key, _ => new Counter(3), CancellationToken.None);

        await azurite.StopAsync();
        await azurite.StartAgainAsync();

        Assert.Equal(new Counter(3), await Store.GetAsync<Counter>(key, CancellationToken.None));
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=123", "29:1AbC-dEf_gh", "reporting")]
    [InlineData("a:1xyz/with\\slashes", "user#1?x", "slot:1")]
    [InlineData("conv|with|pipes~and~tildes", "100% 'quoted' +plus", "tab\there")]
    [InlineData("möte-åäö-日本語-🙂", "Ärende ÖÄ", "ε-slot")]
    public async Task UpdateAsync_KeysWithForbiddenAndUnicodeCharacters_RoundTrip(string conversationId, string userId, string slot)
    {
        var key = new StateKey("tenant/#?\\", conversationId, userId, slot);
        var neighbour = key with { Slot = slot + "2" };

        await Store.UpdateAsync<Counter>(key, _ => new Counter(1), CancellationToken.None);
        await Store.UpdateAsync<Counter>(neighbour, _ => new Counter(2), CancellationToken.None);

        Assert.Equal(new Counter(1), await Store.GetAsync<Counter>(key, CancellationToken.None));
        Assert.Equal(new Counter(2), await Store.GetAsync<Counter>(neighbour, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_Existing_RemovesOnlyThatSlot()
    {
        var key = NewKey("a");
        var other = key with { Slot = "b" };
        await Store.UpdateAsync<Counter>(key, _ => new Counter(1), CancellationToken.None);
        await Store.UpdateAsync<Counter>(other, _ => new Counter(2), CancellationToken.None);

        await Store.DeleteAsync(key, CancellationToken.None);

        Assert.Null(await Store.GetAsync<Counter>(key, CancellationToken.None));
        Assert.Equal(new Counter(2), await Store.GetAsync<Counter>(other, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_Missing_DoesNotThrow()
    {
        await Store.DeleteAsync(NewKey(), CancellationToken.None);
    }

    [Fact]
    public async Task UpdateAsync_AfterDelete_StartsFromNull()
    {
        var key = NewKey();
        await Store.UpdateAsync<Counter>(key, _ => new Counter(5), CancellationToken.None);
        await Store.DeleteAsync(key, CancellationToken.None);

        var stored = await Store.UpdateAsync<Counter>(key, c => new Counter((c?.Value ?? 0) + 1), CancellationToken.None);

        Assert.Equal(new Counter(1), stored);
    }

    [Fact]
    public async Task UpdateAsync_ValueTooLargeForAProperty_ThrowsClearlyAndStoresNothing()
    {
        var key = NewKey();
        var huge = new Draft(new string('x', TableConversationStateStore.MaxJsonLength), 1, []);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.UpdateAsync<Draft>(key, _ => huge, CancellationToken.None));

        Assert.Contains("Keep state small", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync<Draft>(key, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_LargeValueThatFits_RoundTrips()
    {
        var key = NewKey();
        var large = new Draft(new string('å', TableConversationStateStore.MaxJsonLength - 64), 1, []);

        await Store.UpdateAsync<Draft>(key, _ => large, CancellationToken.None);

        Assert.Equal(large.Title, (await Store.GetAsync<Draft>(key, CancellationToken.None))?.Title);
    }

    [Fact]
    public async Task UpdateAsync_UpdateReturnsNull_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.UpdateAsync<Counter>(NewKey(), _ => null!, CancellationToken.None));
    }

    public void Dispose() => _host?.Dispose();
}
