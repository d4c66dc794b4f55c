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

    public static StateKey KeyFor(Turn turn) => new(turn.TenantId, turn.ConversationId, turn.User.Id, Slot);

    public bool IsExpired(DateTimeOffset now) => now - UpdatedAt > Lifetime;

    public static ReportDraft New(DateTimeOffset now) =>
        new(Guid.NewGuid().ToString("N"), DraftStep.Safety, new Dictionary<string, string?>(StringComparer.Ordinal), now, now);

    /// <summary>The draft with the card's inputs for <paramref name="fields"/> merged in (nothing typed is lost).</summary>
    public ReportDraft Merge(CardAction action, IEnumerable<string> fields, DraftStep step, DateTimeOffset now)
    {
        var values = new Dictionary<string, string?>(Values, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (action.Data.TryGetValue(field, out var value))
            {
                values[field] = value;
            }
        }

        return this with { Values = values, Step = step, UpdatedAt = now };
    }
}
