using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Trygg.Cards;
using Trygg.Conversation.Proactive;
using Trygg.Fakes;
using Trygg.Teams.Connector;
using Trygg.Testing;
using Trygg.Outbox;

namespace Trygg.Teams.Proactive;

/// <summary>The proactive port over the real connector client and the loopback <see cref="FakeConnector"/>.</summary>
public sealed class TeamsProactiveMessengerTests : IAsyncLifetime
{
    private const string Tenant = "tenant-1";
    private const string Aad = "00000000-0000-0000-0000-0000000000021";
    private static readonly AdaptiveCard Card = new("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Ny rapport"}]}""");

    private readonly InMemoryConversationReferenceStore _references = new();
    private ConnectorHarness _harness = null!;
    private BotOptions _bot = new();

    public async Task InitializeAsync() => _harness = await ConnectorHarness.StartAsync(new() { ["Connector:MaxRetries"] = "0" });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private FakeConnector Fake => _harness.Fake;

    private TeamsProactiveMessenger Messenger => new(_harness.Client, _references, Options.Create(_bot));

    private void KnowTenant() => _references.AddChannel(Tenant, Fake.ServiceUrl, "19:general;messageid=1", "team-1", "19:general");

    [Fact]
    public async Task PostToChannelAsync_Always_StartsANewThreadWithOnlyTheCard()
    {
        KnowTenant();

        var posted = await Messenger.PostToChannelAsync(Tenant, "19:security@thread.tacv2", Card, default);

        var create = Assert.Single(Fake.ThreadsIn("19:security@thread.tacv2"));
        Assert.Equal(Tenant, create.Body!["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        var activity = create.Body!["activity"]!;
        Assert.Null(activity["text"]);
        Assert.Equal("Ny rapport", activity["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal($"19:security@thread.tacv2;messageid={posted.ActivityId}", posted.ConversationId);
        Assert.NotNull(Fake.GetActivity(posted.ConversationId, posted.ActivityId!));
    }

    [Fact]
    public async Task SendToUserAsync_KnownPersonalChat_SendsThereWithoutOpeningOne()
    {
        _references.AddPersonal(Tenant, Fake.ServiceUrl, "a:chat-megan", "29:megan", Aad);

        var posted = await Messenger.SendToUserAsync(Tenant, Aad, Card, default);

        Assert.Equal("a:chat-megan", posted.ConversationId);
        Assert.Single(Fake.SendsTo("a:chat-megan"));
        Assert.Empty(Fake.Creates);
    }

    [Fact]
    public async Task SendToUserAsync_NoChatYet_OpensOneByObjectIdThenSendsTheCard()
    {
        KnowTenant();

        var posted = await Messenger.SendToUserAsync(Tenant, Aad, Card, default);

        var create = Assert.Single(Fake.Creates);
        Assert.Equal(Aad, create.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(Tenant, create.Body!["tenantId"]!.GetValue<string>());
        Assert.Null(create.Body!["activity"]);
        Assert.Equal(Fake.PersonalChatOf(Aad), posted.ConversationId);
        Assert.Single(Fake.SendsTo(posted.ConversationId));
        Assert.NotNull(Fake.GetActivity(posted.ConversationId, posted.ActivityId!));
    }

    [Fact]
    public async Task SendToUserAsync_AppNotInstalled_FailsAsNotInstalled()
    {
        KnowTenant();
        Fake.NotInstalledFor(Aad);

        var ex = await Assert.ThrowsAsync<ProactiveException>(() => Messenger.SendToUserAsync(Tenant, Aad, Card, default));

        Assert.Equal(ProactiveFailure.NotInstalled, ex.Failure);
        Assert.Empty(Fake.Messages);
    }

    [Fact]
    public async Task SendToUserAsync_StoredChatGone_OpensItAgain()
    {
        _references.AddPersonal(Tenant, Fake.ServiceUrl, "a:old-chat", "29:megan", Aad);
        Fake.FailWhen(r => r.ConversationId == "a:old-chat", FakeConnectorFault.Status(404, "ConversationNotFound"));

        var posted = await Messenger.SendToUserAsync(Tenant, Aad, Card, default);

        Assert.Equal("29:megan", Assert.Single(Fake.Creates).Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(Fake.PersonalChatOf("29:megan"), posted.ConversationId);
    }

    [Fact]
    public async Task SendToUserAsync_UserBlockedTheBot_FailsForGood()
    {
        _references.AddPersonal(Tenant, Fake.ServiceUrl, "a:chat-megan", "29:megan", Aad);
        Fake.FailWhen(r => r.ConversationId == "a:chat-megan", FakeConnectorFault.Status(403, "MessageWritesBlocked"));

        var ex = await Assert.ThrowsAsync<ProactiveException>(() => Messenger.SendToUserAsync(Tenant, Aad, Card, default));

        Assert.Equal(ProactiveFailure.Permanent, ex.Failure);
        Assert.Contains("MessageWritesBlocked", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task SendToConversationAsync_ThrottledOrServerError_IsTransientWithRetryAfter(int status)
    {
        KnowTenant();
        Fake.FailWhen(r => r.ConversationId == "a:reporter", new FakeConnectorFault { StatusCode = status, RetryAfter = TimeSpan.FromSeconds(7) });

        var ex = await Assert.ThrowsAsync<ProactiveException>(() => Messenger.SendToConversationAsync(Tenant, "a:reporter", Card, default));

        Assert.Equal(ProactiveFailure.Transient, ex.Failure);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
    }

    [Fact]
    public async Task SendToConversationAsync_Paced429_IsRetriedInANewTurnAfterItsRetryAfter()
    {
        KnowTenant();
        var pacer = new SendPacer(Options.Create(new SendLimitsOptions()), TimeProvider.System);
        Fake.EnqueueFault(FakeConnectorFault.TooManyRequests(TimeSpan.FromSeconds(1)));

        var posted = await new TeamsProactiveMessenger(_harness.Client, _references, Options.Create(_bot), pacer).SendToConversationAsync(Tenant, "a:reporter", Card, default);

        Assert.NotNull(posted.ActivityId);
        var requests = Fake.Requests;
        Assert.Equal([429, 201], requests.Select(r => r.StatusCode));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), "the retry waited for the Retry-After");
        Assert.Single(Fake.SendsTo("a:reporter"));
    }

    [Fact]
    public async Task SendToConversationAsync_Paced429EveryTime_GivesUpAsTransient()
    {
        KnowTenant();
        var pacer = new SendPacer(Options.Create(new SendLimitsOptions()), TimeProvider.System);
        Fake.FailWhen(r => r.ConversationId == "a:reporter", new FakeConnectorFault { StatusCode = 429, RetryAfter = TimeSpan.FromMilliseconds(1) });

        var ex = await Assert.ThrowsAsync<ProactiveException>(() => new TeamsProactiveMessenger(_harness.Client, _references, Options.Create(_bot), pacer).SendToConversationAsync(Tenant, "a:reporter", Card, default));

        Assert.Equal(ProactiveFailure.Transient, ex.Failure);
        Assert.Equal(4, Fake.Requests.Count(r => r.StatusCode == 429));
    }

    [Fact]
    public async Task SendToConversationAsync_BadRequest_IsPermanent()
    {
        KnowTenant();
        Fake.FailWhen(_ => true, FakeConnectorFault.Status(400, "BadArgument"));

        var ex = await Assert.ThrowsAsync<ProactiveException>(() => Messenger.SendToConversationAsync(Tenant, "a:reporter", Card, default));

        Assert.Equal(ProactiveFailure.Permanent, ex.Failure);
    }

    [Fact]
    public async Task SendToConversationAsync_NothingKnownAboutTheTenant_IsUntrustedAndNotAttempted()
    {
        var ex = await Assert.ThrowsAsync<ProactiveException>(() => Messenger.SendToConversationAsync(Tenant, "a:reporter", Card, default));

        Assert.Equal((ProactiveFailure.UntrustedServiceUrl, true), (ex.Failure, ex.NotAttempted));
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_NoReferenceButConfiguredUrl_UsesIt()
    {
        _bot = new BotOptions { AppId = "app-1" };
        _bot.TrustedServiceUrls.Add(Fake.ServiceUrl);

        await Messenger.SendToConversationAsync(Tenant, "a:reporter", Card, default);

        Assert.Single(Fake.SendsTo("a:reporter"));
    }

    [Fact]
    public async Task UpdateAsync_PostedCard_PutsTheNewCardUnderTheSameId()
    {
        KnowTenant();
        var posted = await Messenger.PostToChannelAsync(Tenant, "19:security", Card, default);
        var updated = new AdaptiveCard("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Mottagen"}]}""");

        await Messenger.UpdateAsync(Tenant, posted, updated, default);

        var put = Assert.Single(Fake.Updates);
        Assert.Equal(posted.ConversationId, put.ConversationId);
        Assert.Equal(posted.ActivityId, put.ActivityId);
        Assert.Equal(posted.ActivityId, put.Body!["id"]!.GetValue<string>());
        Assert.Equal("Mottagen", Fake.GetActivity(posted.ConversationId, posted.ActivityId!)!["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task FindTeamsUserIdsAsync_OnlyUsersTheBotHasMet()
    {
        _references.AddPersonal(Tenant, Fake.ServiceUrl, "a:chat-megan", "29:megan", Aad);

        var ids = await Messenger.FindTeamsUserIdsAsync(Tenant, [Aad, "00000000-0000-0000-0000-0000000000099"], default);

        Assert.Equal("29:megan", Assert.Single(ids).Value);
    }

    [Fact]
    public void Classify_NotInRoster_MeansNotInstalled()
    {
        var ex = TeamsProactiveMessenger.Classify(new ConnectorException("x", 403, "BotNotInConversationRoster"), openingChat: false);

        Assert.Equal(ProactiveFailure.NotInstalled, ex.Failure);
    }

    [Fact]
    public void Classify_OpenCircuit_TransientAndNotAttempted_WithTheTimeLeft()
    {
        var ex = TeamsProactiveMessenger.Classify(
            new ConnectorException("x", 503, ConnectorException.CircuitOpen, retryAfter: TimeSpan.FromSeconds(12)), openingChat: true);

        Assert.Equal((ProactiveFailure.Transient, true, TimeSpan.FromSeconds(12)), (ex.Failure, ex.NotAttempted, ex.RetryAfter));
    }

    [Fact]
    public void Classify_ServiceUnavailable_IsAnAttempt()
    {
        var ex = TeamsProactiveMessenger.Classify(new ConnectorException("x", 503, "ServiceUnavailable"), openingChat: false);

        Assert.Equal((ProactiveFailure.Transient, false), (ex.Failure, ex.NotAttempted));
    }

    [Fact]
    public async Task Untrusted_ServiceUrl_IsItsOwnFailureNotTransient_AndNotAttempted()
    {
        _references.AddChannel(Tenant, "https://elsewhere.example/_connector", "19:x;messageid=1", "team", "19:x");

        var ex = await Assert.ThrowsAsync<ProactiveException>(() => Messenger.SendToConversationAsync(Tenant, "a:reporter", Card, default));

        Assert.Equal((ProactiveFailure.UntrustedServiceUrl, true), (ex.Failure, ex.NotAttempted));
        Assert.DoesNotContain("elsewhere.example", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Fake.Requests);
    }
}
