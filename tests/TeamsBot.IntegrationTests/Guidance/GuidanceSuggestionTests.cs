using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Guidance.Learning;
using Trygg.Testing;
using Trygg.Organisations;

namespace Trygg.Guidance;

/// <summary>
/// The three bands through /api/messages into the real app (Azurite, fake Bot Connector): a confident answer, "Menade du
/// något av det här?" with choices that open the answer card and record a candidate, and "Inget av detta".
/// </summary>
public sealed class GuidanceSuggestionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    // Alex Wilber (the Playground's user) administers every shipped profile.
    private const string Administrator = "00000000-0000-0000-0000-0000000000020";

    // Its close passages are of two topics (evidence and the police report), so the member chooses.
    private const string Unsure = "hotmejlet, ska det polisanmälas?";

    private readonly RecordingLearning _learning = new();
    private FakeConnector _connector = null!;
    private TryggApp _app = null!;
    private Activities _member = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _app = new TryggApp(azurite.ConnectionString, _connector.ServiceUrl, AzuriteFixture.NewTablePrefix(), services: s => s.AddSingleton<IGuidanceLearning>(_learning));
        _member = new Activities(_connector.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("vem beslutar om åtkomstskydd för min anmälan", "Det här säger vägledningen")]
    [InlineData(Unsure, "Menade du något av det här?")]
    [InlineData("hur byter jag lösenord i teams?", "Jag hittar inget om det i vägledningen")]
    public async Task Question_EachBand_ItsOwnCard(string question, string title)
    {
        var card = await AskWithButtonAsync(question);

        var text = CardJson.TextOf(card);
        Assert.StartsWith(title, text.TrimStart(), StringComparison.Ordinal);
        Assert.Equal(title == "Det här säger vägledningen", text.Contains("Fick du svar?", StringComparison.Ordinal));
        Assert.Equal(title == "Menade du något av det här?", Actions(card).Any(a => a["verb"]?.GetValue<string>() == GuidanceVerbs.Choose));
    }

    [Fact]
    public async Task Question_ClosePassagesAllOfThePoliceReport_AnsweredFromTheMembersMunicipalityWithTheRestUnderReadAlso()
    {
        await SaveProfileAsync("alingsas");

        var card = await AskAsync("hur polisanmäler jag?");

        var text = CardJson.TextOf(card);
        Assert.StartsWith("Det här säger vägledningen", text.TrimStart(), StringComparison.Ordinal);
        var source = text.IndexOf("Alingsås kommun: Rutin för förtroendevalda", StringComparison.Ordinal);
        var readAlso = text.IndexOf("Läs också", StringComparison.Ordinal);
        Assert.InRange(source, 0, readAlso); // the member's own municipality answers; the other passages follow
        Assert.Contains("Fick du svar?", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Actions(card), a => a["verb"]?.GetValue<string>() == GuidanceVerbs.Choose);
    }

    [Fact]
    public async Task TapASuggestion_TheAnswerCardWithItsSource_AndTheCandidateRecordedWithoutIdentity()
    {
        await SaveProfileAsync("alingsas");
        var card = await AskAsync(Unsure);
        var choice = Actions(card).First(a => a["verb"]?.GetValue<string>() == GuidanceVerbs.Choose
            && a["title"]!.GetValue<string>().StartsWith("Polisanmälan och rapportering", StringComparison.Ordinal));

        var response = await _app.PostActivityAsync(_member.Execute(GuidanceVerbs.Choose, choice["data"]!.DeepClone().AsObject()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var answer = CardJson.TextOf(body["value"]);
        Assert.Contains("Det här säger vägledningen", answer, StringComparison.Ordinal);
        Assert.Contains("Alingsås kommun: Rutin för förtroendevalda", answer, StringComparison.Ordinal);
        Assert.Contains("Fick du svar?", answer, StringComparison.Ordinal);
        var (organisation, question, passageId) = Assert.Single(_learning.Candidates);
        Assert.Equal(("alingsas", Unsure), (organisation, question));
        Assert.StartsWith("alingsas-rutin-hot-hat-vald:", passageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoneOfThese_ReachesUnansweredQuestions_AndShowsWhomToAsk()
    {
        await _app.Get<ISecurityChannelStore>().SaveAsync(
            new SecurityChannel(Activities.TenantId, "alingsas", "19:team@thread.tacv2", "19:security@thread.tacv2", Administrator, DateTimeOffset.UtcNow), default);
        await SaveProfileAsync("alingsas");
        var card = await AskAsync(Unsure);
        var none = Actions(card).Single(a => a["verb"]?.GetValue<string>() == GuidanceVerbs.NoneOfThese);

        var response = await _app.PostActivityAsync(_member.Execute(GuidanceVerbs.NoneOfThese, none["data"]!.DeepClone().AsObject()));

        var thanks = CardJson.TextOf(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]);
        Assert.Contains("Din fråga går vidare till säkerhetsenheten", thanks, StringComparison.Ordinal);
        Assert.Contains("Fråga Säkerhetsenheten", thanks, StringComparison.Ordinal);
        Assert.Contains("Rapportera en händelse", thanks, StringComparison.Ordinal);
        Assert.Empty(_learning.Candidates);

        _connector.Clear();
        var channel = new Activities(_connector.ServiceUrl) { UserAadObjectId = Administrator, ConversationId = "19:security@thread.tacv2" };
        await _app.PostActivityAsync(channel.ChannelMessage("obesvarade frågor"));
        var list = CardJson.TextOf(CardJson.CardOf((await _connector.WaitForMessageAsync()).Body!));
        Assert.Contains("Obesvarade frågor: Alingsås kommun", list, StringComparison.Ordinal);
        Assert.Contains(Unsure, list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Unsure)]
    [InlineData("hur byter jag lösenord i teams?")]
    public async Task BrowseYourself_FromAnUnsureCard_ThePassageOpenedIsRecordedAsTheQuestionsCandidate(string question)
    {
        await SaveProfileAsync("stockholm");
        var card = await AskAsync(question);
        var browse = Actions(card).Single(a => a["verb"]?.GetValue<string>() == Browse.BrowseVerbs.Browse);
        Assert.Equal("Leta själv bland ämnena", browse["title"]!.GetValue<string>());

        var passageId = await BrowseToAPassageAsync(browse["data"]!.DeepClone().AsObject());

        var (organisation, asked, found) = Assert.Single(_learning.Candidates);
        Assert.Equal(("stockholm", question, passageId), (organisation, asked, found));
    }

    [Fact]
    public async Task BrowseYourself_AfterNoneOfThese_ThePassageOpenedIsRecordedOnce()
    {
        await SaveProfileAsync("stockholm");
        var card = await AskAsync(Unsure);
        var none = Actions(card).Single(a => a["verb"]?.GetValue<string>() == GuidanceVerbs.NoneOfThese);
        var thanks = JsonNode.Parse(await (await _app.PostActivityAsync(_member.Execute(GuidanceVerbs.NoneOfThese, none["data"]!.DeepClone().AsObject()))).Content.ReadAsStringAsync())!["value"];
        var browse = Actions(thanks).Single(a => a["verb"]?.GetValue<string>() == Browse.BrowseVerbs.Browse);

        var passageId = await BrowseToAPassageAsync(browse["data"]!.DeepClone().AsObject());
        await BrowseToAPassageAsync([]);

        var (_, asked, found) = Assert.Single(_learning.Candidates);
        Assert.Equal((Unsure, passageId), (asked, found));
    }

    [Theory]
    [InlineData("suggest-00000000000000000000000000000000")]
    [InlineData("answer-card")]
    public async Task BrowseYourself_ACardIdTheBotNeverGave_BrowsesButRecordsNothing(string cardId)
    {
        await SaveProfileAsync("stockholm");

        await BrowseToAPassageAsync(new JsonObject { ["card"] = cardId });

        Assert.Empty(_learning.Candidates);
    }

    /// <summary>"Leta själv" (or "vägledningen") with <paramref name="data"/>, then the first topic and its first passage: the passage's id.</summary>
    private async Task<string> BrowseToAPassageAsync(JsonObject data)
    {
        var topics = await ExecuteAsync(Browse.BrowseVerbs.Browse, data);
        Assert.StartsWith("Vägledningen", CardJson.TextOf(topics).TrimStart(), StringComparison.Ordinal);
        var topic = Actions(topics).First(a => a["verb"]?.GetValue<string>() == Browse.BrowseVerbs.Browse);
        var passages = await ExecuteAsync(Browse.BrowseVerbs.Browse, topic["data"]!.DeepClone().AsObject());
        var open = Actions(passages).First(a => a["verb"]?.GetValue<string>() == Browse.BrowseVerbs.Open);
        var answer = await ExecuteAsync(Browse.BrowseVerbs.Open, open["data"]!.DeepClone().AsObject());
        Assert.Contains("Det här säger vägledningen", CardJson.TextOf(answer), StringComparison.Ordinal);
        return open["data"]!["passage"]!.GetValue<string>();
    }

    private async Task<JsonNode> ExecuteAsync(string verb, JsonObject data)
    {
        var response = await _app.PostActivityAsync(_member.Execute(verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;
    }

    private async Task<JsonNode> AskAsync(string text)
    {
        _connector.Clear();
        var response = await _app.PostActivityAsync(_member.Message(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await _connector.WaitForMessageAsync();
        return CardJson.CardOf(sent.Body!) ?? throw new Xunit.Sdk.XunitException($"expected a card, got: {sent.Body!["text"]}");
    }

    /// <summary>The welcome card's "Ställ en fråga" with the question: every question reaches the guidance this way.</summary>
    private async Task<JsonNode> AskWithButtonAsync(string question)
    {
        var response = await _app.PostActivityAsync(_member.Execute(GuidanceVerbs.Ask, new JsonObject { ["question"] = question }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;
    }

    private async Task SaveProfileAsync(string organisation)
    {
        var saved = await _app.PostActivityAsync(_member.Execute("profile.save", new JsonObject
        {
            ["organisation"] = organisation,
            ["party"] = "Socialdemokraterna",
            ["role"] = "fritidspolitiker",
            ["bodies"] = "ks",
            ["phone"] = "",
        }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    private static IEnumerable<JsonNode> Actions(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" => [o],
        JsonObject o => o.SelectMany(p => Actions(p.Value)),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };

    /// <summary>The learning port as <c>browse</c> implements it, reduced to what these tests observe.</summary>
    private sealed class RecordingLearning : IGuidanceLearning
    {
        public List<(string Organisation, string Question, string PassageId)> Candidates { get; } = [];

        public Task RecordCandidateAsync(string organisationId, string question, string passageId, CancellationToken cancellationToken)
        {
            lock (Candidates)
            {
                Candidates.Add((organisationId, question, passageId));
            }

            return Task.CompletedTask;
        }

        public bool IsRejected(string? organisationId, string question, string passageId) => false;
    }
}
