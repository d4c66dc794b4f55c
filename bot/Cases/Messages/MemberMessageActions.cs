using System.Globalization;
using Trygg.Cards;
using Trygg.Cases.Delivery;
using Trygg.Conversation;
using Trygg.Conversation.Awaiting;
using Trygg.Conversation.Intents;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Cases.Messages;

/// <summary>
/// The member's side of a case's messages, in their personal chat: read the thread of their own report, answer ("Svara",
/// or "Ja, skicka som svar" after typing), and the question asked when they type while the unit waits for them. Only the
/// member who reported gets anything; everyone else gets one answer whether or not the case exists. Danger comes first:
/// an answer or a typed text that reads as acute danger gets the 112 card before anything else, and is kept all the same.
/// </summary>
internal sealed partial class MemberMessageActions(
    ReporterCases reporterCases,
    CaseMessageStore messages,
    MessageCards cards,
    ICardRenderer renderer,
    CaseCardPublisher publisher,
    IConversationStateStore state,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<MemberMessageActions> logger) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs => MessageVerbs.Member;

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var action = turn.Action!;
        var t = MessageTexts.For(turn.Language);
        if (await reporterCases.ReporterCaseAsync(turn, action.Get("org"), action.Get("case"), cancellationToken) is not ({ } organisation, { } @case))
        {
            if (action.Verb == MessageVerbs.Typed)
            {
                // The case waited for is gone (erased, or no longer this member's): the wait ends and the text is read as
                // if nobody waited, so danger in it still gets 112 and nothing typed is lost.
                await state.DeleteAsync(AwaitedAnswer.KeyFor(turn.TenantId, turn.ConversationId, turn.MemberId), cancellationToken);
                ConversationHandler.Route(turn, replies, renderer);
                return;
            }

            LogNotTheReporter(action.Verb);
            replies.ShowText(turn, t.NotYours);
            return;
        }

        var file = @case.File;
        switch (action.Verb)
        {
            case MessageVerbs.Thread:
                replies.ShowCard(turn, cards.Thread(@case, organisation, await messages.ListAsync(file.TenantId, file.OrganisationId, file.CaseNumber, cancellationToken), turn.Language, justSent: false));
                return;

            case MessageVerbs.Typed:
                var ask = cards.Ask(file.CaseNumber, organisation, action.Get(AwaitedAnswer.TextKey) ?? string.Empty, turn.Language);
                if (action.Get(AwaitedAnswer.AcuteKey) == "true")
                {
                    // 112 first; the question whether to send it to the unit comes after.
                    replies.SendCardLast(ask);
                    replies.ContinueWith(FeatureVerbs.Acute);
                }
                else
                {
                    replies.SendCard(ask);
                }

                return;

            default:
                await ReplyAsync(turn, replies, organisation, @case, t, cancellationToken);
                return;
        }
    }

    private async Task ReplyAsync(Turn turn, TurnReplies replies, Organisation organisation, Case @case, MessageTexts t, CancellationToken cancellationToken)
    {
        var action = turn.Action!;
        // The ask card's box (the typed text, perhaps changed) before the "Svara" box of the message card.
        var text = (action.Get(MessageCards.AnswerInput) ?? action.Get("reply"))?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            replies.ShowText(turn, t.ReplyEmpty);
            return;
        }

        if (text.Length > MessageCards.AnswerMaxLength)
        {
            // Said before anything is kept: the card and its box stay as they were, so nothing the member wrote is cut or lost.
            replies.ShowText(turn, string.Format(CultureInfo.InvariantCulture, t.AnswerTooLongFormat, MessageCards.AnswerMaxLength, text.Length));
            return;
        }

        var file = @case.File;
        var thread = await messages.ListAsync(file.TenantId, file.OrganisationId, file.CaseNumber, cancellationToken);
        if (thread.Count >= CaseMessageStore.MaxPerCase)
        {
            replies.ShowText(turn, t.CaseFull);
            return;
        }

        var now = time.GetUtcNow();
        var id = CaseMessageEntity.ValidId(action.Get("msg")) ?? CaseMessageEntity.NewId();
        var answer = new CaseMessage(file.CaseNumber, id, now, MessageDirection.FromMember, null, null, text);

        // Everyone with access reads the answer on the case. One person hears it in their 1:1 chat: the staff member who
        // wrote last, or, when they cannot be reached, the next of AnswerRecipients (picked as the row goes out); with
        // nobody to pick, the channel hears that an answer came, and the member is told it is saved rather than sent.
        var reachesNobody = AnswerRecipients.Pick(AnswerRecipients.Order(@case, organisation, AnswerRecipients.WriterOf(thread, answer)), organisation, 0).Person is null;
        var added = await messages.AddAsync(
            file.TenantId,
            file.OrganisationId,
            answer,
            partitionKey => [MessageRows.ToStaff(file, id, 0, partitionKey, now)],
            audit: null,
            cancellationToken);
        if (added)
        {
            LogAnswered(file.CaseNumber);
            signal.Nudge();

            // The channel card now says there is a new message, and nothing of what it says.
            await publisher.PublishAsync(@case, organisation, cancellationToken);
            thread = [.. thread, answer];
        }

        await state.DeleteAsync(AwaitedAnswer.KeyFor(turn.TenantId, turn.ConversationId, turn.MemberId), cancellationToken);
        var sent = cards.Thread(@case, organisation, thread, turn.Language, justSent: true, reachesNobody);
        if (IntentRecognizer.IsAcute(text))
        {
            // The answer is kept and on its way; 112 still comes first.
            replies.SendCardLast(sent);
            replies.ContinueWith(FeatureVerbs.Acute);
            return;
        }

        replies.ShowCard(turn, sent);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case message verb {Verb} answered with no access")]
    private partial void LogNotTheReporter(string verb);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseNumber}: the reporter answered")]
    private partial void LogAnswered(string caseNumber);
}
