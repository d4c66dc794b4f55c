namespace Trygg.Teams.Connector;

/// <summary>Connector logs. Never bodies (they hold report text) and never tokens; ids and statuses are fine.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Connector {Operation} -> {StatusCode} (attempt {Attempt}, {ElapsedMs} ms, correlation {CorrelationId})")]
    public static partial void AttemptCompleted(ILogger logger, string operation, int statusCode, int attempt, long elapsedMs, string? correlationId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Connector {Operation} failed with {StatusCode} {ExceptionType}; retry {Retry} in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, int? statusCode, string? exceptionType, int retry, TimeSpan delay);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Connector circuit opened after {StatusCode} {ExceptionType}; calls fail fast for {BreakDuration}")]
    public static partial void CircuitOpened(ILogger logger, int? statusCode, string? exceptionType, TimeSpan breakDuration);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Connector circuit closed")]
    public static partial void CircuitClosed(ILogger logger);
}
