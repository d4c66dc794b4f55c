using System.Diagnostics;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Graph;
using Trygg.Members;
using Trygg.Teams.Graph;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Training;

/// <summary>
/// The real bot reminding 2,000 members at once: Azurite, the loopback connector enforcing Teams' per-conversation and
/// per-tenant limits (windows scaled down eight times, so the run is short) and a loopback Graph holding the members
/// group. A quarter of the members are only in the group and never chatted with the bot: Teams will not open a chat with
/// them until the app is installed for them through Graph.
/// </summary>
public sealed class ReminderFanOutTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Members = 2000;
    private const int GroupOnly = 500;
    private const string CatalogAppId = "e3b0c442-98fc-4c14-9afb-f4c8996fb924";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private static string Member(int i) => $"cccccccc-0000-4000-8000-{i:D12}";

    [Fact]
    public async Task TwoThousandMembers_RateLimitedConnector_EveryoneOnce_GroupMembersAfterAnInstall_No429Unhandled()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var graph = await FakeGraph.StartAsync();
        graph.PageSize = 999;
        graph.AddCatalogApp(CatalogAppId, "4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b");
        var ids = Enumerable.Range(0, Members).Select(Member).ToList();
        foreach (var id in ids)
        {
            graph.AddUser(id, "Ledamot " + id[^4..], id[^6..] + "@testkommun.se", null);
        }

        graph.AddGroup(TrainingSteps.MembersGroup, [.. ids]);
        var groupOnly = ids.Take(GroupOnly).ToHashSet(StringComparer.Ordinal);
        connector.FaultSelector = r => r.Operation == FakeConnectorOperation.CreateConversation
            && !r.IsNewThread()
            && r.Body?["members"]?[0]?["id"]?.GetValue<string>() is { } member
            && groupOnly.Contains(member) && !graph.IsInstalled(member, CatalogAppId)
                ? FakeConnectorFault.Status(403, "Forbidden", "The bot is not installed for the user.")
                : null;
        var limits = FakeRateLimits.Teams.Scaled(8);
        connector.EnforceRateLimits(limits);

        using var app = new TryggApp(azurite.ConnectionString, connector.ServiceUrl, AzuriteFixture.NewTablePrefix(), new Dictionary<string, string?>
        {
            ["Trygg:FakeNow"] = "2026-10-15T09:30:00+02:00",
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Graph:TeamsAppId"] = CatalogAppId,
            ["Graph:ClientId"] = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
            ["Graph:TenantId"] = TrainingSteps.Tenant,
            ["Training:RunScheduler"] = "true",
            ["Training:SchedulerInterval"] = "00:00:02",
            ["Delivery:PollInterval"] = "00:00:00.100",
            ["Delivery:BatchSize"] = "200",
            ["Delivery:Concurrency"] = "32",
            ["Delivery:InstallWait"] = "00:00:00.500",
            ["Delivery:RetryDelay"] = "00:00:00.200",
            ["Delivery:RateLimits:PerConversation"] = FakeRateLimits.Setting(limits.PerConversation),
            ["Delivery:RateLimits:PerTenant"] = FakeRateLimits.Setting(limits.PerTenant, share: 0.95),
            ["Logging:LogLevel:Default"] = "Error",
        }, services =>
        {
            services.AddSingleton<IOrganisationDirectory>(new OrganisationDirectory([TrainingSteps.Testkommun()]));
            services.AddKeyedSingleton<TokenCredential>(GraphSetup.CredentialKey, new TestToken());
        });

        // Three quarters told the bot who they are; the rest are only in the Entra group.
        var profiles = app.Get<IMemberProfileStore>();
        await Parallel.ForEachAsync(ids.Skip(GroupOnly), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
            await profiles.SaveAsync(new MemberKey(TrainingSteps.Tenant, id), new MemberProfile("testkommun", "Socialdemokraterna", MemberRole.Fritidspolitiker, ["kf"], null, "Ledamot", null, DateTimeOffset.Parse("2026-09-01T12:00:00+02:00", System.Globalization.CultureInfo.InvariantCulture)), ct));

        var clock = Stopwatch.StartNew();
        output.WriteLine($"profiles saved at {DateTime.Now:HH:mm:ss.fff}");
        while (connector.Messages.Count < Members && clock.Elapsed < Bound)
        {
            await Task.Delay(250);
        }

        output.WriteLine($"all reached after {clock.Elapsed}; 429s {connector.RateLimited}; first send {connector.Requests.FirstOrDefault(r => r.Operation == FakeConnectorOperation.SendToConversation)?.ReceivedAt:HH:mm:ss.fff} last {connector.Requests[^1].ReceivedAt:HH:mm:ss.fff}; requests {connector.Requests.Count}");
        // Let anything that would go out twice do so before counting.
        await Task.Delay(1500);
        var sends = connector.Requests.Where(r => r.Succeeded && r.Operation == FakeConnectorOperation.SendToConversation).GroupBy(r => r.ConversationId!).ToDictionary(g => g.Key, g => g.Count());
        var perMember = ids.ToDictionary(id => id, id => connector.PersonalChatOf(id) is { } chat ? sends.GetValueOrDefault(chat) : 0);
        Assert.True(perMember.Values.All(n => n == 1), $"lost {perMember.Values.Count(n => n == 0)}, duplicated {perMember.Values.Count(n => n > 1)} after {clock.Elapsed}");
        Assert.All(connector.Messages, m => Assert.Equal("Dags för säkerhetsutbildningen", (string?)CardJson.CardOf(m)?["body"]?[0]?["text"]));

        // Those only in the group got the app installed, once each; nobody else did.
        var installs = graph.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/teamwork/installedApps", StringComparison.Ordinal)).ToList();
        Assert.Equal(GroupOnly, installs.Count);
        Assert.All(groupOnly, id => Assert.True(graph.IsInstalled(id, CatalogAppId)));

        // Every 429 was waited out and retried: every row is delivered, none failed. The group was read in pages, not per member.
        var rows = await app.Get<TableOutboxStore>().ListRemindersAsync(ReminderScheduler.Partition(TrainingSteps.Tenant, "testkommun", "kurs", "2026-2030"), default);
        Assert.Equal(Members, rows.Count);
        Assert.All(rows, r => Assert.Equal(nameof(OutboxState.Delivered), r.State));
        Assert.DoesNotContain(graph.Requests, r => r.Method == "GET" && r.Path.StartsWith("/v1.0/users/", StringComparison.Ordinal));
        var records = await app.Get<ITrainingRecords>().ListAsync(TrainingSteps.Tenant, "testkommun", "kurs", "2026-2030", default);
        Assert.Equal(Members, records.Count(r => r.RemindersSent == 1));
    }

    private sealed class TestToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("graph-test-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }
}
