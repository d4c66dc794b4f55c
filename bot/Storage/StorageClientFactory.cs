using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace Trygg.Storage;

/// <summary>Builds the one <see cref="TableServiceClient"/> of the process from validated <see cref="StorageOptions"/>.</summary>
internal static class StorageClientFactory
{
    public static TableServiceClient Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = CreateClientOptions();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString, clientOptions);
        }

        var endpoint = options.TableEndpoint
            ?? throw new InvalidOperationException($"{StorageOptions.Section}:{nameof(StorageOptions.TableEndpoint)} is not set.");
        return new TableServiceClient(endpoint, CreateCredential(options.ManagedIdentityClientId), clientOptions);
    }

    internal static TokenCredential CreateCredential(string? managedIdentityClientId) =>
        string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));

    /// <summary>
    /// The SDK's own retry is our only retry layer for storage. Kept short: a turn that waits seconds on storage
    /// is already lost to Teams' 15 s limit, and the readiness probe should see an outage quickly.
    /// </summary>
    private static TableClientOptions CreateClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }
}
