using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Trygg.Eval;

/// <summary>
/// Azurite's Table service from the repository's node_modules, in memory on a free loopback port, for an eval run
/// that needs the real stores but no service already running. Stopped (and its data gone) on dispose.
/// </summary>
internal sealed class LocalTables : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key (public, documented by Microsoft; not a secret).</summary>
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private LocalTables(Process process, int port)
    {
        _process = process;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};"
            + $"TableEndpoint=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<LocalTables> StartAsync(CancellationToken cancellationToken)
    {
        var executable = EvalCommand.Resolve(Path.Combine("node_modules", ".bin", "azurite-table"))
            ?? throw new InvalidOperationException("node_modules/.bin/azurite-table not found: run `npm ci` in the repository first.");
        var port = FreePort();
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--silent", "--disableTelemetry", "--skipApiVersionCheck"])
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("azurite: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var tables = new LocalTables(process, port);
        try
        {
            await WaitForPortAsync(process, port, cancellationToken);
            return tables;
        }
        catch
        {
            await tables.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task WaitForPortAsync(Process process, int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited while starting on port {port}.");
            }

            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, timeout.Token);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
