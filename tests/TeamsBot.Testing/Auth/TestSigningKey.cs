using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Trygg.Testing.Auth;

/// <summary>An RSA signing key the tests own, publishable in a JWKS (with Bot Framework <c>endorsements</c> when given).</summary>
public sealed class TestSigningKey
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string kid)
    {
        Kid = kid;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = kid };
    }

    public string Kid { get; }

    public RsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) => new(SecurityKey, algorithm);

    /// <summary>The public half as a JWK; the private parameters never leave the key.</summary>
    public JsonObject ToJwk(IEnumerable<string>? endorsements)
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(includePrivateParameters: false)) { KeyId = Kid });
        var json = new JsonObject
        {
            ["kty"] = jwk.Kty,
            ["use"] = "sig",
            ["kid"] = jwk.Kid,
            ["n"] = jwk.N,
            ["e"] = jwk.E,
        };
        if (endorsements is not null)
        {
            json["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
        }

        return json;
    }
}
