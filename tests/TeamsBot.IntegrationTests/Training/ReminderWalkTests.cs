using Trygg.Cases.Delivery;
using Microsoft.Extensions.Hosting;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Trygg.Conversation.Proactive;
using Trygg.Members;
using Trygg.Members.Directory;
using Trygg.Testing;
using Trygg.Organisations;
using Trygg.Organisations.Calendar;
using Trygg.Outbox;
using Trygg.Testing.Cases;

namespace Trygg.Training;

/// <summary>
/// A whole mandate period's start with a fake clock and two bot instances (each running the scheduler and the
/// dispatcher) against Azurite: from 15 October 2026 past the course's deadline and into the 2027 yearly talk, then the
/// spring of the 2030 election. Every reminder must go out once, on the right working day, between 08 and 20.
/// </summary>
public sealed class ReminderWalkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Anna = "aaaaaaaa-0000-4000-8000-000000000001"; // leisure politician, never answers
    private const string Bo = "aaaaaaaa-0000-4000-8000-000000000002"; // särskilt arvoderad, done after the second reminder
    private const string Cia = "aaaaaaaa-0000-4000-8000-000000000003"; // snoozes the first reminder
    private const string Dan = "aaaaaaaa-0000-4000-8000-000000000004"; // only in the Entra group, never chatted: app installed
    private const string Eva = "aaaaaaaa-0000-4000-8000-000000000005"; // joins in the middle of November

    private static readonly string[] Checkpoints = ["06:00", "08:00", "08:30", "09:00", "09:30", "10:00", "12:00", "15:00", "19:30", "20:30", "23:00"];

    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private readonly List<IHost> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }

    private static DateTimeOffset Local(string date, string time)
    {
        var local = DateTime.Parse($"{date} {time}", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, OfficeCalendar.Stockholm.GetUtcOffset(local));
    }

    private static DateTime LocalOf(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, OfficeCalendar.Stockholm).DateTime;

    private sealed record Sent(DateTimeOffset At, string Member, string Title, string? Cycle);

    [Fact]
    public async Task WholePeriod_TwoInstances_EveryReminderOnce_OnTheRightWorkingDays_Between08And20()
    {
        var time = new FakeTimeProvider(Local("2026-10-15", "00:00"));
        var messenger = new RecordingMessenger();
        var directory = new FakeDirectory();
        directory.Groups[TrainingSteps.MembersGroup] = [new DirectoryUser(Dan, "Dan Dahl", "dan@testkommun.se", null), new DirectoryUser(Anna, "Anna Andersson", null, null)];
        var sent = new ConcurrentQueue<Sent>();
        messenger.FailWhen = (kind, target) =>
        {
            if (target == Dan && !directory.Installs.Contains(Dan))
            {
                return new ProactiveException(ProactiveFailure.NotInstalled, "403 Forbidden");
            }

            return null;
        };
        var a = TrainingSteps.Start(azurite, _prefix, time, messenger, directory);
        var b = TrainingSteps.Start(azurite, _prefix, time, messenger, directory);
        _hosts.AddRange([a, b]);
        var joined = Local("2026-09-01", "12:00");
        await a.SaveProfileAsync(Anna, "Anna Andersson", MemberRole.Fritidspolitiker, joined);
        await a.SaveProfileAsync(Bo, "Bo Berg", MemberRole.SarskiltArvoderad, joined, "Moderaterna");
        await a.SaveProfileAsync(Cia, "Cia Carlsson", MemberRole.Fritidspolitiker, joined);

        var actions = new Dictionary<DateTimeOffset, Func<Task>>
        {
            [Local("2026-10-15", "12:00")] = async () => Assert.Contains("påminner dig igen", (await a.PressAsync(TrainingActions.Snooze, Cia, "kurs", "2026-2030")).Messages(), StringComparison.Ordinal),
            [Local("2026-10-29", "12:00")] = async () => Assert.Contains("Tack!", (await b.PressAsync(TrainingActions.Done, Bo, "kurs", "2026-2030")).Messages(), StringComparison.Ordinal),
            [Local("2026-11-16", "10:00")] = () => b.SaveProfileAsync(Eva, "Eva Ek", MemberRole.Fritidspolitiker, time.GetUtcNow()),
        };

        async Task WalkAsync(string from, string to)
        {
            for (var day = DateOnly.Parse(from, CultureInfo.InvariantCulture); day <= DateOnly.Parse(to, CultureInfo.InvariantCulture); day = day.AddDays(1))
            {
                foreach (var checkpoint in Checkpoints)
                {
                    time.SetUtcNow(Local(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), checkpoint));
                    var before = messenger.Sent.Count;
                    if (actions.TryGetValue(time.GetUtcNow(), out var action))
                    {
                        await action();
                    }

                    await Task.WhenAll(a.Scheduler.RunOnceAsync(default), b.Scheduler.RunOnceAsync(default));
                    for (var round = 0; round < 10; round++)
                    {
                        var claimed = await Task.WhenAll(a.Dispatcher.RunOnceAsync(default), b.Dispatcher.RunOnceAsync(default));
                        if (claimed.Sum() == 0)
                        {
                            break;
                        }
                    }

                    foreach (var card in messenger.Sent.Skip(before))
                    {
                        var json = card.Json;
                        var cycle = json["actions"]?.AsArray().Select(x => (string?)x?["data"]?["cycle"]).FirstOrDefault(c => c is not null);
                        sent.Enqueue(new Sent(time.GetUtcNow(), card.Target, (string)json["body"]![0]!["text"]!, cycle));
                    }
                }
            }
        }

        await WalkAsync("2026-10-15", "2027-01-08");
        await WalkAsync("2030-02-27", "2030-03-05");

        // Never at night, at weekends or on holidays.
        foreach (var s in sent)
        {
            var local = LocalOf(s.At);
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(20));
            Assert.DoesNotContain(local.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
            Assert.False(SwedishHolidays.IsClosed(DateOnly.FromDateTime(local)), $"sent on a holiday: {local}");
        }

        const string Course = "Dags för säkerhetsutbildningen";
        const string Talk = "Dags för ditt säkerhetssamtal";
        const string Election = "Planera säkerheten i valrörelsen";
        string[] Expected(string member, string title, params string[] days) => [.. days.Select(d => $"{member} {title} {d}")];
        var expected = new List<string>();
        expected.AddRange(Expected(Anna, Course, "2026-10-15", "2026-10-29", "2026-11-12", "2026-11-26")); // the limit: 4
        expected.AddRange(Expected(Bo, Course, "2026-10-15", "2026-10-29")); // done after the second
        expected.AddRange(Expected(Bo, Talk, "2026-10-15", "2026-12-14", "2027-01-04", "2030-02-27")); // 2026's third would be after its deadline; 2027 starts on 4 January
        expected.AddRange(Expected(Cia, Course, "2026-10-15", "2026-10-22", "2026-11-12", "2026-11-26")); // snoozed a week
        expected.AddRange(Expected(Dan, Course, "2026-10-15", "2026-10-29", "2026-11-12", "2026-11-26")); // reached after the install
        expected.AddRange(Expected(Eva, Course, "2026-11-16", "2026-11-30", "2026-12-14", "2026-12-28")); // from the day she joined
        foreach (var member in new[] { Anna, Bo, Cia, Dan, Eva })
        {
            expected.AddRange(Expected(member, Election, "2030-03-01"));
        }

        var actual = sent.Select(s => $"{s.Member} {s.Title} {LocalOf(s.At):yyyy-MM-dd}").ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));

        // The snoozed reminder came at the hour it was snoozed to; the first ones in the first hour of the window.
        Assert.Equal(new TimeSpan(12, 0, 0), LocalOf(sent.Single(s => s.Member == Cia && LocalOf(s.At).Day == 22).At).TimeOfDay);
        Assert.All(sent.Where(s => LocalOf(s.At).Date == new DateTime(2026, 10, 15) && s.Member != Dan), s => Assert.InRange(LocalOf(s.At).Hour, 8, 9));

        // Dan never chatted with the bot: the app was installed for him once, through the directory.
        Assert.Equal([Dan], directory.Installs);

        // The records know what was sent and who is done.
        var anna = await a.Records.GetAsync(new TrainingRecordKey(TrainingSteps.Tenant, "testkommun", "kurs", "2026-2030", Anna), default);
        Assert.Equal(4, anna!.RemindersSent);
        var bo = await a.Records.GetAsync(new TrainingRecordKey(TrainingSteps.Tenant, "testkommun", "kurs", "2026-2030", Bo), default);
        Assert.Equal(CompletionSource.SelfReported, bo!.Source);
        var eva = await a.Records.GetAsync(new TrainingRecordKey(TrainingSteps.Tenant, "testkommun", "kurs", "2026-2030", Eva), default);
        Assert.Equal(Local("2026-11-16", "10:00"), eva!.JoinedAt);
    }

    [Fact]
    public async Task TwoInstances_PlanTheSameMinute_EachReminderIsEnqueuedOnce()
    {
        var time = new FakeTimeProvider(Local("2026-10-15", "07:30"));
        var a = TrainingSteps.Start(azurite, _prefix, time);
        var b = TrainingSteps.Start(azurite, _prefix, time);
        _hosts.AddRange([a, b]);
        for (var i = 0; i < 250; i++)
        {
            await a.SaveProfileAsync($"bbbbbbbb-0000-4000-8000-{i:D12}", $"Ledamot {i}", i % 10 == 0 ? MemberRole.SarskiltArvoderad : MemberRole.Fritidspolitiker, Local("2026-09-01", "12:00"));
        }

        // Both plan at once, past their claims: the row keys let each reminder in once.
        var now = time.GetUtcNow();
        var added = await Task.WhenAll(
            a.Scheduler.PlanAsync(a.Organisation, now, now + TimeSpan.FromHours(2), default),
            b.Scheduler.PlanAsync(b.Organisation, now, now + TimeSpan.FromHours(2), default));
        Assert.Equal(250 + 25, added.Sum()); // the course for all, the yearly talk for the särskilt arvoderade

        // Planned again, nothing new; sent by both dispatchers, each once.
        Assert.Equal(0, await a.Scheduler.PlanAsync(a.Organisation, now, now + TimeSpan.FromHours(2), default));
        time.SetUtcNow(Local("2026-10-15", "09:05"));
        for (var round = 0; round < 20 && (await Task.WhenAll(a.Dispatcher.RunOnceAsync(default), b.Dispatcher.RunOnceAsync(default))).Sum() > 0; round++)
        {
        }

        var all = a.Messenger.Sent.Concat(b.Messenger.Sent).ToList();
        Assert.Equal(275, all.Count);
        Assert.Equal(275, all.Select(s => s.Target + (string?)s.Json["body"]![0]!["text"]).Distinct().Count());
        Assert.True(a.Messenger.Sent.Count > 0 && b.Messenger.Sent.Count > 0, "both instances should have sent some");
    }

    [Fact]
    public async Task DoneBeforeTheQueuedReminderGoesOut_NothingIsSent()
    {
        var time = new FakeTimeProvider(Local("2026-10-15", "07:59"));
        var bot = TrainingSteps.Start(azurite, _prefix, time);
        _hosts.Add(bot);
        await bot.SaveProfileAsync(Anna, "Anna Andersson", MemberRole.Fritidspolitiker, Local("2026-09-01", "12:00"));
        Assert.Equal(1, await bot.Scheduler.RunOnceAsync(default)); // due in the first hour of the window, enqueued ahead

        await bot.PressAsync(TrainingActions.Done, Anna, "kurs", "2026-2030");
        time.SetUtcNow(Local("2026-10-15", "09:30"));
        await bot.Dispatcher.RunOnceAsync(default);

        Assert.Empty(bot.Messenger.Sent);
    }

    [Fact]
    public async Task ARowDueAtNight_WaitsForTheMorning()
    {
        var time = new FakeTimeProvider(Local("2026-10-15", "19:00"));
        var bot = TrainingSteps.Start(azurite, _prefix, time);
        _hosts.Add(bot);
        await bot.SaveProfileAsync(Anna, "Anna Andersson", MemberRole.Fritidspolitiker, Local("2026-09-01", "12:00"));
        Assert.Equal(1, await bot.Scheduler.RunOnceAsync(default));

        // The connector is down until after 20:00; the retry that falls due at night must not go out then.
        bot.Messenger.FailWhen = (_, _) => new ProactiveException(ProactiveFailure.Transient, "503 ServiceUnavailable", TimeSpan.FromMinutes(90));
        await bot.Dispatcher.RunOnceAsync(default);
        bot.Messenger.FailWhen = null;
        time.SetUtcNow(Local("2026-10-15", "20:45"));
        await bot.Dispatcher.RunOnceAsync(default);
        Assert.Empty(bot.Messenger.Sent);

        time.SetUtcNow(Local("2026-10-16", "09:30"));
        await bot.Dispatcher.RunOnceAsync(default);
        Assert.Single(bot.Messenger.Sent);
    }
}

internal static class TurnRepliesText
{
    /// <summary>Every text the replies carry (messages, and the message an invoke answers with).</summary>
    public static string Messages(this Trygg.Conversation.Turns.TurnReplies replies) =>
        string.Join('\n', replies.Replies.OfType<Trygg.Conversation.Turns.Reply.Text>().Select(t => t.Value)
            .Append((replies.ExecuteResult as Trygg.Conversation.Turns.ExecuteResult.Message)?.Value ?? string.Empty));
}
