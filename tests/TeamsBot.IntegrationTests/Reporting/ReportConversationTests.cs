using System.Net;
using System.Text.Json.Nodes;
using Trygg.Cases;
using Trygg.Testing;

namespace Trygg.Reporting;

/// <summary>The whole report conversation through /api/messages, with Azurite and the loopback connector.</summary>
public sealed class ReportConversationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TryggBot _bot = null!;

    public async Task InitializeAsync() => _bot = await TryggBot.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string Today => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<JsonNode> ExecuteAsync(string verb, JsonObject data, Activities? who = null)
    {
        var response = await _bot.PostAsync((who ?? _bot.Activities).Execute(verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return body["value"]!;
    }

    /// <summary>The member's own chat: a submitted report also sends cards elsewhere (the officers' 1:1 chats).</summary>
    private bool InThisChat(FakeConnectorRequest request) => request.ConversationId == _bot.Activities.ConversationId;

    /// <summary>The input for <paramref name="id"/>: its id on the card carries the render's tag ("place_w123").</summary>
    private static JsonNode? InputOf(JsonNode card, string id) =>
        card["body"]!.AsArray().FirstOrDefault(e => ((string?)e!["id"])?.Split('_')[0] == id);

    private static string DraftOf(JsonNode card) =>
        card.ToJsonString().Split("\"draft\":\"")[1].Split('"')[0];

    private async Task<string> StartReportAsync(Activities? who = null)
    {
        who ??= _bot.Activities;
        _bot.Connector.Clear();
        await _bot.PostAsync(who.Message("jag har blivit hotad"));
        var safety = CardJson.CardOf((await _bot.Connector.WaitForMessageAsync(InThisChat)).Body!)!;
        return DraftOf(safety);
    }

    private async Task<JsonNode> SaveProfileAsync(Activities? who = null) => await ExecuteAsync("profile.save", new JsonObject
    {
        ["organisation"] = "alingsas",
        ["party"] = "Socialdemokraterna",
        ["role"] = "fritidspolitiker",
        ["bodies"] = "ks",
        ["phone"] = "",
        ["next"] = "reporting.form",
    }, who);

    private static JsonObject StepOne(string draft, string description = "Någon skrev \"jag vet var du bor\" under mitt inlägg.") => new()
    {
        ["draft"] = draft,
        ["kind"] = "threat",
        ["date"] = Today,
        ["time"] = "00:05",
        ["place"] = "online",
        ["platform"] = "Instagram",
        ["assignment"] = "ks",
        ["description"] = description,
    };

    private static JsonObject StepTwo(string draft) => new()
    {
        ["draft"] = draft,
        ["perpetrator"] = "anonymousAccount",
        ["ongoing"] = "false",
        ["relatives"] = "false",
        ["injured"] = "false",
        ["evidence"] = "screenshots,links",
        ["police"] = "notYet",
        ["diary"] = "",
        ["contact"] = "teams",
    };

    [Fact]
    public async Task Next_WithErrors_EveryInputGetsANewUniqueId_AndTheNewIdsAreRead()
    {
        var draft = await StartReportAsync();
        await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        var first = await SaveProfileAsync();

        var step = StepOne(draft);
        step.Remove("place");
        var again = await ExecuteAsync("reporting.next", step);

        static List<string> Ids(JsonNode card) => [.. card["body"]!.AsArray().Select(e => (string?)e!["id"]).OfType<string>()];
        Assert.Contains("Välj ett alternativ.", CardJson.TextOf(again), StringComparison.Ordinal);
        Assert.Equal(Ids(again).Count, Ids(again).Distinct().Count());
        Assert.Empty(Ids(again).Intersect(Ids(first)));

        // "Var?" lists the places, never the assignments.
        var placeChoices = InputOf(again, "place")!["choices"]!.AsArray().Select(c => (string?)c!["value"]).ToList();
        Assert.Contains("online", placeChoices);
        Assert.DoesNotContain("ks", placeChoices);

        // The card's own ids and tag are what the next press sends; the form reads them.
        var tag = again.ToJsonString().Split("\"v\":\"")[1].Split('"')[0];
        var retry = new JsonObject { ["draft"] = draft, ["v"] = tag };
        foreach (var (key, value) in StepOne(draft))
        {
            if (key != "draft")
            {
                retry[key + tag] = value!.DeepClone();
            }
        }

        var files = await ExecuteAsync("reporting.next", retry);
        Assert.Contains("Har du skärmbilder eller filer?", CardJson.TextOf(files), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_DescriptionOverTheLimit_ComesBackWholeWithItsLengthAndTheLimit()
    {
        var draft = await StartReportAsync();
        await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        var form = await SaveProfileAsync();
        var input = InputOf(form, "description")!;
        Assert.Null(input["maxLength"]); // a client cuts at maxLength without a word: the limit is said instead
        Assert.Equal("Berätta vad som hände. Högst 4 000 tecken.", (string?)input["label"]);

        var text = string.Join(' ', Enumerable.Repeat("Han stod vid grinden igen, barnen sov.", 120));
        Assert.InRange(text.Length, 4001, ReportDraft.MaxKeptDescription);
        var what = await ExecuteAsync("reporting.next", StepOne(draft, text));

        Assert.Contains($"Texten är {text.Length} tecken. Högst 4 000 får plats.", CardJson.TextOf(what), StringComparison.Ordinal);
        Assert.Equal(text, (string?)InputOf(what, "description")?["value"]);
    }

    [Fact]
    public async Task Report_FromFirstWordsToReceipt()
    {
        // Safety first: the first answer is the question, with no form input anywhere.
        _bot.Connector.Clear();
        await _bot.PostAsync(_bot.Activities.Message("jag har blivit hotad"));
        var safety = CardJson.CardOf((await _bot.Connector.WaitForMessageAsync(InThisChat)).Body!)!;
        Assert.Contains("Är du i säkerhet just nu?", CardJson.TextOf(safety), StringComparison.Ordinal);
        Assert.DoesNotContain("Input.", safety.ToJsonString(), StringComparison.Ordinal);
        var draft = DraftOf(safety);

        // Safe -> the profile is asked once -> saving continues to the form.
        var profileCard = await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        Assert.Contains("Input.ChoiceSet", profileCard.ToJsonString(), StringComparison.Ordinal);
        var what = await SaveProfileAsync();
        Assert.Contains("Vad hände?", CardJson.TextOf(what), StringComparison.Ordinal);

        // The file step: optional, "Hoppa över" goes on without files.
        var files = await ExecuteAsync("reporting.next", StepOne(draft));
        Assert.Contains("Klistra in eller bifoga dem här i chatten", CardJson.TextOf(files), StringComparison.Ordinal);
        Assert.Contains("Hoppa över", CardJson.TextOf(files), StringComparison.Ordinal);
        Assert.DoesNotContain("bifogad", CardJson.TextOf(files), StringComparison.Ordinal);
        var more = await ExecuteAsync("reporting.files", new JsonObject { ["draft"] = draft });
        Assert.Contains("Lite mer om händelsen", CardJson.TextOf(more), StringComparison.Ordinal);
        Assert.Equal("Ska partiets säkerhetsansvarig, Megan Bowen, få veta?", (string?)InputOf(more, "informParty")?["label"]);
        Assert.Equal("true", (string?)InputOf(more, "informParty")?["value"]);

        var preview = await ExecuteAsync("reporting.preview", StepTwo(draft));
        var previewText = CardJson.TextOf(preview);
        Assert.Contains("Stämmer det här?", previewText, StringComparison.Ordinal);
        Assert.Contains("Rapporten går till\nSäkerhetsenheten, Alingsås kommun\nMegan Bowen – säkerhetsansvarig för Socialdemokraterna", previewText, StringComparison.Ordinal);
        Assert.Contains("jag vet var du bor", previewText, StringComparison.Ordinal);

        var receipt = await ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft });
        var receiptText = CardJson.TextOf(receipt);
        // Per recipient where it stands (no channel is registered here, so the unit's card waits; Megan's may be out already).
        Assert.Matches("Den går till:\n• Säkerhetsenheten, Alingsås kommun – skickas\n• Megan Bowen – säkerhetsansvarig för Socialdemokraterna – (skickas|framme)\n", receiptText);
        Assert.DoesNotContain("skickats", receiptText, StringComparison.Ordinal);
        Assert.Contains($"TRY-{DateTime.UtcNow.Year}-0001", receiptText, StringComparison.Ordinal);
        Assert.Contains("114 14", receiptText, StringComparison.Ordinal);
        Assert.Contains("åtkomstskydd", receiptText, StringComparison.Ordinal);
        Assert.Contains("skärmbilder", receiptText, StringComparison.Ordinal);
        Assert.DoesNotContain("akutmottagning", receiptText, StringComparison.Ordinal);

        // Mina rapporter shows it, without the report text.
        _bot.Connector.Clear();
        await _bot.PostAsync(_bot.Activities.Message("mina rapporter"));
        var mine = CardJson.TextOf(CardJson.CardOf((await _bot.Connector.WaitForMessageAsync(InThisChat)).Body!));
        Assert.Contains($"TRY-{DateTime.UtcNow.Year}-0001", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("jag vet var du bor", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartyQuestionAnsweredNo_PreviewAndReceiptLeaveThePartyOut_AndBackKeepsTheAnswer()
    {
        var draft = await StartReportAsync();
        await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        await SaveProfileAsync();
        await ExecuteAsync("reporting.next", StepOne(draft));
        JsonObject Answers()
        {
            var answers = StepTwo(draft);
            answers["informParty"] = "false";
            return answers;
        }

        var back = await ExecuteAsync("reporting.back", Answers());
        Assert.Contains("Vad hände?", CardJson.TextOf(back), StringComparison.Ordinal);
        await ExecuteAsync("reporting.next", StepOne(draft));
        var more = await ExecuteAsync("reporting.files", new JsonObject { ["draft"] = draft });
        Assert.Equal("false", (string?)InputOf(more, "informParty")?["value"]);
        var preview = CardJson.TextOf(await ExecuteAsync("reporting.preview", Answers()));
        var receipt = CardJson.TextOf(await ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }));

        Assert.Contains("Säkerhetsenheten, Alingsås kommun", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan Bowen", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan Bowen", receipt, StringComparison.Ordinal);
        var incident = Assert.Single(await _bot.App.Get<IIncidentStore>().ListForReporterAsync(Activities.TenantId, "alingsas", _bot.Activities.UserAadObjectId, default));
        var stored = await _bot.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", incident.CaseNumber, default);
        Assert.False(stored!.Details.InformParty);
        Assert.False(stored.Details.NotSafe);
    }

    [Fact]
    public async Task NotSafeFirst_ThenSafe_TheIncidentRemembersIt()
    {
        var draft = await StartReportAsync();
        await ExecuteAsync("reporting.unsafe", new JsonObject { ["draft"] = draft });
        await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        await SaveProfileAsync();
        await ExecuteAsync("reporting.next", StepOne(draft));
        await ExecuteAsync("reporting.preview", StepTwo(draft));

        await ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft });

        var incident = Assert.Single(await _bot.App.Get<IIncidentStore>().ListForReporterAsync(Activities.TenantId, "alingsas", _bot.Activities.UserAadObjectId, default));
        var stored = await _bot.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", incident.CaseNumber, default);
        Assert.True(stored!.Details.NotSafe);
        Assert.True(stored.Details.InformParty);
    }

    [Theory]
    [InlineData("han står utanför mitt hus")]
    [InlineData("hjälp någon slår mig")]
    public async Task AcuteMessage_Gets112First(string text)
    {
        await _bot.PostAsync(_bot.Activities.Message(text));

        var card = CardJson.CardOf((await _bot.Connector.WaitForMessageAsync(InThisChat)).Body!)!;
        var cardText = CardJson.TextOf(card);
        Assert.StartsWith("Ring 112 nu.", cardText, StringComparison.Ordinal);
        Assert.Contains("förtroendevald", cardText, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotSafe_Gets112Card()
    {
        var draft = await StartReportAsync();

        var card = await ExecuteAsync("reporting.unsafe", new JsonObject { ["draft"] = draft });

        Assert.StartsWith("Ring 112 nu.", CardJson.TextOf(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidInput_ReshowsTheStepWithValuesKeptAndMessages()
    {
        var draft = await StartReportAsync();
        await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        await SaveProfileAsync();
        var input = StepOne(draft, description: "   ");
        input["date"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var card = await ExecuteAsync("reporting.next", input);

        var text = CardJson.TextOf(card);
        Assert.Contains("Tiden kan inte vara i framtiden.", text, StringComparison.Ordinal);
        Assert.Contains("Berätta kort vad som hände.", text, StringComparison.Ordinal);
        Assert.Contains("\"Instagram\"", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_SurvivesRestart_AndResumesWhereItStopped()
    {
        var draft = await StartReportAsync();
        await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        await SaveProfileAsync();
        await ExecuteAsync("reporting.next", StepOne(draft));

        _bot.Restart();
        var draftAgain = await StartReportAsync();
        var resumed = await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draftAgain });

        Assert.Equal(draft, draftAgain);
        Assert.Contains("Har du skärmbilder eller filer?", CardJson.TextOf(resumed), StringComparison.Ordinal);
        var preview = await ExecuteAsync("reporting.preview", StepTwo(draft));
        Assert.Contains("jag vet var du bor", CardJson.TextOf(preview), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoubleSubmit_CreatesExactlyOneIncident()
    {
        var draft = await StartReportAsync();
        await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        await SaveProfileAsync();
        await ExecuteAsync("reporting.next", StepOne(draft));
        await ExecuteAsync("reporting.preview", StepTwo(draft));

        var receipts = await Task.WhenAll(
            ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }),
            ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }),
            ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }));
        var again = await ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft });

        var caseNumber = $"TRY-{DateTime.UtcNow.Year}-0001";
        Assert.All(receipts.Append(again), r => Assert.Contains(caseNumber, CardJson.TextOf(r), StringComparison.Ordinal));
        var mine = await _bot.App.Get<IIncidentStore>().ListForReporterAsync(Activities.TenantId, "alingsas", _bot.Activities.UserAadObjectId, default);
        Assert.Single(mine);
    }

    [Fact]
    public async Task Cancel_DiscardsTheDraft()
    {
        var draft = await StartReportAsync();
        await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        await SaveProfileAsync();

        _bot.Connector.Clear();
        await _bot.PostAsync(_bot.Activities.Message("avbryt"));
        var cancelled = CardJson.TextOf(CardJson.CardOf((await _bot.Connector.WaitForMessageAsync(InThisChat)).Body!));
        var stale = await ExecuteAsync("reporting.next", StepOne(draft));

        Assert.Contains("Rapporten är borttagen.", cancelled, StringComparison.Ordinal);
        Assert.Contains("finns inte längre", CardJson.TextOf(stale), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherMember_CannotSeeOrActOnYourCase()
    {
        var draft = await StartReportAsync();
        await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        await SaveProfileAsync();
        await ExecuteAsync("reporting.next", StepOne(draft));
        await ExecuteAsync("reporting.preview", StepTwo(draft));

        var other = new Activities(_bot.Connector.ServiceUrl) { ConversationId = _bot.Activities.ConversationId };
        await ExecuteAsync("profile.save", new JsonObject
        {
            ["organisation"] = "alingsas", ["party"] = "Moderaterna", ["role"] = "fritidspolitiker", ["bodies"] = "ks", ["phone"] = "", ["next"] = "",
        }, other);
        var hijack = await ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }, other);
        Assert.Contains("finns inte längre", CardJson.TextOf(hijack), StringComparison.Ordinal);

        await ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft });
        _bot.Connector.Clear();
        await _bot.PostAsync(other.Message("mina rapporter"));
        var theirs = CardJson.TextOf(CardJson.CardOf((await _bot.Connector.WaitForMessageAsync(InThisChat)).Body!));
        Assert.DoesNotContain("TRY-", theirs, StringComparison.Ordinal);
        Assert.Contains("inte skickat några rapporter", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingNotice_BecomesANoticeWithAReceipt_OnceEvenIfSentTwice()
    {
        await SaveProfileAsync();
        _bot.Connector.Clear();
        await _bot.PostAsync(_bot.Activities.Message("vi har ett känsligt beslut på fullmäktige nästa vecka"));
        var card = CardJson.CardOf((await _bot.Connector.WaitForMessageAsync(InThisChat)).Body!)!;
        Assert.Contains("Berätta om ett möte i förväg", CardJson.TextOf(card), StringComparison.Ordinal);
        var notice = card.ToJsonString().Split("\"notice\":\"")[1].Split('"')[0];

        var missing = await ExecuteAsync("meeting.send", new JsonObject { ["notice"] = notice, ["date"] = "2020-01-01", ["time"] = "18:00", ["body"] = "kf" });
        Assert.Contains("Mötet ska ligga framåt i tiden.", CardJson.TextOf(missing), StringComparison.Ordinal);
        Assert.Contains("Skriv ämnet med några ord.", CardJson.TextOf(missing), StringComparison.Ordinal);

        var input = new JsonObject
        {
            ["notice"] = notice, ["date"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["time"] = "18:00", ["body"] = "kf", ["topic"] = "Nedläggning av en skola", ["reason"] = "Många arga inlägg.", ["audience"] = "100 personer",
        };
        var first = CardJson.TextOf(await ExecuteAsync("meeting.send", input));
        var second = CardJson.TextOf(await ExecuteAsync("meeting.send", (JsonObject)input.DeepClone()));

        Assert.Contains($"MOT-{DateTime.UtcNow.Year}-0001", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }
}
