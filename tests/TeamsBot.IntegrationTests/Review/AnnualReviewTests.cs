using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Cases;
using Trygg.Members;
using Trygg.Reporting;
using Trygg.Testing;
using Trygg.Training;
using Trygg.Organisations;

namespace Trygg.Review;

/// <summary>"årsrapport" through /api/messages with stored incidents: staff get figures and a report link; members get nothing.</summary>
public sealed class AnnualReviewTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string StaffAadObjectId = "00000000-0000-0000-0000-0000000000020"; // security staff in every shipped profile
    private static readonly int Year = DateTimeOffset.UtcNow.Year - 1;
    private TryggBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await TryggBot.StartAsync(azurite);

        // The organisation's whole review is shown only in its registered security channel.
        await _bot.RegisterSecurityChannelAsync(StaffAadObjectId);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private const string ModerateOfficer = "00000000-0000-0000-0000-0000000000022"; // Adele Vance, Moderaterna's security officer

    private async Task SeedAsync(string reporter, string party, IncidentKind kind, int month, bool informParty = true)
    {
        var services = _bot.App.Services;
        await services.GetRequiredService<IMemberProfileStore>().SaveAsync(
            new MemberKey(Activities.TenantId, reporter),
            new MemberProfile("alingsas", party, MemberRole.Fritidspolitiker, ["ks"], null, "Hemlig Person", null, DateTimeOffset.UtcNow),
            CancellationToken.None);
        var details = new IncidentDetails(
            kind, new DateTimeOffset(Year, month, 10, 12, 0, 0, TimeSpan.Zero), IncidentPlace.Online, "Instagram", "ks",
            "Beskrivning som aldrig får synas i statistiken", Perpetrator.Unknown, false, false, [], PoliceReport.Made, null, ContactWish.None, InformParty: informParty);
        await services.GetRequiredService<IIncidentStore>().SubmitAsync(
            Activities.TenantId, "alingsas", "TRY", Year, Guid.NewGuid().ToString("N"),
            number => new Incident(number, "alingsas", Activities.TenantId, reporter, "Hemlig Person", details.OccurredAt, IncidentStatus.Received, details),
            CancellationToken.None);
    }

    private Activities Staff => new(_bot.Activities.ServiceUrl) { UserAadObjectId = StaffAadObjectId };

    private JsonObject InChannel(string text) =>
        new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = StaffAadObjectId, ConversationId = "19:security@thread.tacv2" }.ChannelMessage(text);

    /// <summary>The bot's answer in the security channel, which must be a card (a text there says what went wrong).</summary>
    private async Task<JsonNode> ReplyCardAsync()
    {
        var reply = await _bot.Connector.WaitForMessageAsync(r => r.ConversationId?.StartsWith("19:security@thread.tacv2", StringComparison.Ordinal) == true);
        return CardJson.CardOf(reply.Body!) ?? throw new Xunit.Sdk.XunitException($"The answer was not a card: {(string?)reply.Body!["text"]}");
    }

    [Fact]
    public async Task SecurityStaff_InTheChannel_GetSuppressedFiguresAndAWorkingReportLink()
    {
        for (var i = 0; i < 4; i++)
        {
            await SeedAsync(Guid.NewGuid().ToString(), "Moderaterna", IncidentKind.OnlineHate, 3);
        }

        await SeedAsync(Guid.NewGuid().ToString(), "Socialdemokraterna", IncidentKind.Threat, 5);

        _bot.Connector.Clear();
        Assert.Equal(HttpStatusCode.OK, (await _bot.PostAsync(InChannel($"årsrapport {Year}"))).StatusCode);
        var card = await ReplyCardAsync();
        var text = CardJson.TextOf(card);

        Assert.Contains($"Årsuppföljning {Year}", text, StringComparison.Ordinal);
        var facts = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray();
        Assert.Equal("5", (string?)facts.Single(f => (string?)f!["title"] == "Händelser totalt")!["value"]);
        Assert.DoesNotContain("Hemlig Person", card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("aldrig får synas", card.ToJsonString(), StringComparison.Ordinal);

        Assert.Null(card["actions"]); // no download link: the files go to the asker's own chat
        var report = await _bot.AcceptOfferedFileAsync(Staff, ".html");
        Assert.Contains($"Årsuppföljning av händelser {Year}", report, StringComparison.Ordinal);
        Assert.Contains("&lt;3", report, StringComparison.Ordinal); // the single threat
        Assert.DoesNotContain("Hemlig Person", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arsrapport2026_ShowsTrainingCompletion_InTheCardTheReportAndTheCsv()
    {
        // Ten Moderaterna: three marked the training done, three were registered by the unit, four have not done it.
        var services = _bot.App.Services;
        var doneAt = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 10; i++)
        {
            var id = Guid.NewGuid().ToString();
            await services.GetRequiredService<IMemberProfileStore>().SaveAsync(
                new MemberKey(Activities.TenantId, id),
                new MemberProfile("alingsas", "Moderaterna", MemberRole.Fritidspolitiker, ["kf"], null, $"Hemlig Ledamot {i}", null, doneAt),
                CancellationToken.None);
            if (i < 6)
            {
                var key = new TrainingRecordKey(Activities.TenantId, "alingsas", "mandatperiod", "2026-2030", id);
                await services.GetRequiredService<ITrainingRecords>().UpdateAsync(
                    key,
                    _ => TrainingRecord.New(key, $"Hemlig Ledamot {i}", "Moderaterna", MemberRole.Fritidspolitiker, doneAt.AddDays(-20))
                        with { DoneAt = doneAt, Source = i < 3 ? CompletionSource.SelfReported : CompletionSource.RegisteredByUnit },
                    CancellationToken.None);
            }
        }

        _bot.Connector.Clear();
        Assert.Equal(HttpStatusCode.OK, (await _bot.PostAsync(InChannel("årsrapport 2026"))).StatusCode);
        var card = await ReplyCardAsync();

        var facts = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal("6 av 10 klara (60 %)", facts["Säkerhetsutbildning för förtroendevalda 2026-2030"]);
        Assert.Equal("0 av 10 klara (0 %)", facts["Säkerhetsutbildning för förtroendevalda 2022-2026"]); // the period before 15 October
        Assert.DoesNotContain("Hemlig Ledamot", card.ToJsonString(), StringComparison.Ordinal);

        var report = await _bot.AcceptOfferedFileAsync(Staff, ".html");
        Assert.Contains("<h2>Säkerhetsutbildning</h2>", report, StringComparison.Ordinal);
        Assert.Contains("markerat själva 3, registrerade av säkerhetsenheten 3. Inte klara 4.", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemlig Ledamot", report, StringComparison.Ordinal);
        var csv = await _bot.AcceptOfferedFileAsync(Staff, ".csv");
        Assert.Contains("mandatperiod,2026-2030,2026-10-15,2030-10-14,total,total,10,6,3,3,4,60", csv, StringComparison.Ordinal);
        Assert.Contains("mandatperiod,2026-2030,2026-10-15,2030-10-14,party,Moderaterna,10,6,,,4,60", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartyOfficer_WithOptedOutReports_CountsThemNowhereAndGetsNoIncidentRows()
    {
        // Three Moderaterna members let the party know; three said the party should not be told (all threats in May).
        for (var i = 0; i < 6; i++)
        {
            await SeedAsync(Guid.NewGuid().ToString(), "Moderaterna", IncidentKind.Threat, 5, informParty: i < 3);
        }

        _bot.Connector.Clear();
        var officer = new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = ModerateOfficer };
        Assert.Equal(HttpStatusCode.OK, (await _bot.PostAsync(officer.Message($"årsrapport {Year}"))).StatusCode);
        var card = CardJson.CardOf((await _bot.Connector.WaitForMessageAsync(r =>
            r.ConversationId == officer.ConversationId && CardJson.TextOf(CardJson.CardOf(r.Body!)).StartsWith("Årsuppföljning", StringComparison.Ordinal))).Body!)!;

        var facts = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray();
        Assert.Equal("3", (string?)facts.Single(f => (string?)f!["title"] == "Händelser totalt")!["value"]);
        var report = await _bot.AcceptOfferedFileAsync(officer, ".html");
        Assert.Contains("<b>3</b>Händelser totalt", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>6</b>", report, StringComparison.Ordinal);

        var csv = await _bot.AcceptOfferedFileAsync(officer, ".csv");
        var lines = csv!.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dimension,key,count", lines[0]);
        Assert.Contains("total,total,3", lines);
        Assert.Contains("kind,Threat,3", lines);
        Assert.Contains($"month,{Year}-05,3", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith($"{Year}-05,", StringComparison.Ordinal)); // no line per incident
    }

    [Fact]
    public async Task AMember_AsksForTheReport_AndGetsAPoliteNo()
    {
        await SeedAsync(Guid.NewGuid().ToString(), "Moderaterna", IncidentKind.OnlineHate, 3);

        _bot.Connector.Clear();
        await _bot.PostAsync(_bot.Activities.Message($"årsrapport {Year}"));
        var reply = await _bot.Connector.WaitForMessageAsync();

        Assert.Contains("säkerhetsenheten", (string?)reply.Body!["text"], StringComparison.Ordinal);
        Assert.Null(CardJson.CardOf(reply.Body!));
    }
}
