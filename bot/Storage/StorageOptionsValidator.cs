using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Trygg.Storage;

/// <summary>Refuses to start unless exactly one way to reach storage is configured, naming the settings involved.</summary>
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string ConnectionStringKey = StorageOptions.Section + ":" + nameof(StorageOptions.ConnectionString);
    private const string TableEndpointKey = StorageOptions.Section + ":" + nameof(StorageOptions.TableEndpoint);
    private const string TablePrefixKey = StorageOptions.Section + ":" + nameof(StorageOptions.TablePrefix);

    /// <summary>
    /// Table names are 3-63 letters and digits starting with a letter; the longest logical name we append is
    /// well under 20 characters, so 40 leaves room.
    /// </summary>
    internal const int MaxTablePrefixLength = 40;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasEndpoint = options.TableEndpoint is not null && !string.IsNullOrEmpty(options.TableEndpoint.OriginalString);
        if (hasConnectionString == hasEndpoint)
        {
            failures.Add(hasConnectionString
                ? $"Set only one of {ConnectionStringKey} (Azurite in Development) and {TableEndpointKey} (Azure, managed identity), not both."
                : $"Table storage is not configured: set {ConnectionStringKey} (Azurite in Development, e.g. UseDevelopmentStorage=true) or {TableEndpointKey} (Azure, e.g. https://<account>.table.core.windows.net).");
        }

        if (hasEndpoint && options.TableEndpoint is { } endpoint
            && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{TableEndpointKey} must be an absolute https URL such as https://<account>.table.core.windows.net.");
        }

        if (options.TablePrefix is null || !TablePrefixPattern().IsMatch(options.TablePrefix))
        {
            failures.Add($"{TablePrefixKey} must start with a letter and hold only letters and digits, at most {MaxTablePrefixLength} characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex TablePrefixPattern();
}
