using Trygg.Guidance.Browse;

namespace Trygg.Guidance;

public sealed class SameTopicTests
{
    private static readonly GuidancePassage Alingsas = Passage("alingsas-rutin-hot-hat-vald.txt", "Alingsås", "Polisanmäl alltid i Alingsås.");
    private static readonly GuidancePassage Skl = Passage("skl-stod-vid-hot-hat-vald-2018.txt", string.Empty, "Polisanmäl alltid, säger SKL.");
    private static readonly GuidancePassage Goteborg = Passage("goteborg-ansvar-och-roller.txt", "Göteborg", "Polisen tar emot anmälan i Göteborg.");
    private static readonly GuidancePassage Evidence = Passage("skl-stod-vid-hot-hat-vald-2018.txt", string.Empty, "Spara skärmdumpar som bevis.");

    private static readonly Dictionary<GuidancePassage, string?> Topics = new()
    {
        [Alingsas] = "polisanmalan",
        [Skl] = "polisanmalan",
        [Goteborg] = "polisanmalan",
        [Evidence] = "bevis",
    };

    private static string? TopicOf(GuidancePassage passage) => Topics.GetValueOrDefault(passage);

    [Fact]
    public void Answer_TheMembersPassageCloseBehindAnotherDocument_Null()
    {
        // Ranked under another document's passage, the member's own may answer a neighbouring question: they choose.
        var ranked = Ranked((Skl, 10f), (Alingsas, 9f), (Goteborg, 8f), (Evidence, 3f));

        Assert.Null(SameTopic.Answer(ranked, TopicOf, municipality: "Alingsås", max: 3));
    }

    [Fact]
    public void Answer_TheMembersPassageFirst_ItAnswersAndTheRestOfTheTopicFollow()
    {
        var ranked = Ranked((Alingsas, 10f), (Skl, 9f), (Goteborg, 8f));

        var answer = SameTopic.Answer(ranked, TopicOf, municipality: "Alingsås", max: 3);

        Assert.Equal([Alingsas, Skl, Goteborg], answer!.Select(h => h.Passage));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Stockholm")]
    public void Answer_NoPassageOfTheMembersMunicipalityAmongTheClose_Null(string? municipality)
    {
        // Nothing says which of the close passages applies to this member: they choose.
        var ranked = Ranked((Skl, 10f), (Alingsas, 9f), (Goteborg, 8f), (Evidence, 3f));

        Assert.Null(SameTopic.Answer(ranked, TopicOf, municipality, max: 3));
    }

    [Fact]
    public void Answer_AnotherTopicCloseBehindTheGroup_Null()
    {
        // Evidence scores within the topic gap of the top: the words may mean that topic as well.
        var ranked = Ranked((Alingsas, 10f), (Skl, 9f), (Evidence, 10f / SameTopic.MinTopicGap + 0.1f));

        Assert.Null(SameTopic.Answer(ranked, TopicOf, municipality: "Alingsås", max: 3));
    }

    [Fact]
    public void Answer_AnotherTopicJustOutsideTheGap_TheGroupAnswers()
    {
        var ranked = Ranked((Alingsas, 10f), (Skl, 9f), (Evidence, 10f / SameTopic.MinTopicGap - 0.1f), (Goteborg, 5f));

        var answer = SameTopic.Answer(ranked, TopicOf, municipality: "Alingsås", max: 3);

        Assert.Equal([Alingsas, Skl], answer!.Select(h => h.Passage)); // Göteborg ranks after the other topic: not part of the group
    }

    [Fact]
    public void Answer_TheSecondIsOfAnotherTopic_Null()
    {
        var ranked = Ranked((Alingsas, 10f), (Evidence, 4f), (Skl, 3f));

        Assert.Null(SameTopic.Answer(ranked, TopicOf, municipality: "Alingsås", max: 3));
    }

    [Fact]
    public void Answer_ACloseOneWithoutATopic_Null()
    {
        var unplaced = Passage("skr-utvecklingsnatverk-2023.txt", string.Empty, "Nätverket möts två gånger om året.");
        var ranked = Ranked((Alingsas, 10f), (unplaced, 9f));

        Assert.Null(SameTopic.Answer(ranked, TopicOf, municipality: "Alingsås", max: 3));
    }

    [Fact]
    public void Answer_OnlyOnePassage_Null()
    {
        Assert.Null(SameTopic.Answer(Ranked((Alingsas, 10f)), TopicOf, municipality: "Alingsås", max: 3));
    }

    [Fact]
    public void Answer_MoreClosePassagesThanMax_KeepsMax()
    {
        var ranked = Ranked((Alingsas, 10f), (Goteborg, 9.5f), (Skl, 9f));

        var answer = SameTopic.Answer(ranked, TopicOf, municipality: "Alingsås", max: 2);

        Assert.Equal([Alingsas, Goteborg], answer!.Select(h => h.Passage));
    }

    [Fact]
    public void Search_HowDoIReportToThePolice_AnswersFromTheMembersMunicipalityWithTheRestUnderReadAlso()
    {
        // Asked by an Alingsås member: the police-report passages of Alingsås and SKL score too close to tell apart.
        var passages = GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath);
        using var index = new GuidanceIndex(passages);
        var topics = GuidanceTopics.Load(GuidanceOptions.DefaultCorpusPath, passages);

        var without = new GuidanceSearch(index).Search("hur polisanmäler jag?", municipality: "alingsas");
        var with = new GuidanceSearch(index, topicOf: topics.TopicOf).Search("hur polisanmäler jag?", municipality: "alingsas"); // as Municipalities.Of names it

        Assert.Equal(GuidanceMode.Suggest, without.Mode); // the premise: the police-report passages score too close to tell apart
        Assert.Equal(GuidanceMode.Answer, with.Mode);
        Assert.Equal("alingsas", with.Hits[0].Passage.Municipality);
        Assert.All(with.Hits, h => Assert.Equal("polisanmalan", topics.TopicOf(h.Passage)));
        Assert.InRange(with.Hits.Count, 2, 3);
        Assert.Equal(GuidanceMode.Suggest, new GuidanceSearch(index, topicOf: topics.TopicOf).Search("hur polisanmäler jag?", municipality: null).Mode);
    }

    [Fact]
    public void Search_ClosePassagesOfDifferentTopics_StillSuggests()
    {
        var passages = GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath);
        using var index = new GuidanceIndex(passages);
        var topics = GuidanceTopics.Load(GuidanceOptions.DefaultCorpusPath, passages);

        var answer = new GuidanceSearch(index, topicOf: topics.TopicOf).Search("vad gör jag om någon hotar mig?", municipality: null);

        Assert.Equal(GuidanceMode.Suggest, answer.Mode);
        Assert.True(answer.Hits.Select(h => topics.TopicOf(h.Passage)).Distinct().Count() > 1);
    }

    private static GuidancePassage Passage(string document, string municipality, string text) =>
        new(document, "Titel", "Utgivare", "2024", "https://example.org", municipality, "Avsnitt", text);

    private static List<GuidanceHit> Ranked(params (GuidancePassage Passage, float Score)[] hits) =>
        [.. hits.Select((h, i) => new GuidanceHit(h.Passage, h.Score, i))];
}
