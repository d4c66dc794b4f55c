using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Members;
using Trygg.Testing;
using Trygg.Training;
using Trygg.Organisations;
using Trygg.Testing.Cases;

namespace Trygg.Bench;

/// <summary>
/// Reminder fan-out: N members who have a profile and no chat with the bot yet (so each costs two connector calls:
/// open the 1:1 chat, send the card) are reminded at the start of a mandate period, through a connector that enforces
/// Teams' per-conversation and per-tenant limits with every window shortened <see cref="Scale"/> times. The figure is the
/// limit-bound minimum (calls / tenant limit) over the time from the first call to the last card, with lost and
/// duplicated counts. The bot is hosted in process (Release build) on Azurite, with the scheduler and dispatcher it
/// ships with; its pacer keeps <see cref="PacerMargin"/> on the enforced tenant window.
/// </summary>
internal static class FanOutBench
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";

    /// <summary>
    /// The bot's tenant window is this much longer than the enforced one: a send leaves a few milliseconds after its booked
    /// moment, unevenly, and the margin absorbs that (a share of the window would grow with the window, the jitter does not).
    /// </summary>
    private static readonly TimeSpan PacerMargin = TimeSpan.FromMilliseconds(12);

    public static async Task<JsonObject> RunAsync(AzuriteFixture azurite, int members, double scale, Action<string> progress)
    {
        // The in-process host (WebApplicationFactory) looks for the bot's project folder; its build output serves.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRYGG_BOT", AppContext.BaseDirectory);
        await using var connector = await FakeConnector.StartAsync();
        var limits = FakeRateLimits.Teams.Scaled(scale);
        var prefix = AzuriteFixture.NewTablePrefix();
        var organisation = TestOrganisations.Testkommun().WithTraining(
        [
            new TrainingCampaign("kurs", CampaignKind.MandatePeriod, "Säkerhetsutbildning för förtroendevalda", null,
                TrainingAudience.AllMembers, TimeSpan.FromDays(90), TimeSpan.FromDays(14), 4),
        ]);
        var settings = new Dictionary<string, string?>
        {
            [Trygg.Hosting.ClockSetup.FakeNowSetting] = "2026-10-15T09:30:00+02:00",
            ["Training:SchedulerInterval"] = "00:00:05",
            ["Delivery:PollInterval"] = "00:00:00.100",
            ["Delivery:BatchSize"] = "500",
            ["Delivery:Concurrency"] = "64",
            ["Delivery:RateLimits:PerConversation"] = FakeRateLimits.Setting(limits.PerConversation),
            ["Delivery:RateLimits:PerTenant"] = FakeRateLimits.Setting([.. limits.PerTenant.Select(l => l with { Window = l.Window + PacerMargin })]),
            ["Logging:LogLevel:Default"] = "Error",
        };
        void Services(IServiceCollection services) => services.AddSingleton<IOrganisationDirectory>(new OrganisationDirectory([organisation]));

        progress($"fan-out: seeding {members} member profiles");
        var ids = Enumerable.Range(0, members).Select(i => $"dddddddd-0000-4000-8000-{i:D12}").ToList();
        using (var seeding = new TryggApp(azurite.ConnectionString, connector.ServiceUrl, prefix,
            new Dictionary<string, string?>(settings) { ["Training:RunScheduler"] = "false", ["Delivery:RunInBackground"] = "false" }, Services))
        {
            var profiles = seeding.Get<IMemberProfileStore>();
            var joined = DateTimeOffset.Parse("2026-09-01T12:00:00+02:00", CultureInfo.InvariantCulture);
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, ct) =>
                await profiles.SaveAsync(new MemberKey(Tenant, id), new MemberProfile("testkommun", "Socialdemokraterna", MemberRole.Fritidspolitiker, ["kf"], null, "Ledamot", null, joined), ct));
        }

        connector.EnforceRateLimits(limits);
        var tenantLimit = limits.PerTenant[0];
        var callsNeeded = 2 * members;
        var minimum = TimeSpan.FromTicks(tenantLimit.Window.Ticks * callsNeeded / tenantLimit.Count);
        progress($"fan-out: {members} members, {callsNeeded} calls at {tenantLimit.Count} per {tenantLimit.Window.TotalMilliseconds} ms: at least {minimum.TotalSeconds:0.0} s");
        var bound = minimum * 3 + TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        using var bot = new TryggApp(azurite.ConnectionString, connector.ServiceUrl, prefix, settings, Services);
        while (connector.Messages.Count < members && clock.Elapsed < bound)
        {
            await Task.Delay(100);
        }

        // Anything that would go out twice has its chance before counting.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var requests = connector.Requests;
        var accepted = requests.Where(r => r.Succeeded).ToList();
        var first = requests[0].ReceivedAt;
        var last = accepted.Where(r => r.Operation == FakeConnectorOperation.SendToConversation).Max(r => r.ReceivedAt);
        var elapsed = last - first;
        var sends = accepted.Where(r => r.Operation == FakeConnectorOperation.SendToConversation).GroupBy(r => r.ConversationId!).ToDictionary(g => g.Key, g => g.Count());
        var perMember = ids.Select(id => connector.PersonalChatOf(id) is { } chat ? sends.GetValueOrDefault(chat) : 0).ToList();
        return new JsonObject
        {
            ["what"] = $"N members with a profile, no chat yet (open the 1:1, send the card: 2 calls each), reminded at the start of a mandate period through a connector enforcing Teams' limits with windows scaled down; bot in process (Release) on Azurite, scheduler and dispatcher as shipped, pacer's tenant window {PacerMargin.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms longer than the enforced one",
            ["members"] = members,
            ["limits"] = $"per conversation {FakeRateLimits.Setting(limits.PerConversation)}; per tenant {FakeRateLimits.Setting(limits.PerTenant)} (Teams' 50/1s scaled x{scale.ToString(CultureInfo.InvariantCulture)})",
            ["calls_needed"] = callsNeeded,
            ["calls_accepted"] = accepted.Count,
            ["rate_limited_429"] = connector.RateLimited,
            ["limit_bound_minimum_s"] = Math.Round(minimum.TotalSeconds, 1),
            ["time_s"] = Math.Round(elapsed.TotalSeconds, 1),
            ["share_of_limit"] = Math.Round(minimum / elapsed, 3),
            ["lost"] = perMember.Count(n => n == 0),
            ["duplicated"] = perMember.Count(n => n > 1),
        };
    }
}
