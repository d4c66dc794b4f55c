using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trygg.Storage;
using Trygg.Testing;

namespace Trygg.Conversation.State;

/// <summary>
/// <see cref="TableConversationStateStore.BeginTurn"/>: one request reads the member's rows for the turn, and nothing another
/// instance writes meanwhile is overwritten.
/// </summary>
public sealed class TableConversationStateStoreTurnTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Tenant = "00000000-0000-0000-0000-000000000001";

    private readonly string _tablePrefix = AzuriteFixture.NewTablePrefix();
    private readonly string _conversation = "a:1" + Guid.NewGuid().ToString("N");
    private readonly string _member = "29:1member" + Guid.NewGuid().ToString("N")[..8];
    private IHost? _host;
    private IHost? _otherInstance;

    private IConversationStateStore Store => (_host ??= TryggServices.Build(azurite, _tablePrefix, s => s.AddConversationStores())).Services.GetRequiredService<IConversationStateStore>();

    private IConversationStateStore OtherInstance => (_otherInstance ??= TryggServices.Build(azurite, _tablePrefix, s => s.AddConversationStores())).Services.GetRequiredService<IConversationStateStore>();

    private StateKey Key(string slot, string? user = null) => new(Tenant, _conversation, user ?? _member, slot);

    private sealed record Counter(int Value);

    [Fact]
    public async Task Turn_TwoReadsAndAnUpdate_TakeOneQueryAndOneWrite()
    {
        await Store.UpdateAsync<Counter>(Key("member"), _ => new Counter(1), CancellationToken.None);
        await Store.UpdateAsync<Counter>(Key("draft"), _ => new Counter(10), CancellationToken.None);

        using var requests = new RequestCounter(_tablePrefix);
        using (Store.BeginTurn(Tenant, _conversation, _member))
        {
            Assert.Equal(new Counter(1), await Store.GetAsync<Counter>(Key("member"), CancellationToken.None));
            Assert.Equal(new Counter(10), await Store.GetAsync<Counter>(Key("draft"), CancellationToken.None));
            Assert.Equal(new Counter(11), await Store.UpdateAsync<Counter>(Key("draft"), c => new Counter(c!.Value + 1), CancellationToken.None));
            Assert.Equal(new Counter(11), await Store.GetAsync<Counter>(Key("draft"), CancellationToken.None));
        }

        // Without a turn: three point reads (one inside the update) and the write.
        Assert.Equal(2, requests.Count);
        Assert.Equal(new Counter(11), await OtherInstance.GetAsync<Counter>(Key("draft"), CancellationToken.None));
    }

    [Fact]
    public async Task Turn_AnotherInstanceWroteAfterTheTurnRead_UpdateAppliesToTheirValue()
    {
        await Store.UpdateAsync<Counter>(Key("draft"), _ => new Counter(1), CancellationToken.None);

        using (Store.BeginTurn(Tenant, _conversation, _member))
        {
            Assert.Equal(new Counter(1), await Store.GetAsync<Counter>(Key("draft"), CancellationToken.None));
            await OutsideTheTurn(() => OtherInstance.UpdateAsync<Counter>(Key("draft"), c => new Counter(c!.Value + 1), CancellationToken.None));

            var stored = await Store.UpdateAsync<Counter>(Key("draft"), c => new Counter(c!.Value + 1), CancellationToken.None);

            Assert.Equal(new Counter(3), stored);
        }

        Assert.Equal(new Counter(3), await OtherInstance.GetAsync<Counter>(Key("draft"), CancellationToken.None));
    }

    [Fact]
    public async Task Turn_AnotherInstanceDeletedAfterTheTurnRead_UpdateStartsFromNothing()
    {
        await Store.UpdateAsync<Counter>(Key("draft"), _ => new Counter(5), CancellationToken.None);

        using (Store.BeginTurn(Tenant, _conversation, _member))
        {
            Assert.NotNull(await Store.GetAsync<Counter>(Key("draft"), CancellationToken.None));
            await OutsideTheTurn(() => OtherInstance.DeleteAsync(Key("draft"), CancellationToken.None));

            var stored = await Store.UpdateAsync<Counter>(Key("draft"), c => new Counter((c?.Value ?? 0) + 1), CancellationToken.None);

            Assert.Equal(new Counter(1), stored);
        }
    }

    [Fact]
    public async Task Turn_InsertThenDeleteInTheSameTurn_ReadsFollowTheTurnsOwnWrites()
    {
        using (Store.BeginTurn(Tenant, _conversation, _member))
        {
            Assert.Null(await Store.GetAsync<Counter>(Key("draft"), CancellationToken.None));
            await Store.UpdateAsync<Counter>(Key("draft"), _ => new Counter(7), CancellationToken.None);
            Assert.Equal(new Counter(7), await Store.GetAsync<Counter>(Key("draft"), CancellationToken.None));
            Assert.Equal(new Counter(8), await Store.UpdateAsync<Counter>(Key("draft"), c => new Counter(c!.Value + 1), CancellationToken.None));

            await Store.DeleteAsync(Key("draft"), CancellationToken.None);

            Assert.Null(await Store.GetAsync<Counter>(Key("draft"), CancellationToken.None));
        }

        Assert.Null(await OtherInstance.GetAsync<Counter>(Key("draft"), CancellationToken.None));
    }

    [Fact]
    public async Task Turn_AfterItEnds_ReadsStorageAgain()
    {
        await Store.UpdateAsync<Counter>(Key("member"), _ => new Counter(1), CancellationToken.None);
        using (Store.BeginTurn(Tenant, _conversation, _member))
        {
            Assert.Equal(new Counter(1), await Store.GetAsync<Counter>(Key("member"), CancellationToken.None));
        }

        await OtherInstance.UpdateAsync<Counter>(Key("member"), _ => new Counter(2), CancellationToken.None);

        Assert.Equal(new Counter(2), await Store.GetAsync<Counter>(Key("member"), CancellationToken.None));
    }

    [Fact]
    public async Task Turn_RowsOfAnotherUserInTheConversation_AreReadFresh()
    {
        var welcome = Key("welcome", user: "*");
        var colleague = Key("member", user: "29:1colleague");
        await Store.UpdateAsync<Counter>(Key("member"), _ => new Counter(1), CancellationToken.None);

        using (Store.BeginTurn(Tenant, _conversation, _member))
        {
            Assert.Equal(new Counter(1), await Store.GetAsync<Counter>(Key("member"), CancellationToken.None));
            await OutsideTheTurn(async () =>
            {
                await OtherInstance.UpdateAsync<Counter>(welcome, _ => new Counter(2), CancellationToken.None);
                await OtherInstance.UpdateAsync<Counter>(colleague, _ => new Counter(3), CancellationToken.None);
            });

            Assert.Equal(new Counter(2), await Store.GetAsync<Counter>(welcome, CancellationToken.None));
            Assert.Equal(new Counter(3), await Store.GetAsync<Counter>(colleague, CancellationToken.None));
        }
    }

    [Fact]
    public async Task BeginTurn_IdsNoKeyCanHold_DoesNotThrow()
    {
        using (Store.BeginTurn(Tenant, new string('x', 2000), _member))
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(
                () => Store.GetAsync<Counter>(new StateKey(Tenant, new string('x', 2000), _member, "member"), CancellationToken.None));
            Assert.Null(await Store.GetAsync<Counter>(Key("member"), CancellationToken.None));
        }
    }

    /// <summary>Runs work as another request would: without the turn flowing into it.</summary>
    private static async Task OutsideTheTurn(Func<Task> work)
    {
        Task running;
        using (ExecutionContext.SuppressFlow())
        {
            running = Task.Run(work);
        }

        await running;
    }

    public void Dispose()
    {
        _host?.Dispose();
        _otherInstance?.Dispose();
    }

    /// <summary>Counts the Azure SDK's HTTP requests to this test's tables (their names start with a prefix of their own).</summary>
    private sealed class RequestCounter : IDisposable
    {
        private readonly AzureEventSourceListener _listener;
        private int _count;

        public RequestCounter(string tablePrefix)
        {
            _listener = new AzureEventSourceListener(
                (e, message) =>
                {
                    if (e.EventName == "Request" && message.Contains("/" + tablePrefix, StringComparison.OrdinalIgnoreCase))
                    {
                        Interlocked.Increment(ref _count);
                    }
                },
                EventLevel.Informational);
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
