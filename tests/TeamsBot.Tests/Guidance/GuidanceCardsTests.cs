using System.Text.Json.Nodes;
using Trygg.Cards;
using Trygg.Testing;
using Trygg.Conversation.Turns;

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
}
