using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Trygg.Security;

/// <summary>An RSA signing key the tests own, published in a JWKS with Bot Framework <c>endorsements</c>.</summary>
internal sealed class SigningKey
{
    private readonly RSA _rsa = RSA.Create(2048);

    public SigningKey(string kid)
    {
        Kid = kid;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = kid };
    }

    public string Kid { get; }

    public RsaSecurityKey SecurityKey { get; }

    public JsonObject ToJwk(string[]? endorsements)
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
/// A loopback stand-in for login.botframework.com and login.microsoftonline.com: OpenID metadata and key sets, so the
/// deployed bot validates tokens on its production path (HTTP metadata retrieval, caching, endorsements).
/// </summary>
internal sealed class LocalTokenIssuer : IAsyncDisposable
{
    public const string ChannelMetadataPath = "/v1/.well-known/openidconfiguration";
    public const string EntraMetadataPath = "/entra/v2.0/.well-known/openid-configuration";
    public const string ChannelIssuer = "https://api.botframework.com";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly WebApplication _app;

    private LocalTokenIssuer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Published, endorsed for msteams.</summary>
    public SigningKey TeamsKey { get; } = new("teams-key");

    /// <summary>Published, endorsed for webchat only.</summary>
    public SigningKey WebChatKey { get; } = new("webchat-key");

    /// <summary>Never published.</summary>
    public SigningKey UnknownKey { get; } = new("unknown-key");

    /// <summary>Published in the Entra key set.</summary>
    public SigningKey EntraKey { get; } = new("entra-key");

    public static async Task<LocalTokenIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var issuer = new LocalTokenIssuer(builder.Build());
        issuer.Map();
        await issuer._app.StartAsync();
        issuer.BaseUrl = issuer._app.Urls.Single().TrimEnd('/');
        return issuer;
    }

    /// <summary>What the bot needs to fetch keys from here instead of the internet.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Bot:OpenIdMetadataUrl"] = BaseUrl + ChannelMetadataPath,
        ["Bot:EntraOpenIdMetadataUrl"] = BaseUrl + EntraMetadataPath,
        ["Bot:RequireHttpsMetadata"] = "false",
    };

    /// <summary>A Bot Framework channel token as Teams sends it.</summary>
    public static string Channel(
        SigningKey key,
        string audience,
        string serviceUrl,
        string issuer = ChannelIssuer,
        DateTime? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var exp = expires ?? DateTime.UtcNow.AddHours(1);
        var nbf = exp.AddHours(-2);
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            IssuedAt = nbf,
            NotBefore = nbf,
            Expires = exp,
            SigningCredentials = new SigningCredentials(key.SecurityKey, algorithm),
        });
    }

    /// <summary>An Entra v2 token (the emulator path: the caller signs in as an app).</summary>
    public static string EntraV2(SigningKey key, string audience, string azp, string tenantId)
    {
        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"https://login.microsoftonline.com/{tenantId}/v2.0",
            Audience = audience,
            Claims = new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = azp, ["tid"] = tenantId },
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    public static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT" };
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{parts[1]}.";
    }

    /// <summary>The payload edited after signing (the signature kept).</summary>
    public static string Tampered(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])))!.AsObject();
        payload[claim] = value;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
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
            ["issuer"] = ChannelIssuer,
            ["jwks_uri"] = BaseUrl + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        _app.MapGet("/v1/.well-known/keys", () => Json(new JsonObject
        {
            ["keys"] = new JsonArray(TeamsKey.ToJwk(["msteams", "skype"]), WebChatKey.ToJwk(["webchat"])),
        }));
        _app.MapGet(EntraMetadataPath, () => Json(new JsonObject
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = BaseUrl + "/entra/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        _app.MapGet("/entra/discovery/v2.0/keys", () => Json(new JsonObject { ["keys"] = new JsonArray(EntraKey.ToJwk(null)) }));
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
