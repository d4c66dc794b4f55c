using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Members;
using Trygg.Reporting;
using Trygg.Testing;

namespace Trygg.Review;

/// <summary>"årsrapport" through /api/messages with stored incidents: staff get figures and a report link; members get nothing.</summary>
public sealed class AnnualReviewTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string StaffAadObjectId = "00000000-0000-0000-0000-0000000000020"; // security staff in every shipped profile
    private static readonly int Year = DateTimeOffset.UtcNow.Year - 1;
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task SeedAsync(string reporter, string party, IncidentKind kind, int month)
    {
        var services = _bot.App.Services;
        await services.GetRequiredService<IMemberProfileStore>().SaveAsync(
            new MemberKey(Activities.TenantId, reporter),
            new MemberProfile("alingsas", party, MemberRole.Fritidspolitiker, ["ks"], null, "Hemlig Person", null, DateTimeOffset.UtcNow),
            CancellationToken.None);
        var details = new IncidentDetails(
            kind, new DateTimeOffset(Year, month, 10, 12, 0, 0, TimeSpan.Zero), IncidentPlace.Online, "Instagram", "ks",
            "Beskrivning som aldrig får synas i statistiken", Perpetrator.Unknown, false, false, [], PoliceReport.Made, null, ContactWish.None);
        await services.GetRequiredService<IIncidentStore>().SubmitAsync(
            Activities.TenantId, "alingsas", "TRY", Year, Guid.NewGuid().ToString("N"),
            number => new Incident(number, "alingsas", Activities.TenantId, reporter, "Hemlig Person", details.OccurredAt, IncidentStatus.Received, details),
            CancellationToken.None);
    }

    private JsonObject InChannel(string text) =>
        new Activities(_bot.Activities.ServiceUrl) { UserAadObjectId = StaffAadObjectId, ConversationId = "19:security@thread.tacv2" }.ChannelMessage(text);

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
        var card = BotHarness.CardOf((await _bot.Connector.WaitForMessageAsync()).Body!)!;
        var text = BotHarness.TextOf(card);

        Assert.Contains($"Årsuppföljning {Year}", text, StringComparison.Ordinal);
        var facts = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray();
        Assert.Equal("5", (string?)facts.Single(f => (string?)f!["title"] == "Händelser totalt")!["value"]);
        Assert.DoesNotContain("Hemlig Person", card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("aldrig får synas", card.ToJsonString(), StringComparison.Ordinal);

        var reportUrl = new Uri((string)card["actions"]!.AsArray().First()!["url"]!);
        var report = await _bot.App.Http.GetStringAsync(new Uri(reportUrl.PathAndQuery, UriKind.Relative));
        Assert.Contains($"Årsuppföljning av händelser {Year}", report, StringComparison.Ordinal);
        Assert.Contains("&lt;3", report, StringComparison.Ordinal); // the single threat
        Assert.DoesNotContain("Hemlig Person", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMember_AsksForTheReport_AndGetsAPoliteNo()
    {
        await SeedAsync(Guid.NewGuid().ToString(), "Moderaterna", IncidentKind.OnlineHate, 3);

        _bot.Connector.Clear();
        await _bot.PostAsync(_bot.Activities.Message($"årsrapport {Year}"));
        var reply = await _bot.Connector.WaitForMessageAsync();

        Assert.Contains("säkerhetsenheten", (string?)reply.Body!["text"], StringComparison.Ordinal);
        Assert.Null(BotHarness.CardOf(reply.Body!));
    }
}
