using Trygg.Reporting;

namespace Trygg.EvidenceFiles;

/// <summary>
/// Files of a report not yet sent. They are kept as a case of their own in a reserved area of the evidence container,
/// <c>~drafts/{tenant}/{member}/{draft}/</c> (member and draft escaped into one part, the member twice), so every check and limit of a case
/// applies unchanged and nothing of them reaches a table row. Tenant ids are GUIDs, so no real case can share the area.
/// On sending they are copied to the case under the same ids (kept once however often that runs) and then deleted;
/// cancelling, erasure and retention delete them.
/// </summary>
internal sealed partial class DraftEvidence(IEvidenceStore store, BlobEvidenceStore blobs, ILogger<DraftEvidence> logger) : IDraftFiles
{
    internal const string Area = "~drafts";

    public static EvidenceCase PlaceOf(DraftFiles draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(Area, draft.TenantId, MemberPart(draft.MemberId) + draft.DraftId);
    }

    public async Task<int> CountAsync(DraftFiles draft, CancellationToken cancellationToken) =>
        (await store.ListAsync(PlaceOf(draft), cancellationToken)).Count;

    public async Task<int> AttachAsync(DraftFiles draft, string organisationId, string caseNumber, CancellationToken cancellationToken)
    {
        var place = PlaceOf(draft);
        var target = new EvidenceCase(draft.TenantId, organisationId, caseNumber);
        var attached = 0;
        foreach (var item in await store.ListAsync(place, cancellationToken))
        {
            // Gone between listing and reading: a second "Skicka" running at the same moment moved it already.
            if (await store.ReadAsync(place, item.Id, cancellationToken) is not var (kept, content))
            {
                continue;
            }

            // No case limit here: the draft was held to a case's limit as the files came, and a new case holds nothing else.
            var file = new SanitisedFile(content, kept.ContentType, Path.GetExtension(kept.Name));
            await store.SaveAsync(target, item.Id, kept.Name, file, long.MaxValue, cancellationToken);
            attached++;
        }

        await store.DeleteCaseAsync(place, cancellationToken);
        if (attached > 0)
        {
            LogAttached(attached, caseNumber);
        }

        return attached;
    }

    public Task DiscardAsync(DraftFiles draft, CancellationToken cancellationToken) => store.DeleteCaseAsync(PlaceOf(draft), cancellationToken);

    /// <summary>Every draft file of one member (erasure), with each draft's size reservations; returns how many files there were.</summary>
    public async Task<int> DeleteMemberAsync(string tenantId, string memberId, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var folder in (await blobs.ListUnderAsync(MemberPrefix(tenantId, memberId), cancellationToken)).Select(f => FolderOf(f.BlobName)).Distinct(StringComparer.Ordinal))
        {
            deleted += await DeleteDraftAsync(folder, cancellationToken);
        }

        return deleted;
    }

    /// <summary>
    /// The files of every draft not in <paramref name="liveDrafts"/> (by id) whose newest file <paramref name="expired"/>
    /// calls expired (retention: the drafts themselves are gone by then); returns how many files were deleted.
    /// </summary>
    public async Task<int> DeleteStaleAsync(IReadOnlySet<string> liveDrafts, Func<DateTimeOffset, bool> expired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(liveDrafts);
        ArgumentNullException.ThrowIfNull(expired);
        var newest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (blobName, item) in await blobs.ListUnderAsync(Uri.EscapeDataString(Area) + "/", cancellationToken))
        {
            var folder = FolderOf(blobName);
            newest[folder] = newest.TryGetValue(folder, out var at) && at > item.AddedAt ? at : item.AddedAt;
        }

        var deleted = 0;
        foreach (var (folder, at) in newest)
        {
            if (expired(at) && !liveDrafts.Contains(DraftIdOf(folder)))
            {
                deleted += await DeleteDraftAsync(folder, cancellationToken);
            }
        }

        return deleted;
    }

    private static string FolderOf(string blobName) => blobName[..(blobName.LastIndexOf('/') + 1)];

    /// <summary>
    /// A draft's files and its size reservations, whose row key names the member: the folder's parts are the escaped
    /// area, tenant and member-and-draft of <see cref="PlaceOf"/>, so the place is read back from it.
    /// </summary>
    private Task<int> DeleteDraftAsync(string folder, CancellationToken cancellationToken)
    {
        var parts = folder.TrimEnd('/').Split('/');
        return parts.Length == 3
            ? store.DeleteCaseAsync(new EvidenceCase(Area, Uri.UnescapeDataString(parts[1]), Uri.UnescapeDataString(parts[2])), cancellationToken)
            : blobs.DeleteUnderAsync(folder, cancellationToken);
    }

    /// <summary>
    /// The draft id at the end of a draft folder (<c>...{member}%2F{draft}/</c>): the member's part ends in an escaped
    /// slash, and draft ids are hex, which escaping leaves alone.
    /// </summary>
    internal static string DraftIdOf(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var last = folder.TrimEnd('/');
        var cut = last.LastIndexOf("%2F", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? string.Empty : last[(cut + 3)..];
    }

    /// <summary>The start of every draft folder of the member (without the slash that closes a folder).</summary>
    internal static string MemberPrefix(string tenantId, string memberId) =>
        BlobEvidenceStore.CasePrefix(new EvidenceCase(Area, tenantId, MemberPart(memberId)))[..^1];

    /// <summary>The member's id escaped once more than the draft's, so a "/" in an id cannot make one member's folders look like another's.</summary>
    private static string MemberPart(string memberId) => Uri.EscapeDataString(memberId) + "/";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} file(s) sent with the report form kept with case {CaseNumber}")]
    private partial void LogAttached(int count, string caseNumber);
}
