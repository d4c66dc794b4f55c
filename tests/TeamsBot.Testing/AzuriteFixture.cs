using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Data.Tables;
using Xunit;

namespace Trygg.Testing;

/// <summary>
/// The repository's Azurite (<c>node_modules/.bin/azurite</c>: the Table service, and the Blob service evidence is kept
/// in) on free loopback ports with a fresh temporary data folder, so test runs never share data. Use as an xunit class or collection
/// fixture. <see cref="StopAsync"/> and <see cref="StartAgainAsync"/> take storage away and bring it back
/// (same port, same data) for outage tests.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development key (public, documented by Microsoft; not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly StringBuilder _output = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _process;

    /// <summary>The loopback port the Table service listens on (stable across <see cref="StartAgainAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary>Azurite's data folder (its <c>--location</c>), deleted on dispose.</summary>
    public string Location { get; } = Path.Combine(Path.GetTempPath(), "trygg-azurite-" + Guid.NewGuid().ToString("N")[..12]);

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The Azurite process's id while it runs (the benchmark reads its CPU time).</summary>
    public int? ProcessId => _process is { HasExited: false } running ? running.Id : null;

    public Uri TableEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    /// <summary>The loopback port of the Blob service (stable across <see cref="StartAgainAsync"/>).</summary>
    public int BlobPort { get; private set; }

    /// <summary>Azurite serves queues too whether we want them or not; they get a free port so runs never collide.</summary>
    private int _queuePort;

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    /// <summary>The explicit form: <c>UseDevelopmentStorage=true</c> only knows the default port.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};BlobEndpoint={BlobEndpoint};";

    /// <summary>A new client (own pipeline, no shared state), e.g. to play a restarted bot.</summary>
    public TableServiceClient CreateServiceClient() => new(ConnectionString);

    /// <summary>
    /// Configuration for the bot's <c>AddStorage</c> pointing at this Azurite; <paramref name="tablePrefix"/>
    /// (see <see cref="NewTablePrefix"/>) keeps tests that share one Azurite apart.
    /// </summary>
    public IReadOnlyDictionary<string, string?> StorageSettings(string tablePrefix) => new Dictionary<string, string?>
    {
        ["Storage:ConnectionString"] = ConnectionString,
        ["Storage:TablePrefix"] = tablePrefix,
    };

    /// <summary>A table prefix no other test uses (letters and digits, as table names require).</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        var executable = FindExecutable();
        Directory.CreateDirectory(Location);

        // A free port can be taken between our probe and Azurite's bind: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            do
            {
                BlobPort = FreeLoopbackPort();
                _queuePort = FreeLoopbackPort();
            }
            while (BlobPort == Port || _queuePort == Port || _queuePort == BlobPort);
            try
            {
                await StartAsync(executable);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && Output.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                await KillAsync();
            }
        }
    }

    /// <summary>Stop Azurite as an outage would; it saves its data first (SIGINT), so <see cref="StartAgainAsync"/> finds it.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_process is null)
            {
                return;
            }

            await InterruptAsync(_process);
            await KillAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Start again on the same port with the same data; returns once the service answers.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            return;
        }

        await StartAsync(FindExecutable());
    }

    public async Task DisposeAsync()
    {
        await KillAsync();
        _gate.Dispose();
        try
        {
            Directory.Delete(Location, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    /// <summary>What Azurite printed (errors only: it runs with <c>--silent</c>); for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private static string FindExecutable()
    {
        var name = OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite";
        var path = RepoPaths.Combine("node_modules", ".bin", name);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed: {path} is missing. Run `npm ci` in {RepoPaths.Root} (Node 20+), then run the tests again.");
        }

        return path;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task StartAsync(string executable)
    {
        await _gate.WaitAsync();
        try
        {
            var info = new ProcessStartInfo(executable)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                WorkingDirectory = Location,
            };
            foreach (var argument in (string[])[
                "--tableHost", "127.0.0.1",
                "--tablePort", Port.ToString(CultureInfo.InvariantCulture),
                "--blobHost", "127.0.0.1",
                "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1",
                "--queuePort", _queuePort.ToString(CultureInfo.InvariantCulture),
                "--location", Location,
                "--silent", "--disableTelemetry", "--skipApiVersionCheck"])
            {
                info.ArgumentList.Add(argument);
            }

            var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
        }
        finally
        {
            _gate.Release();
        }

        await WaitUntilReadyAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        var client = new TableServiceClient(ConnectionString, options);
        while (true)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"Azurite exited while starting on port {Port}:{Environment.NewLine}{Output}");
            }

            try
            {
                using (var tcp = new TcpClient())
                {
                    await tcp.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
                }

                using (var blob = new TcpClient())
                {
                    await blob.ConnectAsync(IPAddress.Loopback, BlobPort, timeout.Token);
                }

                await foreach (var _ in client.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages())
                {
                    break;
                }

                return;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new InvalidOperationException($"Azurite did not answer on port {Port} within {StartTimeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
            }
            catch (Exception e) when (e is SocketException or Azure.RequestFailedException or AggregateException)
            {
                await Task.Delay(100, timeout.Token);
            }
        }
    }

    private static async Task InterruptAsync(Process process)
    {
        if (process.HasExited || OperatingSystem.IsWindows())
        {
            return;
        }

        // Azurite flushes its data to disk on SIGINT (it only autosaves every 5 s); Process.Kill would lose the tail.
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Falls through to the hard kill.
        }
    }

    private async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
