using System.ComponentModel.DataAnnotations;
using Trygg.Hosting;

namespace Trygg.EvidenceFiles;

/// <summary>
/// Evidence in Blob storage. Locally the blobs are reached through <c>Storage:ConnectionString</c> (Azurite); in Azure
/// through <see cref="BlobEndpoint"/> with the managed identity of <c>Storage:ManagedIdentityClientId</c>.
/// </summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>The Blob service endpoint in Azure (<c>https://account.blob.core.windows.net</c>); not used with a connection string.</summary>
    public Uri? BlobEndpoint { get; set; }

    /// <summary>The largest file kept, in bytes, as read from Teams (before images are re-encoded).</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>The most evidence kept for one case, in bytes.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxCaseBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>How long "Lägg till bevis" stays open for files the member sends.</summary>
    [DurationRange("00:01:00", "1.00:00:00")]
    public TimeSpan StepLifetime { get; set; } = TimeSpan.FromHours(1);
}
