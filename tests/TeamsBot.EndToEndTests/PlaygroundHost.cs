using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Trygg.Testing;

namespace Trygg;

/// <summary>
/// The Microsoft 365 Agents Playground (npm) on a free loopback port, pointed at a bot endpoint.
/// It listens on every interface by default; scripts/loopback-only.cjs keeps it on 127.0.0.1.
/// </summary>
public sealed class PlaygroundHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _output = new();

    private PlaygroundHost(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>The serviceUrl the Playground puts into activities (it says localhost, not 127.0.0.1).</summary>
    public string ServiceUrl => $"http://localhost:{Port}/_connector";

    public string Output => _output.ToString();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<PlaygroundHost> StartAsync(int port, Uri botEndpoint)
    {
        var bin = RepoPaths.Combine("node_modules", ".bin", "agentsplayground");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"{bin} is missing: run `npm ci` in the repository root (scripts/test.sh does).");
        }

        var start = new ProcessStartInfo(bin)
        {
            ArgumentList = { "-e", botEndpoint.ToString(), "-c", "msteams", "--dt", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.Environment["NODE_OPTIONS"] = "--require " + RepoPaths.Combine("scripts", "loopback-only.cjs");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the Agents Playground");
        var host = new PlaygroundHost(process, port);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The Agents Playground exited:\n" + host.Output);
            }

            try
            {
                if ((await http.GetAsync(host.Address)).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        await host.DisposeAsync();
        throw new TimeoutException("The Agents Playground did not answer within 60 s:\n" + host.Output);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.WriteLine(line);
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
        await _output.DisposeAsync();
    }
}
