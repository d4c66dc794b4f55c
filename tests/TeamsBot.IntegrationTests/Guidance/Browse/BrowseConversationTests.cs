using System.Net;
using System.Text.Json.Nodes;
using Trygg.Guidance.Learning;
using Trygg.Testing;

namespace Trygg.Guidance.Browse;

/// <summary>Browsing the guidance through /api/messages into the real app (Azurite, fake Bot Connector).</summary>
public sealed class BrowseConversationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TryggBot _bot = null!;

    public async Task InitializeAsync() => _bot = await TryggBot.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Vagledningen_EveryPassage_IsAtMostThreeTapsAway_AndOpensAsTheAnswerCard()
    {
        var topics = await WriteAsync("vägledningen");
        Assert.Contains("Vägledningen", CardJson.TextOf(topics), StringComparison.Ordinal);
        Assert.Contains("Polisanmälan och rapportering", CardJson.TextOf(topics), StringComparison.Ordinal);

        var reached = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var topic in Presses(topics, "guidance.browse")) // tap 1: a topic
        {
            var passages = await PressAsync("guidance.browse", topic);
            Collect(passages, reached, taps: 2);
            foreach (var page in Presses(passages, "guidance.browse").Where(d => d["page"] is not null)) // tap 2: another page
            {
                Collect(await PressAsync("guidance.browse", page), reached, taps: 3);
            }
        }

        var index = _bot.App.Get<GuidanceIndex>();
        Assert.Equal(index.Passages.Select(p => p.Id).ToHashSet(StringComparer.Ordinal), reached.Keys.ToHashSet(StringComparer.Ordinal));
        var deepest = reached.MaxBy(r => r.Value);
        var answer = CardJson.TextOf(await PressAsync("guidance.passage", new JsonObject { ["passage"] = deepest.Key })); // the last tap
        Assert.Contains("Det här säger vägledningen", answer, StringComparison.Ordinal);
        Assert.Contains(index.Find(deepest.Key)!.Heading, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WelcomeButton_ShowsTheTopics_InEnglishForAnEnglishClient()
    {
        _bot.Activities = new Activities(_bot.Connector.ServiceUrl) { Locale = "en-US" };
        _bot.Connector.Clear();

        await _bot.PostAsync(_bot.Activities.Submit(new JsonObject { ["verb"] = "welcome.guidance" }));

        var text = CardJson.TextOf(CardJson.CardOf((await _bot.Connector.WaitForMessageAsync()).Body!));
        Assert.Contains("The guidance", text, StringComparison.Ordinal);
        Assert.Contains("Reporting to the police and the municipality", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoThenBrowse_ThePassageFound_IsKeptAsACandidateWithoutIdentity()
    {
        // Candidates are the organisation's, for its administrators: a member with no organisation leaves none.
        await PressAsync("profile.save", new JsonObject
        {
            ["organisation"] = "alingsas",
            ["party"] = "Socialdemokraterna",
            ["role"] = "fritidspolitiker",
            ["bodies"] = "ks",
            ["phone"] = "",
        });
        _bot.Connector.Clear();
        await _bot.PostAsync(_bot.Activities.Message("vem beslutar om åtkomstskydd för min anmälan"));
        var answer = CardJson.CardOf((await _bot.Connector.WaitForMessageAsync()).Body!)!;
        var no = Presses(answer, "guidance.feedback").First(d => d["helpful"]?.GetValue<string>() == "no");
        var thanks = CardJson.TextOf(await PressAsync("guidance.feedback", no));
        Assert.Contains("skriv ”vägledningen”", thanks, StringComparison.Ordinal);
        var found = _bot.App.Get<GuidanceIndex>().Passages.First(p => p.Section.EndsWith("5.1 Otillåten påverkan", StringComparison.Ordinal));

        await PressAsync("guidance.passage", new JsonObject { ["passage"] = found.Id });
        await PressAsync("guidance.passage", new JsonObject { ["passage"] = found.Id }); // the note is spent: counted once

        var candidate = Assert.Single(await _bot.App.Get<ILearnedPairStore>().ListCandidatesAsync("alingsas", 10, default));
        Assert.Equal("vem beslutar om åtkomstskydd för min anmälan", candidate.Question);
        Assert.Equal(found.Id, candidate.PassageId);
        Assert.Equal(1, candidate.Count);
        Assert.DoesNotContain(_bot.Activities.UserAadObjectId, System.Text.Json.JsonSerializer.Serialize(candidate), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowseWithoutNo_StoresNoCandidate()
    {
        var found = _bot.App.Get<GuidanceIndex>().Passages[0];

        var card = await PressAsync("guidance.passage", new JsonObject { ["passage"] = found.Id });

        Assert.Contains("Det här säger vägledningen", CardJson.TextOf(card), StringComparison.Ordinal);
        Assert.Empty(await _bot.App.Get<ILearnedPairStore>().ListCandidatesAsync("alingsas", 10, default));
    }

    [Fact]
    public async Task APassageTheCorpusLacks_SaysSoKindly()
    {
        var response = await _bot.PostAsync(_bot.Activities.Execute("guidance.passage", new JsonObject { ["passage"] = "gone:00000000" }));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("finns inte längre i vägledningen", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<JsonNode> WriteAsync(string text)
    {
        _bot.Connector.Clear();
        var response = await _bot.PostAsync(_bot.Activities.Message(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CardJson.CardOf((await _bot.Connector.WaitForMessageAsync()).Body!) ?? throw new Xunit.Sdk.XunitException("expected a card");
    }

    private async Task<JsonNode> PressAsync(string verb, JsonNode data)
    {
        var response = await _bot.PostAsync(_bot.Activities.Execute(verb, data.DeepClone().AsObject()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["value"]!;
    }

    /// <summary>Notes the passages a card offers, with the taps from the topics card it takes to open them (this card's press included).</summary>
    private static void Collect(JsonNode card, Dictionary<string, int> reached, int taps)
    {
        foreach (var passage in Presses(card, "guidance.passage"))
        {
            var id = passage["passage"]!.GetValue<string>();
            reached[id] = Math.Min(reached.GetValueOrDefault(id, int.MaxValue), taps);
        }

        Assert.All(reached.Values, t => Assert.True(t <= 3));
    }

    private static IEnumerable<JsonNode> Presses(JsonNode card, string verb) =>
        CardJson.Objects(card)
            .Where(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb)
            .Select(o => o["data"]!);
}
