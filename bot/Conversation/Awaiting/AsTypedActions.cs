using Trygg.Cards;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;

namespace Trygg.Conversation.Awaiting;

/// <summary>
/// "Nej, det gäller något annat": the member's text was not their answer. The wait ends (they can still answer with the
/// message's own button) and the text is handled as if nobody had waited: a report, a question, a command.
/// </summary>
internal sealed class AsTypedActions(IConversationStateStore state, ICardRenderer cards) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [AwaitedAnswer.AsTypedVerb];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        await state.DeleteAsync(AwaitedAnswer.KeyFor(turn.TenantId, turn.ConversationId, turn.MemberId), cancellationToken);
        ConversationHandler.Route(turn with { Text = turn.Action?.Get(AwaitedAnswer.TextKey) ?? string.Empty }, replies, cards);
    }
}
