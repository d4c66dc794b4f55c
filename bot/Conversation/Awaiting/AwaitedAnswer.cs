using Trygg.Conversation.State;

namespace Trygg.Conversation.Awaiting;

/// <summary>
/// Someone waits for the member's answer in this conversation (the security unit wrote to them about a report): what the
/// member types next goes to <see cref="Verb"/> with <see cref="Data"/> and the text, not to a new report or the guidance.
/// The feature that waits writes it; the member's answer, "not an answer", or <see cref="Until"/> ends it. Kept with the
/// member's other state rows, so the turn reads it with them at no extra cost.
/// </summary>
public sealed record AwaitedAnswer(string Verb, IReadOnlyDictionary<string, string> Data, DateTimeOffset Until)
{
    public const string Slot = "awaited";

    /// <summary>"No, this is not my answer": the text is handled as if nobody waited (<see cref="AsTypedActions"/>).</summary>
    public const string AsTypedVerb = "conversation.astyped";

    /// <summary>The data key of the member's text, for <see cref="Verb"/> and <see cref="AsTypedVerb"/>.</summary>
    public const string TextKey = "text";

    /// <summary>The data key that says the text read as acute danger (the 112 card goes first).</summary>
    public const string AcuteKey = "acute";

    public static StateKey KeyFor(string tenantId, string conversationId, string memberId) => new(tenantId, conversationId, memberId, Slot);
}
