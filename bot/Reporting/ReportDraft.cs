using Trygg.Conversation.State;
using Trygg.Conversation.Turns;

namespace Trygg.Reporting;

/// <summary>Where a report in progress stands.</summary>
internal enum DraftStep
{
    Safety,
    What,
    More,
    Preview,
    Sent,
}

/// <summary>
/// A report in progress, kept in Table storage between turns so it survives a restart and is resumed where it
/// stopped. Expires after <see cref="Lifetime"/>. After sending only the case number is kept (to answer a
/// repeated "Skicka" with the same receipt); the report's text lives in the incident.
/// </summary>
internal sealed record ReportDraft(
    string Id,
    DraftStep Step,
    Dictionary<string, string?> Values,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? CaseNumber = null)
{
    public const string Slot = "report-draft";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static StateKey KeyFor(Turn turn) => new(turn.TenantId, turn.ConversationId, turn.MemberId, Slot);

    public bool IsExpired(DateTimeOffset now) => now - UpdatedAt > Lifetime;

    public static ReportDraft New(DateTimeOffset now) =>
        new(Guid.NewGuid().ToString("N"), DraftStep.Safety, new Dictionary<string, string?>(StringComparer.Ordinal), now, now);

    /// <summary>
    /// Longest value kept for the description: one character over the limit, so the form still says "too long" and
    /// shows what the member wrote. The card's own maxLength stops a real client there; only a forged one sends more.
    /// </summary>
    public const int MaxKeptDescription = ReportForm.MaxDescription + 1;

    /// <summary>Longest value kept for any other field: well over the card's limits (platform 100, diary 40, codes).</summary>
    public const int MaxKeptValue = 200;

    /// <summary>
    /// The draft with the card's inputs for <paramref name="fields"/> merged in (nothing typed is lost). Values longer
    /// than any card sends are cut, so a forged one cannot make the draft too large to store (the form then asks to
    /// shorten it instead of failing).
    /// </summary>
    public ReportDraft Merge(CardAction action, IEnumerable<string> fields, DraftStep step, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(action);
        var values = new Dictionary<string, string?>(Values, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (action.Data.TryGetValue(field, out var value))
            {
                values[field] = Clip(value, field == ReportForm.Description ? MaxKeptDescription : MaxKeptValue);
            }
        }

        return this with { Values = values, Step = step, UpdatedAt = now };
    }

    private static string? Clip(string? value, int max)
    {
        if (value is null || value.Length <= max)
        {
            return value;
        }

        // Never split a surrogate pair: half of one cannot be stored.
        var end = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..end];
    }
}
