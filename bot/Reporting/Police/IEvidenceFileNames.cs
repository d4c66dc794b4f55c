using Trygg.Cases;
using Trygg.Cases.Files;

namespace Trygg.Reporting.Police;

/// <summary>
/// The names of the files a member has saved as evidence on a case, for the police-report summary: names only, never
/// the files, since the summary goes into the member's own chat and PDF.
/// </summary>
public interface IEvidenceFileNames
{
    Task<IReadOnlyList<string>> FileNamesAsync(Incident incident, CancellationToken cancellationToken);
}

/// <summary>The evidence kept with the case (<see cref="ICaseEvidence"/>), oldest first.</summary>
internal sealed class CaseEvidenceFileNames(ICaseEvidence evidence) : IEvidenceFileNames
{
    public async Task<IReadOnlyList<string>> FileNamesAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var files = await evidence.ListAsync(incident.TenantId, incident.OrganisationId, incident.CaseNumber, cancellationToken);
        return [.. files.OrderBy(f => f.AddedAt).Select(f => f.Name)];
    }
}
