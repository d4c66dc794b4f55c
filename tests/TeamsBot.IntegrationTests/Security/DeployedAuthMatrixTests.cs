using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trygg.Teams;
using Trygg.Teams.Connector;
using Trygg.Testing;
using Trygg.Testing.Auth;

namespace Trygg.Security;

/// <summary>
/// The inbound auth matrix against the app as Azure runs it: the App Service settings of infra/ (user-assigned managed
/// identity as the bot, single tenant, Production), real HTTP, real token validation against a loopback issuer. The only
/// stand-in besides storage is the outbound token (the managed identity endpoint does not exist here); it lets the test
/// see where the bot's token would go.
/// </summary>
public sealed class DeployedAuthMatrixTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string BotToken = "bot-token-from-the-managed-identity";
    private const string OtherAppId = "0f0e0d0c-0b0a-0908-0706-050403020100";

    private LocalTokenIssuer _issuer = null!;
    private FakeConnector _connector = null!;
    private FakeConnector _forged = null!;
    private TryggApp _app = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalTokenIssuer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _forged = await FakeConnector.StartAsync();
        _connector.RequiredBearerToken = BotToken;
        var settings = DeployedSettings.ForLoopback(_issuer);

        // TryggApp trusts its connector URL up front (a local-run setting); the deployed bot trusts none: remove it.
        _app = new TryggApp(azurite.ConnectionString, _connector.ServiceUrl, AzuriteFixture.NewTablePrefix(), settings, services =>
        {
            services.RemoveAll<IConnectorTokenProvider>();
            services.AddSingleton<IConnectorTokenProvider>(new FixedToken(BotToken));
            services.PostConfigure<BotOptions>(o => o.TrustedServiceUrls.Clear());
        });
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _connector.DisposeAsync();
        await _forged.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public void DeployedShape_IsTheTemplates()
    {
        var bot = _app.Get<IOptions<BotOptions>>().Value;
        Assert.Equal(
            (DeployedSettings.ClientId, DeployedSettings.TenantId, BotAuthType.UserAssignedMSI, false),
            (bot.AppId, bot.TenantId, bot.AuthType, bot.IsAnonymous));
        Assert.Equal([DeployedSettings.TenantId], bot.AllowedTenants);
        Assert.Empty(bot.TrustedServiceUrls);
        Assert.True(_app.Get<IHostEnvironment>().IsProduction());
    }

    [Fact]
    public async Task ValidTeamsToken_Accepted_AndTheReplyCarriesTheBotTokenToThatServiceUrlOnly()
    {
        var token = TestTokens.Channel(_issuer.TeamsKey, DeployedSettings.ClientId, _connector.ServiceUrl);

        var response = await PostAsync(Activity(_connector.ServiceUrl), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _connector.WaitForMessageAsync();
        Assert.Equal("Bearer " + BotToken, reply.Authorization);
        Assert.Empty(_forged.Requests);
    }

    public static TheoryData<string, HttpStatusCode> Rejected => new()
    {
        { "no token", HttpStatusCode.Unauthorized },
        { "lower-case scheme", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "another bot's audience", HttpStatusCode.Unauthorized },
        { "wrong issuer", HttpStatusCode.Unauthorized },
        { "alg none", HttpStatusCode.Unauthorized },
        { "tampered serviceurl", HttpStatusCode.Unauthorized },
        { "unpublished key", HttpStatusCode.Unauthorized },
        { "HS256 with the public key", HttpStatusCode.Unauthorized },
        { "Entra token of another app", HttpStatusCode.Unauthorized },
        { "key endorsed for webchat only", HttpStatusCode.Forbidden },
        { "webchat channel with a webchat-endorsed key", HttpStatusCode.Forbidden },
        { "emulator channel", HttpStatusCode.Forbidden },
        { "Entra self-token of the bot itself", HttpStatusCode.Unauthorized },
        { "serviceurl claim for another service", HttpStatusCode.Forbidden },
        { "another tenant", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task BadRequest_Refused_AndNothingIsSentAnywhere(string attack, HttpStatusCode expected)
    {
        var good = TestTokens.Channel(_issuer.TeamsKey, DeployedSettings.ClientId, _connector.ServiceUrl);
        var activity = Activity(_forged.ServiceUrl);
        (string? Header, JsonObject Activity) request = attack switch
        {
            "no token" => (null, Activity(_connector.ServiceUrl)),
            "lower-case scheme" => ("bearer " + good, Activity(_connector.ServiceUrl)),
            "expired" => (Bearer(TestTokens.Channel(_issuer.TeamsKey, DeployedSettings.ClientId, _connector.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10))), Activity(_connector.ServiceUrl)),
            "another bot's audience" => (Bearer(TestTokens.Channel(_issuer.TeamsKey, OtherAppId, _connector.ServiceUrl)), Activity(_connector.ServiceUrl)),
            "wrong issuer" => (Bearer(TestTokens.Channel(_issuer.TeamsKey, DeployedSettings.ClientId, _connector.ServiceUrl, issuer: "https://api.botframework.evil")), Activity(_connector.ServiceUrl)),
            "alg none" => (Bearer(TestTokens.WithoutSignature(good)), Activity(_connector.ServiceUrl)),
            "tampered serviceurl" => (Bearer(TestTokens.WithTamperedPayload(good, "serviceurl", _forged.ServiceUrl)), activity),
            "unpublished key" => (Bearer(TestTokens.Channel(_issuer.UnknownKey, DeployedSettings.ClientId, _connector.ServiceUrl)), Activity(_connector.ServiceUrl)),
            "HS256 with the public key" => (Bearer(HmacWithPublicKey()), Activity(_connector.ServiceUrl)),
            "Entra token of another app" => (Bearer(TestTokens.EntraV2(_issuer.EntraKey, DeployedSettings.ClientId, OtherAppId, DeployedSettings.TenantId)), Activity(_connector.ServiceUrl)),
            "key endorsed for webchat only" => (Bearer(TestTokens.Channel(_issuer.WebChatKey, DeployedSettings.ClientId, _connector.ServiceUrl)), Activity(_connector.ServiceUrl)),
            // A genuine Bot Framework token for Web Chat: valid everywhere but in a deployed Teams bot.
            "webchat channel with a webchat-endorsed key" => (Bearer(TestTokens.Channel(_issuer.WebChatKey, DeployedSettings.ClientId, _connector.ServiceUrl)), OnChannel(Activity(_connector.ServiceUrl), "webchat")),
            "emulator channel" => (Bearer(good), OnChannel(Activity(_connector.ServiceUrl), "emulator")),
            // The emulator/Playground path: the bot's own identity signing in as itself. Development only.
            "Entra self-token of the bot itself" => (Bearer(TestTokens.EntraV2(_issuer.EntraKey, DeployedSettings.ClientId, DeployedSettings.ClientId, DeployedSettings.TenantId)), Activity(_connector.ServiceUrl)),
            // A genuine token for one service, replayed with an activity that names another: the reply would carry our token there.
            "serviceurl claim for another service" => (Bearer(good), activity),
            "another tenant" => (Bearer(good), Activity(_connector.ServiceUrl, tenantId: "11111111-2222-3333-4444-555555555555")),
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };

        var response = await SendAsync(request.Activity, request.Header);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_connector.Requests);
        Assert.Empty(_forged.Requests);
    }

    [Fact]
    public async Task NoAadObjectId_AnswersOneNeutralLine_AndReachesNoMemberData()
    {
        var token = TestTokens.Channel(_issuer.TeamsKey, DeployedSettings.ClientId, _connector.ServiceUrl);
        var identified = Activity(_connector.ServiceUrl, text: "rapportera");

        // The member starts a report: a draft now exists for them in this conversation.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(identified, token)).StatusCode);
        var started = (await _connector.WaitForMessageAsync()).ToActivity()!;
        Assert.NotEmpty(started.Attachments ?? []);
        _connector.Clear();

        // The same Teams user id and conversation, without the Entra object id: nothing of the draft, no form, no profile.
        var anonymous = identified.DeepClone().AsObject();
        anonymous["id"] = "act-no-aad";
        anonymous["from"]!.AsObject().Remove("aadObjectId");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(anonymous, token)).StatusCode);

        var reply = (await _connector.WaitForMessageAsync()).ToActivity()!;
        Assert.Equal(Trygg.Conversation.CommonTexts.Swedish.Unidentified, reply.Text);
        Assert.Empty(reply.Attachments ?? []);
    }

    [Fact]
    public async Task ForgedServiceUrlRejected_DoesNotBecomeTrusted()
    {
        var good = TestTokens.Channel(_issuer.TeamsKey, DeployedSettings.ClientId, _connector.ServiceUrl);
        await PostAsync(Activity(_forged.ServiceUrl), good);

        Assert.False(_app.Get<IServiceUrlTrust>().IsTrusted(_forged.ServiceUrl));
    }

    private static string Bearer(string token) => "Bearer " + token;

    /// <summary>The classic key-confusion attack: HMAC-signed with the RSA public key as the secret.</summary>
    private string HmacWithPublicKey()
    {
        var publicKey = System.Text.Encoding.UTF8.GetBytes(_issuer.TeamsKey.ToJwk(null).ToJsonString());
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        return handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = TestTokens.ChannelIssuer,
            Audience = DeployedSettings.ClientId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = _connector.ServiceUrl },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(publicKey) { KeyId = _issuer.TeamsKey.Kid },
                Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
    }

    private static JsonObject OnChannel(JsonObject activity, string channelId)
    {
        activity["channelId"] = channelId;
        return activity;
    }

    private static JsonObject Activity(string serviceUrl, string tenantId = DeployedSettings.TenantId, string text = "hjälp")
    {
        var activity = new Activities(serviceUrl).Message(text);
        activity["conversation"]!["tenantId"] = tenantId;
        activity["channelData"]!["tenant"]!["id"] = tenantId;
        return activity;
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject activity, string token) => SendAsync(activity, Bearer(token));

    private async Task<HttpResponseMessage> SendAsync(JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await _app.Http.SendAsync(request);
    }

    private sealed class FixedToken(string token) : IConnectorTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
    }
}
