using System.Net;
using Microsoft.Extensions.Options;

namespace Trygg.Teams.Graph;

/// <summary>Refuses to start with Graph settings that cannot work, naming the setting to fix.</summary>
internal sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    private const string S = GraphOptions.Section;

    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.BaseUrl is not { IsAbsoluteUri: true } baseUrl
            || !(baseUrl.Scheme == Uri.UriSchemeHttps || (baseUrl.Scheme == Uri.UriSchemeHttp && IsLoopback(baseUrl))))
        {
            failures.Add($"{S}:{nameof(GraphOptions.BaseUrl)} must be an absolute https URL such as https://graph.microsoft.com/v1.0.");
        }

        var hasCatalogId = !string.IsNullOrWhiteSpace(options.TeamsAppId);
        var hasExternalId = !string.IsNullOrWhiteSpace(options.AppExternalId);
        if (!hasCatalogId && !hasExternalId)
        {
            failures.Add($"Set {S}:{nameof(GraphOptions.TeamsAppId)} (the app's id in the organisation's Teams app catalog) or {S}:{nameof(GraphOptions.AppExternalId)} (the manifest id, looked up in the catalog): installing Trygg for a security officer needs it.");
        }

        // Both end up in a URL or an OData filter: only GUIDs get there.
        RequireGuidIfSet(options.TeamsAppId, nameof(GraphOptions.TeamsAppId), failures);
        RequireGuidIfSet(options.AppExternalId, nameof(GraphOptions.AppExternalId), failures);

        var authType = options.AuthType ?? BotAuthType.UserAssignedMSI;
        Require(options.ClientId, nameof(GraphOptions.ClientId), authType, "Bot:AppId", failures);
        if (authType is BotAuthType.ClientSecret or BotAuthType.Certificate)
        {
            Require(options.TenantId, nameof(GraphOptions.TenantId), authType, "Bot:TenantId", failures);
        }

        if (authType == BotAuthType.ClientSecret)
        {
            Require(options.ClientSecret, nameof(GraphOptions.ClientSecret), authType, "Bot:ClientSecret", failures);
        }

        if (authType == BotAuthType.Certificate)
        {
            Require(options.CertificatePath, nameof(GraphOptions.CertificatePath), authType, "Bot:CertificatePath", failures);
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{S}:{nameof(GraphOptions.MaxRetries)} must be between 0 and 10.");
        }

        if (options.RetryDelaySeconds is < 0 or > 180)
        {
            failures.Add($"{S}:{nameof(GraphOptions.RetryDelaySeconds)} must be between 0 and 180.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static void RequireGuidIfSet(string? value, string setting, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(value) && !Guid.TryParse(value, out _))
        {
            failures.Add($"{S}:{setting} must be a GUID.");
        }
    }

    private static void Require(string? value, string setting, BotAuthType authType, string fallback, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{S}:{setting} (or {fallback}) is required when the Graph identity's auth type is {authType}.");
        }
    }
}
