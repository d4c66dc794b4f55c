using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Trygg.Testing;

/// <summary>At most <see cref="Count"/> requests in any <see cref="Window"/>.</summary>
public sealed record FakeRateLimit(int Count, TimeSpan Window);

/// <summary>
/// Teams' limits for one bot (protocol.md §4.1): per conversation (thread) and per app per tenant. <see cref="Teams"/>
/// are the documented values; <see cref="Scaled"/> shrinks every window so a test covers the same shape in less time.
/// </summary>
public sealed record FakeRateLimits(IReadOnlyList<FakeRateLimit> PerConversation, IReadOnlyList<FakeRateLimit> PerTenant)
{
    /// <summary>7/1 s, 8/2 s, 60/30 s, 1800/3600 s per conversation; 50/1 s per app per tenant.</summary>
    public static FakeRateLimits Teams { get; } = new(
        [new(7, TimeSpan.FromSeconds(1)), new(8, TimeSpan.FromSeconds(2)), new(60, TimeSpan.FromSeconds(30)), new(1800, TimeSpan.FromHours(1))],
        [new(50, TimeSpan.FromSeconds(1))]);

    /// <summary>The same counts in windows <paramref name="factor"/> times shorter (4 = four times the rate).</summary>
    public FakeRateLimits Scaled(double factor) => new(
        [.. PerConversation.Select(l => l with { Window = l.Window / factor })],
        [.. PerTenant.Select(l => l with { Window = l.Window / factor })]);

    /// <summary>The limits written as the bot's <c>Delivery:RateLimits</c> settings expect them ("7/250ms, 8/500ms").</summary>
    public static string Setting(IEnumerable<FakeRateLimit> limits, double share = 1.0) =>
        string.Join(", ", limits.Select(l => $"{l.Count}/{(l.Window.TotalMilliseconds / share).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}ms"));
}

/// <summary>Enforcing Teams' rate limits: a request over a limit is answered 429 with Retry-After, as Teams does.</summary>
public sealed partial class FakeConnector
{
    private readonly Dictionary<string, List<long>> _rateLogs = new(StringComparer.Ordinal);
    private FakeRateLimits? _rateLimits;
    private int _rateLimited;

    /// <summary>How many requests the enforced limits answered with 429.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>
    /// From now on, count every request that reaches the connector's operations (faults injected before them excepted) and
    /// answer those that would exceed a limit with 429 and a Retry-After (whole seconds, at least 1, as HTTP has it);
    /// refused requests do not count. Null switches enforcement off.
    /// </summary>
    public void EnforceRateLimits(FakeRateLimits? limits)
    {
        lock (_gate)
        {
            _rateLimits = limits;
            _rateLogs.Clear();
        }
    }

    /// <summary>Null when the request is within every limit (and is counted), else how long until it would be.</summary>
    private TimeSpan? OverRateLimit(FakeConnectorRequest request)
    {
        lock (_gate)
        {
            if (_rateLimits is not { } limits)
            {
                return null;
            }

            var now = Stopwatch.GetTimestamp();
            var thread = "c|" + (ThreadOf(request) ?? "?");
            var wait = Max(Wait(thread, limits.PerConversation, now), Wait("t", limits.PerTenant, now));
            if (wait > TimeSpan.Zero)
            {
                _rateLimited++;
                return wait;
            }

            Log(thread).Add(now);
            Log("t").Add(now);
            return null;
        }
    }

    private TimeSpan Wait(string key, IReadOnlyList<FakeRateLimit> limits, long now)
    {
        var log = Log(key);
        var longest = limits.Count == 0 ? TimeSpan.Zero : limits.Max(l => l.Window);
        var gone = log.FindIndex(t => Stopwatch.GetElapsedTime(t, now) < longest);
        log.RemoveRange(0, gone < 0 ? log.Count : gone);
        var wait = TimeSpan.Zero;
        foreach (var limit in limits)
        {
            // Within the window that ends now there may be at most Count - 1 earlier requests.
            if (log.Count >= limit.Count)
            {
                var free = limit.Window - Stopwatch.GetElapsedTime(log[^limit.Count], now);
                wait = Max(wait, free);
            }
        }

        return wait;
    }

    private List<long> Log(string key)
    {
        if (!_rateLogs.TryGetValue(key, out var log))
        {
            log = [];
            _rateLogs[key] = log;
        }

        return log;
    }

    /// <summary>The thread a request counts against: its conversation, the channel of a new thread, the user of a new 1:1 chat.</summary>
    private static string? ThreadOf(FakeConnectorRequest request) =>
        request.ConversationId
        ?? Text(request.Body?["channelData"]?["channel"]?["id"])
        ?? (request.Body?["members"] is JsonArray { Count: > 0 } members ? Text(members[0]?["id"]) : null);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
