using System.Globalization;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// After "Vad hände?": files the member sends now are kept under the draft (EvidenceFiles). Last in the list because
    /// drafts are stored with the step's number.
    /// </summary>
    Files,
}

/// <summary>
/// A report in progress, kept in Table storage between turns so it survives a restart and is resumed where it
/// stopped. Expires after <see cref="Lifetime"/>. After sending only the case number is kept (to answer a
/// repeated "Skicka" with the same receipt); the report's text lives in the incident.
/// </summary>
internal sealed partial record ReportDraft(
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
    /// Longest value kept for the description: well over the limit, so a text that is too long comes back whole with
    /// "too long" and its length, and the member shortens it themselves. The card has no maxLength: clients cut there
    /// silently, mid-word. Only a forged card sends more than this; the draft still fits in one table property.
    /// </summary>
    public const int MaxKeptDescription = 5000;

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
        var tag = action.Get(TagKey) is { } sent && InputTagPattern().IsMatch(sent) ? sent : string.Empty;
        foreach (var field in fields)
        {
            if (action.Data.TryGetValue(field + tag, out var value) || action.Data.TryGetValue(field, out value))
            {
                values[field] = Clip(value, field == ReportForm.Description ? MaxKeptDescription : MaxKeptValue);
            }
        }

        return this with { Values = values, Step = step, UpdatedAt = now };
    }

    /// <summary>The card data key that says which render of a form step the inputs come from.</summary>
    public const string TagKey = "v";

    /// <summary>
    /// The suffix of every input id on one render of a form step: "_w" or "_m" (step) and the draft's change time. A
    /// step shown again after errors has other ids than before, so no client reuses one input's state or choices for
    /// another (seen: the "Var?" dropdown listing the "Vilket uppdrag" choices once error lines had moved the inputs).
    /// </summary>
    public static string InputTag(char step, DateTimeOffset changedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"_{step}{changedAt.ToUnixTimeMilliseconds() % 1_000_000_000}");

    [GeneratedRegex("^_[a-z][0-9]{1,9}$")]
    private static partial Regex InputTagPattern();

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
