using System.Text.Json;
using System.Text.Json.Nodes;
using Trygg.Conversation.Turns;
using Trygg.Testing;
using Trygg.Texts;

namespace Trygg.Conversation.Welcome;

public sealed class WelcomeCardTests
{
    [Fact]
    public void Sample_IsExactlyWhatTheBotSendsInSwedish()
    {
        // The conformance test renders the sample; this keeps the sample honest.
        var sample = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("bot", "Conversation", "Cards", "samples", "Welcome.sample.json")));
        var actual = JsonNode.Parse(JsonSerializer.Serialize(WelcomeCard.For(Language.Swedish), Cards.CardRenderer.DataOptions));

        Assert.True(JsonNode.DeepEquals(sample, actual), actual!.ToJsonString());
    }

    [Theory]
    [InlineData(Language.Swedish, "Ring 112", "In English", "en")]
    [InlineData(Language.English, "Call 112", "På svenska", "sv")]
    public void For_Language_Says112AndOffersTheOtherLanguage(Language language, string danger, string switchTitle, string switchCode)
    {
        var card = WelcomeCard.For(language);

        Assert.Contains(danger, card.DangerTitle, StringComparison.Ordinal);
        Assert.Equal(switchTitle, card.LanguageSwitch.Title);
        Assert.Equal(language == Language.Swedish ? Language.English : Language.Swedish, LanguageCodes.Parse(switchCode));
        Assert.Equal(
            [WelcomeVerbs.Report, WelcomeVerbs.Question, WelcomeVerbs.Guidance, WelcomeVerbs.Training, WelcomeVerbs.MyReports],
            card.Buttons.Select(b => b.Verb));
    }

    /// <summary>"Hjälp" and "hej" open this card: someone in danger who typed one word has 112 one tap away on it.</summary>
    [Theory]
    [InlineData(Language.Swedish, "Ring 112")]
    [InlineData(Language.English, "Call 112")]
    public void Render_HasATapToCall112Button(Language language, string title)
    {
        var card = System.Text.Json.Nodes.JsonNode.Parse(WelcomeCard.For(language).Render(new Cards.CardRenderer()).Json)!.ToJsonString();

        Assert.Contains($"{{\"type\":\"Action.OpenUrl\",\"title\":\"{title}\",\"url\":\"tel:112\"}}", card, StringComparison.Ordinal);
    }
}
