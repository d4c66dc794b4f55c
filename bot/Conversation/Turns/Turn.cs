using Trygg.Texts;

namespace Trygg.Conversation.Turns;

/// <summary>What happened in a turn, as features see it (no wire or HTTP types).</summary>
public enum TurnKind
{
    /// <summary>The member wrote something.</summary>
    Message,

    /// <summary>A card button (Action.Submit): arrives as a message with data; answered with new messages.</summary>
    CardSubmit,

    /// <summary>A card button (Action.Execute): answered in the same response, usually by replacing the card.</summary>
    CardExecute,

    /// <summary>The bot was added to a personal chat, a group chat or a team.</summary>
    Installed,

    /// <summary>The bot was removed.</summary>
    Uninstalled,

    /// <summary>Other people joined a conversation the bot is in.</summary>
    MembersAdded,

    /// <summary>Someone reacted to a message the bot sent.</summary>
    Reaction,

    /// <summary>Anything else the channel sends (events, renames, ...): acknowledged, not acted on.</summary>
    Other,
}

public enum ConversationScope
{
    Personal,
    GroupChat,
    Channel,
}

/// <param name="Id">The Teams user id (<c>29:…</c>): an address for the connector, never a key for member data.</param>
/// <param name="AadObjectId">The Entra object id: the person, and the only id member data is keyed on.</param>
public sealed record Participant(string Id, string? AadObjectId, string? Name)
{
    /// <summary>True when the channel said who this is in Entra; without it the bot keeps and shows nothing about them.</summary>
    public bool IsIdentified => !string.IsNullOrWhiteSpace(AadObjectId);
}

/// <summary>A card button press: its verb and the card's data merged with the member's inputs.</summary>
public sealed record CardAction(string Verb, IReadOnlyDictionary<string, string?> Data)
{
    public string? Get(string key) => Data.TryGetValue(key, out var value) ? value : null;
}

/// <summary>One turn of a conversation, translated from the channel's activity.</summary>
public sealed record Turn(
    TurnKind Kind,
    string TenantId,
    string ConversationId,
    ConversationScope Scope,
    Participant User,
    Language Language,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The member's text with the bot's own @mention removed; null when there was none.</summary>
    public string? Text { get; init; }

    public CardAction? Action { get; init; }

    /// <summary>The id of the message this turn answers (the card that was clicked), when there is one.</summary>
    public string? ReplyToId { get; init; }

    public string? TeamId { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>
    /// The member's Entra object id, the key of everything stored about them. The router answers a member turn without
    /// one before any feature runs, so reaching this without one is a bug, not a fallback to the Teams user id.
    /// </summary>
    public string MemberId => User.IsIdentified
        ? User.AadObjectId!
        : throw new InvalidOperationException("A turn without an Entra object id carries no member data.");

    /// <summary>Files and pasted images sent with a message (Kind = Message).</summary>
    public IReadOnlyList<SentFile> Files { get; init; } = [];

    /// <summary>People who joined (Kind = MembersAdded), excluding the bot itself.</summary>
    public IReadOnlyList<Participant> MembersAdded { get; init; } = [];
}
