using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Trygg.Testing;

/// <summary>One log line as the app wrote it: category, level, event, rendered message, structured values and exception.</summary>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>> Values,
    Exception? Exception)
{
    /// <summary>Everything a log sink could store: the message, every structured value and the exception with its stack.</summary>
    public string FullText =>
        string.Join(
            Environment.NewLine,
            new[] { $"{Category} [{Level}] {Message}" }
                .Concat(Values.Select(v => $"{v.Key}={v.Value}"))
                .Concat(Exception is null ? [] : [Exception.ToString()]));

    public override string ToString() => $"{Category} [{Level}] {Message}" + (Exception is null ? "" : $" ({Exception.GetType().Name})");
}

/// <summary>
/// An in-memory <see cref="ILoggerProvider"/> for the real app (<see cref="TryggApp"/>'s <c>services</c> hook):
/// captures every line at every level, with its structured values, so tests can assert what the logs would hold.
/// </summary>
public sealed class LogCapture(LogLevel minimumLevel = LogLevel.Trace) : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public LogLevel MinimumLevel { get; } = minimumLevel;

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    /// <summary>Registers this provider and lets every category through from <see cref="MinimumLevel"/> (the host's own filters would drop Debug).</summary>
    public void AddTo(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging(logging => logging
            .AddProvider(this)
            .AddFilter<LogCapture>(_ => true));
    }

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= owner.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!IsEnabled(logLevel))
            {
                return;
            }

            IReadOnlyList<KeyValuePair<string, object?>> values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? [.. pairs] : [];
            owner._entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}
