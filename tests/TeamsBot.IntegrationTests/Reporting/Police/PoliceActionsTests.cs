using System.Net;
using System.Text.Json.Nodes;
using Trygg.Cases;
using Trygg.Review;
using Trygg.Testing;
using UglyToad.PdfPig;

namespace Trygg.Reporting.Police;

/// <summary>
/// Help with the police report through the real bot (<see cref="TryggBot"/>): a member reports, then opens "Underlag för
/// polisanmälan" from the receipt or "mina rapporter", gets it as a PDF, and records "Jag har polisanmält"; security
/// staff see it on the case and record a filing on the member's behalf.
/// </summary>
public sealed class PoliceActionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Lynne = "00000000-0000-0000-0000-0000000000024";
    private const string Description = "Någon skrev \"jag vet var du bor, Åsa\" under mitt inlägg: https://www.instagram.com/p/abc123";

    private TryggBot _bot = null!;
    private Activities _member = null!;

    public async Task InitializeAsync()
    {
        _bot = await TryggBot.StartAsync(azurite);
        _member = new Activities(_bot.Connector.ServiceUrl);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string Today => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<JsonNode> ExecuteAsync(Activities who, string verb, JsonObject data)
    {
        var response = await _bot.App.PostActivityAsync(who.Execute(verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The card an Action.Execute answered with (fails on a text answer).</summary>
    private async Task<JsonNode> CardAsync(Activities who, string verb, JsonObject data)
    {
        var body = await ExecuteAsync(who, verb, data);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        return body["value"]!;
    }

    private static string TextOf(JsonNode? node) => node switch
    {
        JsonObject o => string.Join('\n', o.Select(p => p.Key is "text" or "title" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : TextOf(p.Value)).Where(s => s.Length > 0)),
        JsonArray a => string.Join('\n', a.Select(TextOf).Where(s => s.Length > 0)),
        _ => string.Empty,
    };

    /// <summary>The member's report, from "jag har blivit hotad" to the receipt; returns the receipt card.</summary>
    private async Task<JsonNode> ReportAsync(Activities who)
    {
        await _bot.App.PostActivityAsync(who.Message("jag har blivit hotad"));
        var safety = await _bot.Connector.WaitForMessageAsync(r => r.ConversationId == who.ConversationId);
        var draft = safety.Body!.ToJsonString().Split("\"draft\":\"")[1].Split('"')[0];
        await CardAsync(who, "reporting.safe", new JsonObject { ["draft"] = draft });
        await CardAsync(who, "profile.save", new JsonObject
        {
            ["organisation"] = "alingsas", ["party"] = "Socialdemokraterna", ["role"] = "fritidspolitiker", ["bodies"] = "ks", ["phone"] = "", ["next"] = "reporting.form",
        });
        await CardAsync(who, "reporting.next", new JsonObject
        {
            ["draft"] = draft, ["kind"] = "threat", ["date"] = Today, ["time"] = "00:05", ["place"] = "online", ["platform"] = "Instagram",
            ["assignment"] = "ks", ["description"] = Description,
        });
        await CardAsync(who, "reporting.preview", new JsonObject
        {
            ["draft"] = draft, ["perpetrator"] = "anonymousAccount", ["ongoing"] = "false", ["relatives"] = "false", ["injured"] = "false",
            ["evidence"] = "screenshots,links", ["police"] = "notYet", ["diary"] = "", ["contact"] = "teams",
        });
        return await CardAsync(who, "reporting.send", new JsonObject { ["draft"] = draft });
    }

    private static string CaseOf(JsonNode receipt) =>
        (string)receipt["actions"]!.AsArray().Single(a => (string?)a!["data"]?["verb"] == PoliceVerbs.Summary)!["data"]!["case"]!;

    private async Task<JsonNode> SummaryAsync(string caseNumber, Activities? who = null) =>
        await CardAsync(who ?? _member, PoliceVerbs.Summary, new JsonObject { ["case"] = caseNumber });

    [Fact]
    public async Task Summary_FromTheReceipt_ShowsTheReportsFactsAnd11414()
    {
        var receipt = await ReportAsync(_member);
        var caseNumber = CaseOf(receipt);
        Assert.Contains("Underlag för polisanmälan", TextOf(receipt), StringComparison.Ordinal);

        // The receipt's button is an Action.Submit: the summary comes as a new message, the receipt stays.
        _bot.Connector.Clear();
        await _bot.App.PostActivityAsync(_member.Submit(new JsonObject { ["verb"] = PoliceVerbs.Summary, ["case"] = caseNumber }));
        var card = (await _bot.Connector.WaitForMessageAsync(r => r.ConversationId == _member.ConversationId)).Body!["attachments"]![0]!["content"]!;
        var text = TextOf(card);

        Assert.Contains(caseNumber, text, StringComparison.Ordinal);
        Assert.Contains("jag vet var du bor, Åsa", text, StringComparison.Ordinal);
        Assert.Contains("https://www.instagram.com/p/abc123", text, StringComparison.Ordinal);
        Assert.Contains("Ett anonymt konto", text, StringComparison.Ordinal);
        Assert.Contains("Jag utsattes i min roll som förtroendevald (Kommunstyrelsen).", text, StringComparison.Ordinal);
        Assert.Contains("åtkomstskydd", text, StringComparison.Ordinal);
        Assert.Contains("Ring 114 14", text, StringComparison.Ordinal);
        var urls = card.ToJsonString();
        Assert.Contains("\"url\":\"tel:11414\"", urls, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"https://polisen.se/", urls, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_FromMyReports_ButtonPerCase()
    {
        var caseNumber = CaseOf(await ReportAsync(_member));

        _bot.Connector.Clear();
        await _bot.App.PostActivityAsync(_member.Message("mina rapporter"));
        var mine = (await _bot.Connector.WaitForMessageAsync(r => r.ConversationId == _member.ConversationId)).Body!.ToJsonString();

        Assert.Contains($"\"verb\":\"{PoliceVerbs.Summary}\",\"case\":\"{caseNumber}\"", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_AnotherMember_GetsNothing()
    {
        var caseNumber = CaseOf(await ReportAsync(_member));
        var other = new Activities(_bot.Connector.ServiceUrl);
        await CardAsync(other, "profile.save", new JsonObject
        {
            ["organisation"] = "alingsas", ["party"] = "Moderaterna", ["role"] = "fritidspolitiker", ["bodies"] = "ks", ["phone"] = "", ["next"] = "",
        });

        foreach (var verb in new[] { PoliceVerbs.Summary, PoliceVerbs.Pdf, PoliceVerbs.Reported })
        {
            var answer = await ExecuteAsync(other, verb, new JsonObject { ["case"] = caseNumber, ["policeNumber"] = "5000-K1-26" });
            Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
            Assert.StartsWith("Den rapporten hittar jag inte.", (string?)answer["value"], StringComparison.Ordinal);
        }

        var incident = await _bot.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Equal(PoliceReport.NotYet, incident!.Details.PoliceReport);
        Assert.DoesNotContain(_bot.Connector.Messages, m => m.ToJsonString().Contains("file.consent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pdf_Reporter_GetsAFileInTheirChatThatHoldsTheFacts()
    {
        var caseNumber = CaseOf(await ReportAsync(_member));

        var card = await CardAsync(_member, PoliceVerbs.Pdf, new JsonObject { ["case"] = caseNumber });
        Assert.Contains("tryck på Tillåt", TextOf(card), StringComparison.OrdinalIgnoreCase);
        var (name, bytes) = await FileConsentFlow.AcceptAsync(_bot.Connector, _bot.App, _member, ".pdf");

        Assert.Equal($"underlag-polisanmalan-{caseNumber}.pdf", name);
        using var pdf = PdfDocument.Open(bytes!);
        var text = string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        foreach (var expected in new[] { "Underlag för polisanmälan", caseNumber, "jag vet var du bor, Åsa", "114 14", "förtroendevald", "åtkomstskydd" })
        {
            Assert.Contains(string.Concat(expected.Where(c => !char.IsWhiteSpace(c))), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reported_WithANumber_StaffSeeItAndTheReviewCountsIt()
    {
        var caseNumber = CaseOf(await ReportAsync(_member));

        var card = await CardAsync(_member, PoliceVerbs.Reported, new JsonObject { ["case"] = caseNumber, ["policeNumber"] = " 5000-K123456-26 " });
        Assert.Contains("Du har polisanmält. Bra att du har gjort det. Polisens diarienummer: 5000-K123456-26", TextOf(card), StringComparison.Ordinal);

        // A double click records it once.
        await CardAsync(_member, PoliceVerbs.Reported, new JsonObject { ["case"] = caseNumber, ["policeNumber"] = "5000-K123456-26" });
        var audit = await _bot.App.Get<TableCaseStore>().ListAuditAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Single(audit, a => a.Action == AuditAction.PoliceReportRecorded && a.Detail == "Member");

        var staff = new Activities(_bot.Connector.ServiceUrl) { UserAadObjectId = Lynne };
        var details = TextOf(await CardAsync(staff, "cases.details", new JsonObject { ["case"] = caseNumber, ["org"] = "alingsas", ["view"] = "person" }));
        Assert.Contains("anmäld av medlemmen (5000-K123456-26)", details, StringComparison.Ordinal);

        var organisation = _bot.App.Get<Trygg.Organisations.IOrganisationDirectory>().Find("alingsas")!;
        var facts = await _bot.App.Get<IReviewFacts>().LoadAsync(organisation, Activities.TenantId, ReviewPeriod.Year(DateTime.UtcNow.Year), null, default);
        Assert.True(Assert.Single(facts).PoliceReportMade);
    }

    [Fact]
    public async Task Reported_Nonsense_ExplainsAndKeepsWhatWasTyped()
    {
        var caseNumber = CaseOf(await ReportAsync(_member));

        var card = await CardAsync(_member, PoliceVerbs.Reported, new JsonObject { ["case"] = caseNumber, ["policeNumber"] = "vet inte riktigt" });

        Assert.Contains("Det ser inte ut som ett diarienummer från polisen.", TextOf(card), StringComparison.Ordinal);
        Assert.Contains("\"value\":\"vet inte riktigt\"", card.ToJsonString(), StringComparison.Ordinal);
        var incident = await _bot.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Equal(PoliceReport.NotYet, incident!.Details.PoliceReport);
    }

    [Fact]
    public async Task FiledOnBehalf_Staff_RecordedAuditedAndShownToTheMember()
    {
        var caseNumber = CaseOf(await ReportAsync(_member));
        var staff = new Activities(_bot.Connector.ServiceUrl) { UserAadObjectId = Lynne };

        var refused = await ExecuteAsync(staff, "cases.police", new JsonObject { ["case"] = caseNumber, ["org"] = "alingsas", ["view"] = "person", ["filedBy"] = "", ["policeNumber"] = "" });
        Assert.Equal("Välj om partiet eller kommunen gjorde anmälan.", (string?)refused["value"]);

        var card = await CardAsync(staff, "cases.police", new JsonObject
        {
            ["case"] = caseNumber, ["org"] = "alingsas", ["view"] = "person", ["filedBy"] = "party", ["policeNumber"] = "5000-K654321-26",
        });
        Assert.Contains("anmäld av partiet (5000-K654321-26)", TextOf(card), StringComparison.Ordinal);

        var audit = Assert.Single(
            await _bot.App.Get<TableCaseStore>().ListAuditAsync(Activities.TenantId, "alingsas", caseNumber, default),
            a => a.Action == AuditAction.PoliceReportRecorded);
        Assert.Equal((Lynne, "Party", true), (audit.ActorAadObjectId, audit.Detail, audit.Allowed));

        var member = TextOf(await SummaryAsync(caseNumber));
        Assert.Contains("Polisanmälan är gjord av partiet. Polisens diarienummer: 5000-K654321-26", member, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reported_AfterThePartyFiled_KeepsWhoFiledAndAddsTheMembersNumber()
    {
        var caseNumber = CaseOf(await ReportAsync(_member));
        var staff = new Activities(_bot.Connector.ServiceUrl) { UserAadObjectId = Lynne };
        await CardAsync(staff, "cases.police", new JsonObject
        {
            ["case"] = caseNumber, ["org"] = "alingsas", ["view"] = "person", ["filedBy"] = "party", ["policeNumber"] = "",
        });

        var card = await CardAsync(_member, PoliceVerbs.Reported, new JsonObject { ["case"] = caseNumber, ["policeNumber"] = "5000-K777777-26" });

        Assert.Contains("Polisanmälan är gjord av partiet. Polisens diarienummer: 5000-K777777-26", TextOf(card), StringComparison.Ordinal);
        var incident = await _bot.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Equal(
            (PoliceReport.Made, PoliceFiler.Party, "5000-K777777-26", PoliceFiler.Member),
            (incident!.Details.PoliceReport, incident.Details.PoliceFiledBy, incident.Details.PoliceDiaryNumber, incident.Details.PoliceNumberGivenBy));
        var details = TextOf(await CardAsync(staff, "cases.details", new JsonObject { ["case"] = caseNumber, ["org"] = "alingsas", ["view"] = "person" }));
        Assert.Contains("anmäld av partiet (5000-K777777-26, numret från medlemmen)", details, StringComparison.Ordinal);
        var audit = await _bot.App.Get<TableCaseStore>().ListAuditAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Equal(["Party", "Member"], audit.Where(a => a.Action == AuditAction.PoliceReportRecorded).Select(a => a.Detail));
    }

    [Fact]
    public async Task Reported_ConcurrentWithTheStaffsFiling_BothAreKept()
    {
        var caseNumber = CaseOf(await ReportAsync(_member));
        var staff = new Activities(_bot.Connector.ServiceUrl) { UserAadObjectId = Lynne };

        await Task.WhenAll(
            CardAsync(staff, "cases.police", new JsonObject
            {
                ["case"] = caseNumber, ["org"] = "alingsas", ["view"] = "person", ["filedBy"] = "municipality", ["policeNumber"] = "",
            }),
            CardAsync(_member, PoliceVerbs.Reported, new JsonObject { ["case"] = caseNumber, ["policeNumber"] = "5000-K888888-26" }));

        // Whichever came first, the number survives the other's write and both are audited.
        var incident = await _bot.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Equal("5000-K888888-26", incident!.Details.PoliceDiaryNumber);
        var audit = await _bot.App.Get<TableCaseStore>().ListAuditAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Equal(2, audit.Count(a => a.Action == AuditAction.PoliceReportRecorded));
    }

    [Fact]
    public async Task FiledOnBehalf_TheReporterIsNotStaff_RefusedAndNothingChanges()
    {
        var caseNumber = CaseOf(await ReportAsync(_member));

        var answer = await ExecuteAsync(_member, "cases.police", new JsonObject
        {
            ["case"] = caseNumber, ["org"] = "alingsas", ["view"] = "person", ["filedBy"] = "municipality", ["policeNumber"] = "",
        });

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        var incident = await _bot.App.Get<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Null(incident!.Details.PoliceFiledBy);
    }
}
