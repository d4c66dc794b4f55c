using Trygg.Testing.Auth;

namespace Trygg.Security;

/// <summary>
/// The keys of the deployed-auth tests, published on a <see cref="LocalOpenIdServer"/> as login.botframework.com and
/// login.microsoftonline.com would: one endorsed for msteams, one for webchat only, one in the Entra key set, one never
/// published. Tokens come from <see cref="TestTokens"/>.
/// </summary>
internal sealed class LocalTokenIssuer : IAsyncDisposable
{
    private readonly LocalOpenIdServer _server;

    private LocalTokenIssuer(LocalOpenIdServer server) => _server = server;

    /// <summary>Published, endorsed for msteams.</summary>
    public TestSigningKey TeamsKey { get; } = new("teams-key");

    /// <summary>Published, endorsed for webchat only.</summary>
    public TestSigningKey WebChatKey { get; } = new("webchat-key");

    /// <summary>Never published.</summary>
    public TestSigningKey UnknownKey { get; } = new("unknown-key");

    /// <summary>Published in the Entra key set.</summary>
    public TestSigningKey EntraKey { get; } = new("entra-key");

    public static async Task<LocalTokenIssuer> StartAsync()
    {
        var issuer = new LocalTokenIssuer(await LocalOpenIdServer.StartAsync());
        issuer._server.PublishChannelKey(issuer.TeamsKey, "msteams", "skype");
        issuer._server.PublishChannelKey(issuer.WebChatKey, "webchat");
        issuer._server.PublishEntraKey(issuer.EntraKey);
        return issuer;
    }

    /// <summary>What the bot needs to fetch keys from here instead of the internet.</summary>
    public Dictionary<string, string?> Settings() => _server.Settings();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
