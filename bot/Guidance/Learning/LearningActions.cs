using System.Globalization;
using System.Text;
using Trygg.Conversation;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Guidance.Browse;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Guidance.Learning;

/// <summary>The administrators' verbs for learning from members' questions.</summary>
public static class LearningVerbs
{
    /// <summary>"förslag": the organisation's candidates.</summary>
    public const string Suggestions = FeatureVerbs.Suggestions;

    public const string Approve = "guidance.approve";
    public const string Reject = "guidance.reject";

    /// <summary>An "obesvarade frågor" entry (data <c>card</c>): its five best passages to link it to.</summary>
    public const string Link = "guidance.link";

    /// <summary>
    /// "Välj bland ämnena" on an entry (data <c>card</c>): the topics; with data <c>topic</c> (and <c>page</c>) that topic's
    /// passages, each linking the entry's question like one of its five best.
    /// </summary>
    public const string LinkBrowse = "guidance.linkbrowse";

    /// <summary>Links that entry's question (data <c>card</c>) to a passage (data <c>passage</c>): approved at once.</summary>
    public const string LinkTo = "guidance.linkto";

    /// <summary>The approved pairs as a <c>.questions</c> file, to the administrator's 1:1 chat.</summary>
    public const string Export = "guidance.export";
}

/// <summary>
/// "förslag", Godkänn / Avvisa, linking an unanswered question to a passage (one of its five best, or one found by
/// browsing the topics), and the export. Like "obesvarade frågor",
/// only an administrator of the organisation (<see cref="Trygg.Organisations.Staff.IsAdministrator"/>) in its registered
/// security channel may: the questions are members' own words. The card's data carries only keys; the question text
/// always comes from storage, looked up in that organisation.
/// </summary>
internal sealed partial class LearningActions(
    GuidanceLearning learning,
    GuidanceSearch search,
    GuidanceIndex index,
    LearningCards cards,
    GuidanceTopics topics,
    IGuidanceFeedbackStore feedback,
    IOrganisationDirectory organisations,
    ISecurityChannelStore channels,
    PrivateFileSender files,
    ILogger<LearningActions> logger) : ICardActionHandler
{
    internal const int Listed = 10;
    internal const int LinkChoices = 5;

    public IReadOnlyCollection<string> Verbs { get; } =
        [LearningVerbs.Suggestions, LearningVerbs.Approve, LearningVerbs.Reject, LearningVerbs.Link, LearningVerbs.LinkBrowse, LearningVerbs.LinkTo, LearningVerbs.Export];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var t = LearningTexts.For(turn.Language);
        if (await channels.AdministeredOrganisationAsync(organisations, turn, cancellationToken) is not { } organisation)
        {
            LogRefused(turn.Action?.Verb ?? "-");
            replies.ShowText(turn, t.NotAdministrator);
            return;
        }

        switch (turn.Action?.Verb)
        {
            case LearningVerbs.Approve or LearningVerbs.Reject:
                await DecideAsync(turn, replies, organisation, turn.Action.Verb == LearningVerbs.Approve, cancellationToken);
                break;
            case LearningVerbs.Link:
                await LinkAsync(turn, replies, organisation, cancellationToken);
                break;
            case LearningVerbs.LinkBrowse:
                await LinkBrowseAsync(turn, replies, organisation, cancellationToken);
                break;
            case LearningVerbs.LinkTo:
                await LinkToAsync(turn, replies, organisation, cancellationToken);
                break;
            case LearningVerbs.Export:
                await ExportAsync(turn, replies, organisation, cancellationToken);
                break;
            default:
                replies.ShowCard(turn, cards.Candidates(turn.Language, organisation.Name, await learning.CandidatesAsync(organisation.Id, Listed, cancellationToken)));
                break;
        }
    }

    private async Task DecideAsync(Turn turn, TurnReplies replies, Organisation organisation, bool approve, CancellationToken cancellationToken)
    {
        var t = LearningTexts.For(turn.Language);
        var decided = await learning.DecideAsync(organisation.Id, turn.Action?.Get("key") ?? string.Empty, approve, cancellationToken);
        if (decided is null)
        {
            replies.ShowText(turn, t.Gone);
            return;
        }

        var remaining = await learning.CandidatesAsync(organisation.Id, Listed, cancellationToken);
        replies.ShowCard(turn, cards.Candidates(turn.Language, organisation.Name, remaining, approve ? t.Approved : t.Rejected));
    }

    private async Task LinkAsync(Turn turn, TurnReplies replies, Organisation organisation, CancellationToken cancellationToken)
    {
        if (await QuestionAsync(turn, organisation, cancellationToken) is not { } question)
        {
            replies.ShowText(turn, LearningTexts.For(turn.Language).QuestionGone);
            return;
        }

        var ranked = search.Rank(index.Analyze(question.Text), Municipalities.Of(index, organisation), LinkChoices);
        replies.ShowCard(turn, cards.Link(turn.Language, question.Text, question.CardId, [.. ranked.Select(h => h.Passage)]));
    }

    private async Task LinkBrowseAsync(Turn turn, TurnReplies replies, Organisation organisation, CancellationToken cancellationToken)
    {
        if (await QuestionAsync(turn, organisation, cancellationToken) is not { } question)
        {
            replies.ShowText(turn, LearningTexts.For(turn.Language).QuestionGone);
            return;
        }

        if (topics.Find(turn.Action?.Get("topic")) is not { } topic)
        {
            replies.ShowCard(turn, cards.LinkTopics(turn.Language, question.Text, question.CardId, topics));
            return;
        }

        var page = int.TryParse(turn.Action?.Get("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        replies.ShowCard(turn, cards.LinkPassages(turn.Language, question.Text, question.CardId, topic, Municipalities.Of(index, organisation), page));
    }

    private async Task LinkToAsync(Turn turn, TurnReplies replies, Organisation organisation, CancellationToken cancellationToken)
    {
        var t = LearningTexts.For(turn.Language);
        if (await QuestionAsync(turn, organisation, cancellationToken) is not { } question)
        {
            replies.ShowText(turn, t.QuestionGone);
            return;
        }

        var linked = await learning.DecideAsync(organisation.Id, question.Text, turn.Action?.Get("passage") ?? string.Empty, approve: true, cancellationToken);
        replies.ShowText(turn, linked is null ? t.Gone : t.Linked);
    }

    private async Task ExportAsync(Turn turn, TurnReplies replies, Organisation organisation, CancellationToken cancellationToken)
    {
        var t = LearningTexts.For(turn.Language);
        var (content, count) = await learning.ExportAsync(organisation.Id, cancellationToken);
        if (count == 0)
        {
            replies.ShowText(turn, t.ExportNone);
            return;
        }

        // Members' own words: to the administrator's own chat, never as a link (see PrivateFileSender).
        var sent = await files.SendAsync(
            turn, organisation.Id, "godkanda-fragor.questions", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(content), t.ExportDescription, cancellationToken);
        replies.ShowText(turn, sent ? t.ExportSent : t.ExportFailed);
    }

    /// <summary>The unanswered question an entry's card id names, as the server kept it for this organisation.</summary>
    private async Task<(string Text, string CardId)?> QuestionAsync(Turn turn, Organisation organisation, CancellationToken cancellationToken)
    {
        var cardId = turn.Action?.Get("card") ?? string.Empty;
        var given = await feedback.GetAnswerAsync(turn.TenantId, organisation.Id, cardId, cancellationToken);
        return given is null ? null : (given.Question, cardId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Guidance learning ({Verb}) refused outside an administrator's security channel")]
    private partial void LogRefused(string verb);
}
