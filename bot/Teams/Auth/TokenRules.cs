using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Trygg.Teams.Auth;

/// <summary>What an inbound token must satisfy (protocol.md §1.1–1.4), as IdentityModel validation parameters.</summary>
internal sealed class TokenRules
{
    /// <summary>Tenants whose Entra tokens the Bot Framework accepts for emulator/skill-style callers (protocol.md §1.2).</summary>
    private static readonly string[] BotFrameworkTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
        "cab8a31a-1906-4287-a0d8-4eef66b95f6e",
    ];

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly string _appId;
    private readonly string _channelIssuer;
    private readonly HashSet<string> _entraIssuers;
    public TokenRules(BotOptions options)
    {
        _appId = options.AppId ?? "";
        _channelIssuer = options.ChannelIssuer;

        var authority = options.EntraAuthorityHost.TrimEnd('/');
        var tenants = string.IsNullOrWhiteSpace(options.TenantId) ? BotFrameworkTenants : [options.TenantId.Trim(), .. BotFrameworkTenants];
        _entraIssuers = new HashSet<string>(
            tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"{authority}/{t}/v2.0" }),
            StringComparer.Ordinal);
    }

    public bool IsChannelIssuer(string? issuer) => string.Equals(issuer, _channelIssuer, StringComparison.Ordinal);

    public bool IsEntraIssuer(string? issuer) => issuer is not null && _entraIssuers.Contains(issuer);

    public TokenValidationParameters ForChannel(OpenIdConnectConfiguration keys) =>
        Common(keys, [_channelIssuer], [_appId]);

    public TokenValidationParameters ForEntra(OpenIdConnectConfiguration keys) =>
        Common(keys, _entraIssuers, [_appId, "api://" + _appId]);

    private static TokenValidationParameters Common(OpenIdConnectConfiguration keys, IEnumerable<string> issuers, IEnumerable<string> audiences) => new()
    {
        ValidIssuers = issuers,
        ValidAudiences = audiences,
        ValidAlgorithms = AllowedAlgorithms,
        IssuerSigningKeys = keys.SigningKeys,
        // A token must name its key; no guessing keys, so the endorsement lookup below is about the key that verified it.
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        RequireAudience = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        // Lifetime is checked against the system clock: TokenValidationParameters.TimeProvider is internal in 8.23.
        ClockSkew = ClockSkew,
    };

    /// <summary>A short, token-free description of why validation failed.</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "expired token",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenNoExpirationException => "token without expiry",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidAlgorithmException => "disallowed signing algorithm",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSignatureException => "invalid signature",
        SecurityTokenMalformedException => "malformed token",
        _ => "invalid token",
    };

    /// <summary>
    /// The channel ids the key <paramref name="kid"/> is endorsed for, read from the non-standard <c>endorsements</c>
    /// member of the JWKS entry (IdentityModel keeps unknown members in <see cref="JsonWebKey.AdditionalData"/>).
    /// Null when the key is not in the document or carries no endorsements.
    /// </summary>
    public static IReadOnlySet<string>? EndorsementsOf(OpenIdConnectConfiguration keys, string? kid)
    {
        var key = keys.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw))
        {
            return null;
        }

        IEnumerable<string>? values = raw switch
        {
            string single => [single],
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!),
            IEnumerable<object> list => list.Select(o => o?.ToString()).OfType<string>(),
            _ => null,
        };
        return values?.ToHashSet(StringComparer.Ordinal);
    }
}
