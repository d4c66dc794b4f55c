namespace Trygg.Storage;

/// <summary>
/// Where the bot's Azure Table storage is. Bound from the <c>Storage</c> section; exactly one of
/// <see cref="ConnectionString"/> (Azurite in Development) and <see cref="TableEndpoint"/> (Azure, managed identity) is set.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Only for Azurite in Development: a connection string carries a key, and production keeps no secrets in config.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table service endpoint in Azure (<c>https://account.table.core.windows.net</c>), reached with a managed identity.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty = <c>DefaultAzureCredential</c>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prepended to every logical table name, so tests (and side-by-side environments) can share one account.</summary>
    public string TablePrefix { get; set; } = "trygg";
}
