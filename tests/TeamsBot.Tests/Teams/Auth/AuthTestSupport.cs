using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Trygg.Testing.Auth;

namespace Trygg.Teams.Auth;

/// <summary>One metadata server and key set shared by the tests of a class; each test builds its own authenticator.</summary>
public sealed class AuthServerFixture : IAsyncLifetime
{
    internal LocalOpenIdServer Server { get; private set; } = null!;

    /// <summary>Published, endorsed for msteams.</summary>
    internal TestSigningKey TeamsKey { get; } = new("teams-key");

    /// <summary>Published, endorsed only for webchat.</summary>
    internal TestSigningKey WebChatKey { get; } = new("webchat-key");

    /// <summary>Published without an endorsements member.</summary>
    internal TestSigningKey UnendorsedKey { get; } = new("unendorsed-key");

    /// <summary>Never published.</summary>
    internal TestSigningKey UnknownKey { get; } = new("unknown-key");

    /// <summary>Published in the Entra key set only.</summary>
    internal TestSigningKey EntraKey { get; } = new("entra-key");

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

/// <summary>
/// The tokens of <see cref="Testing.Auth.TestTokens"/> with this suite's defaults (the bot's app id, tenant and service
/// URL), and the inbound request they arrive in.
/// </summary>
internal static class TestTokens
{
    public const string AppId = "5d9e8c1a-7b2f-4c3d-9e0a-1b2c3d4e5f60";
    public const string OtherAppId = "0f0e0d0c-0b0a-0908-0706-050403020100";
    public const string TenantId = "7a6b5c4d-3e2f-1a0b-9c8d-7e6f5a4b3c2d";
    public const string ChannelIssuer = Testing.Auth.TestTokens.ChannelIssuer;
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";

    public static InboundRequest Request(
        string? token,
        string channelId = "msteams",
        string serviceUrl = ServiceUrl,
        string? tenantId = TenantId,
        bool loopback = false) =>
        new(token is null ? null : "Bearer " + token, channelId, serviceUrl, tenantId, loopback);

    public static string Channel(
        TestSigningKey key,
        string audience = AppId,
        string issuer = ChannelIssuer,
        string serviceUrl = ServiceUrl,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string algorithm = SecurityAlgorithms.RsaSha256) =>
        Testing.Auth.TestTokens.Channel(key, audience, serviceUrl, issuer, expires, notBefore, algorithm);

    public static string EntraV2(TestSigningKey key, string audience = AppId, string azp = AppId, string tenantId = TenantId) =>
        Testing.Auth.TestTokens.EntraV2(key, audience, azp, tenantId);

    public static string EntraV1(TestSigningKey key, string audience = AppId, string appid = AppId, string tenantId = TenantId) =>
        Testing.Auth.TestTokens.EntraV1(key, audience, appid, tenantId);

    public static string Unsigned(string signedToken) => Testing.Auth.TestTokens.WithoutSignature(signedToken);

    public static string WithTamperedPayload(string signedToken, string claim, string value) =>
        Testing.Auth.TestTokens.WithTamperedPayload(signedToken, claim, value);
}
