using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Trygg.Conversation;
using Trygg.Fuzz;
using Trygg.Members;
using Trygg.Reporting;
using Trygg.Testing;
using Xunit.Abstractions;
using Trygg.Cases;
using Trygg.Cases.Delivery;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Testing.Cases;
using Trygg.Cases.Rules;

namespace Trygg.Faults;

/// <summary>
/// A bad night: 50 members send 500 reports while the connector fails 30 % of calls (429 with Retry-After, 500, 503,
/// timeouts, connection resets) and Table storage goes away and comes back in the middle. Every report reaches every
/// recipient exactly once, every member gets every receipt, no draft or incident is lost, and while storage is down
/// members are told to try again instead of meeting an error.
/// </summary>
public sealed partial class StormTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Members = 50;
    private const int ReportsPerMember = 10;
    private const double FailureShare = 0.30;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        // Scaled for a test: an attempt times out after 5 s instead of 10 (the fake hangs until the bot gives up), and an
        // open circuit stays open 2 s instead of 15; everything else is the delivery the bot ships with, made fast
        // (TryggBot). The timeout stays well above a loaded machine's normal answer time: a POST that Teams accepted
        // but answered after the timeout is sent again (the connector has no idempotency key), which is a duplicate by
        // design. Nothing crashes here, so the lease is long: on a machine loaded enough to stall a recording write for
        // 30 s, an expired lease would be taken over again by this same instance, which is not what this test is about.
        ["Connector:AttemptTimeout"] = "00:00:05",
        ["Delivery:LeaseDuration"] = "00:02:00",

        // The bot's 10 attempts are spread over about two hours (10 s doubling to 30 min); here the delays are squeezed to
        // at most 1 s, so 10 attempts would be spent in seconds, inside one open circuit or the storage outage, and the
        // row would rightly be given up. As many attempts as the option allows keep the same patience in test time.
        ["Delivery:MaxAttempts"] = "100",
        ["Connector:CircuitBreakDuration"] = "00:00:02",
        ["Delivery:Concurrency"] = "16",
        ["Delivery:BatchSize"] = "100",

        // Pacing at Teams' real limits, 500 alerts to one channel take over four minutes on their own (60 per 30 s per
        // conversation), and every faulted attempt uses a turn too. This test is about faults, not pacing (that is
        // SendPacerTests and ReminderFanOutTests): the same limits, ten times faster.
        ["Delivery:RateLimits:PerConversation"] = FakeRateLimits.Setting(FakeRateLimits.Teams.Scaled(10).PerConversation),
        ["Delivery:RateLimits:PerTenant"] = FakeRateLimits.Setting(FakeRateLimits.Teams.Scaled(10).PerTenant),
    };

    [Fact]
    public async Task FiveHundredReports_ConnectorFailing30Percent_StorageRestartedMidway_AllDeliveredOnce_NothingLost()
    {
        await using var bot = await DeliverySteps.StartAsync(azurite, Settings);
        await bot.RegisterChannelAsync();
        var members = await SeedMembersAsync(bot);
        var faults = new FaultMix(seed: 8);
        bot.Connector.FaultSelector = faults.Next;

        var clock = Stopwatch.StartNew();
        var outage = new OutageWindow();
        var answers = new ConcurrentQueue<Answer>();
        var receipts = new ConcurrentDictionary<string, string>(); // case number -> member marker
        var submitted = 0;
        var storm = Task.WhenAll(members.Select((member, m) => Task.Run(async () =>
        {
            for (var r = 0; r < ReportsPerMember; r++)
            {
                var marker = $"m{m:D2}-r{r:D2}";
                var caseNumber = await ReportAsync(bot.App, member, marker, outage, answers);
                Assert.True(receipts.TryAdd(caseNumber, marker), $"{caseNumber} was given to two reports ({receipts.GetValueOrDefault(caseNumber)} and {marker})");
                Interlocked.Increment(ref submitted);
            }
        })));

        // Storage goes away once a third of the reports are in, and comes back after a while.
        while (Volatile.Read(ref submitted) < Members * ReportsPerMember / 3 && !storm.IsCompleted)
        {
            await Task.Delay(50);
        }

        await azurite.StopAsync();
        outage.Begin();
        await Task.Delay(Outage);
        outage.End();
        await azurite.StartAgainAsync();
        await storm;
        var reported = clock.Elapsed;

        // Every report became exactly one incident of its member, with its own text.
        Assert.Equal(Members * ReportsPerMember, receipts.Count);
        var incidents = bot.App.Get<IIncidentStore>();
        for (var m = 0; m < members.Count; m++)
        {
            var mine = await incidents.ListForReporterAsync(Activities.TenantId, "alingsas", members[m].UserAadObjectId, default);
            Assert.Equal(ReportsPerMember, mine.Count);
            foreach (var summary in mine)
            {
                var incident = await incidents.GetAsync(Activities.TenantId, "alingsas", summary.CaseNumber, default);
                Assert.Equal(receipts[summary.CaseNumber], DescriptionMarker().Match(incident!.Details.Description).Value);
            }
        }

        // Every case reaches the channel and Megan, and, for a case reported out of office hours, the on-call person
        // (Lynne): the test runs at any time of day. Wait for the outbox to drain, then make sure nothing came twice.
        var cases = bot.App.Get<TableCaseStore>();
        var onCall = new HashSet<string>(StringComparer.Ordinal);
        foreach (var caseNumber in receipts.Keys)
        {
            var file = (await cases.GetAsync(Activities.TenantId, "alingsas", caseNumber, default))!.File;
            if (file.Recipients.Any(r => r.Role == RecipientRole.OnCall))
            {
                onCall.Add(caseNumber);
            }
        }

        var deadline = Stopwatch.StartNew();
        Delivered delivered;
        while (true)
        {
            delivered = Delivered.From(bot.Connector);
            if (receipts.Keys.All(c => delivered.Channel.ContainsKey(c) && delivered.Megan.ContainsKey(c) && (!onCall.Contains(c) || delivered.OnCall.ContainsKey(c)))
                || deadline.Elapsed > TimeSpan.FromSeconds(300))
            {
                break;
            }

            await Task.Delay(500);
        }

        var missing = receipts.Keys.Where(c => !delivered.Channel.ContainsKey(c) || !delivered.Megan.ContainsKey(c) || (onCall.Contains(c) && !delivered.OnCall.ContainsKey(c))).ToList();
        if (missing.Count > 0)
        {
            // Say where the first missing cases are stuck: their outbox rows as stored.
            var store = bot.App.Get<TableOutboxStore>();
            var rows = new List<string>();
            foreach (var c in missing.Take(3))
            {
                rows.AddRange((await store.ListForCaseAsync(Activities.TenantId, "alingsas", c, default))
                    .Select(r => $"{r}: {r.State}, attempt {r.Attempts}, due {r.DueAt:HH:mm:ss.f}, lease {r.LeaseOwner is not null} until {r.LeaseUntil:HH:mm:ss.f}, last error {r.LastError}"));
            }

            Assert.Fail($"{missing.Count} cases not delivered to both recipients after {deadline.Elapsed.TotalSeconds:0} s, e.g. {string.Join(", ", missing.Take(5))}; rows: {string.Join("; ", rows)}");
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        delivered = Delivered.From(bot.Connector);
        var twice = receipts.Keys.Where(c => (delivered.Channel[c], delivered.Megan[c], delivered.OnCall.GetValueOrDefault(c)) != (1, 1, onCall.Contains(c) ? 1 : 0)).ToList();
        Assert.True(twice.Count == 0, $"delivered more than once: {string.Join("; ", twice.Select(c => $"{c}: channel {delivered.Channel[c]}, Megan {delivered.Megan[c]}, requests [{string.Join(", ", bot.Connector.Requests.Where(r => r.Body?.ToJsonString().Contains(c, StringComparison.Ordinal) == true).Select(r => $"{r} {r.Fault?.StatusCode}{(r.Fault is { ResetConnection: true } ? "reset" : "")}"))}]"))}");
        Assert.Empty(delivered.Other);

        // The outbox holds no row that gave up.
        var outbox = bot.App.Get<TableOutboxStore>();
        foreach (var caseNumber in receipts.Keys.Take(50))
        {
            var rows = await outbox.ListForCaseAsync(Activities.TenantId, "alingsas", caseNumber, default);
            Assert.DoesNotContain(rows, r => r.KindValue == OutboxKind.DeliveryFailedNotice);
        }

        // Storage down: a clear answer in the member's language, never an error status.
        var all = answers.ToList();
        Assert.DoesNotContain(all, a => a.Status >= 500);
        // (Every answer was a card or "try again": PressAsync checks each. A turn begun in the outage may still succeed
        // when the storage client's own retries outlast it; most cannot.)
        var duringOutage = all.Where(a => outage.Covers(a.Started)).ToList();
        Assert.Contains(duringOutage, a => a.TryAgain);
        var connector = bot.Connector.Requests;
        output.WriteLine(
            $"{receipts.Count} reports in {reported.TotalSeconds:0.0} s, all delivered after {clock.Elapsed.TotalSeconds:0.0} s; " +
            $"{all.Count} member turns, {all.Count(a => a.TryAgain)} answered 'try again' ({duringOutage.Count(a => a.TryAgain)} of {duringOutage.Count} begun in the {Outage.TotalSeconds:0} s outage); " +
            $"connector calls {connector.Count}, injected faults {connector.Count(r => r.Fault is not null)} ({faults.Summary})");
    }

    private static async Task<List<Activities>> SeedMembersAsync(TryggBot bot)
    {
        var store = bot.App.Get<IMemberProfileStore>();
        var members = new List<Activities>();
        for (var m = 0; m < Members; m++)
        {
            var member = new Activities(bot.Connector.ServiceUrl) { UserAadObjectId = $"storm-member-{m:D2}-" + Guid.NewGuid().ToString("N")[..6] };
            await store.SaveAsync(
                new MemberKey(Activities.TenantId, member.UserAadObjectId),
                new MemberProfile("alingsas", "Socialdemokraterna", MemberRole.Fritidspolitiker, ["ks"], null, $"Ledamot {m}", null, DateTimeOffset.UtcNow),
                default);
            members.Add(member);
        }

        return members;
    }

    /// <summary>The whole report with card buttons only (answers come in the invoke response, not through the failing connector).</summary>
    private static async Task<string> ReportAsync(TryggApp app, Activities member, string marker, OutageWindow outage, ConcurrentQueue<Answer> answers)
    {
        var start = await PressAsync(app, member, "reporting.start", [], outage, answers);
        var draft = MemberScript.DraftOf(start);
        await PressAsync(app, member, "reporting.safe", new JsonObject { ["draft"] = draft }, outage, answers);
        await PressAsync(app, member, "reporting.next", MemberScript.StepOne(draft, $"{marker} skrev att de vet var jag bor."), outage, answers);
        await PressAsync(app, member, "reporting.preview", MemberScript.StepTwo(draft), outage, answers);
        var receipt = await PressAsync(app, member, "reporting.send", new JsonObject { ["draft"] = draft }, outage, answers);
        return MemberScript.CaseNumberOf(CardJson.TextOf(receipt)) ?? throw new InvalidOperationException("No case number on the receipt: " + receipt.ToJsonString());
    }

    /// <summary>Presses until the bot answers with a card, as a member pressing again after "try again" would.</summary>
    private static async Task<JsonNode> PressAsync(TryggApp app, Activities member, string verb, JsonObject data, OutageWindow outage, ConcurrentQueue<Answer> answers)
    {
        var texts = ReportingTexts.For(Trygg.Texts.Language.Swedish);
        for (var attempt = 1; ; attempt++)
        {
            var started = outage.Now;
            using var response = await app.PostActivityAsync(member.Execute(verb, (JsonObject)data.DeepClone()));
            var body = await response.Content.ReadAsStringAsync();
            var node = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(body) : null;
            var tryAgain = (string?)node?["type"] == "application/vnd.microsoft.error" && (string?)node?["value"]?["message"] == CommonTexts.Swedish.TryAgain;
            answers.Enqueue(new Answer((int)response.StatusCode, started, outage.Now, tryAgain, body.Length > 300 ? body[..300] : body));
            if ((string?)node?["type"] == "application/vnd.microsoft.card.adaptive")
            {
                var card = node!["value"]!;
                Assert.DoesNotContain(texts.DraftGone, CardJson.TextOf(card), StringComparison.Ordinal);
                return card;
            }

            Assert.True(tryAgain, $"{verb}: neither a card nor 'try again': {(int)response.StatusCode} {body}");
            Assert.True(attempt < 200, $"{verb}: still 'try again' after {attempt} presses");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"m\d{2}-r\d{2}")]
    private static partial Regex DescriptionMarker();

    [GeneratedRegex(@"TRY-\d{4}-\d{4}")]
    private static partial Regex CaseNumber();

    private sealed record Answer(int Status, TimeSpan Started, TimeSpan Finished, bool TryAgain, string Body);

    /// <summary>When storage was down (test clock): from Azurite's stop to the start of its restart.</summary>
    private sealed class OutageWindow
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan? _begin;
        private TimeSpan? _end;

        public TimeSpan Now => _clock.Elapsed;

        public void Begin() => _begin = Now;

        public void End() => _end = Now;

        public bool Covers(TimeSpan started) => _begin is { } b && _end is { } e && started >= b && started <= e;
    }

    /// <summary>Accepted case cards by case: new threads in the security channel, cards in Megan's chat, and anything else.</summary>
    private sealed record Delivered(Dictionary<string, int> Channel, Dictionary<string, int> Megan, Dictionary<string, int> OnCall, List<string> Other)
    {
        public static Delivered From(FakeConnector connector)
        {
            var channel = new Dictionary<string, int>(StringComparer.Ordinal);
            var megan = new Dictionary<string, int>(StringComparer.Ordinal);
            var onCall = new Dictionary<string, int>(StringComparer.Ordinal);
            var other = new List<string>();
            var meganChat = connector.PersonalChatOf(DeliverySteps.Megan);
            var lynneChat = connector.PersonalChatOf(DeliverySteps.Lynne);
            foreach (var request in connector.Requests.Where(r => r.Succeeded))
            {
                var text = request.Body is null ? "" : CardText.Of(request.Body);
                var cases = CaseNumber().Matches(text).Select(m => m.Value).Distinct().ToList();
                if (cases.Count == 0)
                {
                    continue;
                }

                var target = request.IsNewThread() && (string?)request.Body?["channelData"]?["channel"]?["id"] == DeliverySteps.ChannelId ? channel
                    : request.Operation == FakeConnectorOperation.SendToConversation && request.ConversationId == meganChat ? megan
                    : request.Operation == FakeConnectorOperation.SendToConversation && lynneChat is not null && request.ConversationId == lynneChat ? onCall
                    : null;
                foreach (var c in cases)
                {
                    if (target is null)
                    {
                        other.Add($"{request} {c}");
                    }
                    else
                    {
                        target[c] = target.GetValueOrDefault(c) + 1;
                    }
                }
            }

            return new Delivered(channel, megan, onCall, other);
        }
    }

    /// <summary>30 % of connector calls fail, spread over the ways Teams fails; seeded.</summary>
    private sealed class FaultMix(int seed)
    {
        private readonly Random _random = new(seed);
        private readonly ConcurrentDictionary<string, int> _counts = new();

        public string Summary => string.Join(", ", _counts.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"));

        public FakeConnectorFault? Next(FakeConnectorRequest request)
        {
            double roll;
            int kind;
            lock (_random)
            {
                roll = _random.NextDouble();
                kind = _random.Next(5);
            }

            if (roll >= FailureShare)
            {
                return null;
            }

            var (name, fault) = kind switch
            {
                0 => ("429", FakeConnectorFault.TooManyRequests(TimeSpan.FromSeconds(1))),
                1 => ("500", FakeConnectorFault.Status(500)),
                2 => ("503", FakeConnectorFault.Status(503)),
                3 => ("timeout", FakeConnectorFault.Hang(TimeSpan.FromSeconds(60))),
                _ => ("reset", FakeConnectorFault.Reset()),
            };
            _counts.AddOrUpdate(name, 1, (_, n) => n + 1);
            return fault;
        }
    }
}
