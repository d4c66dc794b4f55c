using Trygg.Conversation.Turns;

namespace Trygg.Conversation.Handover;

/// <summary>
/// The flows that show or collect a member's own data: reporting (every <c>reporting.*</c> verb, "mina rapporter"
/// included), a notice of a sensitive meeting (<c>meeting.*</c>), the profile card (<c>profile.*</c>) and "vilka
/// uppgifter har ni om mig". They run only in the member's
/// personal chat with the bot; started anywhere else, the router hands them over to that chat.
/// </summary>
public static class PersonalOnly
{
    private static readonly string[] Prefixes = ["reporting.", "meeting.", "profile.", "evidence.", "police.", "messages."];

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { FeatureVerbs.MyData };

    public static bool Covers(string? verb) =>
        verb is not null && (Verbs.Contains(verb) || Prefixes.Any(p => verb.StartsWith(p, StringComparison.Ordinal)));

    /// <summary>True when <paramref name="turn"/> asks for a personal-only flow outside the member's personal chat.</summary>
    public static bool MustMove(Turn turn, string? verb)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Scope != ConversationScope.Personal && Covers(verb);
    }
}

/// <summary>
/// Continues a personal-only flow in the member's 1:1 chat with the bot, opening that chat when there is none yet.
/// Implemented by the delivery capability: the message is queued and retried, never dropped.
/// </summary>
public interface IPersonalChatHandover
{
    /// <summary>Queues the 1:1 message that lets the member continue <paramref name="verb"/> there.</summary>
    Task HandOverAsync(Turn turn, string verb, CancellationToken cancellationToken);
}
