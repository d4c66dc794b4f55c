using Trygg.Cards;
using Trygg.Conversation.Awaiting;
using Trygg.Conversation.Choices;
using Trygg.Conversation.Intents;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Conversation.Welcome;
using Trygg.Texts;

namespace Trygg.Conversation;

/// <summary>
/// The member's free text and the bot's arrival in a conversation. Recognises what the member wants and
/// hands it to the feature that owns it; features that do not exist yet say so honestly.
/// </summary>
public sealed class ConversationHandler(
    IConversationStateStore state,
    ICardRenderer cards,
    TimeProvider time) : IConversationHandler
{
    public async Task OnMessageAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);

        // Files in the member's own chat are never taken for a question or a report: whatever the text says, the files
        // must get an answer. Elsewhere others can see them, and evidence is only taken in private.
        if (turn.Files.Count > 0 && turn.Scope == ConversationScope.Personal)
        {
            if (IntentRecognizer.IsAcute(Head(turn.Text)))
            {
                // Danger said beside a file: 112 before anything else. The file is not kept now, and the member is told.
                replies.SendTextLast(CommonTexts.For(turn.Language).FilesNotKeptInDanger);
                replies.ContinueWith(FeatureVerbs.Acute);
                return;
            }

            replies.ContinueWith(FeatureVerbs.Files);
            return;
        }

        // No per-message bookkeeping in storage: storage round trips set the pace of a turn (docs/benchmarks.md). The wait
        // below is read with the member's other state rows (the language policy read them already): no extra round trip.
        // A command ("avbryt", "rapportera") is always what it says.
        if (turn.User.IsIdentified
            && Commands.Match(turn.Text) is null
            && await state.GetAsync<AwaitedAnswer>(AwaitedAnswer.KeyFor(turn.TenantId, turn.ConversationId, turn.MemberId), cancellationToken) is { } awaited
            && awaited.Until > time.GetUtcNow())
        {
            // Someone waits for the member's answer: the text is not taken for a new report or a question. The feature
            // asks; danger is read here, so that an acute message gets 112 before anything else.
            var data = new Dictionary<string, string?>(StringComparer.Ordinal) { [AwaitedAnswer.TextKey] = turn.Text ?? string.Empty };
            foreach (var (key, value) in awaited.Data)
            {
                data[key] = value;
            }

            data[AwaitedAnswer.AcuteKey] = IntentRecognizer.IsAcute(Head(turn.Text)) ? "true" : "false";
            replies.ContinueWith(awaited.Verb, data);
            return;
        }

        Route(turn, replies, cards);
    }

    /// <summary>What the member's text asks for, as if nobody waited for an answer: the intent's feature, or the guidance.</summary>
    internal static void Route(Turn turn, TurnReplies replies, ICardRenderer cards)
    {
        if (Commands.MatchWithArgument(turn.Text) is { } command)
        {
            replies.ContinueWith(
                command.Verb,
                command.Argument is null ? null : new Dictionary<string, string?> { [Commands.ArgumentKey] = command.Argument });
            return;
        }

        switch (IntentRecognizer.Recognize(Head(turn.Text)))
        {
            case Intent.Help:
                replies.SendCard(WelcomeCard.For(turn.Language).Render(cards));
                break;
            case Intent.Acute:
                replies.ContinueWith(FeatureVerbs.Acute);
                break;
            case Intent.Report:
                replies.ContinueWith(FeatureVerbs.Report);
                break;
            case Intent.MyReports:
                replies.ContinueWith(FeatureVerbs.MyReports);
                break;
            case Intent.Meeting:
                replies.ContinueWith(FeatureVerbs.Meeting);
                break;
            case Intent.Training:
                replies.ContinueWith(FeatureVerbs.Training);
                break;
            case Intent.Contact:
                replies.ContinueWith(FeatureVerbs.Contacts);
                break;
            case Intent.Told:
                // The guidance's help first, then a way to report it with the member's own words. The guidance knows whether it
                // has anything: when it has nothing, it sends this offer first (ChoicesCard.ToldKey).
                Ask(turn, replies, told: true);
                replies.SendCardLast(ChoicesCard.Told(turn.Language, turn.Text ?? string.Empty).Render(cards));
                break;
            case Intent.Acknowledgement:
                replies.SendCard(ChoicesCard.NothingAsked(turn.Language).Render(cards));
                break;
            default:
                // No dead end: what no other feature claims is a question for the guidance.
                Ask(turn, replies);
                break;
        }
    }

    /// <summary>
    /// How much of a message is read for its intent and asked of the guidance. A first message is a few sentences; the
    /// rest of a very long paste adds nothing to either, and reading all of it costs seconds of CPU per message.
    /// </summary>
    internal const int ReadLength = 1_000;

    internal static string Head(string? text) => text is { Length: > ReadLength } whole ? whole[..ReadLength] : text ?? string.Empty;

    private static void Ask(Turn turn, TurnReplies replies, bool told = false)
    {
        var data = new Dictionary<string, string?>(StringComparer.Ordinal) { ["question"] = Head(turn.Text) };
        if (told)
        {
            data[ChoicesCard.ToldKey] = "true";
        }

        replies.ContinueWith(FeatureVerbs.Ask, data);
    }

    /// <summary>
    /// Welcomes a conversation once. Teams (and the Playground) announce an install with both an
    /// installationUpdate and a conversationUpdate, possibly at the same moment: the welcome is claimed in
    /// storage with optimistic concurrency and only the turn that claimed it sends the card.
    /// </summary>
    public async Task OnInstalledAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var claim = Guid.NewGuid();
        var now = time.GetUtcNow();
        var stored = await state.UpdateAsync<WelcomeState>(
            WelcomeState.KeyFor(turn),
            current => current ?? new WelcomeState(claim, now),
            cancellationToken);
        if (stored.WelcomeId == claim)
        {
            replies.SendCard(WelcomeCard.For(turn.Language).Render(cards));
        }
    }
}
