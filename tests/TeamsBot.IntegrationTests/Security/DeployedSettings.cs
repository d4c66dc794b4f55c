using System.Text.RegularExpressions;
using Trygg.Testing;

namespace Trygg.Security;

/// <summary>
/// The app settings infra/modules/appservice.bicep gives the App Service (read from the template's source, so a change
/// there changes what these tests run), with each Bicep expression replaced by a value Azure would put there.
/// </summary>
internal static partial class DeployedSettings
{
    public const string ClientId = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
    public const string TenantId = "9b1f6a4e-2c1d-4f8a-9e3b-5a7c2d1e0f42";

    private static readonly Dictionary<string, string> Expressions = new(StringComparer.Ordinal)
    {
        ["identityClientId"] = ClientId,
        ["tenant().tenantId"] = TenantId,
        ["tableEndpoint"] = "https://sttryggx7k2.table.core.windows.net/",
        ["blobEndpoint"] = "https://sttryggx7k2.blob.core.windows.net/",
        ["appInsights.properties.ConnectionString"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000",
        ["teamsAppExternalId"] = "3f2e1d0c-4b5a-4697-8877-665544332211",
        ["teamsCatalogAppId"] = "e3b0c442-98fc-4c14-9afb-f4c8996fb924",
    };

    /// <summary>Every <c>{ name: '...', value: ... }</c> of the App Service module, as configuration keys.</summary>
    public static Dictionary<string, string?> FromTemplate()
    {
        var source = File.ReadAllText(RepoPaths.Combine("infra", "modules", "appservice.bicep"));
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Setting().Matches(source))
        {
            var expression = m.Groups[2].Value.Trim();
            var value = expression.StartsWith('\'') ? expression.Trim('\'')
                : Expressions.TryGetValue(expression, out var known) ? known
                : throw new InvalidOperationException($"No test value for {m.Groups[1].Value} = {expression}: add one to {nameof(DeployedSettings)}.");
            settings[m.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        return settings.Count > 5 ? settings : throw new InvalidOperationException("The App Service module's settings were not found.");
    }

    /// <summary>
    /// The template's settings, changed only where this machine cannot be Azure: Azurite instead of the storage
    /// and blob endpoints, a loopback issuer instead of the internet's metadata, no Graph or Application Insights (both would
    /// call out on the managed identity). Everything about who may call the bot is as deployed.
    /// </summary>
    public static Dictionary<string, string?> ForLoopback(LocalTokenIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var settings = FromTemplate();
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Storage:", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Evidence:BlobEndpoint", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Graph:", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("APPLICATIONINSIGHTS", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("ApplicationInsightsAgent", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            settings.Remove(key);
        }

        // TryggApp starts in Development; the deployed app does not.
        settings["environment"] = settings["ASPNETCORE_ENVIRONMENT"];
        foreach (var (key, value) in issuer.Settings())
        {
            settings[key] = value;
        }

        return settings;
    }

    [GeneratedRegex(@"\{\s*name:\s*'([^']+)'\s*,\s*value:\s*([^}]+?)\s*\}")]
    private static partial Regex Setting();
}
