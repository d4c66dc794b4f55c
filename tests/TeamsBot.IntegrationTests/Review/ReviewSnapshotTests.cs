using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Cases;
using Trygg.Members;
using Trygg.Reporting;
using Trygg.Storage;
using Trygg.Testing;
using Trygg.Organisations;

namespace Trygg.Review;

/// <summary>
/// The annual review counts an incident under the reporter's party and role as they were when they reported: a
/// report made through /api/messages, then a change of party, then each party's security officer asks for their figures.
/// Incidents stored before the snapshot was kept still count, through the reporter's profile.
/// </summary>
public sealed class ReviewSnapshotTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string SocialDemocratOfficer = "00000000-0000-0000-0000-0000000000021"; // Megan Bowen
    private const string ModerateOfficer = "00000000-0000-0000-0000-0000000000022";       // Adele Vance
    private static readonly DateTimeOffset Now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
    private TryggBot _bot = null!;

    public async Task InitializeAsync() => _bot = await TryggBot.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private IMemberProfileStore Profiles => _bot.App.Services.GetRequiredService<IMemberProfileStore>();

    private MemberKey Reporter => new(Activities.TenantId, _bot.Activities.UserAadObjectId);

    private async Task<JsonNode> ExecuteAsync(string verb, JsonObject data)
    {
        var response = await _bot.PostAsync(_bot.Activities.Execute(verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;
    }

    /// <summary>A whole report, as a Socialdemokrat särskilt arvoderad on KS, through the real conversation.</summary>
    private async Task<string> ReportAsync()
    {
        _bot.Connector.Clear();
        await _bot.PostAsync(_bot.Activities.Message("jag har blivit hotad"));
        var safety = CardJson.CardOf((await _bot.Connector.WaitForMessageAsync(r => r.ConversationId == _bot.Activities.ConversationId)).Body!)!;
        var draft = safety.ToJsonString().Split("\"draft\":\"")[1].Split('"')[0];
        await ExecuteAsync("reporting.safe", new JsonObject { ["draft"] = draft });
        await ExecuteAsync("profile.save", new JsonObject
        {
            ["organisation"] = "alingsas",
            ["party"] = "Socialdemokraterna",
            ["role"] = "sarskiltArvoderad",
            ["bodies"] = "ks",
            ["phone"] = "",
            ["next"] = "reporting.form",
        });
        await ExecuteAsync("reporting.next", new JsonObject
        {
            ["draft"] = draft,
            ["kind"] = "threat",
            ["date"] = Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["time"] = "00:05",
            ["place"] = "online",
            ["platform"] = "Instagram",
            ["assignment"] = "ks",
            ["description"] = "Någon skrev att de vet var jag bor.",
        });
        await ExecuteAsync("reporting.preview", new JsonObject
        {
            ["draft"] = draft,
            ["perpetrator"] = "anonymousAccount",
            ["ongoing"] = "false",
            ["relatives"] = "false",
            ["injured"] = "false",
            ["evidence"] = "screenshots",
            ["police"] = "notYet",
            ["diary"] = "",
            ["contact"] = "teams",
        });
        var receipt = CardJson.TextOf(await ExecuteAsync("reporting.send", new JsonObject { ["draft"] = draft }));
        return receipt.Split("TRY-")[1][..9].Insert(0, "TRY-");
    }

    /// <summary>The figures a party's security officer gets in their own chat: title -> value.</summary>
    private async Task<Dictionary<string, string>> OfficerFiguresAsync(string officer)
    {
        _bot.Connector.Clear();
        var asker = new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = officer };
        await _bot.PostAsync(asker.Message($"årsrapport {Now.Year}"));

        // The officer's first message also lets pending case cards reach their chat: wait for the review itself.
        var card = CardJson.CardOf((await _bot.Connector.WaitForMessageAsync(r =>
            r.ConversationId == asker.ConversationId && CardJson.TextOf(CardJson.CardOf(r.Body!)).StartsWith("Årsuppföljning", StringComparison.Ordinal))).Body!)!;
        return card["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
    }

    private IReviewFacts Facts => _bot.App.Services.GetRequiredService<IReviewFacts>();

    private Organisation Alingsas => _bot.App.Services.GetRequiredService<IOrganisationDirectory>().Find("alingsas")!;

    [Fact]
    public async Task AMemberWhoChangesPartyAfterReporting_StillCountsUnderTheOldParty()
    {
        var caseNumber = await ReportAsync();
        var stored = await _bot.App.Services.GetRequiredService<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, CancellationToken.None);
        Assert.Equal(new ReporterSnapshot(MemberRole.SarskiltArvoderad, "Socialdemokraterna", BodyKind.ExecutiveBoard), stored!.Reporter);

        // After the report the member moves to Moderaterna and steps down to a leisure politician.
        var profile = (await Profiles.GetAsync(Reporter, CancellationToken.None))!;
        await Profiles.SaveAsync(Reporter, profile with { Party = "Moderaterna", Role = MemberRole.Fritidspolitiker, BodyIds = ["kf"] }, CancellationToken.None);

        Assert.Equal("<3", (await OfficerFiguresAsync(SocialDemocratOfficer))["Händelser totalt"]);
        Assert.Equal("0", (await OfficerFiguresAsync(ModerateOfficer))["Händelser totalt"]);
        var fact = Assert.Single(await Facts.LoadAsync(Alingsas, Activities.TenantId, ReviewPeriod.Year(Now.Year), null, CancellationToken.None));
        Assert.Equal((MemberRole.SarskiltArvoderad, "Socialdemokraterna", BodyKind.ExecutiveBoard), (fact.Role, fact.Party, fact.Body));
    }

    [Fact]
    public async Task AnIncidentStoredBeforeTheSnapshot_StillCounts_ThroughTheReportersProfileToday()
    {
        // A row exactly as the incident table held it before the snapshot columns existed.
        var reporter = Guid.NewGuid().ToString();
        await Profiles.SaveAsync(
            new MemberKey(Activities.TenantId, reporter),
            new MemberProfile("alingsas", "Moderaterna", MemberRole.SarskiltArvoderad, ["kf"], null, "Gammal Rapportör", null, DateTimeOffset.UtcNow),
            CancellationToken.None);
        var occurred = new DateTimeOffset(Now.Year, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var details = new IncidentDetails(
            IncidentKind.Harassment, occurred, IncidentPlace.Meeting, null, "kf", "Text", Perpetrator.Known, false, false, [], PoliceReport.Made, null, ContactWish.None);
        var table = await _bot.App.Services.GetRequiredService<ITables>().GetAsync(TableIncidentStore.TableName, CancellationToken.None);
        await table.AddEntityAsync(new TableEntity(CaseKeys.Partition(Activities.TenantId, "alingsas"), CaseKeys.Case("OLD-2026-0001"))
        {
            ["CaseNumber"] = "OLD-2026-0001",
            ["TenantId"] = Activities.TenantId,
            ["OrganisationId"] = "alingsas",
            ["Kind"] = "Harassment",
            ["Status"] = "Received",
            ["SubmittedAt"] = occurred,
            ["OccurredAt"] = occurred,
            ["ReporterId"] = reporter,
            ["ReporterName"] = "Gammal Rapportör",
            ["ReporterRowKey"] = "reporter|x",
            ["Details"] = TableJson.Serialize(details, "incident report"),
        });

        var old = await _bot.App.Services.GetRequiredService<IIncidentStore>().GetAsync(Activities.TenantId, "alingsas", "OLD-2026-0001", CancellationToken.None);
        Assert.Null(old!.Reporter);
        var fact = Assert.Single(await Facts.LoadAsync(Alingsas, Activities.TenantId, ReviewPeriod.Year(Now.Year), null, CancellationToken.None));
        Assert.Equal((MemberRole.SarskiltArvoderad, "Moderaterna", BodyKind.Council), (fact.Role, fact.Party, fact.Body));
        Assert.Equal("<3", (await OfficerFiguresAsync(ModerateOfficer))["Händelser totalt"]);
        Assert.Equal("0", (await OfficerFiguresAsync(SocialDemocratOfficer))["Händelser totalt"]);
    }
}
