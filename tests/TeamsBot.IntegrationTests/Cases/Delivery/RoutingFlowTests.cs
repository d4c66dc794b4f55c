using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Testing.Cases;

namespace Trygg.Cases.Delivery;

/// <summary>
/// Routing end to end through /api/messages: the real bot with the shipped Alingsås profile, Azurite, and the loopback
/// connector, which is told to fail, restarted under, and shared by two instances.
/// </summary>
public sealed class RoutingFlowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static int ThreadsWith(FakeConnector connector, string caseNumber, string? word = null) =>
        connector.ThreadsIn(DeliverySteps.ChannelId).Count(r =>
            CardText.Of(r.Body!["activity"]!["attachments"]![0]!["content"]).Contains(caseNumber, StringComparison.Ordinal)
            && (word is null || CardText.Of(r.Body!["activity"]!["attachments"]![0]!["content"]).Contains(word, StringComparison.Ordinal)));

    /// <summary>Accepted cards in Megan's 1:1 chat about the case.</summary>
    private static int ToMegan(FakeConnector connector, string caseNumber) =>
        connector.PersonalChatOf(DeliverySteps.Megan) is { } chat
            ? connector.SendsTo(chat).Count(r => CardText.Of(r.Body).Contains(caseNumber, StringComparison.Ordinal))
            : 0;

    [Fact]
    public async Task RegisterChannel_Administrator_StoredAndConfirmed_OthersRefused()
    {
        await using var bot = await DeliverySteps.StartAsync(azurite);

        var refused = await bot.RegisterChannelAsync(DeliverySteps.Megan, "Megan Bowen");
        Assert.Equal("Tyvärr, bara en administratör för Trygg kan välja säkerhetskanal. Inget har ändrats.", refused);
        Assert.Null(await bot.App.Get<ISecurityChannelStore>().GetAsync(Activities.TenantId, "alingsas", default));

        var confirmed = await bot.RegisterChannelAsync();
        Assert.Contains("Alingsås kommun", confirmed, StringComparison.Ordinal);
        var channel = await bot.App.Get<ISecurityChannelStore>().GetAsync(Activities.TenantId, "alingsas", default);
        Assert.Equal((DeliverySteps.TeamId, DeliverySteps.ChannelId, DeliverySteps.Alex), (channel!.TeamId, channel.ChannelId, channel.RegisteredBy));
    }

    [Fact]
    public async Task Report_ReachesTheChannelAsANewThread_AndTheOfficer1to1_WithoutTheStoryInTheChannel()
    {
        await using var bot = await DeliverySteps.StartAsync(azurite);
        await bot.RegisterChannelAsync();

        var caseNumber = await bot.ReportAsync();

        await DeliverySteps.EventuallyAsync(() => ThreadsWith(bot.Connector, caseNumber) == 1 && ToMegan(bot.Connector, caseNumber) == 1, "channel thread and Megan's card");
        var thread = bot.Connector.ThreadsIn(DeliverySteps.ChannelId).Single();
        var channelCard = CardText.Of(thread.Body!["activity"]!["attachments"]![0]!["content"]);
        Assert.Contains("Ny rapport", channelCard, StringComparison.Ordinal);
        Assert.DoesNotContain("jag vet var du bor", channelCard, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", channelCard, StringComparison.Ordinal);
        Assert.Null(thread.Body!["activity"]!["text"]);
        var open = Assert.Single(bot.Connector.Creates, r => r.IsOpenPersonalChatWith(DeliverySteps.Megan));
        Assert.Equal(Activities.TenantId, open.Body!["tenantId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConnectorThrottlesAndFails_ForAWhile_EventuallyDeliveredExactlyOnce()
    {
        await using var bot = await DeliverySteps.StartAsync(azurite);
        await bot.RegisterChannelAsync();
        var throttled = bot.Connector.FailWhen(r => r.IsNewThread(), FakeConnectorFault.TooManyRequests(TimeSpan.FromSeconds(1)), times: 4);
        var broken = bot.Connector.FailWhen(r => r.IsOpenPersonalChatWith(DeliverySteps.Megan), FakeConnectorFault.Status(500), times: 2);
        var unavailable = bot.Connector.FailWhen(r => r.Operation == FakeConnectorOperation.SendToConversation && r.ConversationId == bot.Connector.PersonalChatOf(DeliverySteps.Megan), FakeConnectorFault.Status(503), times: 3);

        var caseNumber = await bot.ReportAsync();

        await DeliverySteps.EventuallyAsync(() => ThreadsWith(bot.Connector, caseNumber) == 1 && ToMegan(bot.Connector, caseNumber) == 1, "delivery after the faults");
        Assert.Equal((4, 2, 3), (throttled.Hits, broken.Hits, unavailable.Hits));
        await Task.Delay(1000);
        Assert.Equal(1, ThreadsWith(bot.Connector, caseNumber));
        Assert.Equal(1, ToMegan(bot.Connector, caseNumber));
        var rows = await bot.App.Get<TableOutboxStore>().ListForCaseAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.True(rows.Single(r => r.KindValue == OutboxKind.CaseToChannel).Attempts >= 2);
    }

    [Fact]
    public async Task ConnectorTimesOut_ForAWhile_EventuallyDeliveredExactlyOnce()
    {
        await using var bot = await DeliverySteps.StartAsync(azurite, new Dictionary<string, string?> { ["Connector:AttemptTimeout"] = "00:00:00.300" });
        await bot.RegisterChannelAsync();
        var slow = bot.Connector.FailWhen(r => r.IsNewThread(), FakeConnectorFault.Hang(TimeSpan.FromSeconds(5)), times: 3);

        var caseNumber = await bot.ReportAsync();

        await DeliverySteps.EventuallyAsync(() => ThreadsWith(bot.Connector, caseNumber) == 1, "the thread after the timeouts");
        Assert.Equal(3, slow.Hits);
        Assert.Equal(3, bot.Connector.Requests.Count(r => r.IsNewThread() && r.StatusCode == 499));
        await Task.Delay(500);
        Assert.Equal(1, ThreadsWith(bot.Connector, caseNumber));
    }

    [Fact]
    public async Task AppRestartsWhileTeamsIsDown_DeliveryResumesInTheNewInstance()
    {
        await using var bot = await DeliverySteps.StartAsync(azurite);
        await bot.RegisterChannelAsync();
        var down = bot.Connector.FailWhen(r => r.Operation == FakeConnectorOperation.CreateConversation, FakeConnectorFault.Status(503));

        var caseNumber = await bot.ReportAsync();
        await DeliverySteps.EventuallyAsync(() => down.Hits >= 2, "failed attempts before the restart");
        bot.Restart();
        down.Stop();

        await DeliverySteps.EventuallyAsync(() => ThreadsWith(bot.Connector, caseNumber) == 1 && ToMegan(bot.Connector, caseNumber) == 1, "delivery after the restart");
        await Task.Delay(500);
        Assert.Equal(1, ThreadsWith(bot.Connector, caseNumber));
    }

    [Fact]
    public async Task TwoInstances_SameTables_EachCardSentOnce()
    {
        await using var bot = await DeliverySteps.StartAsync(azurite);
        var second = bot.StartInstance();
        await bot.RegisterChannelAsync();
        var members = Enumerable.Range(0, 4).Select(i => new Activities(bot.Connector.ServiceUrl) { UserAadObjectId = $"member-{i}-{Guid.NewGuid():N}"[..20] }).ToList();

        var cases = new List<string>();
        foreach (var member in members)
        {
            cases.Add(await bot.ReportAsync(member));
        }

        await DeliverySteps.EventuallyAsync(() => cases.All(c => ThreadsWith(bot.Connector, c) == 1 && ToMegan(bot.Connector, c) == 1), "every case delivered");
        await Task.Delay(1000);
        Assert.All(cases, c => Assert.Equal(1, ThreadsWith(bot.Connector, c)));
        Assert.All(cases, c => Assert.Equal(1, ToMegan(bot.Connector, c)));
        Assert.NotEqual(bot.App, second);
    }

    [Fact]
    public async Task Unauthorised_ShowDetailsOrClose_RefusedCardUnchangedAudited()
    {
        await using var bot = await DeliverySteps.StartAsync(azurite);
        await bot.RegisterChannelAsync();
        var caseNumber = await bot.ReportAsync();
        await DeliverySteps.EventuallyAsync(() => ThreadsWith(bot.Connector, caseNumber) == 1, "the channel card");
        var posted = await bot.ChannelRowDeliveredAsync(caseNumber);
        var before = bot.Connector.GetActivity(posted.ConversationId!, posted.ActivityId!)!.ToJsonString();

        var details = await bot.PressInChannelAsync(CaseVerbs.Details, caseNumber, DeliverySteps.Megan, "Megan Bowen");
        var close = await bot.PressInChannelAsync(CaseVerbs.Close, caseNumber, DeliverySteps.Megan, "Megan Bowen", new JsonObject { ["outcome"] = "Klart." });

        Assert.Equal("application/vnd.microsoft.activity.message", details["type"]!.GetValue<string>());
        Assert.Contains("bara för behörig säkerhetspersonal", details["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Bara behörig säkerhetspersonal", close["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(bot.Connector.Updates);
        Assert.Equal(before, bot.Connector.GetActivity(posted.ConversationId!, posted.ActivityId!)!.ToJsonString());
        var audit = await bot.App.Get<TableCaseStore>().ListAuditAsync(Activities.TenantId, "alingsas", caseNumber, default);
        Assert.Equal([(AuditAction.ViewedDetails, false), (AuditAction.Closed, false)], audit.Select(a => (a.Action, a.Allowed)));
        Assert.All(audit, a => Assert.Equal(DeliverySteps.Megan, a.ActorAadObjectId));
        Assert.Equal(CaseStatus.New, (await bot.App.Get<TableCaseStore>().GetAsync(Activities.TenantId, "alingsas", caseNumber, default))!.File.Status);
    }

    [Fact]
    public async Task Acknowledge_ChannelCardReplacedForEveryone_AndTheMemberIsTold()
    {
        await using var bot = await DeliverySteps.StartAsync(azurite);
        await bot.RegisterChannelAsync();
        var caseNumber = await bot.ReportAsync();
        await DeliverySteps.EventuallyAsync(() => ThreadsWith(bot.Connector, caseNumber) == 1 && ToMegan(bot.Connector, caseNumber) == 1, "the cards");
        var posted = await bot.ChannelRowDeliveredAsync(caseNumber);

        var answer = await bot.PressInChannelAsync(CaseVerbs.Acknowledge, caseNumber, DeliverySteps.Alex, "Alex Wilber");

        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]!.GetValue<string>());
        Assert.Contains("Mottagen av Alex Wilber", CardText.Of(answer["value"]), StringComparison.Ordinal);
        var put = Assert.Single(bot.Connector.Updates, u => u.ConversationId == posted.ConversationId && u.ActivityId == posted.ActivityId);
        Assert.Contains("Mottagen av Alex Wilber", CardText.Of(put.Body!["attachments"]![0]!["content"]), StringComparison.Ordinal);
        Assert.Contains("Mottagen av Alex Wilber", CardText.Of(bot.Connector.GetActivity(posted.ConversationId!, posted.ActivityId!)), StringComparison.Ordinal);
        Assert.Contains(bot.Connector.Updates, u => u.ConversationId == bot.Connector.PersonalChatOf(DeliverySteps.Megan));

        await DeliverySteps.EventuallyAsync(
            () => bot.Connector.SendsTo(bot.Member.ConversationId).Any(r => CardText.Of(r.Body).Contains("har tagit emot din rapport " + caseNumber, StringComparison.Ordinal)),
            "the member's notice");

        bot.Connector.Clear();
        await bot.App.PostActivityAsync(bot.Member.Message("mina rapporter"));
        var mine = await bot.Connector.WaitForMessageAsync(r => r.ConversationId == bot.Member.ConversationId);
        Assert.Contains("Mottagen av säkerhetsenheten", CardText.Of(mine.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalation_FiresOnTime_AndStopsOnAcknowledgement()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await DeliverySteps.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Delivery:RunInBackground"] = "false" },
            services => services.AddSingleton<TimeProvider>(time));
        var dispatcher = bot.App.Get<OutboxDispatcher>();
        await bot.RegisterChannelAsync();
        var first = await bot.ReportAsync();
        var other = new Activities(bot.Connector.ServiceUrl) { UserAadObjectId = "member-2-" + Guid.NewGuid().ToString("N")[..8] };
        var second = await bot.ReportAsync(other);
        await dispatcher.RunOnceAsync(default);
        Assert.Equal(1, ThreadsWith(bot.Connector, first));

        // The second is acknowledged in time; the first is not. The rules decided when (here normal priority: four office hours).
        var rows = await bot.App.Get<TableOutboxStore>().ListForCaseAsync(Activities.TenantId, "alingsas", first, default);
        var escalateAt = rows.Single(r => r.KindValue == OutboxKind.Escalation).DueAt;
        await bot.PressInChannelAsync(CaseVerbs.Acknowledge, second, DeliverySteps.Alex, "Alex Wilber");
        time.Advance(escalateAt - time.GetUtcNow() - TimeSpan.FromMinutes(1));
        await dispatcher.RunOnceAsync(default);
        Assert.Equal(0, ThreadsWith(bot.Connector, first, "Påminnelse"));

        time.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.RunOnceAsync(default);
        await dispatcher.RunOnceAsync(default);

        Assert.Equal(1, ThreadsWith(bot.Connector, first, "Påminnelse"));
        Assert.Equal(0, ThreadsWith(bot.Connector, second, "Påminnelse"));
        Assert.NotNull(bot.Connector.PersonalChatOf(DeliverySteps.Lynne));
    }
}
