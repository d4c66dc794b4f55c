using System.Net;
using System.Text.Json.Nodes;
using Trygg.Testing;
using Trygg.Organisations;

namespace Trygg.Guidance;

/// <summary>Questions through /api/messages into the real app (Azurite, fake Bot Connector): answers, "I don't know", feedback.</summary>
public sealed class GuidanceConversationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TryggBot _bot = null!;

    public async Task InitializeAsync() => _bot = await TryggBot.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<JsonNode> AskAsync(string text)
    {
        _bot.Connector.Clear();
        var response = await _bot.PostAsync(_bot.Activities.Message(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await _bot.Connector.WaitForMessageAsync();
        return CardJson.CardOf(sent.Body!) ?? throw new Xunit.Sdk.XunitException($"expected a card, got: {sent.Body!["text"]}");
    }

    [Fact]
    public async Task Question_AnswerCardWithTheGuidanceAndItsSource()
    {
        var card = await AskAsync("vem beslutar om åtkomstskydd för min anmälan");

        var text = CardJson.TextOf(card);
        Assert.Contains("Det här säger vägledningen", text, StringComparison.Ordinal);
        Assert.Contains("förundersökningsledaren", text, StringComparison.Ordinal);
        Assert.Contains("Alingsås kommun: Rutin för förtroendevalda", text, StringComparison.Ordinal);
        Assert.Contains("Avsnitt:", text, StringComparison.Ordinal);
        Assert.Contains("Fick du svar?", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_WithoutDiacritics_SameAnswer()
    {
        var with = CardJson.TextOf(await AskAsync("vem bestämmer om åtkomstskydd?"));
        var without = CardJson.TextOf(await AskAsync("vem bestammer om atkomstskydd"));

        Assert.Contains("förundersökningsledaren", with, StringComparison.Ordinal);
        Assert.Contains("förundersökningsledaren", without, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfScopeQuestion_DontKnowCard()
    {
        var response = await _bot.PostAsync(_bot.Activities.Execute(GuidanceVerbs.Ask, new JsonObject { ["question"] = "hur byter jag lösenord i teams?" }));
        var card = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"];

        var text = CardJson.TextOf(card);
        Assert.Contains("Jag hittar inget om det i vägledningen", text, StringComparison.Ordinal);
        Assert.Contains("säkerhetsenhet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fick du svar?", text, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"reporting.start\"", card!.ToJsonString(), StringComparison.Ordinal); // no dead end
    }

    [Fact]
    public async Task OutOfScopeButAThreatTold_TheSafetyQuestionComesFirst()
    {
        _bot.Activities = new Activities(_bot.Connector.ServiceUrl) { Locale = "en-US" };

        var card = await AskAsync("someone threatened me yesterday, will it rain tomorrow?");

        // A threat told with a question is taken into the report flow, safety first, rather than answered as weather.
        var text = CardJson.TextOf(card);
        Assert.Contains("Are you safe right now?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("I can't find anything about that in the guidance", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DangerNow_IsNotAQuestion_TheAcuteCardWins()
    {
        var card = await AskAsync("det står en man utanför mitt hus och hotar mig, vad ska jag göra?");

        var text = CardJson.TextOf(card);
        Assert.Contains("112", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Det här säger vägledningen", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no", false)]
    [InlineData("yes", true)]
    public async Task Feedback_JaOrNej_IsStored_AndTheCardSaysThanks(string pressed, bool helpful)
    {
        var answer = await AskAsync("vem beslutar om åtkomstskydd för min anmälan");
        var data = FeedbackData(answer, pressed);

        var response = await _bot.PostAsync(_bot.Activities.Execute("guidance.feedback", data));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains(helpful ? "Tack! Skönt att det hjälpte." : "Frågan går vidare", CardJson.TextOf(body["value"]), StringComparison.Ordinal);
        var negative = await _bot.App.Get<IGuidanceFeedbackStore>().ListRecentNegativeAsync(Activities.TenantId, string.Empty, 10, default);
        if (helpful)
        {
            Assert.Empty(negative);
        }
        else
        {
            var stored = Assert.Single(negative);
            Assert.Equal("vem beslutar om åtkomstskydd för min anmälan", stored.Question);
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
    public async Task Feedback_WithForgedCardData_StoresTheServersAnswerAndTime()
    {
        var answer = await AskAsync("vem beslutar om åtkomstskydd för min anmälan");
        var data = FeedbackData(answer, "no");
        data["question"] = "[Klicka här](https://example.com/phish)";
        data["passages"] = "nagon-annan:0000";
        data["at"] = "2001-01-01T00:00:00+00:00";

        await _bot.PostAsync(_bot.Activities.Execute("guidance.feedback", data));

        var stored = Assert.Single(await _bot.App.Get<IGuidanceFeedbackStore>().ListRecentNegativeAsync(Activities.TenantId, string.Empty, 10, default));
        Assert.Equal("vem beslutar om åtkomstskydd för min anmälan", stored.Question);
        Assert.StartsWith("alingsas-rutin-hot-hat-vald:", stored.AnswerId, StringComparison.Ordinal);
        Assert.NotEqual(2001, stored.AnsweredAt.Year);
        Assert.True(stored.At >= stored.AnsweredAt);
    }

    [Fact]
    public async Task Feedback_ForACardTheBotNeverGave_StoresNothing()
    {
        var data = new JsonObject { ["helpful"] = "no", ["card"] = "0123456789abcdef0123456789abcdef", ["question"] = "påhittad fråga", ["at"] = "2026-11-23T10:00:00+00:00" };

        var response = await _bot.PostAsync(_bot.Activities.Execute("guidance.feedback", data));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await _bot.App.Get<IGuidanceFeedbackStore>().ListRecentNegativeAsync(Activities.TenantId, string.Empty, 10, default));
    }

    [Fact]
    public async Task UnansweredQuestions_AnAdministrator_InTheRegisteredChannel_SeesThatOrganisationsListNamed_WithoutWhoAsked()
    {
        await _bot.App.Get<ISecurityChannelStore>().SaveAsync(
            new SecurityChannel(Activities.TenantId, "alingsas", "19:team@thread.tacv2", SecurityChannelId, Administrator, DateTimeOffset.UtcNow), default);
        await SaveProfileAsync("alingsas");
        var answer = await AskAsync("vem beslutar om åtkomstskydd för min anmälan");
        await _bot.PostAsync(_bot.Activities.Execute("guidance.feedback", FeedbackData(answer, "no")));

        _bot.Connector.Clear();
        var channel = new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = Administrator, ConversationId = SecurityChannelId };
        await _bot.PostAsync(channel.ChannelMessage("obesvarade frågor"));
        var sent = await _bot.Connector.WaitForMessageAsync();
        var card = CardJson.TextOf(CardJson.CardOf(sent.Body!));

        Assert.Single(_bot.Connector.Messages);
        Assert.Contains("Obesvarade frågor: Alingsås kommun", card, StringComparison.Ordinal);
        Assert.Contains("vem beslutar om åtkomstskydd för min anmälan", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Wilber", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("otherChannel")]
    [InlineData("otherOrganisationsChannel")]
    public async Task UnansweredQuestions_AnAdministratorOutsideTheirSecurityChannel_PoliteRefusalWithoutQuestions(string where)
    {
        await _bot.App.Get<ISecurityChannelStore>().SaveAsync(
            new SecurityChannel(Activities.TenantId, "alingsas", "19:team@thread.tacv2", SecurityChannelId, Administrator, DateTimeOffset.UtcNow), default);
        await _bot.App.Get<ISecurityChannelStore>().SaveAsync(
            new SecurityChannel(Activities.TenantId, "goteborg", "19:team@thread.tacv2", "19:goteborg@thread.tacv2", Administrator, DateTimeOffset.UtcNow), default);
        await SaveProfileAsync("alingsas");
        var answer = await AskAsync("vem beslutar om åtkomstskydd för min anmälan");
        await _bot.PostAsync(_bot.Activities.Execute("guidance.feedback", FeedbackData(answer, "no")));

        _bot.Connector.Clear();
        var activity = where switch
        {
            "personal" => new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = Administrator }.Message("obesvarade frågor"),
            "otherChannel" => new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = Administrator, ConversationId = "19:general@thread.tacv2" }.ChannelMessage("obesvarade frågor"),
            _ => new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = Administrator, ConversationId = "19:goteborg@thread.tacv2" }.ChannelMessage("obesvarade frågor"),
        };
        await _bot.PostAsync(activity);
        var sent = await _bot.Connector.WaitForMessageAsync();

        if (where == "otherOrganisationsChannel")
        {
            // Göteborg's own channel shows Göteborg's list: the Alingsås question is not in it.
            var card = CardJson.TextOf(CardJson.CardOf(sent.Body!));
            Assert.Contains("Obesvarade frågor: Göteborgs Stad", card, StringComparison.Ordinal);
            Assert.DoesNotContain("vem beslutar om åtkomstskydd för min anmälan", card, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("bara säkerhetsenhetens administratörer", (string?)sent.Body!["text"], StringComparison.Ordinal);
            Assert.DoesNotContain("vem beslutar om åtkomstskydd för min anmälan", sent.Body!.ToJsonString(), StringComparison.Ordinal);
        }
    }

    // Alex Wilber (the Playground's user) administers every shipped profile.
    private const string Administrator = "00000000-0000-0000-0000-0000000000020";
    private const string SecurityChannelId = "19:security@thread.tacv2";

    private async Task SaveProfileAsync(string organisation)
    {
        var saved = await _bot.PostAsync(_bot.Activities.Execute("profile.save", new JsonObject
        {
            ["organisation"] = organisation,
            ["party"] = "Socialdemokraterna",
            ["role"] = "fritidspolitiker",
            ["bodies"] = "ks",
            ["phone"] = "",
        }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
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
