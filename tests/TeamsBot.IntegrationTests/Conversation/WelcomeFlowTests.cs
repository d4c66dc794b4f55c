using System.Net;
using System.Text.Json.Nodes;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Testing;
using Trygg.Texts;

namespace Trygg.Conversation;

public sealed class WelcomeFlowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TryggBot _bot = null!;

    public async Task InitializeAsync() => _bot = await TryggBot.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Install_SendsOneSwedishWelcomeCardToTheConversation()
    {
        var response = await _bot.PostAsync(_bot.Activities.InstallationUpdate());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await _bot.Connector.WaitForMessageAsync();
        Assert.Equal(FakeConnectorOperation.SendToConversation, sent.Operation);
        Assert.Equal(_bot.Activities.ConversationId, sent.ConversationId);
        var text = CardJson.TextOf(CardJson.CardOf(sent.Body!));
        Assert.Contains("Hej! Jag är Trygg.", text, StringComparison.Ordinal);
        Assert.Contains("Ring 112", text, StringComparison.Ordinal);
        Assert.Contains("Rapportera en händelse", text, StringComparison.Ordinal);
        Assert.Null(sent.Body!["text"]);
    }

    [Fact]
    public async Task Install_BothInstallEventsAtOnce_WelcomeIsSentExactlyOnce()
    {
        var results = await Task.WhenAll(
            _bot.PostAsync(_bot.Activities.InstallationUpdate()),
            _bot.PostAsync(_bot.Activities.BotAdded()),
            _bot.PostAsync(_bot.Activities.InstallationUpdate("add-upgrade")));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(_bot.Connector.Messages);
    }

    [Fact]
    public async Task Install_EnglishLocale_SendsEnglishWelcome()
    {
        _bot.Activities = new Activities(_bot.Connector.ServiceUrl) { Locale = "en-US" };

        await _bot.PostAsync(_bot.Activities.InstallationUpdate());

        var text = CardJson.TextOf(CardJson.CardOf((await _bot.Connector.WaitForMessageAsync()).Body!));
        Assert.Contains("Hi! I'm Trygg.", text, StringComparison.Ordinal);
        Assert.Contains("Report an incident", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hjälp", "Vad vill du göra?")]
    [InlineData("Hej!", "Vad vill du göra?")]
    [InlineData("help", "What would you like to do?")]
    public async Task Message_HelpOrGreeting_RepliesWithTheWelcomeCardToThatMessageInItsLanguage(string text, string prompt)
    {
        var message = _bot.Activities.Message(text, id: "msg-42");

        var response = await _bot.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await _bot.Connector.WaitForMessageAsync();
        Assert.Equal(FakeConnectorOperation.ReplyToActivity, sent.Operation);
        Assert.Equal("msg-42", sent.ActivityId);
        Assert.Equal("msg-42", sent.Body!["replyToId"]!.GetValue<string>());
        Assert.Contains(prompt, CardJson.TextOf(CardJson.CardOf(sent.Body)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_SomethingElse_GoesToTheGuidance_WithAWayToReportAnd112()
    {
        await _bot.PostAsync(_bot.Activities.Message("vad blir det för väder i morgon"));

        // No dead end: a message no feature claims is a question for the guidance, which says it has nothing and
        // still offers a report and 112.
        var sent = await _bot.Connector.WaitForMessageAsync();
        var card = CardJson.CardOf(sent.Body!)!;
        var text = CardJson.TextOf(card);
        Assert.Contains("Jag hittar inget om det i vägledningen", text, StringComparison.Ordinal);
        Assert.Contains("112", text, StringComparison.Ordinal);
        var json = card.ToJsonString();
        Assert.Contains("\"verb\":\"reporting.start\"", json, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"contacts.show\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Jag förstod inte", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteLanguage_ReturnsReplacementCardInTheInvokeResponse()
    {
        var response = await _bot.PostAsync(_bot.Activities.Execute("welcome.language", new JsonObject { ["language"] = "en" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        Assert.Equal("1.5", body["value"]!["version"]!.GetValue<string>());
        Assert.Contains("Hi! I'm Trygg.", CardJson.TextOf(body["value"]), StringComparison.Ordinal);
        Assert.Empty(_bot.Connector.Messages);
    }

    [Fact]
    public async Task ExecuteUnknownVerb_AnswersWithAnErrorTheClientCanShow()
    {
        var response = await _bot.PostAsync(_bot.Activities.Execute("nothing.here"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("UnknownVerb", body["value"]!["code"]!.GetValue<string>());
        Assert.Contains("fungerar inte längre", body["value"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitReport_RoundTrip_AsksTheSafetyQuestionFirst()
    {
        var response = await _bot.PostAsync(_bot.Activities.Submit(new JsonObject { ["verb"] = "welcome.report" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await _bot.Connector.WaitForMessageAsync();
        var card = CardJson.CardOf(sent.Body!);
        Assert.Contains("Är du i säkerhet just nu?", CardJson.TextOf(card), StringComparison.Ordinal);
        Assert.DoesNotContain("Input.", card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChosenLanguage_SurvivesARestartOfTheApp()
    {
        await _bot.PostAsync(_bot.Activities.Execute("welcome.language", new JsonObject { ["language"] = "en" }));

        _bot.Restart();
        await _bot.PostAsync(_bot.Activities.Message("hej"));

        var text = CardJson.TextOf(CardJson.CardOf((await _bot.Connector.WaitForMessageAsync()).Body!));
        Assert.Contains("Hi! I'm Trygg.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoConcurrentTurns_OnOneConversation_LoseNothing()
    {
        var responses = await Task.WhenAll(
            _bot.PostAsync(_bot.Activities.Message("hej")),
            _bot.PostAsync(_bot.Activities.Execute("welcome.language", new JsonObject { ["language"] = "en" })),
            _bot.PostAsync(_bot.Activities.Message("hjälp")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var state = await _bot.App.Get<IConversationStateStore>().GetAsync<MemberState>(
            new StateKey(Activities.TenantId, _bot.Activities.ConversationId, _bot.Activities.UserAadObjectId, MemberState.Slot), default);
        Assert.NotNull(state);
        Assert.Equal(Language.English, state.ChosenLanguage);
        Assert.Equal(2, _bot.Connector.Messages.Count);
    }
}
