using System.ComponentModel.DataAnnotations;
using Trygg.Hosting;

namespace Trygg.Teams.Connector;

/// <summary>
/// Retry, timeout and circuit-breaker settings for calls to the Bot Connector. Bound from the <c>Connector</c> section.
/// The ranges mirror what Polly accepts, so a bad value stops the bot at start with the setting's name.
/// </summary>
internal sealed class ConnectorOptions
{
    public const string Section = "Connector";

    /// <summary>Retries after the first attempt (0 = no retries). Teams guidance: a bounded count.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; grows exponentially with jitter. Ignored when the connector sends Retry-After.</summary>
    [DurationRange("00:00:00", "00:05:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one computed backoff delay.</summary>
    [DurationRange("00:00:00.001", "00:10:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest Retry-After the bot honours; longer requests are cut to this.</summary>
    [DurationRange("00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one HTTP attempt (the whole call can take retries × this plus delays).</summary>
    [DurationRange("00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Share of failed attempts within <see cref="CircuitSamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    [DurationRange("00:00:00.500", "01:00:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts needed within the sampling window before the ratio counts.</summary>
    [Range(2, 10_000)]
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>How long calls fail fast once the circuit is open.</summary>
    [DurationRange("00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
