using Trygg.Cases.Files;

namespace Trygg.EvidenceFiles;

/// <summary>The case details' view of the evidence store (Cases' port, implemented here because EvidenceFiles sits above Cases).</summary>
internal sealed class CaseEvidenceAdapter(IEvidenceStore store) : ICaseEvidence
{
    public async Task<IReadOnlyList<CaseEvidenceFile>> ListAsync(string tenantId, string organisationId, string caseNumber, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(new EvidenceCase(tenantId, organisationId, caseNumber), cancellationToken)).Select(ToFile)];

    public async Task<(CaseEvidenceFile File, byte[] Content)?> ReadAsync(string tenantId, string organisationId, string caseNumber, string evidenceId, CancellationToken cancellationToken) =>
        await store.ReadAsync(new EvidenceCase(tenantId, organisationId, caseNumber), evidenceId, cancellationToken) is var (item, content)
            ? (ToFile(item), content)
            : null;

    private static CaseEvidenceFile ToFile(EvidenceItem item) => new(item.Id, item.Name, item.ContentType, item.Size, item.AddedAt);
}
