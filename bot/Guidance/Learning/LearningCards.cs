using System.Globalization;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Guidance.Browse;
using Trygg.Texts;

namespace Trygg.Guidance.Learning;

internal sealed record CandidateItem(string Question, string Passage, string Source, string Asked, string Key);

/// <summary>Data of Guidance/Cards/LearningCandidates.json.</summary>
internal sealed record LearningCandidatesCard(
    string Title, string Intro, string Note, string None, IReadOnlyList<CandidateItem> Candidates, string Approve, string Reject, string Export)
{
    public const string Template = "Guidance/LearningCandidates";
}

internal sealed record LinkChoice(string Title, string Source, string Passage);

/// <summary>Data of Guidance/Cards/LinkQuestion.json.</summary>
internal sealed record LinkQuestionCard(string Title, string Intro, string Question, string None, string Card, IReadOnlyList<LinkChoice> Choices, string Browse)
{
    public const string Template = "Guidance/LinkQuestion";
}

internal sealed record LinkTopic(string Title, string Topic);

internal sealed record LinkPage(string Title, string Topic, string Page);

/// <summary>
/// Data of Guidance/Cards/LinkBrowse.json: linking an unanswered question by browsing. Every button carries the
/// entry's card id (the linking mode): a topic opens its passages, a passage links the question to it.
/// </summary>
internal sealed record LinkBrowseCard(
    string Title, string Question, string Intro, string Card, IReadOnlyList<LinkTopic> Topics, IReadOnlyList<LinkChoice> Choices,
    IReadOnlyList<LinkPage> Pages, string AllTopics)
{
    public const string Template = "Guidance/LinkBrowse";
}

/// <summary>The administrators' cards: the candidates with Godkänn / Avvisa, and an unanswered question's five best passages or the topics to choose one from.</summary>
internal sealed class LearningCards(ICardRenderer renderer)
{
    public AdaptiveCard Candidates(Language language, string organisationName, IReadOnlyList<(LearnedPair Pair, GuidancePassage Passage)> candidates, string note = "")
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var t = LearningTexts.For(language);
        return renderer.Render(LearningCandidatesCard.Template, new LearningCandidatesCard(
            $"{t.Title}: {organisationName}",
            t.Intro,
            note,
            candidates.Count == 0 ? t.None : string.Empty,
            [.. candidates.Select(c => new CandidateItem(
                c.Pair.Question, BrowseCards.Title(c.Passage), Source(c.Passage), string.Format(CultureInfo.InvariantCulture, t.Asked, c.Pair.Count), c.Pair.Key))],
            t.Approve,
            t.Reject,
            t.Export));
    }

    public AdaptiveCard Link(Language language, string question, string cardId, IReadOnlyList<GuidancePassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var t = LearningTexts.For(language);
        return renderer.Render(LinkQuestionCard.Template, new LinkQuestionCard(
            t.LinkTitle,
            t.LinkIntro,
            question,
            passages.Count == 0 ? t.LinkNone : string.Empty,
            cardId,
            [.. passages.Select(p => new LinkChoice(BrowseCards.Title(p), Source(p), p.Id))],
            t.LinkBrowse));
    }

    /// <summary>"Välj bland ämnena" for an unanswered question: the topics to open, each in linking mode.</summary>
    public AdaptiveCard LinkTopics(Language language, string question, string cardId, GuidanceTopics topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var t = LearningTexts.For(language);
        return renderer.Render(LinkBrowseCard.Template, new LinkBrowseCard(
            t.LinkTitle, question, t.LinkTopicsIntro, cardId, [.. topics.All.Select(topic => new LinkTopic(topic.Title(language), topic.Id))], [], [], string.Empty));
    }

    /// <summary>
    /// A topic's passages (the organisation's municipality first), a page of <see cref="BrowseCards.PageSize"/> at a
    /// time like browsing; tapping one links the question to it.
    /// </summary>
    public AdaptiveCard LinkPassages(Language language, string question, string cardId, GuidanceTopic topic, string? municipality, int page)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var t = LearningTexts.For(language);
        var ordered = GuidanceTopics.Ordered(topic, municipality);
        var pages = Math.Max(1, (ordered.Count + BrowseCards.PageSize - 1) / BrowseCards.PageSize);
        page = Math.Clamp(page, 1, pages);
        return renderer.Render(LinkBrowseCard.Template, new LinkBrowseCard(
            pages > 1 ? $"{topic.Title(language)} ({string.Format(CultureInfo.InvariantCulture, t.LinkPage, page).ToLowerInvariant()})" : topic.Title(language),
            question,
            t.LinkPassagesIntro,
            cardId,
            [],
            [.. ordered.Skip((page - 1) * BrowseCards.PageSize).Take(BrowseCards.PageSize).Select(p => new LinkChoice(BrowseCards.Title(p), Source(p), p.Id))],
            [.. Enumerable.Range(1, pages).Where(n => pages > 1 && n != page)
                .Select(n => new LinkPage(string.Format(CultureInfo.InvariantCulture, t.LinkPage, n), topic.Id, n.ToString(CultureInfo.InvariantCulture)))],
            t.LinkAllTopics));
    }

    private static string Source(GuidancePassage p) => $"{p.Publisher}: {p.Title}";
}
