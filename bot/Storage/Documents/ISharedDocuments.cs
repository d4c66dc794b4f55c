namespace Trygg.Storage.Documents;

/// <summary>A document that can be fetched by its unguessable link until it expires.</summary>
public sealed record SharedDocument(string FileName, string ContentType, byte[] Content, DateTimeOffset ExpiresAt);

/// <summary>
/// Documents handed out by link (the annual review's report for the security network's meeting). Only documents
/// without personal data may be shared this way: whoever holds the link can open it until it expires.
/// </summary>
public interface ISharedDocuments
{
    /// <summary>Stores the document and returns its link.</summary>
    Task<Uri> ShareAsync(string fileName, string contentType, byte[] content, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>The document behind a link token; null when unknown or expired.</summary>
    Task<SharedDocument?> OpenAsync(string token, CancellationToken cancellationToken);
}
