using System.Text.Json.Nodes;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Testing;
using Trygg.Texts;

namespace Trygg.Guidance.Browse;

public sealed class BrowseCardsTests
{
    private static readonly IReadOnlyList<GuidancePassage> Corpus = GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath);
    private static readonly GuidanceTopics Topics = GuidanceTopics.Load(GuidanceOptions.DefaultCorpusPath, Corpus);
    private readonly BrowseCards _cards = new(new CardRenderer());

    /// <summary>Walks the cards as a member taps: the topics card, a topic, a page; every passage id reached is a tap away.</summary>
    [Theory]
    [InlineData(Language.Swedish, "alingsas")]
    [InlineData(Language.English, "stockholm")]
    [InlineData(Language.Swedish, null)]
    public void Passages_EveryPassageOfTheCorpus_IsAtMostThreeTapsFromTheTopics(Language language, string? municipality)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in Executes(_cards.Topics(language, Topics), "guidance.browse"))
        {
            var first = _cards.Passages(language, Topics.Find(topic["topic"]!.GetValue<string>())!, municipality, 1);
            reached.UnionWith(Executes(first, "guidance.passage").Select(d => d["passage"]!.GetValue<string>()));
            foreach (var page in Executes(first, "guidance.browse").Where(d => d["page"] is not null))
            {
                var next = _cards.Passages(language, Topics.Find(page["topic"]!.GetValue<string>())!, municipality, int.Parse(page["page"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
                reached.UnionWith(Executes(next, "guidance.passage").Select(d => d["passage"]!.GetValue<string>()));
            }
        }

        Assert.Equal(Corpus.Select(p => p.Id).ToHashSet(StringComparer.Ordinal), reached);
    }

    [Fact]
    public void Passages_ALongTopic_PagesWithAButtonForEveryOtherPage()
    {
        var topic = Topics.All.MaxBy(t => t.Passages.Count)!;
        var pages = (topic.Passages.DistinctBy(p => p.Id).Count() + BrowseCards.PageSize - 1) / BrowseCards.PageSize;
        Assert.True(pages > 2, "the test needs a topic of three pages or more");

        var card = _cards.Passages(Language.Swedish, topic, "alingsas", 2);

        Assert.Equal(BrowseCards.PageSize, Executes(card, "guidance.passage").Count());
        Assert.Equal(
            [.. Enumerable.Range(1, pages).Where(n => n != 2).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Executes(card, "guidance.browse").Where(d => d["page"] is not null).Select(d => d["page"]!.GetValue<string>()));
    }

    [Fact]
    public void Title_ALongPassage_HeadingWithoutNumberAndFirstWordsCutAtAWord()
    {
        var passage = Corpus.First(p => p.Section.EndsWith("9.2 Polisanmälan och rapportering", StringComparison.Ordinal) && p.Text.Length > 200);

        var title = BrowseCards.Title(passage);

        Assert.StartsWith("Polisanmälan och rapportering: ", title, StringComparison.Ordinal);
        Assert.EndsWith(" …", title, StringComparison.Ordinal);
        Assert.True(title.Length <= BrowseCards.TitleLength + 2, title);
        Assert.StartsWith(title[..^2], $"Polisanmälan och rapportering: {passage.Text.Replace('\n', ' ')}", StringComparison.Ordinal);
    }

    [Fact]
    public void Topics_English_TopicTitlesInEnglish()
    {
        var card = BotText(_cards.Topics(Language.English, Topics));

        Assert.Contains("Reporting to the police and the municipality", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Polisanmälan och rapportering", card, StringComparison.Ordinal);
        Assert.Contains("112", card, StringComparison.Ordinal);
    }

    private static string BotText(AdaptiveCard card) => string.Join('\n', CardJson.Objects(JsonNode.Parse(card.Json)!).Select(o => o["title"] ?? o["text"]).OfType<JsonNode>().Select(n => n.ToString()));

    private static IEnumerable<JsonNode> Executes(AdaptiveCard card, string verb) =>
        CardJson.Objects(JsonNode.Parse(card.Json)!)
            .Where(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb)
            .Select(o => o["data"]!);
}
