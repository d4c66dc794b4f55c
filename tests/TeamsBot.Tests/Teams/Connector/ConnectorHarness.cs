using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trygg.Hosting;
using Trygg.Teams;
using Trygg.Teams.Connector;
using Trygg.Testing;

namespace Trygg.Teams.Connector;

/// <summary>A host built with the real <see cref="ConnectorSetup.AddConnector"/> against a <see cref="FakeConnector"/>, with fast delays.</summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> FastSettings = new()
    {
        ["Connector:MaxRetries"] = "3",
        ["Connector:BaseDelay"] = "00:00:00.010",
        ["Connector:MaxDelay"] = "00:00:00.050",
        ["Connector:AttemptTimeout"] = "00:00:05",
        ["Connector:MaxRetryAfter"] = "00:00:05",
    };

    private readonly IHost _host;

    private ConnectorHarness(FakeConnector fake, IHost host, ConcurrentQueue<string> logs)
    {
        Fake = fake;
        _host = host;
        Logs = logs;
    }

    public FakeConnector Fake { get; }

    /// <summary>Every formatted log line (all levels) written while the harness ran.</summary>
    public ConcurrentQueue<string> Logs { get; }

    public IConnectorClient Client => _host.Services.GetRequiredService<IConnectorClient>();

    public IServiceUrlTrust Trust => _host.Services.GetRequiredService<IServiceUrlTrust>();

    public string ServiceUrl => Fake.ServiceUrl;

    public static async Task<ConnectorHarness> StartAsync(
        Dictionary<string, string?>? settings = null,
        IConnectorTokenProvider? tokens = null,
        Action<BotOptions>? bot = null,
        bool trustFake = true)
    {
        var fake = await FakeConnector.StartAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(FastSettings);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var logs = new ConcurrentQueue<string>();
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(logs));
        builder.Services.AddOptions<BotOptions>().Configure(o =>
        {
            if (trustFake)
            {
                o.TrustedServiceUrls.Add(fake.ServiceUrl);
            }

            bot?.Invoke(o);
        });

        builder.AddClock();
        builder.AddConnector();
        if (tokens is not null)
        {
            builder.Services.AddSingleton(tokens);
        }

        var host = builder.Build();
        await host.StartAsync();
        return new ConnectorHarness(fake, host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await Fake.DisposeAsync();
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                foreach (var (key, value) in properties)
                {
                    lines.Enqueue($"  {key}={value}");
                }
            }
        }
    }
}
