namespace Trygg.Cases.Files;

/// <summary>One evidence file of a case as staff see it listed: never logged, shown only with the case details.</summary>
public sealed record CaseEvidenceFile(string Id, string Name, string ContentType, long Size, DateTimeOffset AddedAt);

/// <summary>
/// The evidence the member added to their case. Evidence is kept by EvidenceFiles, which sits above Cases and
/// implements this port, so the case details can list and open files without Cases depending on it.
/// </summary>
public interface ICaseEvidence
{
    Task<IReadOnlyList<CaseEvidenceFile>> ListAsync(string tenantId, string organisationId, string caseNumber, CancellationToken cancellationToken);

    /// <summary>The file and its content; null when the case has no such file.</summary>
    Task<(CaseEvidenceFile File, byte[] Content)?> ReadAsync(string tenantId, string organisationId, string caseNumber, string evidenceId, CancellationToken cancellationToken);
}

/// <summary>When no evidence store is registered, cases have no evidence.</summary>
internal sealed class NoCaseEvidence : ICaseEvidence
{
    public Task<IReadOnlyList<CaseEvidenceFile>> ListAsync(string tenantId, string organisationId, string caseNumber, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CaseEvidenceFile>>([]);

    public Task<(CaseEvidenceFile File, byte[] Content)?> ReadAsync(string tenantId, string organisationId, string caseNumber, string evidenceId, CancellationToken cancellationToken) =>
        Task.FromResult<(CaseEvidenceFile File, byte[] Content)?>(null);
}
