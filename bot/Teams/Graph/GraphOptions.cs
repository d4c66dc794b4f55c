namespace Trygg.Teams.Graph;

/// <summary>
/// The directory over Microsoft Graph. Bound from the <c>Graph</c> section; when the section is absent the bot runs
/// without a directory (local runs with the Playground). Identity settings left empty are taken from the <c>Bot</c>
/// section, because in Azure the bot's user-assigned managed identity is also its Graph identity.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Graph's versioned root; a national cloud or a test server replaces it.</summary>
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>
    /// The Teams app's id in the organisation's app catalog (not the manifest id: the catalog generates its own).
    /// Installing the app for a user needs it. Preferred over <see cref="AppExternalId"/>: no extra Graph permission.
    /// </summary>
    public string? TeamsAppId { get; set; }

    /// <summary>
    /// The manifest id (the catalog's <c>externalId</c>); the catalog id is looked up once. Needs the extra
    /// application permission AppCatalog.Read.All, so prefer <see cref="TeamsAppId"/>.
    /// </summary>
    public string? AppExternalId { get; set; }

    /// <summary>How tokens are obtained; empty = <c>Bot:AuthType</c>.</summary>
    public BotAuthType? AuthType { get; set; }

    /// <summary>Client id of the user-assigned managed identity or app registration; empty = <c>Bot:AppId</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The directory's tenant; empty = <c>Bot:TenantId</c>. Requests for another tenant are refused.</summary>
    public string? TenantId { get; set; }

    /// <summary>Only for ClientSecret; empty = <c>Bot:ClientSecret</c>. From Key Vault or user secrets, never a file.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Only for Certificate; empty = <c>Bot:CertificatePath</c>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Retries of the Graph SDK's own retry handler (429, 503, 504; honours Retry-After). The only retry layer.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Seconds the SDK's retry handler waits before a retry when Graph sends no Retry-After (grows exponentially).</summary>
    public int RetryDelaySeconds { get; set; } = 3;

    /// <summary>Graph's <c>.default</c> scope for <see cref="BaseUrl"/>'s host.</summary>
    internal string Scope => $"{BaseUrl.GetLeftPart(UriPartial.Authority)}/.default";
}
