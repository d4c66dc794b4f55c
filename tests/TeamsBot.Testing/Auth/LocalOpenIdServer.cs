using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Trygg.Testing.Auth;

/// <summary>
/// A loopback stand-in for login.botframework.com and login.microsoftonline.com: Bot Framework–style OpenID metadata
/// (keys with <c>endorsements</c>) and Entra-style metadata, so the bot validates tokens on its production path (HTTP
/// metadata retrieval, caching, endorsements).
/// </summary>
public sealed class LocalOpenIdServer : IAsyncDisposable
{
    public const string ChannelMetadataPath = "/v1/.well-known/openidconfiguration";

    public const string EntraMetadataPath = "/entra/v2.0/.well-known/openid-configuration";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<(TestSigningKey Key, string[]? Endorsements)> _channelKeys = [];
    private readonly List<TestSigningKey> _entraKeys = [];
    private int _channelKeyFetches;

    private LocalOpenIdServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public int ChannelKeyFetches => Volatile.Read(ref _channelKeyFetches);

    public static async Task<LocalOpenIdServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new LocalOpenIdServer(builder.Build());
        server.Map();
        await server._app.StartAsync();
        server.BaseUrl = server._app.Urls.Single().TrimEnd('/');
        return server;
    }

    /// <summary>What the bot needs to fetch keys from here instead of the internet.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Bot:OpenIdMetadataUrl"] = BaseUrl + ChannelMetadataPath,
        ["Bot:EntraOpenIdMetadataUrl"] = BaseUrl + EntraMetadataPath,
        ["Bot:RequireHttpsMetadata"] = "false",
    };

    /// <summary>Publish a key in the channel key set; null endorsements leave the member out.</summary>
    public void PublishChannelKey(TestSigningKey key, params string[]? endorsements)
    {
        lock (_gate)
        {
            _channelKeys.Add((key, endorsements));
        }
    }

    public void PublishEntraKey(TestSigningKey key)
    {
        lock (_gate)
        {
            _entraKeys.Add(key);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map()
    {
        _app.MapGet(ChannelMetadataPath, () => Json(new JsonObject
        {
            ["issuer"] = TestTokens.ChannelIssuer,
            ["jwks_uri"] = BaseUrl + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        _app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _channelKeyFetches);
            lock (_gate)
            {
                return Json(new JsonObject { ["keys"] = new JsonArray([.. _channelKeys.Select(k => k.Key.ToJwk(k.Endorsements))]) });
            }
        });
        _app.MapGet(EntraMetadataPath, () => Json(new JsonObject
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = BaseUrl + "/entra/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        _app.MapGet("/entra/discovery/v2.0/keys", () =>
        {
            lock (_gate)
            {
                return Json(new JsonObject { ["keys"] = new JsonArray([.. _entraKeys.Select(k => k.ToJwk(null))]) });
            }
        });
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
