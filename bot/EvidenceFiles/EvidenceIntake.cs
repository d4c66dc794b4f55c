using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Trygg.Conversation.Turns;

namespace Trygg.EvidenceFiles;

/// <summary>What became of one file the member sent: kept (now or before) under its name, or a refusal with the reason.</summary>
/// <param name="Saved">Saved or AlreadyKept when the file is kept; null when it was refused.</param>
/// <param name="Refusal">The member's answer when the file was not kept, naming it and saying why; else null.</param>
internal sealed record FileOutcome(string Name, EvidenceSaved? Saved, string? Refusal)
{
    public bool Kept => Refusal is null;
}

/// <summary>
/// One sent file from Teams to the evidence store: read through the protocol layer within the size limit, typed and
/// cleaned by its bytes, kept under <see cref="EvidenceCase"/> once. The same checks, limits and refusals whether the file
/// goes to a sent case ("Lägg till bevis") or to a report still in the form (its file step).
/// </summary>
internal sealed class EvidenceIntake(ISentFileReader reader, IEvidenceStore store, IOptions<EvidenceOptions> options)
{
    /// <summary>Longest file name kept; longer names are cut (the name is only there for people to recognise the file).</summary>
    private const int MaxNameLength = 100;

    private async Task<FileOutcome> KeepAsync(EvidenceCase place, SentFile file, EvidenceTexts t, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(t);
        var limits = options.Value;
        var name = Shorten(file.Name);
        var content = await reader.ReadAsync(file, limits.MaxFileBytes, cancellationToken);
        switch (content.Problem)
        {
            case SentFileProblem.TooLarge:
                return new(name, null, Format(t.RefusedTooLarge, name, Megabytes(limits.MaxFileBytes)));
            case SentFileProblem.Unavailable or SentFileProblem.Untrusted:
                return new(name, null, Format(t.RefusedUnavailable, name));
        }

        var (clean, refusal) = EvidenceSanitiser.Sanitise(content.Bytes);
        if (clean is null)
        {
            return new(name, null, Format(refusal switch { EvidenceRefusal.Heic => t.RefusedHeic, EvidenceRefusal.Unreadable => t.RefusedUnreadable, _ => t.RefusedType }, name));
        }

        var storedName = Path.GetFileNameWithoutExtension(name) + clean.Extension;
        var saved = await store.SaveAsync(place, EvidenceId(file), storedName, clean, limits.MaxCaseBytes, cancellationToken);
        return saved == EvidenceSaved.CaseFull
            ? new(name, null, Format(t.RefusedCaseFull, name, Megabytes(limits.MaxCaseBytes)))
            : new(name, saved, null);
    }

    /// <summary>
    /// Every file of the turn kept under <paramref name="place"/>, each answered on its own line: its refusal, or
    /// <paramref name="keptText"/> for a file kept now or before. Returns how many were kept.
    /// </summary>
    public async Task<int> KeepEachAsync(
        Turn turn, TurnReplies replies, EvidenceCase place, EvidenceTexts t, Func<FileOutcome, string> keptText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(keptText);
        var kept = 0;
        foreach (var file in turn.Files)
        {
            var outcome = await KeepAsync(place, file, t, cancellationToken);
            kept += outcome.Kept ? 1 : 0;
            replies.SendPlainText(outcome.Refusal ?? keptText(outcome));
        }

        return kept;
    }

    /// <summary>The same file sent again (Teams resends an activity it got no answer to) gets the same id, so it is kept once.</summary>
    private static string EvidenceId(SentFile file) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file.Location)))[..32];

    /// <summary>The name without any folder part, and not longer than people need to recognise it.</summary>
    private static string Shorten(string name)
    {
        var bare = Path.GetFileName(name.Replace('\\', '/'));
        bare = string.IsNullOrWhiteSpace(bare) ? "file" : bare;
        return bare.Length > MaxNameLength ? bare[..MaxNameLength] : bare;
    }

    internal static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);

    internal static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
