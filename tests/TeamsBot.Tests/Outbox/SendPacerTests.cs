using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Trygg.Outbox;

public sealed class SendPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 15, 7, 0, 0, TimeSpan.Zero);

    private static SendPacer Pacer(FakeTimeProvider time, string perConversation = "7/1s, 8/2s, 60/30s, 1800/3600s", string perTenant = "50/1s") =>
        new(Options.Create(new SendLimitsOptions { PerConversation = perConversation, PerTenant = perTenant }), time);

    /// <summary>Asks for <paramref name="count"/> turns at once and lets the fake clock run until all are granted; returns when each was.</summary>
    private static async Task<List<TimeSpan>> GrantedAsync(FakeTimeProvider time, SendPacer pacer, int count, Func<int, (string Tenant, string Conversation)> who)
    {
        var granted = new TimeSpan[count];
        var waits = Enumerable.Range(0, count).Select(async i =>
        {
            var (tenant, conversation) = who(i);
            // Without the test's synchronisation context the rest runs inside Advance, the moment the turn is granted;
            // posted back to it, it could run after the loop below had moved the clock on (seen on a loaded machine).
            await pacer.WaitTurnAsync(tenant, conversation, default).ConfigureAwait(false);
            granted[i] = time.GetUtcNow() - Start;
        }).ToList();
        for (var step = 0; step < 100_000 && waits.Any(w => !w.IsCompleted); step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
            await Task.Yield();
        }

        await Task.WhenAll(waits);
        return [.. granted.Order()];
    }

    private static void AssertWithin(List<TimeSpan> times, int count, TimeSpan window)
    {
        for (var i = count; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - count] >= window, $"{count + 1} calls within {window}: {times[i - count]} .. {times[i]}");
        }
    }

    [Fact]
    public async Task OneTenant_ManyConversations_AtMostFiftyInAnySecond_AndNoSlower()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time);

        var times = await GrantedAsync(time, pacer, 200, i => ("t1", $"a:{i}"));

        AssertWithin(times, 50, TimeSpan.FromSeconds(1));
        Assert.True(times[^1] < TimeSpan.FromSeconds(3.1), $"200 calls at 50/s should take about 3 s, took {times[^1]}");
    }

    [Fact]
    public async Task OneConversation_KeepsEveryWindow_7PerSecond_8Per2Seconds_60Per30Seconds()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time);

        var times = await GrantedAsync(time, pacer, 70, _ => ("t1", "a:busy"));

        AssertWithin(times, 7, TimeSpan.FromSeconds(1));
        AssertWithin(times, 8, TimeSpan.FromSeconds(2));
        AssertWithin(times, 60, TimeSpan.FromSeconds(30));
        Assert.True(times[60] >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ABusyConversation_DoesNotHoldUpOthers()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time);

        // At one and the same moment (the clock does not move): 20 calls to one chat, then one call to each of 10 others.
        var busy = Enumerable.Range(0, 20).Select(_ => pacer.WaitTurnAsync("t1", "a:busy", default).AsTask()).ToList();
        var others = Enumerable.Range(0, 10).Select(i => pacer.WaitTurnAsync("t1", $"a:{i}", default).AsTask()).ToList();

        Assert.Equal(7, busy.Count(t => t.IsCompleted)); // the busy chat gets its 7 per second and waits for the rest
        Assert.All(others, t => Assert.True(t.IsCompleted, "another chat waited behind the busy one"));

        for (var step = 0; step < 10_000 && busy.Any(t => !t.IsCompleted); step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
            await Task.Yield();
        }

        await Task.WhenAll(busy);
    }

    [Fact]
    public async Task Tenants_AreLimitedSeparately()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time, perTenant: "10/1s");

        var times = await GrantedAsync(time, pacer, 20, i => ($"t{i % 2}", $"a:{i}"));

        Assert.True(times[^1] < TimeSpan.FromMilliseconds(100), $"two tenants' 10 each should go at once, took {times[^1]}");
    }

    [Fact]
    public async Task Throttled_PausesTheConversationForItsRetryAfter_AndTheTenantForOneWindow()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time, perConversation: "7/1s", perTenant: "50/1s");

        pacer.Throttled("t1", "a:1", TimeSpan.FromSeconds(4));
        var others = await GrantedAsync(time, pacer, 3, i => ("t1", $"b:{i}"));
        var same = await GrantedAsync(time, pacer, 1, _ => ("t1", "a:1"));

        Assert.InRange(others[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.1)); // one tenant window, not the throttled thread's 4 s
        Assert.True(same[0] >= TimeSpan.FromSeconds(4), $"the throttled conversation went again after {same[0]}");
    }

    [Fact]
    public async Task AFanOut_IsForgottenOnceItsWindowsPass()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(time, perConversation: "7/1s", perTenant: "100000/1s");

        await GrantedAsync(time, pacer, 5000, i => ("t1", $"a:{i}"));
        time.Advance(TimeSpan.FromSeconds(2));
        await GrantedAsync(time, pacer, 4096, i => ("t1", $"b:{i}"));

        Assert.True(pacer.Remembered < 5000, $"remembers {pacer.Remembered} conversations");
    }

    [Theory]
    [InlineData("7/1s, 8/2s, 60/30s, 1800/3600s", 4)]
    [InlineData("50/250ms", 1)]
    [InlineData("3/1.5m, 1/1h", 2)]
    public void Parse_ReadsCountAndWindow(string text, int count) => Assert.Equal(count, SendLimitsOptions.Parse(text).Count);

    [Theory]
    [InlineData("")]
    [InlineData("7 per second")]
    [InlineData("0/1s")]
    [InlineData("7/2d")]
    public void Validate_BadLimits_NameTheSetting(string text)
    {
        var options = new SendLimitsOptions { PerTenant = text };

        var errors = options.Validate(new ValidationContext(options)).ToList();

        var error = Assert.Single(errors);
        Assert.Contains("Delivery:RateLimits:PerTenant", error.ErrorMessage, StringComparison.Ordinal);
    }
}
