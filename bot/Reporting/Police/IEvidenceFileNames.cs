using Trygg.Cases;

namespace Trygg.Reporting.Police;

/// <summary>
/// The names of the files a member has saved as evidence on a case, for the police-report summary. Evidence upload
/// implements it (a later registration of this interface replaces <see cref="NoEvidenceFiles"/>); names only, never the
/// files, since the summary goes into the member's own chat and PDF.
/// </summary>
public interface IEvidenceFileNames
{
    Task<IReadOnlyList<string>> FileNamesAsync(Incident incident, CancellationToken cancellationToken);
}

/// <summary>No evidence files are kept yet: the summary lists what the report's checklist says the member saved.</summary>
internal sealed class NoEvidenceFiles : IEvidenceFileNames
{
    public Task<IReadOnlyList<string>> FileNamesAsync(Incident incident, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
