using System.Globalization;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Guidance.Browse;

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
internal sealed record LinkQuestionCard(string Title, string Intro, string Question, string None, string Card, IReadOnlyList<LinkChoice> Choices)
{
    public const string Template = "Guidance/LinkQuestion";
}

/// <summary>The administrators' cards: the candidates with Godkänn / Avvisa, and the five best passages for an unanswered question.</summary>
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
            [.. passages.Select(p => new LinkChoice(BrowseCards.Title(p), Source(p), p.Id))]));
    }

    private static string Source(GuidancePassage p) => $"{p.Publisher}: {p.Title}";
}
