using System.ComponentModel.DataAnnotations;
using Trygg.Hosting;

namespace Trygg.Outbox;

/// <summary>How the outbox dispatcher works. Bound from the <c>Delivery</c> section; bad values stop the bot at start.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How often the dispatcher looks for due rows when nothing woke it (a submit or a case action wakes it at once).</summary>
    [DurationRange("00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows taken per round.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Cases delivered at the same time within a round (a case's own rows stay in order). One at a time, a burst of
    /// reports with Teams throttling waited in a single line: 500 reports took minutes to reach the security unit.
    /// </summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// How long a claimed row is reserved for its dispatcher. Longer than one delivery can take (a connector call with
    /// its own retries and Retry-After waits); a send still running when the lease nears its end is cancelled.
    /// </summary>
    [DurationRange("00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Attempts before a row is marked failed and the security unit is told.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Delay before the second attempt; doubles each time (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    [DurationRange("00:00:00.001", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    [DurationRange("00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a card for an organisation without a registered channel looks again (it waits, it is not dropped).</summary>
    [DurationRange("00:00:00.001", "01:00:00")]
    public TimeSpan ChannelWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often a row whose conversation's service URL the bot may not call looks again (uncounted): the URL becomes
    /// callable when it is added to <c>Bot:TrustedServiceUrls</c> or an authenticated activity brings it to the instance.
    /// </summary>
    [DurationRange("00:00:00.001", "01:00:00")]
    public TimeSpan UntrustedServiceUrlWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wait after asking Graph to install the app for a user, before opening the 1:1 chat again.</summary>
    [DurationRange("00:00:00.001", "01:00:00")]
    public TimeSpan InstallWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Escalation rounds for a case nobody acknowledges: round 1 when the rules' escalation time passes, each further
    /// round after the same interval again. 2 = one reminder after the first escalation.
    /// </summary>
    [Range(1, 10)]
    public int EscalationRounds { get; set; } = 2;

    /// <summary>False runs no dispatcher in this process (tests that drive it by hand; a web-only instance).</summary>
    public bool RunInBackground { get; set; } = true;
}
