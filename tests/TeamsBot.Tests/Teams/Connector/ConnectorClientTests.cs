using System.Text.Json;
using Trygg.Teams.Wire;
using Trygg.Testing;

namespace Trygg.Teams.Connector;

public sealed class ConnectorClientTests
{
    private const string ChannelThread = "19:abc@thread.tacv2;messageid=1700000000001";
    private const string EscapedChannelThread = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000001";

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task SendToConversationAsync_ChannelThreadId_PostsEscapedPathAndBody()
    {
        await using var h = await ConnectorHarness.StartAsync();

        var response = await h.Client.SendToConversationAsync(h.ServiceUrl, ChannelThread, Message("Hej"), CancellationToken.None);

        var request = Assert.Single(h.Fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedChannelThread}/activities", request.RawPath);
        Assert.Equal(FakeConnectorOperation.SendToConversation, request.Operation);
        Assert.Equal(ChannelThread, request.ConversationId);
        Assert.Equal("Hej", request.ToActivity()?.Text);
        Assert.Equal("message", (string?)request.Body?["type"]);
        Assert.NotNull(response.Id);
        Assert.Equal("Hej", (string?)h.Fake.GetActivity(ChannelThread, response.Id)?["text"]);
        Assert.Single(h.Fake.Messages);
    }

    [Fact]
    public async Task SendToConversationAsync_ServiceUrlWithTrailingSlash_DoesNotDoubleTheSlash()
    {
        await using var h = await ConnectorHarness.StartAsync();

        await h.Client.SendToConversationAsync(h.ServiceUrl + "/", "a:1", Message("x"), CancellationToken.None);

        Assert.Equal("/_connector/v3/conversations/a%3A1/activities", Assert.Single(h.Fake.Requests).RawPath);
    }

    [Fact]
    public async Task ReplyToActivityAsync_EscapedIds_PostsToActivityPath()
    {
        await using var h = await ConnectorHarness.StartAsync();

        var response = await h.Client.ReplyToActivityAsync(h.ServiceUrl, "a:1qh-x", "1:23;x", Message("svar"), CancellationToken.None);

        var request = Assert.Single(h.Fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/_connector/v3/conversations/a%3A1qh-x/activities/1%3A23%3Bx", request.RawPath);
        Assert.Equal(FakeConnectorOperation.ReplyToActivity, request.Operation);
        Assert.Equal("1:23;x", request.ActivityId);
        Assert.NotNull(response.Id);
    }

    [Fact]
    public async Task UpdateActivityAsync_Always_PutsActivityAndReturnsId()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var sent = await h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("före"), CancellationToken.None);

        var updated = await h.Client.UpdateActivityAsync(h.ServiceUrl, "a:1", sent.Id!, Message("efter"), CancellationToken.None);

        var request = h.Fake.Requests[^1];
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/_connector/v3/conversations/a%3A1/activities/{sent.Id}", request.RawPath);
        Assert.Equal(sent.Id, updated.Id);
        Assert.Equal("efter", (string?)h.Fake.GetActivity("a:1", sent.Id!)?["text"]);
    }

    [Fact]
    public async Task DeleteActivityAsync_Always_SendsDeleteWithoutBody()
    {
        await using var h = await ConnectorHarness.StartAsync();

        await h.Client.DeleteActivityAsync(h.ServiceUrl, ChannelThread, "1700000000001", CancellationToken.None);

        var request = Assert.Single(h.Fake.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedChannelThread}/activities/1700000000001", request.RawPath);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task CreateConversationAsync_OneToOne_ReturnsPersonalChatIdAndPostsNothing()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user-1" }],
            TenantId = "tenant-1",
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = "tenant-1" } }),
        };

        var first = await h.Client.CreateConversationAsync(h.ServiceUrl, parameters, CancellationToken.None);
        var again = await h.Client.CreateConversationAsync(h.ServiceUrl, parameters, CancellationToken.None);

        var request = h.Fake.Requests[0];
        Assert.Equal("POST", request.Method);
        Assert.Equal("/_connector/v3/conversations", request.RawPath);
        Assert.Equal("29:user-1", (string?)request.Body?["members"]?[0]?["id"]);
        Assert.Equal("tenant-1", (string?)request.Body?["channelData"]?["tenant"]?["id"]);
        Assert.False((bool?)request.Body?["isGroup"]);
        Assert.StartsWith("a:", first.Id, StringComparison.Ordinal);
        Assert.Null(first.ActivityId);
        Assert.Equal(first.Id, again.Id);
        Assert.Empty(h.Fake.Messages);
    }

    [Fact]
    public async Task CreateConversationAsync_ChannelThread_ReturnsThreadIdAndPostsActivity()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            ChannelData = JsonSerializer.SerializeToElement(new { channel = new { id = "19:chan@thread.tacv2" } }),
            Activity = Message("Ny rapport"),
        };

        var response = await h.Client.CreateConversationAsync(h.ServiceUrl, parameters, CancellationToken.None);

        Assert.NotNull(response.ActivityId);
        Assert.Equal($"19:chan@thread.tacv2;messageid={response.ActivityId}", response.Id);
        Assert.Equal("Ny rapport", (string?)Assert.Single(h.Fake.Messages)["text"]);
        Assert.Equal(FakeConnectorOperation.CreateConversation, (await h.Fake.WaitForMessageAsync()).Operation);
    }

    [Fact]
    public async Task GetMemberAsync_RegisteredMember_ReturnsIt()
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Fake.AddMember(new TeamsChannelAccount { Id = "29:user-1", Name = "Alex", AadObjectId = "aad-1", UserPrincipalName = "alex@contoso.se" }, "a:1");

        var member = await h.Client.GetMemberAsync(h.ServiceUrl, "a:1", "29:user-1", CancellationToken.None);
        var byUpn = await h.Client.GetMemberAsync(h.ServiceUrl, "a:1", "alex@contoso.se", CancellationToken.None);

        Assert.Equal("Alex", member?.Name);
        Assert.Equal("aad-1", member?.AadObjectId);
        Assert.Equal("29:user-1", byUpn?.Id);
        var request = h.Fake.Requests[0];
        Assert.Equal("GET", request.Method);
        Assert.Equal("/_connector/v3/conversations/a%3A1/members/29%3Auser-1", request.RawPath);
        Assert.Equal("/_connector/v3/conversations/a%3A1/members/alex%40contoso.se", h.Fake.Requests[1].RawPath);
    }

    [Fact]
    public async Task GetMemberAsync_UnknownMember_ReturnsNullWithoutRetry()
    {
        await using var h = await ConnectorHarness.StartAsync();

        var member = await h.Client.GetMemberAsync(h.ServiceUrl, "a:1", "29:nobody", CancellationToken.None);

        Assert.Null(member);
        Assert.Equal(404, Assert.Single(h.Fake.Requests).StatusCode);
    }

    [Fact]
    public async Task SendToConversationAsync_Typing202WithoutBody_ReturnsNullId()
    {
        await using var h = await ConnectorHarness.StartAsync();

        var response = await h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", new Activity { Type = ActivityTypes.Typing }, CancellationToken.None);

        Assert.Null(response.Id);
        Assert.Equal(202, Assert.Single(h.Fake.Requests).StatusCode);
        Assert.Empty(h.Fake.Messages);
    }

    [Fact]
    public async Task SendToConversationAsync_UntrustedServiceUrl_ThrowsBeforeAnyRequest()
    {
        var tokens = new StubTokenProvider("tok");
        await using var h = await ConnectorHarness.StartAsync(tokens: tokens, trustFake: false);

        var ex = await Assert.ThrowsAsync<UntrustedServiceUrlException>(
            () => h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None));
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(
            () => h.Client.GetMemberAsync("https://evil.example.com/teams/", "a:1", "29:x", CancellationToken.None));

        Assert.Equal(h.ServiceUrl, ex.ServiceUrl);
        Assert.Empty(h.Fake.Requests);
        Assert.Equal(0, tokens.Calls);
    }

    [Fact]
    public async Task SendToConversationAsync_ServiceUrlFromAuthenticatedActivity_IsTrusted()
    {
        await using var h = await ConnectorHarness.StartAsync(trustFake: false);

        h.Trust.TrustFromAuthenticatedActivity(h.ServiceUrl.ToUpperInvariant().Replace("/_CONNECTOR", "/_connector/", StringComparison.Ordinal));
        await h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None);

        Assert.Single(h.Fake.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_AnonymousMode_SendsNoAuthorizationHeader()
    {
        await using var h = await ConnectorHarness.StartAsync(bot: o => o.AppId = null);

        await h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None);

        Assert.Null(Assert.Single(h.Fake.Requests).Authorization);
    }

    [Fact]
    public async Task SendToConversationAsync_WithToken_SendsBearerOnEveryAttempt()
    {
        var tokens = new StubTokenProvider("token-1");
        await using var h = await ConnectorHarness.StartAsync(tokens: tokens);
        h.Fake.RequiredBearerToken = "token-1";
        h.Fake.EnqueueFault(FakeConnectorFault.Status(503));

        await h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None);

        Assert.All(h.Fake.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
        Assert.Equal(2, tokens.Calls);
    }

    [Fact]
    public async Task SendToConversationAsync_AnyOutcome_NeverLogsBodyOrToken()
    {
        await using var h = await ConnectorHarness.StartAsync(tokens: new StubTokenProvider("secret-token-value"));
        h.Fake.EnqueueFault(FakeConnectorFault.TooManyRequests(TimeSpan.Zero));
        h.Fake.EnqueueFault(FakeConnectorFault.Status(400, "BadArgument"));

        await Assert.ThrowsAsync<ConnectorException>(
            () => h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("Hemlig rapporttext"), CancellationToken.None));
        await h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("Hemlig rapporttext"), CancellationToken.None);

        var logs = h.Logs.ToArray();
        Assert.Contains(logs, l => l.Contains("a%3A1", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("Hemlig", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("secret-token-value", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"error":{"code":"BadArgument","message":"Bad"}}""", "BadArgument", "Bad")]
    [InlineData("""{"error":"flat"}""", null, null)]
    [InlineData("not json", null, null)]
    [InlineData("", null, null)]
    [InlineData("[1]", null, null)]
    public void ParseError_Body_ExtractsCodeWhenPresent(string body, string? code, string? message)
    {
        Assert.Equal((code, message), ConnectorClient.ParseError(body));
    }

    private sealed class StubTokenProvider(string token) : IConnectorTokenProvider
    {
        private int _calls;

        public int Calls => _calls;

        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromResult<string?>(token);
        }
    }
}
