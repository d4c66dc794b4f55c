namespace Trygg.Storage.Documents;

/// <summary>
/// A file with personal data (the annual review's report and data, the training list that names members), kept for the
/// one staff member who asked for it until Teams uploads it to their OneDrive from their 1:1 chat with the bot.
/// </summary>
/// <param name="OwnerAadObjectId">The staff member's Entra object id: nobody else can have the file.</param>
public sealed record PrivateFile(
    string TenantId,
    string OrganisationId,
    string OwnerAadObjectId,
    string FileName,
    string ContentType,
    byte[] Content,
    DateTimeOffset ExpiresAt);

/// <summary>
/// Files waiting for their owner to accept them in Teams. There is no link: a file is read only by its id together
/// with the Entra object id of the one who asked for it, both from an authenticated Teams activity.
/// </summary>
public interface IPrivateFiles
{
    /// <summary>Keeps the file and returns its id (also drops the owner's expired files).</summary>
    Task<string> KeepAsync(PrivateFile file, CancellationToken cancellationToken);

    /// <summary>The file, when <paramref name="ownerAadObjectId"/> is its owner and it has not expired; else null.</summary>
    Task<PrivateFile?> GetAsync(string tenantId, string ownerAadObjectId, string id, CancellationToken cancellationToken);

    /// <summary>Forgets one file (uploaded or declined).</summary>
    Task DeleteAsync(string tenantId, string ownerAadObjectId, string id, CancellationToken cancellationToken);

    /// <summary>Forgets every waiting file of an organisation (they may name any of its members). Returns how many.</summary>
    Task<int> DeleteForOrganisationAsync(string tenantId, string organisationId, CancellationToken cancellationToken);

    /// <summary>Forgets every file past its expiry, whoever owns it (for the daily retention run). Returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
