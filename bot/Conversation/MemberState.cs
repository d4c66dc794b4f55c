using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Conversation;

/// <summary>What the bot remembers about a member in a conversation between turns.</summary>
/// <param name="ChosenLanguage">The language the member picked (a card button, or typed "in English" / "på svenska"); wins over everything else.</param>
/// <param name="Messages">No longer written (a storage write per message for nothing); kept so stored rows still read.</param>
/// <param name="LastMessageAt">No longer written; kept so stored rows still read.</param>
/// <param name="LastLanguage">The language of the member's last message that could tell; a message too short to tell keeps it.</param>
public sealed record MemberState(Language? ChosenLanguage = null, int Messages = 0, DateTimeOffset? LastMessageAt = null, Language? LastLanguage = null)
{
    public const string Slot = "member";

    public static StateKey KeyFor(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new StateKey(turn.TenantId, turn.ConversationId, turn.MemberId, Slot);
    }
}

/// <summary>Whether a conversation has had its welcome: claimed once, so two install events never send two cards.</summary>
public sealed record WelcomeState(Guid WelcomeId, DateTimeOffset WelcomedAt)
{
    public const string Slot = "welcome";

    /// <summary>The welcome belongs to the conversation, not to one member.</summary>
    public static StateKey KeyFor(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new StateKey(turn.TenantId, turn.ConversationId, "*", Slot);
    }
}
