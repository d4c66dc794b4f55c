namespace Trygg.EvidenceFiles;

/// <summary>The case evidence belongs to.</summary>
public sealed record EvidenceCase(string TenantId, string OrganisationId, string CaseNumber);

/// <summary>One kept file: its name as the member sent it (with the extension of what is stored), never logged.</summary>
public sealed record EvidenceItem(string Id, string Name, string ContentType, long Size, DateTimeOffset AddedAt);

/// <summary>What became of a file handed to <see cref="IEvidenceStore.SaveAsync"/>.</summary>
public enum EvidenceSaved
{
    Saved,

    /// <summary>The same file was kept before (Teams resent the message, or the member sent it twice): kept once.</summary>
    AlreadyKept,

    /// <summary>The case holds as much evidence as it may.</summary>
    CaseFull,
}

/// <summary>
/// Evidence files, kept under their case in private Blob storage (never in Table rows or logs). Only files that
/// <see cref="EvidenceSanitiser"/> let through are given to it.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Keeps <paramref name="file"/> as <paramref name="evidenceId"/> unless it is there already or the case would exceed <paramref name="caseLimit"/> bytes.</summary>
    Task<EvidenceSaved> SaveAsync(EvidenceCase evidenceCase, string evidenceId, string name, SanitisedFile file, long caseLimit, CancellationToken cancellationToken);

    Task<IReadOnlyList<EvidenceItem>> ListAsync(EvidenceCase evidenceCase, CancellationToken cancellationToken);

    /// <summary>The file and its content; null when there is no such evidence on the case.</summary>
    Task<(EvidenceItem Item, byte[] Content)?> ReadAsync(EvidenceCase evidenceCase, string evidenceId, CancellationToken cancellationToken);

    /// <summary>Deletes every file of the case (erasure, retention); returns how many there were.</summary>
    Task<int> DeleteCaseAsync(EvidenceCase evidenceCase, CancellationToken cancellationToken);
}
