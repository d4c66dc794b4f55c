using System.Globalization;
using Trygg.Conversation;
using Trygg.Conversation.Choices;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Guidance.Browse;
using Trygg.Guidance.Learning;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Guidance;

/// <summary>The guidance feature's verbs.</summary>
public static class GuidanceVerbs
{
    /// <summary>Answer a question (data: <c>question</c>); without one, ask the member to write it.</summary>
    public const string Ask = FeatureVerbs.Ask;

    /// <summary>"Fick du svar?" Ja / Nej on an answer card.</summary>
    public const string Feedback = "guidance.feedback";

    /// <summary>An administrator lists the latest "Nej" answers.</summary>
    public const string Unanswered = FeatureVerbs.Unanswered;

    /// <summary>A tapped "Menade du...?" choice (data: <c>card</c>, <c>choice</c>): the full answer card for that passage.</summary>
    public const string Choose = "guidance.choose";

    /// <summary>"Inget av detta" on a "Menade du...?" card (data: <c>card</c>): tells the security unit, like "Nej".</summary>
    public const string NoneOfThese = "guidance.none";
}

/// <summary>
/// Answers members' questions from the guidance, records "Fick du svar?", and lists unanswered questions for an
/// organisation's administrators in its registered security channel. The member's municipality (from their profile)
/// lifts its own documents; the question text is never logged.
/// </summary>
/// <remarks>
/// Each answer is kept on the server under the id its card carries; a press of "Fick du svar?" records that answer and
/// the server's time, so nothing in a card's data (which the client sends back and anyone can forge) reaches the
/// security unit's list.
/// </remarks>
internal sealed partial class GuidanceActions(
    GuidanceSearch search,
    GuidanceIndex index,
    GuidanceCards cards,
    IMemberProfiles profiles,
    IOrganisationDirectory organisations,
    IGuidanceFeedbackStore feedback,
    ISecurityChannelStore channels,
    IConversationStateStore state,
    IOfficeCalendar calendar,
    TimeProvider time,
    ILogger<GuidanceActions> logger,
    IGuidanceLearning learning) : ICardActionHandler
{
    internal const int UnansweredListed = 15;

    /// <summary>
    /// Suggestions are kept under card ids with this prefix, so a choice can only ever name a passage the bot
    /// suggested: an answer card's id sent with <see cref="GuidanceVerbs.Choose"/> finds nothing.
    /// </summary>
    internal const string SuggestionCardPrefix = "suggest-";

    /// <summary>A question the guidance had nothing for is kept under a card id with this prefix: browsing from its card may find the answer.</summary>
    internal const string NoAnswerCardPrefix = "none-";

    /// <summary>True for the ids of "Menade du...?" and "Jag hittar inget" cards, whose question a passage found by browsing answers.</summary>
    internal static bool IsUnsureCard(string? cardId) =>
        cardId is not null && (cardId.StartsWith(SuggestionCardPrefix, StringComparison.Ordinal) || cardId.StartsWith(NoAnswerCardPrefix, StringComparison.Ordinal));

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public IReadOnlyCollection<string> Verbs { get; } =
        [GuidanceVerbs.Ask, GuidanceVerbs.Feedback, GuidanceVerbs.Unanswered, GuidanceVerbs.Choose, GuidanceVerbs.NoneOfThese];

    public Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        return turn.Action?.Verb switch
        {
            GuidanceVerbs.Feedback => FeedbackAsync(turn, replies, cancellationToken),
            GuidanceVerbs.Unanswered => UnansweredAsync(turn, replies, cancellationToken),
            GuidanceVerbs.Choose => ChooseAsync(turn, replies, cancellationToken),
            GuidanceVerbs.NoneOfThese => NoneOfTheseAsync(turn, replies, cancellationToken),
            _ => AskAsync(turn, replies, cancellationToken),
        };
    }

    private async Task AskAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var question = turn.Action?.Get("question")?.Trim() ?? string.Empty;
        if (question.Length == 0)
        {
            replies.SendText(GuidanceTexts.For(turn.Language).AskPrompt);
            return;
        }

        var organisation = await OrganisationOfAsync(turn, cancellationToken);
        var municipality = MunicipalityOf(organisation);
        var answer = search.Search(question, municipality, excluded: p => learning.IsRejected(organisation?.Id, question, p.Id), organisationId: organisation?.Id);
        if (answer.Mode == GuidanceMode.None && turn.Action?.Get(ChoicesCard.ToldKey) is not null)
        {
            // Something happened to the member and the guidance has nothing on it: the conversation's offer to report it
            // leads, and the guidance's nothing follows as one line. Nothing is kept, as no card asks "Fick du svar?".
            LogNotAnswered(organisation?.Id ?? "-", answer.UnknownWords, answer.Confidence);
            replies.SendClosingNow();
            replies.SendText(GuidanceTexts.For(turn.Language).NoAnswerTitle);
            return;
        }

        var cardId = answer.Mode switch
        {
            GuidanceMode.Suggest => SuggestionCardPrefix,
            GuidanceMode.None => NoAnswerCardPrefix,
            _ => string.Empty,
        } + Guid.NewGuid().ToString("N");
        var context = new AnswerContext(question, [.. answer.Hits.Select(h => h.Passage)], municipality, organisation?.SecurityUnitName, cardId, time.GetUtcNow());
        await feedback.SaveAnswerAsync(
            new GivenAnswer(turn.TenantId, organisation?.Id ?? string.Empty, cardId, question, [.. context.Passages.Select(p => p.Id)], context.At), cancellationToken);
        switch (answer.Mode)
        {
            case GuidanceMode.Answer:
                LogAnswered(organisation?.Id ?? "-", answer.Hits[0].Passage.Id, answer.Confidence);
                break;
            case GuidanceMode.Suggest:
                LogSuggested(organisation?.Id ?? "-", answer.Hits.Count, answer.Confidence);
                break;
            default:
                LogNotAnswered(organisation?.Id ?? "-", answer.UnknownWords, answer.Confidence);
                break;
        }

        replies.ShowCard(turn, cards.For(turn.Language, context, answer.Mode));
    }

    /// <summary>The answer card for these passages (the first is the answer), kept under a new card id for "Fick du svar?".</summary>
    private async Task ShowAnswerAsync(
        Turn turn, TurnReplies replies, Organisation? organisation, string question, IReadOnlyList<GuidancePassage> passages, CancellationToken cancellationToken)
    {
        var context = new AnswerContext(
            question, passages, MunicipalityOf(organisation), organisation?.SecurityUnitName, Guid.NewGuid().ToString("N"), time.GetUtcNow());
        await feedback.SaveAnswerAsync(
            new GivenAnswer(turn.TenantId, organisation?.Id ?? string.Empty, context.CardId, question, [.. context.Passages.Select(p => p.Id)], context.At),
            cancellationToken);
        replies.ShowCard(turn, cards.Answer(turn.Language, context));
    }

    /// <summary>
    /// A tapped suggestion: the passage's full answer card, and the pair (question, passage) kept as a candidate for the
    /// organisation's administrators, without identity. The question and the passage are the ones kept on the server
    /// under the card's id; the card only says which of them was tapped.
    /// </summary>
    private async Task ChooseAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var action = turn.Action!;
        var cardId = action.Get("card") ?? string.Empty;
        if (!cardId.StartsWith(SuggestionCardPrefix, StringComparison.Ordinal)
            || !int.TryParse(action.Get("choice"), NumberStyles.None, CultureInfo.InvariantCulture, out var choice))
        {
            replies.Fail(400, "BadChoice", CommonTexts.For(turn.Language).UnknownAction);
            return;
        }

        var organisation = await OrganisationOfAsync(turn, cancellationToken);
        var given = await feedback.GetAnswerAsync(turn.TenantId, organisation?.Id ?? string.Empty, cardId, cancellationToken);
        if (given is null || choice >= given.PassageIds.Count || index.Find(given.PassageIds[choice]) is not { } passage)
        {
            replies.ShowText(turn, GuidanceTexts.For(turn.Language).ChoiceGone);
            return;
        }

        if (organisation is not null)
        {
            await learning.RecordCandidateAsync(organisation.Id, given.Question, passage.Id, cancellationToken);
        }

        LogChosen(organisation?.Id ?? "-", passage.Id, choice);
        await ShowAnswerAsync(turn, replies, organisation, given.Question, [passage], cancellationToken);
    }

    /// <summary>
    /// "Inget av detta": stored like a "Nej" (the question as kept on the server, no passage, no identity), so it reaches
    /// "obesvarade frågor"; the member gets thanks, whom to ask, and a way to report.
    /// </summary>
    private async Task NoneOfTheseAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var cardId = turn.Action!.Get("card") ?? string.Empty;
        if (!cardId.StartsWith(SuggestionCardPrefix, StringComparison.Ordinal))
        {
            replies.Fail(400, "BadChoice", CommonTexts.For(turn.Language).UnknownAction);
            return;
        }

        var organisation = await OrganisationOfAsync(turn, cancellationToken);
        var given = await feedback.GetAnswerAsync(turn.TenantId, organisation?.Id ?? string.Empty, cardId, cancellationToken);
        if (given is not null)
        {
            await feedback.SaveAsync(
                new GuidanceFeedback(given.TenantId, given.OrganisationId, given.CardId, given.Question, string.Empty, Helpful: false, given.AnsweredAt, time.GetUtcNow()),
                cancellationToken);
            LogFeedback(organisation?.Id ?? "-", helpful: false);
        }
        else
        {
            LogFeedbackWithoutAnswer(organisation?.Id ?? "-");
        }

        replies.ShowCard(turn, cards.NoneOfThese(turn.Language, organisation?.SecurityUnitName, FeatureVerbs.Report, cardId));
    }

    /// <summary>
    /// Stores the press (question, answer, yes/no, time, organisation; no identity) and shows the same answer with a
    /// thank-you in place of the buttons. Only the card id and yes/no come from the card: the rest is the answer kept
    /// on the server, looked up in the member's own tenant and organisation. A card id with no answer there stores
    /// nothing and still gets thanked; so does an answer whose passages are gone (the corpus changed).
    /// </summary>
    private async Task FeedbackAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var action = turn.Action!;
        var t = GuidanceTexts.For(turn.Language);
        var helpful = action.Get("helpful") switch
        {
            "yes" => true,
            "no" => false,
            _ => (bool?)null,
        };
        var cardId = action.Get("card") ?? string.Empty;
        if (helpful is null || cardId.Length == 0)
        {
            replies.Fail(400, "BadFeedback", CommonTexts.For(turn.Language).UnknownAction);
            return;
        }

        var organisation = await OrganisationOfAsync(turn, cancellationToken);
        var unit = organisation?.SecurityUnitName ?? t.SecurityUnit;

        // "Behöver du svar nu" names the number to call now (the security unit in office hours, the on-call line otherwise).
        var call = helpful.Value || organisation is null ? null : OrganisationContacts.CallNow(organisation, calendar, time.GetUtcNow());
        var thanks = helpful.Value ? t.ThanksYes
            : call is null ? string.Format(CultureInfo.InvariantCulture, t.ThanksNo, unit)
            : string.Format(CultureInfo.InvariantCulture, t.ThanksNoCallFormat, call.Name, call.Phone);
        var given = await feedback.GetAnswerAsync(turn.TenantId, organisation?.Id ?? string.Empty, cardId, cancellationToken);
        if (given is null)
        {
            LogFeedbackWithoutAnswer(organisation?.Id ?? "-");
            replies.ShowMessage(thanks);
            return;
        }

        await feedback.SaveAsync(
            new GuidanceFeedback(
                given.TenantId, given.OrganisationId, given.CardId, given.Question, given.PassageIds.Count > 0 ? given.PassageIds[0] : string.Empty, helpful.Value, given.AnsweredAt, time.GetUtcNow()),
            cancellationToken);
        LogFeedback(organisation?.Id ?? "-", helpful.Value);
        if (!helpful.Value && turn.User.IsIdentified)
        {
            // A passage the member now finds by browsing is a candidate answer to this question (BrowseActions).
            await state.UpdateAsync<AfterNo>(
                AfterNo.KeyFor(turn), _ => new AfterNo(given.Question, given.PassageIds.Count > 0 ? given.PassageIds[0] : string.Empty, time.GetUtcNow()), cancellationToken);
            thanks = $"{thanks} {BrowseTexts.For(turn.Language).BrowseAfterNo}";
        }

        var passages = given.PassageIds.Select(index.Find).OfType<GuidancePassage>().ToList();
        if (passages.Count == 0 || passages[0].Id != given.PassageIds[0])
        {
            replies.ShowMessage(thanks);
            return;
        }

        var context = new AnswerContext(given.Question, passages, MunicipalityOf(organisation), organisation?.SecurityUnitName, cardId, given.AnsweredAt);
        replies.ShowCard(turn, cards.Answer(turn.Language, context, thanks, call));
    }

    /// <summary>
    /// Only in an organisation's registered security channel, and only for an administrator of that organisation
    /// (Routing.Administrators): the list is that organisation's, named on the card. Members' questions are free text,
    /// so the list is never shown in a personal or group chat, nor in any other channel.
    /// </summary>
    private async Task UnansweredAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        if (await channels.AdministeredOrganisationAsync(organisations, turn, cancellationToken) is not { } organisation)
        {
            LogRefused();
            replies.ShowText(turn, GuidanceTexts.For(turn.Language).NotAdministrator);
            return;
        }

        var negative = await feedback.ListRecentNegativeAsync(turn.TenantId, organisation.Id, UnansweredListed, cancellationToken);
        replies.ShowCard(turn, cards.Unanswered(turn.Language, organisation.Name, negative, Stockholm));
    }

    private async Task<Organisation?> OrganisationOfAsync(Turn turn, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(turn, cancellationToken);
        return profile is null ? null : organisations.Find(profile.OrganisationId);
    }

    /// <summary>The corpus municipality an organisation's documents carry ("alingsas" for Alingsås kommun), or null.</summary>
    internal string? MunicipalityOf(Organisation? organisation) => Municipalities.Of(index, organisation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance answered in {OrganisationId} with {PassageId} (coverage {Coverage:F2})")]
    private partial void LogAnswered(string organisationId, string passageId, double coverage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance suggested {Count} passages in {OrganisationId} (coverage {Coverage:F2})")]
    private partial void LogSuggested(string organisationId, int count, double coverage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance suggestion {Choice} ({PassageId}) chosen in {OrganisationId}")]
    private partial void LogChosen(string organisationId, string passageId, int choice);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance had no answer in {OrganisationId} ({Unknown} unknown words, coverage {Coverage:F2})")]
    private partial void LogNotAnswered(string organisationId, int unknown, double coverage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance feedback in {OrganisationId}: helpful {Helpful}")]
    private partial void LogFeedback(string organisationId, bool helpful);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance feedback in {OrganisationId} for an answer the bot does not know: not stored")]
    private partial void LogFeedbackWithoutAnswer(string organisationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unanswered questions refused outside an administrator's security channel")]
    private partial void LogRefused();
}
