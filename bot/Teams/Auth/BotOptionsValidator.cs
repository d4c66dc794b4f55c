using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Trygg.Teams.Auth;

/// <summary>Refuses to start a bot whose identity settings cannot work or are unsafe, naming the setting to fix.</summary>
internal sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = BotOptions.Section;

        if (options.IsAnonymous && !environment.IsDevelopment())
        {
            // Anonymous mode trusts every from, tenant and serviceUrl it is sent: only ever on a developer's machine.
            failures.Add($"{section}:{nameof(BotOptions.AppId)} is empty, which means anonymous local mode; that mode only starts when the environment (ASPNETCORE_ENVIRONMENT) is Development, and this one is '{environment.EnvironmentName}'. Set {section}:{nameof(BotOptions.AppId)} to the bot's app id.");
        }

        if (!options.IsAnonymous)
        {
            if (options.AuthType == BotAuthType.ClientSecret && string.IsNullOrWhiteSpace(options.ClientSecret))
            {
                failures.Add($"{section}:{nameof(BotOptions.ClientSecret)} is required when {section}:{nameof(BotOptions.AuthType)} is {BotAuthType.ClientSecret}.");
            }

            if (options.AuthType == BotAuthType.Certificate && string.IsNullOrWhiteSpace(options.CertificatePath))
            {
                failures.Add($"{section}:{nameof(BotOptions.CertificatePath)} is required when {section}:{nameof(BotOptions.AuthType)} is {BotAuthType.Certificate}.");
            }
        }

        if (options.RequireHttpsMetadata)
        {
            RequireHttps(options.OpenIdMetadataUrl, nameof(BotOptions.OpenIdMetadataUrl), failures);
            RequireHttps(options.EntraOpenIdMetadataUrl, nameof(BotOptions.EntraOpenIdMetadataUrl), failures);
        }

        for (var i = 0; i < options.TrustedServiceUrls.Count; i++)
        {
            if (!Connector.ServiceUrlTrust.TryNormalize(options.TrustedServiceUrls[i], out _))
            {
                failures.Add($"{section}:{nameof(BotOptions.TrustedServiceUrls)}:{i} must be an absolute http(s) URL without query, e.g. https://smba.trafficmanager.net/emea/.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireHttps(string? url, string setting, List<string> failures)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{BotOptions.Section}:{setting} must be an https URL (or set {BotOptions.Section}:{nameof(BotOptions.RequireHttpsMetadata)}=false for a local test endpoint).");
        }
    }
}
