using System.Text.Json.Nodes;
using Trygg.Cards;
using Trygg.Testing;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Guidance;

public sealed class GuidanceCardsTests : IDisposable
{
    private readonly GuidanceIndex _index = new(GuidanceCorpus.Load(Path.Combine(AppContext.BaseDirectory, "Guidance", "TestCorpus")));

    public void Dispose() => _index.Dispose();

    [Fact]
    public void KeySentence_PicksTheSentenceThatAnswers()
    {
        var cards = new GuidanceCards(new CardRenderer(), _index);
        const string Passage = "Polisanmäl alltid hot och våld. Ring 112 vid akut fara och 114 14 när det inte är akut. Uppge att du är förtroendevald så att ärendet hamnar hos rätt utredare.";

        Assert.Equal("Uppge att du är förtroendevald så att ärendet hamnar hos rätt utredare.", cards.KeySentence(Passage, "ska jag uppge att jag är förtroendevald"));
        Assert.Equal("Ring 112 vid akut fara och 114 14 när det inte är akut.", cards.KeySentence(Passage, "vilket nummer ringer jag när det inte är akut, 114?"));
    }

    [Theory]
    [InlineData("Polisanmäl alltid hot och våld.", "ska jag polisanmäla hot")] // one sentence: nothing to pick out
    [InlineData("Polisanmäl alltid hot. Spara sms som bevis.", "vad blir det för väder")] // nothing matches
    public void KeySentence_NothingStandsOut_Null(string passage, string question) =>
        Assert.Null(new GuidanceCards(new CardRenderer(), _index).KeySentence(passage, question));

    [Fact]
    public void Unanswered_AQuestionWithMarkdown_ReachesStaffAsATextRunNeverALink()
    {
        const string Question = "[Klicka här](https://evil.example) **vad gör jag**";
        var feedback = new GuidanceFeedback("t", "alingsas", "c", Question, "a", false, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

        var card = JsonNode.Parse(new GuidanceCards(new CardRenderer(), _index)
            .Unanswered(Language.Swedish, "Alingsås kommun", [feedback], TimeZoneInfo.Utc).Json)!;

        var holders = CardJson.Objects(card).Where(n => n["text"]?.GetValue<string>().Contains("evil.example", StringComparison.Ordinal) == true).ToList();
        var holder = Assert.Single(holders);
        Assert.Equal("TextRun", holder["type"]!.GetValue<string>());
        Assert.Equal(Question, holder["text"]!.GetValue<string>());
    }

    [Fact]
    public void Lines_ASubListAfterAColon_StaysNestedUnderItsItem()
    {
        var lines = GuidanceCards.Lines("- Lyssna uppmärksamt.\n- Notera:\n- tidpunkt och datum\n- bakgrundsljud");

        Assert.Equal(
            ["• Lyssna uppmärksamt.", "• Notera:", "\u00A0\u00A0\u00A0\u00A0◦ tidpunkt och datum", "\u00A0\u00A0\u00A0\u00A0◦ bakgrundsljud"],
            lines);
    }

    [Theory]
    [InlineData("Mer konkret innebär detta att bolag ska:\n- Genomföra riskbedömningar\n- ha rutiner", "Mer konkret innebär detta att bolag ska:|• Genomföra riskbedömningar|• ha rutiner")] // a paragraph's colon: items are the list
    [InlineData("- Notera:\n- Ring 112.", "• Notera:|• Ring 112.")] // a capital starts a new item, not a sub-item
    [InlineData("- Ta skärmdumpar av hot.", "Ta skärmdumpar av hot.")] // a lone item without its bullet
    [InlineData("Första stycket.\nAndra stycket.", "Första stycket.|Andra stycket.")]
    public void Lines_ListsAndParagraphs_OneLineEach(string text, string expected) =>
        Assert.Equal(expected.Split('|'), GuidanceCards.Lines(text));

    [Fact]
    public void Answer_ReadAlso_OneLineEach_TheSourceOnce_NoBulletsRunTogether()
    {
        var cards = new GuidanceCards(new CardRenderer(), _index);
        var passages = _index.Passages;
        var answer = passages.First(p => p.Text.StartsWith("Polisanmäl alltid", StringComparison.Ordinal));
        var sameDocument = passages.First(p => p.DocumentId == answer.DocumentId && p.Text.StartsWith("Kommunens säkerhetsansvarig", StringComparison.Ordinal));
        var other = passages.First(p => p.DocumentId != answer.DocumentId);

        var card = JsonNode.Parse(cards.Answer(Language.Swedish, new AnswerContext("fråga", [answer, sameDocument, other], null, null, "c", DateTimeOffset.UnixEpoch)).Json)!;

        var related = TextBlocks(card).Where(b => b["text"]!.GetValue<string>().StartsWith("• ", StringComparison.Ordinal) && b["wrap"]?.GetValue<bool>() == false).Select(b => b["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["• Säkerhetsansvarig: Kommunens säkerhetsansvarig ger råd och…", "• Sociala medier: Tänk på vad du publicerar. Berätta inte… (Annan stad)"], related);
        Assert.Single(TextBlocks(card), b => b["text"]!.GetValue<string>().Contains("Testkommun: Rutin vid hot", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Language.Swedish, false)]
    [InlineData(Language.English, true)]
    public void Answer_MemberLanguage_NotesTheSwedishQuoteOnlyToOtherReaders(Language language, bool noted)
    {
        var cards = new GuidanceCards(new CardRenderer(), _index);
        var note = GuidanceTexts.For(language).QuotedInSwedish;

        var card = JsonNode.Parse(cards.Answer(language, new AnswerContext("fråga", [_index.Passages[0]], null, null, "c", DateTimeOffset.UnixEpoch)).Json)!;

        Assert.Equal(noted, TextBlocks(card).Any(b => b["text"]!.GetValue<string>() == note));
    }

    [Theory]
    [InlineData(GuidanceMode.Answer, "Det här säger vägledningen")]
    [InlineData(GuidanceMode.Suggest, "Menade du något av det här?")]
    [InlineData(GuidanceMode.None, "Jag hittar inget om det i vägledningen")]
    public void For_EachBand_ItsOwnCard(GuidanceMode mode, string title)
    {
        var cards = new GuidanceCards(new CardRenderer(), _index);

        var card = JsonNode.Parse(cards.For(Language.Swedish, new AnswerContext("fråga", mode == GuidanceMode.None ? [] : [.. _index.Passages.Take(2)], null, null, "c", DateTimeOffset.UnixEpoch), mode).Json)!;

        Assert.Equal(title, TextBlocks(card).First()["text"]!.GetValue<string>());
    }

    private static IEnumerable<JsonNode> TextBlocks(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "TextBlock" => [o],
        JsonObject o => o.SelectMany(p => TextBlocks(p.Value)),
        JsonArray a => a.SelectMany(TextBlocks),
        _ => [],
    };
    [Fact]
    public void Suggest_ToAMemberWhoReadsEnglish_NamesEachChoiceByItsTopicInEnglish()
    {
        var topics = Browse.GuidanceTopics.Parse(
            """{ "topics": [ { "id": "polis", "sv": "Polisanmälan", "en": "Reporting to the police", "headings": [ { "document": "testkommun-rutin", "heading": "Polisanmälan" } ] } ] }""",
            _index.Passages);
        var police = _index.Passages.First(p => p.Heading == "Polisanmälan");
        var other = _index.Passages.First(p => p.Heading != "Polisanmälan" && topics.TopicOf(p) is null);
        var cards = new GuidanceCards(new CardRenderer(), _index, topics);

        var english = JsonNode.Parse(cards.Suggest(Language.English, [police, other], "c").Json)!;
        var swedish = JsonNode.Parse(cards.Suggest(Language.Swedish, [police], "c").Json)!;

        var labels = CardJson.Objects(english).Where(o => o["selectAction"] is not null).Select(o => o["selectAction"]!["title"]!.GetValue<string>()).ToList();
        Assert.Equal($"Reporting to the police: {PassageTitle.Of(police)}", labels[0]);
        Assert.Equal(PassageTitle.Of(other), labels[1]); // no topic: its own title
        Assert.Contains(CardJson.Objects(english), o => o["text"]?.GetValue<string>() == $"Reporting to the police · {PassageTitle.Document(police)}");
        Assert.Contains("written in Swedish", CardJson.TextOf(english), StringComparison.Ordinal);
        Assert.Equal(PassageTitle.Of(police), CardJson.Objects(swedish).First(o => o["selectAction"] is not null)["selectAction"]!["title"]!.GetValue<string>());
        Assert.DoesNotContain("Reporting", CardJson.TextOf(swedish), StringComparison.Ordinal);
    }
}
