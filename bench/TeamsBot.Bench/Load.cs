using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Trygg.Testing;

namespace Trygg.Bench;

/// <summary>Latency percentiles (ms) and throughput of one load run.</summary>
internal sealed record LoadResult(int Turns, int Failed, double P50Ms, double P99Ms, double TurnsPerSecond)
{
    public JsonObject ToJson() => new()
    {
        ["turns"] = Turns,
        ["failed"] = Failed,
        ["p50_ms"] = Math.Round(P50Ms, 2),
        ["p99_ms"] = Math.Round(P99Ms, 2),
        ["turns_per_s"] = Math.Round(TurnsPerSecond, 1),
    };
}

/// <summary>
/// Drives report-flow turns ("jag har blivit hotad": the draft is started or resumed in storage and the safety card is
/// posted to the connector) at an endpoint, from N conversations at once, each sending its next turn when the last one
/// was answered (a member waits for the bot).
/// </summary>
internal sealed class Load(Uri endpoint, string serviceUrl) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = endpoint,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<LoadResult> RunAsync(int conversations, int turnsPerConversation)
    {
        var latencies = new double[conversations * turnsPerConversation];
        var failed = 0;
        var members = Enumerable.Range(0, conversations).Select(_ => new Activities(serviceUrl)).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(members.Select((member, c) => Task.Run(async () =>
        {
            for (var t = 0; t < turnsPerConversation; t++)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await TurnAsync(member);
                latencies[(c * turnsPerConversation) + t] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        var elapsed = clock.Elapsed;
        Array.Sort(latencies);
        return new LoadResult(latencies.Length, failed, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Length / elapsed.TotalSeconds);
    }

    private async Task<bool> TurnAsync(Activities member)
    {
        try
        {
            using var response = await _http.PostAsJsonAsync("/api/messages", member.Message("jag har blivit hotad"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
