using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Guidance.Browse;

public sealed class GuidanceTopicsTests
{
    private static readonly IReadOnlyList<GuidancePassage> Corpus = GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath);

    [Fact]
    public void Load_TheShippedCorpus_EveryPassageIsInExactlyOneTopic()
    {
        var topics = GuidanceTopics.Load(GuidanceOptions.DefaultCorpusPath, Corpus);

        Assert.Empty(topics.Unplaced.Select(p => $"{p.DocumentId} | {p.Section}"));
        Assert.DoesNotContain(topics.All, t => t.Id == GuidanceTopics.OtherId);
        Assert.Equal(Corpus.Count, topics.All.Sum(t => t.Passages.Count));
        Assert.Equal(Corpus.Count, topics.All.SelectMany(t => t.Passages).Distinct().Count());
    }

    [Theory]
    [InlineData("polisanmalan", "9. Hantering av händelser och åtgärder vid hot- eller våldssituation > 9.2 Polisanmälan och rapportering")]
    [InlineData("akut", "9. Hantering av händelser och åtgärder vid hot- eller våldssituation > 9.1 Vid akuta situationer av hot, våld eller trakasserier > Vid fysisk skada")]
    [InlineData("sociala-medier", "6. Förebyggande arbete och medvetna val i vardagen > 6.1 Sociala medier")]
    [InlineData("hemmet", "6. Förebyggande arbete och medvetna val i vardagen")]
    public void Load_TheDeepestNamedHeadingDecides(string topic, string section)
    {
        var topics = GuidanceTopics.Load(GuidanceOptions.DefaultCorpusPath, Corpus);

        var passages = Corpus.Where(p => p.DocumentId.StartsWith("alingsas", StringComparison.Ordinal) && p.Section == section).ToList();
        Assert.NotEmpty(passages);
        Assert.All(passages, p => Assert.Contains(p, topics.Find(topic)!.Passages));
    }

    [Fact]
    public void Parse_APassageNoTopicNames_StaysReachableUnderOther()
    {
        const string Json = """{ "topics": [ { "id": "a", "sv": "A", "en": "A", "headings": [ { "document": "nothing", "heading": "none" } ] } ] }""";

        var topics = GuidanceTopics.Parse(Json, Corpus);

        Assert.Equal(Corpus.Count, topics.Unplaced.Count);
        var other = Assert.Single(topics.All);
        Assert.Equal(GuidanceTopics.OtherId, other.Id);
        Assert.Equal("Övrigt", other.Title(Language.Swedish));
        Assert.Equal("Other", other.Title(Language.English));
    }

    [Fact]
    public void Parse_ATopicsTitles_AreTheFilesInEachLanguage()
    {
        const string Json = """{ "topics": [ { "id": "a", "sv": "Bevis", "en": "Evidence", "headings": [ { "document": "alingsas-rutin-hot-hat-vald", "heading": "6.1 Sociala medier" } ] } ] }""";

        var topic = GuidanceTopics.Parse(Json, Corpus).Find("a")!;

        Assert.Equal("Bevis", topic.Title(Language.Swedish));
        Assert.Equal("Evidence", topic.Title(Language.English));
    }

    [Fact]
    public void Parse_ATopicWithoutItsEnglishTitle_Refused() =>
        Assert.Throws<InvalidDataException>(() => GuidanceTopics.Parse("""{ "topics": [ { "id": "a", "sv": "A", "headings": [] } ] }""", Corpus));

    [Theory]
    [InlineData("goteborg")]
    [InlineData("stockholm")]
    [InlineData("alingsas")]
    public void Ordered_TheMembersMunicipalityFirst_ThenNational(string municipality)
    {
        var topics = GuidanceTopics.Load(GuidanceOptions.DefaultCorpusPath, Corpus);
        var topic = topics.All.First(t => t.Passages.Any(p => p.Municipality == municipality) && t.Passages.Any(p => p.Municipality != municipality));

        var ordered = GuidanceTopics.Ordered(topic, municipality);

        var rank = ordered.Select(p => p.Municipality == municipality ? 0 : p.IsNational ? 1 : 2).ToList();
        Assert.Equal(rank.Order(), rank);
        Assert.Equal(0, rank[0]);
    }
}
