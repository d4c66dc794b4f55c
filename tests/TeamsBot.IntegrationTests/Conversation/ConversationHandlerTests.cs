using System.Net;
using System.Text.Json.Nodes;
using Trygg.Testing;

namespace Trygg.Conversation;

/// <summary>No dead ends, through /api/messages into the real app (Azurite, fake Bot Connector): an emergency sign, a told incident with and without guidance, thanks.</summary>
public sealed class ConversationHandlerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    /// <summary>Something that happened to the member, which the guidance has nothing on.</summary>
    private const string ToldWithoutGuidance = "fick ett konstigt vykort igår med en bild på min katt, vad gör jag?";

    /// <summary>Something that happened to the member, which the guidance speaks of (published address).</summary>
    private const string ToldWithGuidance = "nån har lagt ut min adress på nätet, hur får jag skyddad adress?";

    private TryggBot _bot = null!;

    public async Task InitializeAsync() => _bot = await TryggBot.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<JsonNode> ExecuteAsync(string verb, JsonObject data)
    {
        var response = await _bot.PostAsync(_bot.Activities.Execute(verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;
    }

    private static JsonNode CardOf(FakeConnectorRequest sent) =>
        CardJson.CardOf(sent.Body!) ?? throw new Xunit.Sdk.XunitException($"expected a card, got: {sent.Body!["text"]}");

    /// <summary>Every action of a card (in action sets and at its foot).</summary>
    private static List<JsonObject> ActionsOf(JsonNode card) =>
        [.. Walk(card).OfType<JsonObject>().Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true)];

    private static IEnumerable<JsonNode> Walk(JsonNode? node) => node switch
    {
        JsonObject o => new[] { (JsonNode)o }.Concat(o.SelectMany(p => Walk(p.Value))),
        JsonArray a => a.SelectMany(Walk),
        _ => [],
    };

    private static bool CallsOneOneTwo(JsonNode card) =>
        ActionsOf(card).Any(a => (string?)a["type"] == "Action.OpenUrl" && (string?)a["url"] == "tel:112");

    [Fact]
    public async Task Sos_Alone_GetsTheSafetyQuestionWithATapToCall112()
    {
        await _bot.PostAsync(_bot.Activities.Message("🆘"));

        var card = CardOf(await _bot.Connector.WaitForMessageAsync());
        Assert.Contains("Är du i säkerhet just nu?", CardJson.TextOf(card), StringComparison.Ordinal);
        Assert.True(CallsOneOneTwo(card), "the safety question has a tel:112 button");
        Assert.DoesNotContain("Jag förstod inte", CardJson.TextOf(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToldIncident_TheGuidanceHasNothing_LeadsWithReportThis_AndTheReportStartsWithTheMembersWords()
    {
        await _bot.PostAsync(_bot.Activities.Message(ToldWithoutGuidance));

        // "Rapportera det här" first, then the guidance's nothing as one line, and nothing else.
        var offer = CardOf(await _bot.Connector.WaitForMessageAsync());
        Assert.Contains("Vill du rapportera det här?", CardJson.TextOf(offer), StringComparison.Ordinal);
        Assert.True(CallsOneOneTwo(offer));
        var nothing = await _bot.Connector.WaitForMessageAsync(r => r.Body!["text"] is not null);
        Assert.Equal("Jag hittar inget om det i vägledningen", (string?)nothing.Body!["text"]);
        Assert.Equal(2, _bot.Connector.Messages.Count);
        var reportThis = Assert.Single(ActionsOf(offer), a => (string?)a["title"] == "Rapportera det här");

        // Tapping it starts the report: safety first, and the form then holds the member's words as its description.
        _bot.Connector.Clear();
        await _bot.PostAsync(_bot.Activities.Submit(reportThis["data"]!.AsObject().DeepClone().AsObject()));
        var safety = CardOf(await _bot.Connector.WaitForMessageAsync());
        Assert.Contains("Är du i säkerhet just nu?", CardJson.TextOf(safety), StringComparison.Ordinal);
        var draft = safety.ToJsonString().Split("\"draft\":\"")[1].Split('"')[0];

        await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        var form = await ExecuteAsync("profile.save", new JsonObject
        {
            ["organisation"] = "alingsas",
            ["party"] = "Socialdemokraterna",
            ["role"] = "fritidspolitiker",
            ["bodies"] = "ks",
            ["phone"] = "",
            ["next"] = "reporting.form",
        });
        var description = form["body"]!.AsArray().Single(e => ((string?)e!["id"])?.Split('_')[0] == "description")!;
        Assert.Equal(ToldWithoutGuidance, (string?)description["value"]);
    }

    [Fact]
    public async Task ToldIncident_TheGuidanceHasHelp_GetsItFirstThenReportThis()
    {
        await _bot.PostAsync(_bot.Activities.Message(ToldWithGuidance));

        var offer = CardOf(await _bot.Connector.WaitForMessageAsync(r => CardJson.TextOf(CardJson.CardOf(r.Body!)).Contains("Vill du rapportera det här?", StringComparison.Ordinal)));
        var messages = _bot.Connector.Messages;
        Assert.Equal(2, messages.Count);
        var guidance = CardJson.TextOf(CardJson.CardOf(messages[0]));
        Assert.Contains("vägledningen", guidance, StringComparison.Ordinal);
        Assert.DoesNotContain("Jag hittar inget", guidance, StringComparison.Ordinal);
        Assert.Single(ActionsOf(offer), a => (string?)a["title"] == "Rapportera det här" && (string?)a["data"]?["description"] == ToldWithGuidance);
    }

    [Theory]
    [InlineData("tack")]
    [InlineData("👍")]
    public async Task ThanksOrAnEmoji_GetsTheChoicesCard_ReportAskContactsAnd112(string text)
    {
        await _bot.PostAsync(_bot.Activities.Message(text));

        var card = CardOf(await _bot.Connector.WaitForMessageAsync());
        Assert.Contains("Vad vill du göra?", CardJson.TextOf(card), StringComparison.Ordinal);
        var verbs = ActionsOf(card).Select(a => (string?)a["data"]?["verb"]).OfType<string>().ToList();
        Assert.Equal([FeatureVerbs.Report, FeatureVerbs.Ask, FeatureVerbs.Contacts], verbs);
        Assert.True(CallsOneOneTwo(card));
        Assert.Single(_bot.Connector.Messages);
    }
}
