namespace Trygg.Storage.Documents;

/// <summary>A document that can be fetched by its unguessable link until it expires.</summary>
public sealed record SharedDocument(string FileName, string ContentType, byte[] Content, DateTimeOffset ExpiresAt);

/// <summary>
/// Images handed out by link (the charts on the review and training cards, counts only). Only images without personal
/// data may be shared this way (anything else is refused): whoever holds the link can open it until it expires, and the
/// link sits in request logs. Files with personal data go to the staff member's own chat (<see cref="IPrivateFiles"/>).
/// </summary>
public interface ISharedDocuments
{
    /// <summary>Stores the document and returns its link.</summary>
    Task<Uri> ShareAsync(string fileName, string contentType, byte[] content, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>The document behind a link token; null when unknown or expired.</summary>
    Task<SharedDocument?> OpenAsync(string token, CancellationToken cancellationToken);
}
