using System.ComponentModel.DataAnnotations;

namespace Trygg.Teams;

public enum BotAuthType
{
    ClientSecret,
    Certificate,
    UserAssignedMSI,
}

/// <summary>The bot's identity and who may talk to it. Bound from the <c>Bot</c> section.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The Entra app (or user-assigned managed identity client) id. Empty = anonymous local mode.</summary>
    public string? AppId { get; set; }

    /// <summary>The tenant the bot's identity lives in (single-tenant and UAMI bots).</summary>
    public string? TenantId { get; set; }

    public BotAuthType AuthType { get; set; } = BotAuthType.UserAssignedMSI;

    /// <summary>Tenants whose activities are accepted; empty = any tenant.</summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>Client secret (ClientSecret auth only); from user secrets or Key Vault, never appsettings.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Path to a PFX/PEM certificate with private key (Certificate auth only).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>OpenID metadata of the Bot Framework channel service (tokens from Teams).</summary>
    [Required, Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Issuer of Bot Framework channel tokens.</summary>
    [Required]
    public string ChannelIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>OpenID metadata for Entra-issued tokens (single-tenant bots, Agents Playground with credentials).</summary>
    [Required, Url]
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Authority host for Entra issuers (v1 sts.windows.net form is derived).</summary>
    [Required]
    public string EntraAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>
    /// Require https for the OpenID metadata and JWKS downloads (<c>Bot:RequireHttpsMetadata</c>, default true).
    /// Only tests that serve metadata from a local http endpoint turn this off; production must keep it on,
    /// because a key set fetched over plain http lets anyone on the path mint tokens the bot would accept.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Scope of outbound connector tokens.</summary>
    [Required]
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Service URLs the bot may call even before an authenticated activity named them (proactive sends).</summary>
    public IList<string> TrustedServiceUrls { get; } = [];

    /// <summary>True when no app id is configured: the only mode in which unauthenticated requests can be accepted (and then only on loopback).</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);
}
