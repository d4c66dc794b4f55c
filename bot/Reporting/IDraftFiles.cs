namespace Trygg.Reporting;

/// <summary>The files a member sent at the report form's file step, kept under their draft (never in the draft's row).</summary>
internal sealed record DraftFiles(string TenantId, string MemberId, string DraftId);

/// <summary>
/// The report form's view of the files kept under a draft until it is sent. EvidenceFiles implements it (it sits above
/// Reporting, so the form knows nothing about Blob storage or how a file is checked).
/// </summary>
internal interface IDraftFiles
{
    /// <summary>How many files the draft holds now.</summary>
    Task<int> CountAsync(DraftFiles draft, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the draft's files to the sent case and returns how many the case received. Safe to call again for the same
    /// draft and case (a repeated "Skicka", a restart midway): each file is kept with the case once.
    /// </summary>
    Task<int> AttachAsync(DraftFiles draft, string organisationId, string caseNumber, CancellationToken cancellationToken);

    /// <summary>Deletes the draft's files (the member cancelled, or the draft was replaced).</summary>
    Task DiscardAsync(DraftFiles draft, CancellationToken cancellationToken);
}
