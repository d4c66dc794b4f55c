using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Trygg.Teams.Auth;

/// <summary>An RSA signing key the tests own, publishable in a JWKS.</summary>
internal sealed class TestKey
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestKey(string kid)
    {
        Kid = kid;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = kid };
    }

    public string Kid { get; }

    public RsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) => new(SecurityKey, algorithm);

    public JsonObject ToJwk(IEnumerable<string>? endorsements)
    {
        var p = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
        }

        return jwk;
    }
}

/// <summary>
/// A real loopback HTTP server serving Bot Framework–style OpenID metadata (keys with <c>endorsements</c>)
/// and Entra-style metadata, so the authenticator runs its production HTTP and caching path.
/// </summary>
internal sealed class LocalOpenIdServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<(TestKey Key, string[]? Endorsements)> _channelKeys = [];
    private readonly List<TestKey> _entraKeys = [];
    private int _channelKeyFetches;

    private LocalOpenIdServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public const string ChannelMetadataPath = "/v1/.well-known/openidconfiguration";

    public const string EntraMetadataPath = "/entra/v2.0/.well-known/openid-configuration";

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

    public void PublishChannelKey(TestKey key, params string[]? endorsements)
    {
        lock (_gate)
        {
            _channelKeys.Add((key, endorsements));
        }
    }

    public void PublishEntraKey(TestKey key)
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
            ["issuer"] = "https://api.botframework.com",
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
