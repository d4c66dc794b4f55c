using System.Globalization;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Guidance.Browse;

internal sealed record TopicButton(string Title, string Topic);

/// <summary>Data of Guidance/Cards/Topics.json.</summary>
internal sealed record TopicsCard(string Title, string Intro, IReadOnlyList<TopicButton> Topics, string Danger)
{
    public const string Template = "Guidance/Topics";
}

internal sealed record PassageButton(string Title, string Passage);

internal sealed record PassageGroup(string Label, IReadOnlyList<PassageButton> Items);

internal sealed record PageButton(string Title, string Topic, string Page);

/// <summary>Data of Guidance/Cards/TopicPassages.json.</summary>
internal sealed record TopicPassagesCard(
    string Title, string Intro, IReadOnlyList<PassageGroup> Groups, IReadOnlyList<PageButton> Pages, string AllTopics, string Danger)
{
    public const string Template = "Guidance/TopicPassages";
}

/// <summary>
/// The browsing cards: the topics, then a topic's passages as short titles (heading and first words), grouped as
/// the member's own municipality, national guidance, and other municipalities. A topic longer than
/// <see cref="PageSize"/> shows a button for each other page on every page, so any passage is three taps from the
/// topics: the topic, its page, the passage.
/// </summary>
internal sealed class BrowseCards(ICardRenderer renderer)
{
    internal const int PageSize = 10;
    internal const int TitleLength = 70;

    public AdaptiveCard Topics(Language language, GuidanceTopics topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var t = BrowseTexts.For(language);
        return renderer.Render(TopicsCard.Template, new TopicsCard(
            t.TopicsTitle, t.TopicsIntro, [.. topics.All.Select(topic => new TopicButton(topic.Title(language), topic.Id))], t.Danger));
    }

    public AdaptiveCard Passages(Language language, GuidanceTopic topic, string? municipality, int page)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var t = BrowseTexts.For(language);
        var ordered = GuidanceTopics.Ordered(topic, municipality);
        var pages = Math.Max(1, (ordered.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var shown = ordered.Skip((page - 1) * PageSize).Take(PageSize);
        var groups = shown
            .GroupBy(p => Group(t, p, municipality))
            .Select(g => new PassageGroup(g.Key, [.. g.Select(p => new PassageButton(Title(p), p.Id))]))
            .ToList();
        var title = pages > 1 ? $"{topic.Title(language)} ({string.Format(CultureInfo.InvariantCulture, t.Page, page).ToLowerInvariant()})" : topic.Title(language);
        return renderer.Render(TopicPassagesCard.Template, new TopicPassagesCard(
            title,
            t.PassagesIntro,
            groups,
            [.. Enumerable.Range(1, pages).Where(n => pages > 1 && n != page)
                .Select(n => new PageButton(string.Format(CultureInfo.InvariantCulture, t.Page, n), topic.Id, n.ToString(CultureInfo.InvariantCulture)))],
            t.AllTopics,
            t.Danger));
    }

    /// <summary>A passage as one short line: its heading without numbering, then its first words.</summary>
    internal static string Title(GuidancePassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var heading = passage.Heading.TrimStart("0123456789. ".ToCharArray());
        var words = passage.Text.Replace('\n', ' ').TrimStart('-', '•', '*', ' ');
        var line = $"{heading}: {words}";
        if (line.Length <= TitleLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', TitleLength);
        return string.Concat(line.AsSpan(0, cut > heading.Length + 2 ? cut : TitleLength), " …");
    }

    private static string Group(BrowseTexts t, GuidancePassage passage, string? municipality) =>
        Municipalities.IsOwn(passage, municipality) ? $"{t.OwnMunicipality}: {passage.Publisher}"
        : passage.IsNational ? $"{t.National}: {passage.Publisher}"
        : string.Format(CultureInfo.InvariantCulture, t.OtherMunicipality, passage.Publisher);
}
