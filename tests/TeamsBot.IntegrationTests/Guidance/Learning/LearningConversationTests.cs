using System.Net;
using System.Text.Json.Nodes;
using Trygg.Testing;

namespace Trygg.Guidance.Learning;

/// <summary>
/// Learning approved by people, through /api/messages on Azurite: a candidate (kept through the port, as a tapped
/// suggestion keeps it) is listed by "förslag" in the security channel, Godkänn makes the question answered without a
/// restart, on a second instance too, Avvisa stops it, and only an administrator there may decide.
/// </summary>
public sealed class LearningConversationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    // Alex Wilber administers every shipped profile; Lynne Robbins is Alingsås security staff but no administrator.
    private const string Administrator = "00000000-0000-0000-0000-0000000000020";
    private const string StaffNotAdministrator = "00000000-0000-0000-0000-0000000000024";
    private const string SecurityChannelId = "19:security@thread.tacv2";
    private const string Question = "får kommunen stå för kostnaden för ett hemlarm";

    private static readonly Dictionary<string, string?> FastPoll = new() { ["Guidance:Learning:PollInterval"] = "00:00:00.500" };

    private TryggBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await TryggBot.StartAsync(azurite, FastPoll);
        await _bot.RegisterSecurityChannelAsync(Administrator);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Forslag_ListsTheCandidate_GodkannAnswersTheSameQuestionConfidently_WithoutARestart()
    {
        await SaveProfileAsync(_bot.Activities, "alingsas");
        Assert.Contains("Jag hittar inget om det i vägledningen", await AskAsync(Question), StringComparison.Ordinal);
        var passage = await RecordCandidateAsync();

        var list = await WriteInChannelAsync(Administrator, "förslag");
        Assert.Contains("Förslag: Alingsås kommun", CardJson.TextOf(list), StringComparison.Ordinal);
        Assert.Contains(Question, CardJson.TextOf(list), StringComparison.Ordinal);
        var approve = Presses(list, "guidance.approve").Single();

        var after = await PressInChannelAsync(Administrator, "guidance.approve", approve);

        Assert.Contains("Godkänt", CardJson.TextOf(after["value"]), StringComparison.Ordinal);
        Assert.Contains("Inga förslag just nu", CardJson.TextOf(after["value"]), StringComparison.Ordinal);
        await WaitUntilAsync(() => Answered(_bot.App, "alingsas"), TimeSpan.FromMinutes(1)); // learned in the background, not on the approving turn
        var answer = await AskAsync(Question);
        Assert.Contains("Det här säger vägledningen", answer, StringComparison.Ordinal);
        Assert.Contains(passage.Heading, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Godkann_InAlingsas_AnAlingsasMemberIsAnsweredFromIt_AGoteborgMemberAskingTheSameIsNot()
    {
        var alingsas = _bot.Activities;
        var goteborg = new Activities(_bot.Activities.ServiceUrl);
        await SaveProfileAsync(alingsas, "alingsas");
        await SaveProfileAsync(goteborg, "goteborg");
        await RecordCandidateAsync();
        var approve = Presses(await WriteInChannelAsync(Administrator, "förslag"), "guidance.approve").Single();

        await PressInChannelAsync(Administrator, "guidance.approve", approve);
        await WaitUntilAsync(() => Answered(_bot.App, "alingsas"), TimeSpan.FromMinutes(1));

        Assert.Contains("Det här säger vägledningen", await AskAsync(Question, alingsas), StringComparison.Ordinal);
        Assert.DoesNotContain("Det här säger vägledningen", await AskAsync(Question, goteborg), StringComparison.Ordinal);
        Assert.Empty(await _bot.App.Get<GuidanceLearning>().CandidatesAsync("goteborg", 10, default));
        Assert.Equal(0, (await _bot.App.Get<GuidanceLearning>().ExportAsync("goteborg", default)).Questions);
    }

    [Fact]
    public async Task Godkann_ASecondInstanceOnTheSameTables_AnswersWithinAMinute_AndARestartKeepsIt()
    {
        await SaveProfileAsync(_bot.Activities, "alingsas");
        await RecordCandidateAsync();
        using var second = new TryggApp(azurite.ConnectionString, _bot.Connector.ServiceUrl, _bot.App.TablePrefix, FastPoll);
        Assert.False(Answered(second, "alingsas"));
        var approve = Presses(await WriteInChannelAsync(Administrator, "förslag"), "guidance.approve").Single();

        await PressInChannelAsync(Administrator, "guidance.approve", approve);

        await WaitUntilAsync(() => Answered(second, "alingsas"), TimeSpan.FromMinutes(1));
        _bot.Connector.Clear();
        await second.PostActivityAsync(_bot.Activities.Message(Question));
        Assert.Contains("Det här säger vägledningen", CardJson.TextOf(CardJson.CardOf((await _bot.Connector.WaitForMessageAsync()).Body!)), StringComparison.Ordinal);

        _bot.Restart();
        await WaitUntilAsync(() => Answered(_bot.App, "alingsas"), TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData(StaffNotAdministrator, true)]
    [InlineData(Administrator, false)]
    public async Task Godkann_NotAnAdministratorInTheSecurityChannel_Refused_AndTheCandidateStays(string who, bool inChannel)
    {
        var passage = await RecordCandidateAsync();
        var data = new JsonObject { ["key"] = LearnedPair.KeyOf(Question, passage.Id) };

        var response = inChannel
            ? await PressInChannelAsync(who, "guidance.approve", data)
            : JsonNode.Parse(await (await _bot.PostAsync(new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = who }.Execute("guidance.approve", data))).Content.ReadAsStringAsync())!;

        Assert.Contains("bara säkerhetsenhetens administratörer", response["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await _bot.App.Get<ILearnedPairStore>().ListCandidatesAsync("alingsas", 10, default));
        Assert.False(Answered(_bot.App, "alingsas"));
    }

    [Fact]
    public async Task Avvisa_ThePassageIsNotSuggestedForThatQuestionAgain_AndNothingIsLearned()
    {
        var passage = await RecordCandidateAsync();
        var reject = Presses(await WriteInChannelAsync(Administrator, "förslag"), "guidance.reject").Single();

        var after = await PressInChannelAsync(Administrator, "guidance.reject", reject);

        Assert.Contains("Avvisat", CardJson.TextOf(after["value"]), StringComparison.Ordinal);
        Assert.True(_bot.App.Get<IGuidanceLearning>().IsRejected("alingsas", Question, passage.Id));
        Assert.Empty(await _bot.App.Get<ILearnedPairStore>().ListCandidatesAsync("alingsas", 10, default));
        Assert.Contains("Jag hittar inget om det i vägledningen", await AskAsync(Question), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnansweredQuestion_LinkedToOneOfItsFiveBestPassages_IsAnsweredWithIt_AndExportsAsAQuestionsFile()
    {
        await SaveProfileAsync(_bot.Activities, "alingsas");
        var card = CardJson.CardOf(await AskForCardAsync("vem beslutar om åtkomstskydd för min anmälan"))!;
        var no = Presses(card, "guidance.feedback").First(d => d["helpful"]?.GetValue<string>() == "no");
        await _bot.PostAsync(_bot.Activities.Execute("guidance.feedback", no.DeepClone().AsObject()));
        var unanswered = await WriteInChannelAsync(Administrator, "obesvarade frågor");
        var link = Presses(unanswered, "guidance.link").Single();

        var choices = (await PressInChannelAsync(Administrator, "guidance.link", link))["value"]!;
        var offered = Presses(choices, "guidance.linkto").ToList();
        Assert.InRange(offered.Count, 2, 5);
        var chosen = offered[^1];
        var linked = await PressInChannelAsync(Administrator, "guidance.linkto", chosen);

        Assert.Contains("Kopplat", linked["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var passage = _bot.App.Get<GuidanceIndex>().Find(chosen["passage"]!.GetValue<string>())!;
        await WaitUntilAsync(() => _bot.App.Get<LearnedIndexes>().Organisations.Contains("alingsas"), TimeSpan.FromMinutes(1));
        var answer = _bot.App.Get<GuidanceSearch>().Search("vem beslutar om åtkomstskydd för min anmälan", null, organisationId: "alingsas");
        Assert.Equal(passage.Id, answer.Hits[0].Passage.Id);

        var list = await WriteInChannelAsync(Administrator, "förslag");
        var admin = new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = Administrator };
        var export = Presses(list, "guidance.export").Single();
        await PressInChannelAsync(Administrator, "guidance.export", export);
        var file = await _bot.AcceptOfferedFileAsync(admin, ".questions");
        Assert.NotNull(file);
        Assert.Contains("vem beslutar om åtkomstskydd för min anmälan", file, StringComparison.Ordinal);
        Assert.Contains($"# {Path.ChangeExtension(passage.DocumentId, ".questions")}", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnansweredQuestion_LinkedByBrowsingTheTopics_ToAPassageNotAmongItsFiveBest_IsAnsweredWithIt()
    {
        const string Asked = "vem beslutar om åtkomstskydd för min anmälan";
        var link = await UnansweredEntryAsync(Asked);
        var fiveBest = Presses((await PressInChannelAsync(Administrator, "guidance.link", link))["value"]!, "guidance.linkto")
            .Select(d => d["passage"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var browse = Presses((await PressInChannelAsync(Administrator, "guidance.link", link))["value"]!, "guidance.linkbrowse").Single();

        var topics = (await PressInChannelAsync(Administrator, "guidance.linkbrowse", browse))["value"]!;
        Assert.Contains("Välj ämnet som frågan handlar om", CardJson.TextOf(topics), StringComparison.Ordinal);
        JsonNode? chosen = null;
        foreach (var topic in Presses(topics, "guidance.linkbrowse").Where(d => d["topic"] is not null))
        {
            var passages = (await PressInChannelAsync(Administrator, "guidance.linkbrowse", topic))["value"]!;
            Assert.Contains(Asked, CardJson.TextOf(passages), StringComparison.Ordinal); // the card says which question is being linked
            chosen = Presses(passages, "guidance.linkto").FirstOrDefault(d => !fiveBest.Contains(d["passage"]!.GetValue<string>()));
            if (chosen is not null)
            {
                break;
            }
        }

        Assert.NotNull(chosen);
        var linked = await PressInChannelAsync(Administrator, "guidance.linkto", chosen);

        Assert.Contains("Kopplat", linked["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var passage = _bot.App.Get<GuidanceIndex>().Find(chosen["passage"]!.GetValue<string>())!;
        await WaitUntilAsync(() => _bot.App.Get<GuidanceSearch>().Search(Asked, null, organisationId: "alingsas").Hits is [var first, ..] && first.Passage.Id == passage.Id, TimeSpan.FromMinutes(1));
        var answer = await AskAsync(Asked);
        Assert.Contains("Det här säger vägledningen", answer, StringComparison.Ordinal);
        Assert.Contains(passage.Heading, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("guidance.linkbrowse")]
    [InlineData("guidance.linkto")]
    public async Task LinkByBrowsing_NotAnAdministrator_Refused_AndNothingIsLinked(string verb)
    {
        var link = await UnansweredEntryAsync("vem beslutar om åtkomstskydd för min anmälan");
        var passage = _bot.App.Get<GuidanceIndex>().Passages[0];
        var data = new JsonObject { ["card"] = link["card"]!.GetValue<string>(), ["passage"] = passage.Id, ["topic"] = _bot.App.Get<Browse.GuidanceTopics>().All[0].Id };

        var response = await PressInChannelAsync(StaffNotAdministrator, verb, data);

        Assert.Contains("bara säkerhetsenhetens administratörer", response["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(await _bot.App.Get<ILearnedPairStore>().ListDecidedAsync(default), p => p.PassageId == passage.Id);
    }

    /// <summary>A member answers "Nej" to a question; the administrator lists "obesvarade frågor" and gets the entry's link data.</summary>
    private async Task<JsonNode> UnansweredEntryAsync(string question)
    {
        await SaveProfileAsync(_bot.Activities, "alingsas");
        var card = CardJson.CardOf(await AskForCardAsync(question))!;
        var no = Presses(card, "guidance.feedback").First(d => d["helpful"]?.GetValue<string>() == "no");
        await _bot.PostAsync(_bot.Activities.Execute("guidance.feedback", no.DeepClone().AsObject()));
        return Presses(await WriteInChannelAsync(Administrator, "obesvarade frågor"), "guidance.link").Single();
    }

    private async Task<GuidancePassage> RecordCandidateAsync()
    {
        var passage = _bot.App.Get<GuidanceIndex>().Passages.First(p => p.Text.Contains("vara förberedd på hur hotfulla situationer", StringComparison.Ordinal));
        await _bot.App.Get<IGuidanceLearning>().RecordCandidateAsync("alingsas", Question, passage.Id, default);
        return passage;
    }

    private static bool Answered(TryggApp app, string organisationId) =>
        app.Get<GuidanceSearch>().Search(Question, null, organisationId: organisationId).Answered;

    private async Task SaveProfileAsync(Activities member, string organisationId)
    {
        var saved = await _bot.PostAsync(member.Execute("profile.save", new JsonObject
        {
            ["organisation"] = organisationId, ["party"] = "Socialdemokraterna", ["role"] = "fritidspolitiker", ["bodies"] = "ks", ["phone"] = "",
        }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    private async Task<string> AskAsync(string question, Activities? member = null) => CardJson.TextOf(CardJson.CardOf(await AskForCardAsync(question, member)));

    private async Task<JsonNode> AskForCardAsync(string question, Activities? member = null)
    {
        _bot.Connector.Clear();
        Assert.Equal(HttpStatusCode.OK, (await _bot.PostAsync((member ?? _bot.Activities).Message(question))).StatusCode);
        return (await _bot.Connector.WaitForMessageAsync()).Body!;
    }

    private async Task<JsonNode> WriteInChannelAsync(string who, string text)
    {
        _bot.Connector.Clear();
        var channel = new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = who, ConversationId = SecurityChannelId };
        await _bot.PostAsync(channel.ChannelMessage(text));
        return CardJson.CardOf((await _bot.Connector.WaitForMessageAsync()).Body!) ?? throw new Xunit.Sdk.XunitException("expected a card");
    }

    private async Task<JsonNode> PressInChannelAsync(string who, string verb, JsonNode data)
    {
        var press = Activities.InChannel(new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = who }.Execute(verb, data.DeepClone().AsObject()), SecurityChannelId, who, "Someone");
        var response = await _bot.PostAsync(press);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(200, cancel.Token);
        }
    }

    private static IEnumerable<JsonNode> Presses(JsonNode card, string verb) =>
        CardJson.Objects(card)
            .Where(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb)
            .Select(o => o["data"]!);
}
