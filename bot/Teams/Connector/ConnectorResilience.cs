using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace Trygg.Teams.Connector;

/// <summary>
/// The one resilience pipeline for connector calls, registered once by name in the shared Polly registry.
/// Order (outer → inner): retry → circuit breaker → per-attempt timeout, so every attempt counts towards the breaker
/// and a slow attempt is cut off without ending the whole call.
/// </summary>
internal sealed class ConnectorResilience(
    ResiliencePipelineRegistry<string> registry,
    IOptions<ConnectorOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectorResilience> logger)
{
    public const string PipelineName = "Trygg.Connector";

    /// <summary>"METHOD path" of the call, for retry and breaker logs.</summary>
    internal static readonly ResiliencePropertyKey<string> OperationKey = new("Trygg.Connector.Operation");

    /// <summary>True for a call the bot paces itself (<see cref="ConnectorPacing"/>): a 429 goes back to the pacer instead of being retried here.</summary>
    internal static readonly ResiliencePropertyKey<bool> PacedKey = new("Trygg.Connector.Paced");

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; } =
        registry.GetOrAddPipeline<HttpResponseMessage>(PipelineName, builder => Configure(builder, options.Value, timeProvider, logger));

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorOptions o, TimeProvider timeProvider, ILogger logger)
    {
        builder.TimeProvider = timeProvider;

        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)
                    && !(args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests && args.Context.Properties.GetValue(PacedKey, false))),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.BaseDelay,
                MaxDelay = o.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(GetRetryAfter(args.Outcome.Result, timeProvider, o.MaxRetryAfter)),
                OnRetry = args =>
                {
                    ConnectorLog.Retrying(
                        logger,
                        args.Context.Properties.GetValue(OperationKey, "?"),
                        (int?)args.Outcome.Result?.StatusCode,
                        args.Outcome.Exception?.GetType().Name,
                        args.AttemptNumber + 1,
                        args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = args => ValueTask.FromResult(IsServiceFailure(args.Outcome)),
            FailureRatio = o.CircuitFailureRatio,
            SamplingDuration = o.CircuitSamplingDuration,
            MinimumThroughput = o.CircuitMinimumThroughput,
            BreakDuration = o.CircuitBreakDuration,
            OnOpened = args =>
            {
                ConnectorLog.CircuitOpened(logger, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception?.GetType().Name, args.BreakDuration);
                return default;
            },
            OnClosed = _ =>
            {
                ConnectorLog.CircuitClosed(logger);
                return default;
            },
        });

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = o.AttemptTimeout });
    }

    /// <summary>
    /// Teams asks bots to retry 429, 412, 502, 503 and 504 (protocol.md §4.2). 500 is deliberately not retried: it is not
    /// in that list, and replaying a POST after a server error can post the message twice.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests
            or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// What counts against the breaker: the service (or the way to it) failing. Throttling (429, 412) is per conversation,
    /// so one busy thread must not stop sends to everybody else.
    /// </summary>
    internal static bool IsServiceFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } response && (int)response.StatusCode >= 500);

    /// <summary>The server's Retry-After (delta or date), capped at <paramref name="max"/>; null = use exponential backoff.</summary>
    internal static TimeSpan? GetRetryAfter(HttpResponseMessage? response, TimeProvider timeProvider, TimeSpan max)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? delay = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => null,
        };

        if (delay is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;
    }
}
