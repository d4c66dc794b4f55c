using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Fakes;
using Trygg.Guidance.Learning;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Texts;

namespace Trygg.Guidance;

public sealed class GuidanceActionsTests : IDisposable
{
    private const string AdminId = "0b6f7c1e-admin";

    private readonly GuidanceIndex _index = new(GuidanceCorpus.Load(GuidanceOptions.DefaultCorpusPath));
    private readonly InMemoryMemberProfileStore _profileStore = new();
    private readonly InMemoryFeedbackStore _feedback = new();
    private readonly InMemorySecurityChannels _channels = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingLearning _learning = new();
    private readonly GuidanceActions _actions;

    public GuidanceActionsTests()
    {
        var organisations = new OrganisationDirectory(
        [
            Organisation("alingsas", "Alingsås kommun", "Säkerhetsenheten", admins: [AdminId]),
            Organisation("goteborg", "Göteborgs Stad", "Säkerhet och beredskap", admins: []),
        ]);
        _actions = new GuidanceActions(
            new GuidanceSearch(_index), _index, new GuidanceCards(new CardRenderer(), _index), new MemberProfiles(_profileStore),
            organisations, _feedback, _channels, new InMemoryStateStore(), new Trygg.Organisations.Calendar.OfficeCalendar(), _time, NullLogger<GuidanceActions>.Instance, _learning);
    }

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Ask_ClearQuestion_AnswersWithThePassageAndItsSource()
    {
        var card = await AskAsync("vem beslutar om åtkomstskydd för min anmälan");

        var text = Text(card);
        Assert.Contains("Det här säger vägledningen", text, StringComparison.Ordinal);
        Assert.Contains("förundersökningsledaren", text, StringComparison.Ordinal);
        Assert.Contains("Avsnitt:", text, StringComparison.Ordinal);
        Assert.Contains("Fick du svar?", text, StringComparison.Ordinal);
        Assert.Contains("**", text, StringComparison.Ordinal); // the key sentence stands out
        Assert.Single(Regex.Matches(text, "Rutin för förtroendevalda vid hot")); // the source line once per card
    }

    [Fact]
    public async Task Ask_UnsureQuestion_SuggestsChoicesThatDoNotReadAsAnAnswer()
    {
        var card = await AskAsync("hur polisanmäler jag?");

        var text = Text(card);
        Assert.Contains("Menade du något av det här?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Det här säger vägledningen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fick du svar?", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 120, line)); // titles, never a passage's text
        var choices = Actions(card).Where(a => a["verb"]?.GetValue<string>() == GuidanceVerbs.Choose).ToList();
        Assert.InRange(choices.Count, 2, GuidanceSearch.MaxSuggestions);
        Assert.Contains(choices, c => c["title"]!.GetValue<string>().StartsWith("Polisanmälan och rapportering: ", StringComparison.Ordinal));
        Assert.Single(Actions(card), a => a["verb"]?.GetValue<string>() == GuidanceVerbs.NoneOfThese && a["title"]?.GetValue<string>() == "Inget av detta");
        Assert.All(choices, c => Assert.Equal(["card", "choice"], c["data"]!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task Choose_ASuggestion_ShowsItsAnswerCard_AndRecordsTheCandidateWithoutIdentity()
    {
        _profileStore.Profiles[new MemberKey("t", "aad-member")] = Profile("alingsas");
        var card = await AskAsync("hur polisanmäler jag?");
        var tapped = Actions(card).First(a => a["verb"]?.GetValue<string>() == GuidanceVerbs.Choose && a["title"]!.GetValue<string>().StartsWith("Polisanmälan och rapportering", StringComparison.Ordinal));
        var replies = new TurnReplies();

        await _actions.HandleAsync(TurnWith(GuidanceVerbs.Choose, Data(tapped), TurnKind.CardExecute), replies, default);

        var answer = JsonNode.Parse(Assert.IsType<ExecuteResult.ReplaceCard>(replies.ExecuteResult).Value.Json)!;
        Assert.Contains("Det här säger vägledningen", Text(answer), StringComparison.Ordinal);
        Assert.Contains("Fick du svar?", Text(answer), StringComparison.Ordinal);
        var (organisation, question, passageId) = Assert.Single(_learning.Candidates);
        Assert.Equal(("alingsas", "hur polisanmäler jag?"), (organisation, question));
        Assert.Contains(_index.Find(passageId)!.Text[..30], Text(answer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("answer-card-id", "0")] // an answer card's id: a choice names only what was suggested
    [InlineData(null, "7")] // beyond the suggestions
    public async Task Choose_NotASuggestionShown_RecordsNothing(string? card, string choice)
    {
        _profileStore.Profiles[new MemberKey("t", "aad-member")] = Profile("alingsas");
        var suggested = Data(Actions(await AskAsync("hur polisanmäler jag?")).First(a => a["verb"]?.GetValue<string>() == GuidanceVerbs.Choose));
        var replies = new TurnReplies();

        await _actions.HandleAsync(TurnWith(GuidanceVerbs.Choose, new() { ["card"] = card ?? suggested["card"], ["choice"] = choice }, TurnKind.CardExecute), replies, default);

        Assert.IsNotType<ExecuteResult.ReplaceCard>(replies.ExecuteResult);
        Assert.Empty(_learning.Candidates);
    }

    [Fact]
    public async Task Ask_RejectedPair_IsNotSuggestedAgain()
    {
        var before = Actions(await AskAsync("hur polisanmäler jag?")).Where(a => a["verb"]?.GetValue<string>() == GuidanceVerbs.Choose).Select(a => a["title"]!.GetValue<string>()).ToList();
        var first = _feedback.Answers.Single().PassageIds[0];
        _learning.Rejected.Add(("hur polisanmäler jag?", first));

        var after = Actions(await AskAsync("hur polisanmäler jag?")).Where(a => a["verb"]?.GetValue<string>() == GuidanceVerbs.Choose).Select(a => a["title"]!.GetValue<string>()).ToList();

        Assert.DoesNotContain(before[0], after);
        Assert.DoesNotContain(first, _feedback.Answers[^1].PassageIds);
    }

    [Fact]
    public async Task NoneOfThese_StoredLikeANo_AndShowsTheSecurityUnitAndTheReport()
    {
        _profileStore.Profiles[new MemberKey("t", "aad-member")] = Profile("alingsas");
        var none = Actions(await AskAsync("hur polisanmäler jag?")).Single(a => a["verb"]?.GetValue<string>() == GuidanceVerbs.NoneOfThese);
        var replies = new TurnReplies();

        await _actions.HandleAsync(TurnWith(GuidanceVerbs.NoneOfThese, Data(none), TurnKind.CardExecute), replies, default);

        var saved = Assert.Single(_feedback.Saved);
        Assert.Equal(("hur polisanmäler jag?", false, "alingsas"), (saved.Question, saved.Helpful, saved.OrganisationId));
        var card = JsonNode.Parse(Assert.IsType<ExecuteResult.ReplaceCard>(replies.ExecuteResult).Value.Json)!;
        Assert.Contains("Fråga Säkerhetsenheten", Text(card), StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"reporting.start\"", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_learning.Candidates);
    }

    [Fact]
    public async Task Ask_DocumentWithAddress_LinksToIt_WithoutAddress_SaysSo()
    {
        var göteborg = await AskAsync("vem ska jag kontakta om jag sitter i en nämnd i göteborg och blir hotad");
        var alingsås = await AskAsync("vem beslutar om åtkomstskydd för min anmälan");

        Assert.Contains("https://goteborg.se/", OpenUrl(göteborg), StringComparison.Ordinal);
        Assert.Null(OpenUrl(alingsås));
        Assert.Contains("Webbadress saknas.", Text(alingsås), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NationalPassage_IsLabelledNational()
    {
        var card = await AskAsync("vilket nummer har brottsofferjouren");

        Assert.Contains("Nationell vägledning, gäller alla kommuner", Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_MemberOfAMunicipality_OwnDocumentsFirst_OthersLabelled()
    {
        const string question = "vem ska jag kontakta om jag sitter i en nämnd och blir hotad";
        _profileStore.Profiles[new MemberKey("t", "aad-member")] = Profile("alingsas");
        var alingsås = Text(await AskAsync(question));
        _profileStore.Profiles[new MemberKey("t", "aad-member")] = Profile("goteborg");

        var göteborg = Text(await AskAsync(question));

        Assert.Contains("Din kommuns rutin", göteborg, StringComparison.Ordinal);
        Assert.Contains("Göteborgs Stad: Ansvar och roller", göteborg.Split("Läs också")[0], StringComparison.Ordinal);
        Assert.True(alingsås.Contains("Din kommun kan göra på ett annat sätt", StringComparison.Ordinal) || alingsås.Contains("Menade du", StringComparison.Ordinal), alingsås);
    }

    [Fact]
    public async Task Ask_OutOfScope_DontKnowCard_NamesTheSecurityUnit_AndStillOffersAReportAndTheContacts()
    {
        _profileStore.Profiles[new MemberKey("t", "aad-member")] = Profile("alingsas");

        var card = await AskAsync("vad blir det för väder imorgon");

        // No dead end: every unclaimed message reaches this card, so it always offers a report and whom to call, but
        // only asks "Har något hänt?" when the question sounds like something happened.
        var text = Text(card);
        Assert.Contains("Jag hittar inget om det i vägledningen", text, StringComparison.Ordinal);
        Assert.Contains("Fråga Säkerhetsenheten", text, StringComparison.Ordinal);
        Assert.Contains("Rapportera en händelse", text, StringComparison.Ordinal);
        Assert.Contains("Vem kontaktar jag?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Har något hänt?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fick du svar?", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OutOfScopeButSomethingHappened_OffersTheReportStart()
    {
        var card = await AskAsync("någon la en död fågel i min brevlåda igår, vad betyder det");

        Assert.Contains("Rapportera en händelse", Text(card), StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"reporting.start\"", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_English_EnglishChrome_PassageStaysSwedish()
    {
        var card = await AskAsync("who decides about access protection", Language.English);

        var text = Text(card);
        Assert.Contains("What the guidance says", text, StringComparison.Ordinal);
        Assert.Contains("quoted as written", text, StringComparison.Ordinal);
        Assert.Contains("Did this answer your question?", text, StringComparison.Ordinal);
        Assert.Contains("förundersökningsledaren", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NoQuestion_AsksForIt()
    {
        var replies = new TurnReplies();

        await _actions.HandleAsync(TurnWith(GuidanceVerbs.Ask, []), replies, default);

        var reply = Assert.IsType<Reply.Text>(Assert.Single(replies.Replies));
        Assert.Contains("Skriv din fråga", reply.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no", false)]
    [InlineData("yes", true)]
    public async Task Feedback_Stored_WithoutIdentity_AndTheCardSaysThanks(string pressed, bool helpful)
    {
        _profileStore.Profiles[new MemberKey("t", "aad-member")] = Profile("alingsas");
        var data = FeedbackData(await AskAsync("vem beslutar om åtkomstskydd för min anmälan"), pressed);
        var replies = new TurnReplies();
        _time.Advance(TimeSpan.FromMinutes(2));

        await _actions.HandleAsync(TurnWith(GuidanceVerbs.Feedback, data, TurnKind.CardExecute), replies, default);

        var saved = Assert.Single(_feedback.Saved);
        Assert.Equal(helpful, saved.Helpful);
        Assert.Equal("vem beslutar om åtkomstskydd för min anmälan", saved.Question);
        Assert.Equal(("t", "alingsas"), (saved.TenantId, saved.OrganisationId));
        Assert.StartsWith("alingsas-rutin-hot-hat-vald:", saved.AnswerId, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow().AddMinutes(-2), saved.AnsweredAt);
        Assert.Equal(_time.GetUtcNow(), saved.At);
        Assert.DoesNotContain("aad-member", System.Text.Json.JsonSerializer.Serialize(saved), StringComparison.Ordinal);
        var card = JsonNode.Parse(Assert.IsType<ExecuteResult.ReplaceCard>(replies.ExecuteResult).Value.Json)!;
        Assert.Contains(helpful ? "Tack! Skönt att det hjälpte." : "Frågan går vidare", Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain("guidance.feedback", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_No_NamesTheNumberToCallNowWithATapToCallButton()
    {
        _profileStore.Profiles[new MemberKey("t", "aad-member")] = Profile("alingsas");
        var data = FeedbackData(await AskAsync("vem bestämmer om åtkomstskydd"), "no");
        var replies = new TurnReplies();

        await _actions.HandleAsync(TurnWith(GuidanceVerbs.Feedback, data, TurnKind.CardExecute), replies, default);

        var card = JsonNode.Parse(Assert.IsType<ExecuteResult.ReplaceCard>(replies.ExecuteResult).Value.Json)!;
        Assert.Contains("Behöver du svar nu: ring Säkerhetsenheten, +46 8 000 00 00.", Text(card), StringComparison.Ordinal);
        Assert.Matches("\"url\":\\s*\"tel:\\+4680000000\"", System.Text.RegularExpressions.Regex.Unescape(card.ToJsonString()));
        Assert.Contains("Ring +46 8 000 00 00", Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_WithoutItsData_FailsKindly()
    {
        var replies = new TurnReplies();

        await _actions.HandleAsync(TurnWith(GuidanceVerbs.Feedback, new() { ["helpful"] = "maybe" }, TurnKind.CardExecute), replies, default);

        Assert.IsType<ExecuteResult.Failure>(replies.ExecuteResult);
        Assert.Empty(_feedback.Saved);
    }

    [Fact]
    public async Task Unanswered_Administrator_SeesTheirOrganisationsNegativeQuestions()
    {
        _feedback.Saved.Add(new GuidanceFeedback("t", "alingsas", "c1", "får jag ha med min hund på mötet?", "x", false, _time.GetUtcNow(), _time.GetUtcNow()));
        _feedback.Saved.Add(new GuidanceFeedback("t", "goteborg", "c2", "en annan kommuns fråga", "x", false, _time.GetUtcNow(), _time.GetUtcNow()));
        var replies = new TurnReplies();

        _channels.Channels.Add(new SecurityChannel("t", "alingsas", "team", "19:sec@thread.tacv2", AdminId, _time.GetUtcNow()));

        await _actions.HandleAsync(InChannel(TurnWith(GuidanceVerbs.Unanswered, [], user: AdminId), "19:sec@thread.tacv2"), replies, default);

        var text = Text(JsonNode.Parse(Assert.IsType<Reply.Card>(Assert.Single(replies.Replies)).Value.Json)!);
        Assert.Contains("Obesvarade frågor: Alingsås kommun", text, StringComparison.Ordinal);
        Assert.Contains("får jag ha med min hund på mötet?", text, StringComparison.Ordinal);
        Assert.Contains("23 nov. 2026 10:00", text, StringComparison.Ordinal); // Stockholm time
        Assert.DoesNotContain("en annan kommuns fråga", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aad-member", "19:sec@thread.tacv2")]
    [InlineData(null, "19:sec@thread.tacv2")]
    [InlineData(AdminId, null)]
    [InlineData(AdminId, "19:other@thread.tacv2")]
    public async Task Unanswered_NotAnAdministratorInTheSecurityChannel_PoliteRefusal(string? user, string? channel)
    {
        _feedback.Saved.Add(new GuidanceFeedback("t", "alingsas", "c1", "hemlig fråga", "x", false, _time.GetUtcNow(), _time.GetUtcNow()));
        _channels.Channels.Add(new SecurityChannel("t", "alingsas", "team", "19:sec@thread.tacv2", AdminId, _time.GetUtcNow()));
        var replies = new TurnReplies();
        var turn = TurnWith(GuidanceVerbs.Unanswered, [], user: user);

        await _actions.HandleAsync(channel is null ? turn : InChannel(turn, channel), replies, default);

        var reply = Assert.IsType<Reply.Text>(Assert.Single(replies.Replies));
        Assert.Contains("bara säkerhetsenhetens administratörer", reply.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("hemlig fråga", reply.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alingsas", "Alingsås kommun", "alingsas")]
    [InlineData("gbg", "Göteborgs Stad", "goteborg")]
    [InlineData("sthlm", "Stockholms stad", "stockholm")]
    [InlineData("malmo", "Malmö stad", null)]
    public void MunicipalityOf_MapsTheOrganisationOntoTheCorpus(string id, string name, string? expected) =>
        Assert.Equal(expected, _actions.MunicipalityOf(Organisation(id, name, "Säk", admins: [])));

    private async Task<JsonNode> AskAsync(string question, Language language = Language.Swedish)
    {
        var replies = new TurnReplies();
        await _actions.HandleAsync(TurnWith(GuidanceVerbs.Ask, new() { ["question"] = question }, language: language), replies, default);
        return JsonNode.Parse(Assert.IsType<Reply.Card>(Assert.Single(replies.Replies)).Value.Json)!;
    }

    private static Turn TurnWith(
        string verb, Dictionary<string, string?> data, TurnKind kind = TurnKind.Message, Language language = Language.Swedish, string? user = "aad-member") =>
        new(kind, "t", "c", ConversationScope.Personal, new Participant("29:u", user, "Bo"), language, DateTimeOffset.UnixEpoch)
        {
            Action = new CardAction(verb, data),
        };

    private static Turn InChannel(Turn turn, string channelId) =>
        turn with { Scope = ConversationScope.Channel, ConversationId = channelId, ChannelId = channelId, TeamId = "team" };

    private static Dictionary<string, string?> FeedbackData(JsonNode card, string pressed)
    {
        var action = card.ToJsonString().Contains("guidance.feedback", StringComparison.Ordinal)
            ? Actions(card).First(a => a["data"]?["helpful"]?.GetValue<string>() == pressed)
            : throw new InvalidOperationException("no feedback buttons");
        return action["data"]!.AsObject().ToDictionary(p => p.Key, p => p.Value?.GetValue<string>());
    }

    private static Dictionary<string, string?> Data(JsonNode action) =>
        action["data"]!.AsObject().ToDictionary(p => p.Key, p => p.Value?.GetValue<string>());

    private static IEnumerable<JsonNode> Actions(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" => [o],
        JsonObject o => o.SelectMany(p => Actions(p.Value)),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };

    private static string? OpenUrl(JsonNode card) =>
        card.ToJsonString().Contains("Action.OpenUrl", StringComparison.Ordinal)
            ? card.ToJsonString().Split("\"url\":\"")[1].Split('"')[0]
            : null;

    private static string Text(JsonNode? node) => node switch
    {
        JsonObject o => string.Join('\n', o.Select(p => p.Key is "text" or "title" && p.Value is JsonValue v ? v.ToString() : Text(p.Value))),
        JsonArray a => string.Join('\n', a.Select(Text)),
        _ => string.Empty,
    };

    private static MemberProfile Profile(string organisationId) =>
        new(organisationId, "Socialdemokraterna", MemberRole.Fritidspolitiker, [], null, "Bo", null, DateTimeOffset.UnixEpoch);

    private static Organisation Organisation(string id, string name, string unit, IReadOnlyList<string> admins) =>
        new(id, name, "TRY", unit, ["Socialdemokraterna"], [])
        {
            Routing = new RoutingProfile(
                new SecurityChannelSetting("Säkerhet"),
                new OfficeHours(new TimeOnly(8, 0), new TimeOnly(16, 30), [DayOfWeek.Monday]),
                new OnCallContact("TiB", "+46 8 000 00 00", null),
                new StaffPerson("Säkerhetschef", "head"),
                [],
                [.. admins.Select(a => new StaffPerson("Admin", a))],
                [],
                new Dictionary<string, StaffPerson>(),
                false,
                [],
                new EscalationPolicy(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4), true),
                null),
        };

    private sealed class InMemoryFeedbackStore : IGuidanceFeedbackStore
    {
        public List<GuidanceFeedback> Saved { get; } = [];

        public List<GivenAnswer> Answers { get; } = [];

        public Task SaveAnswerAsync(GivenAnswer answer, CancellationToken cancellationToken)
        {
            Answers.Add(answer);
            return Task.CompletedTask;
        }

        public Task<GivenAnswer?> GetAnswerAsync(string tenantId, string organisationId, string cardId, CancellationToken cancellationToken) =>
            Task.FromResult(Answers.LastOrDefault(a => a.TenantId == tenantId && a.OrganisationId == organisationId && a.CardId == cardId));

        public Task SaveAsync(GuidanceFeedback feedback, CancellationToken cancellationToken)
        {
            Saved.RemoveAll(f => f.CardId == feedback.CardId && f.OrganisationId == feedback.OrganisationId);
            Saved.Add(feedback);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<GuidanceFeedback>> ListRecentNegativeAsync(string tenantId, string organisationId, int max, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<GuidanceFeedback>>(
                [.. Saved.Where(f => f.TenantId == tenantId && f.OrganisationId == organisationId && !f.Helpful).OrderByDescending(f => f.AnsweredAt).Take(max)]);
    }

    /// <summary>The learning port as <c>browse</c> implements it, reduced to what these tests observe.</summary>
    private sealed class RecordingLearning : IGuidanceLearning
    {
        public List<(string Organisation, string Question, string PassageId)> Candidates { get; } = [];

        public HashSet<(string Question, string PassageId)> Rejected { get; } = [];

        public Task RecordCandidateAsync(string organisationId, string question, string passageId, CancellationToken cancellationToken)
        {
            Candidates.Add((organisationId, question, passageId));
            return Task.CompletedTask;
        }

        public bool IsRejected(string? organisationId, string question, string passageId) => Rejected.Contains((question, passageId));
    }
}
