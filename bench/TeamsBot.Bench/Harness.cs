using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Trygg.Testing;

namespace Trygg.Bench;

/// <summary>Starts everything, runs the bot and the floor side by side, and gathers the figures.</summary>
internal static class Harness
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    public static async Task<JsonObject> RunAsync(BenchOptions options)
    {
        var machine = Machine();
        if (options.OnlyGuidance)
        {
            Progress("guidance");
            return new JsonObject { ["machine"] = machine, ["guidance"] = GuidanceBench.Run(options.GuidanceRounds) };
        }

        Progress("starting Azurite and the loopback connector");
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        if (options.OnlyFanOut)
        {
            try
            {
                return new JsonObject
                {
                    ["machine"] = machine,
                    ["reminder_fanout"] = await FanOutBench.RunAsync(azurite, options.FanOutMembers, options.FanOutScale, Progress),
                };
            }
            finally
            {
                await azurite.DisposeAsync();
            }
        }

        await using var connector = await FakeConnector.StartAsync();
        var logFolder = Directory.CreateTempSubdirectory("trygg-bench-");

        using var bot = await StartBotAsync(azurite, connector, logFolder.FullName);
        using var floor = await StartFloorAsync(logFolder.FullName);
        try
        {
            using var botLoad = new Load(bot.Endpoint, connector.ServiceUrl);
            using var floorLoad = new Load(floor.Endpoint, connector.ServiceUrl);

            // Steady state, not the first seconds: until the JIT has recompiled the hot paths with the profile it
            // gathered (dynamic PGO), a turn costs about twice the CPU, and a short run measures mostly that.
            Progress($"warming up ({options.WarmupTurns} turns each, {options.Conversations} conversations)");
            var warmupCpu = CpuTime.Of(bot.Process.Id, azurite.ProcessId ?? 0);
            var botWarmup = await botLoad.RunAsync(options.Conversations, options.WarmupTurns / options.Conversations);
            var warmupCpuMs = warmupCpu.PerTurn(botWarmup.Turns);
            await floorLoad.RunAsync(options.Conversations, options.WarmupTurns / options.Conversations);
            var rssAfterWarmup = Rss(bot.Process.Id, "VmRSS");

            Progress($"1 conversation, {options.SequentialTurns} turns");
            var floor1 = await floorLoad.RunAsync(1, options.SequentialTurns);
            var bot1 = await botLoad.RunAsync(1, options.SequentialTurns);
            Progress($"{options.Conversations} conversations, {options.TurnsPerConversation} turns each");
            var floorCpu = CpuTime.Of(floor.Process.Id, Environment.ProcessId);
            var floorN = await floorLoad.RunAsync(options.Conversations, options.TurnsPerConversation);
            var floorCpuMs = floorCpu.PerTurn(floorN.Turns);
            var botCpu = CpuTime.Of(bot.Process.Id, azurite.ProcessId ?? 0, Environment.ProcessId);
            var botN = await botLoad.RunAsync(options.Conversations, options.TurnsPerConversation);
            var botCpuMs = botCpu.PerTurn(botN.Turns);
            var peakRss = Rss(bot.Process.Id, "VmHWM");
            var turns = new JsonObject
            {
                ["what"] = "message 'jag har blivit hotad' in a personal chat: draft started or resumed in Table storage, safety card posted to the connector; HTTP 200 after the post",
                ["conversations_1"] = Compare(bot1, floor1),
                [$"conversations_{options.Conversations}"] = Compare(botN, floorN),
                ["warmup_right_after_start"] = new JsonObject
                {
                    ["what"] = $"the bot's first {botWarmup.Turns} turns after start, {options.Conversations} conversations (not compared: the floor is warmed up the same way)",
                    ["turns_per_s"] = Math.Round(botWarmup.TurnsPerSecond, 1),
                    ["p99_ms"] = Math.Round(botWarmup.P99Ms, 2),
                    ["cpu_ms_per_turn_bot"] = warmupCpuMs[0],
                    ["cpu_ms_per_turn_azurite"] = warmupCpuMs[1],
                },
                [$"cpu_ms_per_turn_{options.Conversations}"] = new JsonObject
                {
                    ["what"] = "CPU time (user + system) per turn in the many-conversation run, by process; the machine has 2 cores",
                    ["bot"] = botCpuMs[0],
                    ["azurite"] = botCpuMs[1],
                    ["harness_with_bot"] = botCpuMs[2],
                    ["floor"] = floorCpuMs[0],
                    ["harness_with_floor"] = floorCpuMs[1],
                },
            };
            if (options.OnlyTurns)
            {
                return new JsonObject { ["machine"] = machine, ["turn"] = turns, ["logs"] = logFolder.FullName };
            }

            Progress("guidance");
            var guidance = GuidanceBench.Run(options.GuidanceRounds);

            Progress("reminder fan-out");
            var fanOut = await FanOutBench.RunAsync(azurite, options.FanOutMembers, options.FanOutScale, Progress);

            return new JsonObject
            {
                ["machine"] = machine,
                ["turn"] = turns,
                ["guidance"] = guidance,
                ["process"] = new JsonObject
                {
                    ["ready_ms"] = Math.Round(bot.ReadyAfter.TotalMilliseconds, 0),
                    ["rss_after_warmup_mb"] = Math.Round(rssAfterWarmup / 1024.0, 1),
                    ["rss_peak_mb"] = Math.Round(peakRss / 1024.0, 1),
                },
                ["reminder_fanout"] = fanOut,
                ["connector_requests"] = connector.Requests.Count,
                ["logs"] = logFolder.FullName,
            };
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static JsonObject Compare(LoadResult bot, LoadResult floor) => new()
    {
        ["bot"] = bot.ToJson(),
        ["floor"] = floor.ToJson(),
        ["p50_ratio"] = Math.Round(bot.P50Ms / floor.P50Ms, 2),
        ["p99_ratio"] = Math.Round(bot.P99Ms / floor.P99Ms, 2),
        ["throughput_ratio"] = Math.Round(bot.TurnsPerSecond / floor.TurnsPerSecond, 2),
    };

    private static async Task<Server> StartBotAsync(AzuriteFixture azurite, FakeConnector connector, string logs)
    {
        var folder = RepoPaths.Combine("bot", "bin", "Release", "net10.0");
        var dll = Path.Combine(folder, "Trygg.Bot.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the bot in Release first (scripts/bench.sh does).");
        }

        var port = FreePort();
        Progress($"starting the bot (Release, anonymous loopback with Production's log levels and intervals) on port {port}");

        // Anonymous mode (no app id, no token to validate) only starts in Development; the settings Development
        // changes are put back to Production's (log levels, the scheduler's interval) so that a turn costs about what it costs
        // in production; the token check and the JSON log format (Development logs plain text) still differ.
        return await StartAsync(folder, [dll, "--urls", $"http://127.0.0.1:{port}"], port, Path.Combine(logs, "bot.log"), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Warning",
            ["Training__SchedulerInterval"] = "00:05:00",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Bot__TrustedServiceUrls__0"] = connector.ServiceUrl,
            ["Documents__PublicBaseUrl"] = $"http://127.0.0.1:{port}/",
        });
    }

    private static async Task<Server> StartFloorAsync(string logs)
    {
        var port = FreePort();
        var self = Assembly.GetExecutingAssembly().Location;
        Progress($"starting the floor endpoint on port {port}");
        return await StartAsync(Path.GetDirectoryName(self)!, [self, "floor", "--urls", $"http://127.0.0.1:{port}"], port, Path.Combine(logs, "floor.log"), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });
    }

    /// <summary>Starts `dotnet ARGS` with its output in a file, and times it until /readyz answers 200.</summary>
    private static async Task<Server> StartAsync(string folder, string[] args, int port, string logFile, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec dotnet \"$@\" >\"$TRYGG_BENCH_LOG\" 2>&1");
        info.ArgumentList.Add("dotnet");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["TRYGG_BENCH_LOG"] = logFile;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var endpoint = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{args[0]} exited with {process.ExitCode}; see {logFile}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new Server(process, endpoint, started.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            if (started.Elapsed > ReadyTimeout)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{args[0]} was not ready within {ReadyTimeout.TotalSeconds} s; see {logFile}");
            }

            await Task.Delay(10);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A line of /proc/PID/status in kB (VmRSS now, VmHWM the peak).</summary>
    private static long Rss(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static JsonObject Machine()
    {
        string Read(string path, string prefix) =>
            File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";
        return new JsonObject
        {
            ["cpu"] = Read("/proc/cpuinfo", "model name"),
            ["cores"] = Environment.ProcessorCount,
            ["memory_gb"] = Math.Round(long.Parse(Read("/proc/meminfo", "MemTotal").Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0 / 1024.0, 1),
            ["os"] = RuntimeInformation.OSDescription,
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["load_average_at_start"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?",
        };
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[bench] {message}");

    private sealed record Server(Process Process, Uri Endpoint, TimeSpan ReadyAfter) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }
    }
}
