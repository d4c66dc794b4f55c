using System.Net;
using System.Text.Json.Nodes;
using Trygg.Testing;

namespace Trygg.Guidance;

/// <summary>Questions through /api/messages into the real app (Azurite, fake Bot Connector): answers, "I don't know", feedback.</summary>
public sealed class GuidanceConversationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<JsonNode> AskAsync(string text)
    {
        _bot.Connector.Clear();
        var response = await _bot.PostAsync(_bot.Activities.Message(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await _bot.Connector.WaitForMessageAsync();
        return BotHarness.CardOf(sent.Body!) ?? throw new Xunit.Sdk.XunitException($"expected a card, got: {sent.Body!["text"]}");
    }

    [Fact]
    public async Task Question_AnswerCardWithTheGuidanceAndItsSource()
    {
        var card = await AskAsync("hur polisanmäler jag?");

        var text = BotHarness.TextOf(card);
        Assert.Contains("Det här säger vägledningen", text, StringComparison.Ordinal);
        Assert.Contains("114 14", text, StringComparison.Ordinal);
        Assert.Contains("Sveriges Kommuner och Landsting", text, StringComparison.Ordinal);
        Assert.Contains("Avsnitt:", text, StringComparison.Ordinal);
        Assert.Contains("Fick du svar?", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_WithoutDiacritics_SameAnswer()
    {
        var with = BotHarness.TextOf(await AskAsync("vem bestämmer om åtkomstskydd?"));
        var without = BotHarness.TextOf(await AskAsync("vem bestammer om atkomstskydd"));

        Assert.Contains("förundersökningsledaren", with, StringComparison.Ordinal);
        Assert.Contains("förundersökningsledaren", without, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfScopeQuestion_DontKnowCard()
    {
        var card = await AskAsync("får jag bära pepparspray som politiker?");

        var text = BotHarness.TextOf(card);
        Assert.Contains("Jag hittar inget om det i vägledningen", text, StringComparison.Ordinal);
        Assert.Contains("säkerhetsenhet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fick du svar?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rapportera en händelse", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfScopeButSomethingHappened_DontKnowCardOffersToReport()
    {
        _bot.Activities = new Activities(_bot.Connector.ServiceUrl) { Locale = "en-US" };

        var card = await AskAsync("someone threatened me yesterday, can I get a bodyguard paid by the council?");

        var text = BotHarness.TextOf(card);
        Assert.Contains("I can't find anything about that in the guidance", text, StringComparison.Ordinal);
        Assert.Contains("Report an incident", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DangerNow_IsNotAQuestion_TheAcuteCardWins()
    {
        var card = await AskAsync("det står en man utanför mitt hus och hotar mig, vad ska jag göra?");

        var text = BotHarness.TextOf(card);
        Assert.Contains("112", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Det här säger vägledningen", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no", false)]
    [InlineData("yes", true)]
    public async Task Feedback_JaOrNej_IsStored_AndTheCardSaysThanks(string pressed, bool helpful)
    {
        var answer = await AskAsync("vad är otillåten påverkan?");
        var data = FeedbackData(answer, pressed);

        var response = await _bot.PostAsync(_bot.Activities.Execute("guidance.feedback", data));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains(helpful ? "Tack! Skönt att det hjälpte." : "Frågan går vidare", BotHarness.TextOf(body["value"]), StringComparison.Ordinal);
        var negative = await _bot.App.Get<IGuidanceFeedbackStore>().ListRecentNegativeAsync(string.Empty, 10, default);
        if (helpful)
        {
            Assert.Empty(negative);
        }
        else
        {
            var stored = Assert.Single(negative);
            Assert.Equal("vad är otillåten påverkan?", stored.Question);
            Assert.StartsWith("alingsas-rutin-hot-hat-vald:", stored.AnswerId, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnansweredQuestions_FromSomeoneWhoIsNoAdministrator_PoliteRefusal()
    {
        _bot.Connector.Clear();

        await _bot.PostAsync(_bot.Activities.Message("obesvarade frågor"));

        var sent = await _bot.Connector.WaitForMessageAsync();
        Assert.Contains("bara säkerhetsenhetens administratörer", sent.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnansweredQuestions_AnAdministrator_SeesTheNejQuestionsOfTheirMunicipality_WithoutWhoAsked()
    {
        var saved = await _bot.PostAsync(_bot.Activities.Execute("profile.save", new JsonObject
        {
            ["organisation"] = "alingsas",
            ["party"] = "Socialdemokraterna",
            ["role"] = "fritidspolitiker",
            ["bodies"] = "ks",
            ["phone"] = "",
        }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var answer = await AskAsync("vad är otillåten påverkan?");
        await _bot.PostAsync(_bot.Activities.Execute("guidance.feedback", FeedbackData(answer, "no")));

        // Alex Wilber (the Playground's user) administers every shipped profile.
        var administrator = new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = "00000000-0000-0000-0000-0000000000020" };
        _bot.Connector.Clear();
        await _bot.PostAsync(administrator.Message("obesvarade frågor"));
        // One card per administered municipality: wait for the one that lists the question.
        await _bot.Connector.WaitForMessageAsync(r => BotHarness.TextOf(BotHarness.CardOf(r.Body!)).Contains("vad är otillåten påverkan?", StringComparison.Ordinal));
        var cards = _bot.Connector.Messages.Select(m => BotHarness.TextOf(BotHarness.CardOf(m))).ToList();

        Assert.Single(cards, c => c.Contains("vad är otillåten påverkan?", StringComparison.Ordinal));
        Assert.DoesNotContain(cards, c => c.Contains("Alex Wilber", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskCommand_WithoutAQuestion_AsksForIt()
    {
        _bot.Connector.Clear();

        await _bot.PostAsync(_bot.Activities.Message("fråga"));

        var sent = await _bot.Connector.WaitForMessageAsync();
        Assert.Contains("Skriv din fråga", sent.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonObject FeedbackData(JsonNode card, string pressed)
    {
        var action = Actions(card).First(a => a["verb"]?.GetValue<string>() == "guidance.feedback" && a["data"]?["helpful"]?.GetValue<string>() == pressed);
        return action["data"]!.DeepClone().AsObject();
    }

    private static IEnumerable<JsonNode> Actions(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" => [o],
        JsonObject o => o.SelectMany(p => Actions(p.Value)),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };
}
