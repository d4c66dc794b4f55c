using System.Text.Json.Nodes;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Training;

public sealed class TrainingCardsTests
{
    private static readonly CampaignCycle Cycle = new("2026-2030", new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.FromHours(2)), new DateOnly(2027, 1, 13));

    private static TrainingCampaign Campaign(Uri? link) => new(
        "mandatperiod", CampaignKind.MandatePeriod, "Säkerhetsutbildning för förtroendevalda", link, TrainingAudience.AllMembers,
        TimeSpan.FromDays(90), TimeSpan.FromDays(14), 4);

    private static JsonObject Render(Uri? link, Language language) =>
        JsonNode.Parse(TrainingCards.Reminder(new CardRenderer(), Campaign(link), Cycle, language).Json)!.AsObject();

    private static string Body(JsonObject card) => string.Join('\n', card["body"]!.AsArray().Select(b => (string?)b!["text"]));

    [Fact]
    public void Reminder_WithACourseLink_OpensIt_AndDoesNotSendTheMemberElsewhere()
    {
        var card = Render(new Uri("https://utbildning.example.se/kurs"), Language.Swedish);

        var open = card["actions"]!.AsArray().Single(a => (string?)a!["type"] == "Action.OpenUrl")!;
        Assert.Equal(("Öppna utbildningen", "https://utbildning.example.se/kurs"), ((string?)open["title"], (string?)open["url"]));
        Assert.DoesNotContain("Fråga säkerhetsenheten", Body(card), StringComparison.Ordinal);
        Assert.Contains("Gör den gärna senast 13 januari 2027.", Body(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Swedish, "Har du inte fått någon inbjudan? Fråga säkerhetsenheten.")]
    [InlineData(Language.English, "Not had an invitation? Ask the security unit.")]
    public void Reminder_WithoutALink_TellsTheMemberWhomToAsk(Language language, string expected)
    {
        var card = Render(null, language);

        Assert.DoesNotContain(card["actions"]!.AsArray(), a => (string?)a!["type"] == "Action.OpenUrl");
        Assert.Contains(expected, Body(card), StringComparison.Ordinal);
    }
}
