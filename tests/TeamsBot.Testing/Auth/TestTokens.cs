using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Trygg.Testing.Auth;

/// <summary>Tokens as the Bot Framework channel and Entra issue them, minted by IdentityModel with the tests' keys, and the hostile variants.</summary>
public static class TestTokens
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A Bot Framework channel token as Teams sends it.</summary>
    public static string Channel(
        TestSigningKey key,
        string audience,
        string serviceUrl,
        string issuer = ChannelIssuer,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string algorithm = SecurityAlgorithms.RsaSha256) =>
        Create(key, issuer, audience, new Dictionary<string, object> { ["serviceurl"] = serviceUrl }, expires, notBefore, algorithm);

    /// <summary>An Entra v2 token (the emulator path: the caller signs in as an app).</summary>
    public static string EntraV2(TestSigningKey key, string audience, string azp, string tenantId) =>
        Create(
            key,
            $"https://login.microsoftonline.com/{tenantId}/v2.0",
            audience,
            new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = azp, ["tid"] = tenantId });

    /// <summary>An Entra v1 token.</summary>
    public static string EntraV1(TestSigningKey key, string audience, string appid, string tenantId) =>
        Create(
            key,
            $"https://sts.windows.net/{tenantId}/",
            audience,
            new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = appid, ["tid"] = tenantId });

    /// <summary>A hostile input: the same claims with <c>alg: none</c> and no signature.</summary>
    public static string WithoutSignature(string signedToken)
    {
        ArgumentNullException.ThrowIfNull(signedToken);
        var parts = signedToken.Split('.');
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT" };
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{parts[1]}.";
    }

    /// <summary>A hostile input: the payload edited after signing, the original signature kept.</summary>
    public static string WithTamperedPayload(string signedToken, string claim, string value)
    {
        ArgumentNullException.ThrowIfNull(signedToken);
        var parts = signedToken.Split('.');
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])))!.AsObject();
        payload[claim] = value;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>Valid for an hour from a minute ago unless told otherwise; an expired token is given a not-before an hour earlier.</summary>
    private static string Create(
        TestSigningKey key,
        string issuer,
        string audience,
        Dictionary<string, object> claims,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        ArgumentNullException.ThrowIfNull(key);
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
