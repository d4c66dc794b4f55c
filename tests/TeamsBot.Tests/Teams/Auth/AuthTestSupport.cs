using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Trygg.Teams.Auth;

/// <summary>One metadata server and key set shared by the tests of a class; each test builds its own authenticator.</summary>
public sealed class AuthServerFixture : IAsyncLifetime
{
    internal LocalOpenIdServer Server { get; private set; } = null!;

    /// <summary>Published, endorsed for msteams.</summary>
    internal TestKey TeamsKey { get; } = new("teams-key");

    /// <summary>Published, endorsed only for webchat.</summary>
    internal TestKey WebChatKey { get; } = new("webchat-key");

    /// <summary>Published without an endorsements member.</summary>
    internal TestKey UnendorsedKey { get; } = new("unendorsed-key");

    /// <summary>Never published.</summary>
    internal TestKey UnknownKey { get; } = new("unknown-key");

    /// <summary>Published in the Entra key set only.</summary>
    internal TestKey EntraKey { get; } = new("entra-key");

    public async Task InitializeAsync()
    {
        Server = await LocalOpenIdServer.StartAsync();
        Server.PublishChannelKey(TeamsKey, "msteams", "skype");
        Server.PublishChannelKey(WebChatKey, "webchat");
        Server.PublishChannelKey(UnendorsedKey, null);
        Server.PublishEntraKey(EntraKey);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>An authenticator wired through <see cref="AuthSetup.AddInboundAuthentication"/>, with captured logs.</summary>
internal sealed class AuthSut : IDisposable
{
    private readonly IHost _host;

    private AuthSut(IHost host, TestLoggerProvider logs)
    {
        _host = host;
        Logs = logs;
    }

    public TestLoggerProvider Logs { get; }

    public IInboundAuthenticator Authenticator => _host.Services.GetRequiredService<IInboundAuthenticator>();

    public static AuthSut Create(
        LocalOpenIdServer? server,
        string? appId = TestTokens.AppId,
        string? tenantId = null,
        string[]? allowedTenants = null,
        bool loopbackOnly = true,
        string environment = "Development") =>
        Create(server?.BaseUrl, appId, tenantId, allowedTenants, loopbackOnly, environment);

    /// <summary>Metadata served at <paramref name="metadataBaseUrl"/> (paths as <see cref="LocalOpenIdServer"/>); null = production URLs.</summary>
    public static AuthSut Create(
        string? metadataBaseUrl,
        string? appId = TestTokens.AppId,
        string? tenantId = null,
        string[]? allowedTenants = null,
        bool loopbackOnly = true,
        string environment = "Development")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = appId,
            ["Bot:TenantId"] = tenantId,
            ["Bot:RequireHttpsMetadata"] = "false",
        };
        if (metadataBaseUrl is not null)
        {
            settings["Bot:OpenIdMetadataUrl"] = metadataBaseUrl + LocalOpenIdServer.ChannelMetadataPath;
            settings["Bot:EntraOpenIdMetadataUrl"] = metadataBaseUrl + LocalOpenIdServer.EntraMetadataPath;
        }

        for (var i = 0; i < (allowedTenants?.Length ?? 0); i++)
        {
            settings[$"Bot:AllowedTenants:{i}"] = allowedTenants![i];
        }

        var logs = new TestLoggerProvider();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        builder.AddInboundAuthentication();
        builder.Services.AddSingleton<ILoopbackBinding>(new FixedLoopbackBinding(loopbackOnly));
        return new AuthSut(builder.Build(), logs);
    }

    public void Dispose() => _host.Dispose();

    private sealed class FixedLoopbackBinding(bool value) : ILoopbackBinding
    {
        public bool ListensOnLoopbackOnly => value;
    }
}

/// <summary>Tokens minted by IdentityModel with the tests' keys.</summary>
internal static class TestTokens
{
    public const string AppId = "5d9e8c1a-7b2f-4c3d-9e0a-1b2c3d4e5f60";
    public const string OtherAppId = "0f0e0d0c-0b0a-0908-0706-050403020100";
    public const string TenantId = "7a6b5c4d-3e2f-1a0b-9c8d-7e6f5a4b3c2d";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static InboundRequest Request(
        string? token,
        string channelId = "msteams",
        string serviceUrl = ServiceUrl,
        string? tenantId = TenantId,
        bool loopback = false) =>
        new(token is null ? null : "Bearer " + token, channelId, serviceUrl, tenantId, loopback);

    public static string Channel(
        TestKey key,
        string audience = AppId,
        string issuer = ChannelIssuer,
        string serviceUrl = ServiceUrl,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string algorithm = SecurityAlgorithms.RsaSha256) =>
        Create(key, issuer, audience, new Dictionary<string, object> { ["serviceurl"] = serviceUrl }, expires, notBefore, algorithm);

    public static string EntraV2(TestKey key, string audience = AppId, string azp = AppId, string tenantId = TenantId) =>
        Create(
            key,
            $"https://login.microsoftonline.com/{tenantId}/v2.0",
            audience,
            new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = azp, ["tid"] = tenantId });

    public static string EntraV1(TestKey key, string audience = AppId, string appid = AppId, string tenantId = TenantId) =>
        Create(
            key,
            $"https://sts.windows.net/{tenantId}/",
            audience,
            new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = appid, ["tid"] = tenantId });

    /// <summary>A hostile input: the same claims with <c>alg: none</c> and no signature.</summary>
    public static string Unsigned(string signedToken)
    {
        var parts = signedToken.Split('.');
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT" };
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{parts[1]}.";
    }

    /// <summary>A hostile input: the payload edited after signing, the original signature kept.</summary>
    public static string WithTamperedPayload(string signedToken, string claim, string value)
    {
        var parts = signedToken.Split('.');
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])))!.AsObject();
        payload[claim] = value;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    private static string Create(
        TestKey key,
        string issuer,
        string audience,
        Dictionary<string, object> claims,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddHours(1);
        var nbf = notBefore ?? (exp < now ? exp.AddHours(-1) : now.AddMinutes(-1));
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = nbf,
            NotBefore = nbf,
            Expires = exp,
            SigningCredentials = key.Credentials(algorithm),
        });
    }
}
