namespace Trygg.Outbox;

/// <summary>What came of one attempt to deliver an outbox row.</summary>
internal abstract record DeliveryOutcome
{
    /// <summary>The shortest wait for an open circuit, so rows do not spin on a circuit about to let a trial call through.</summary>
    internal static readonly TimeSpan MinimumCircuitWait = TimeSpan.FromMilliseconds(500);

    private DeliveryOutcome()
    {
    }

    /// <summary>Sent; <see cref="Message"/> says where (for later updates), when the channel said.</summary>
    public sealed record Sent(PostedMessage? Message) : DeliveryOutcome;

    /// <summary>No longer needed (an escalation message for a case acknowledged meanwhile).</summary>
    public sealed record Cancelled(string Reason) : DeliveryOutcome;

    /// <summary>Cannot be tried yet (no security channel registered, or the circuit is open): look again later without counting an attempt.</summary>
    public sealed record Wait(TimeSpan Delay, string Reason) : DeliveryOutcome;

    /// <summary>Failed for now: try again with backoff, not before <see cref="After"/> when Teams said so.</summary>
    public sealed record Retry(string Reason, TimeSpan? After = null) : DeliveryOutcome;

    /// <summary>The app is not installed for <see cref="UserAadObjectId"/>: install it, then try again.</summary>
    public sealed record NotInstalled(string Reason, string UserAadObjectId) : DeliveryOutcome;

    /// <summary>Failed for good.</summary>
    public sealed record Failed(string Reason) : DeliveryOutcome;

    /// <summary>
    /// The handler wrote the row's result itself, in a transaction of its own carrying the claim's ETag (an escalation
    /// timer together with the messages it enqueues): the dispatcher records nothing.
    /// </summary>
    public sealed record Recorded : DeliveryOutcome;

    /// <summary>
    /// Nothing was sent because the conversation's service URL is not one the bot may call (see ServiceUrlTrust). Not a
    /// transient failure: retrying as one only burned the row's attempts into a failure while the configuration was
    /// wrong. The row waits, uncounted, and the dispatcher reports it loudly until the allow-list or an authenticated
    /// activity makes the URL trusted.
    /// </summary>
    public sealed record UntrustedServiceUrl(string Reason) : DeliveryOutcome;

    /// <summary>
    /// A transient failure: try again with backoff, or, when the bot held the call back itself (the circuit is open
    /// after a run of failures), wait for the circuit without counting an attempt. Counted, every queued alert used an
    /// attempt each time it met the open circuit, and a few minutes of Teams trouble failed alerts none of whose
    /// attempts had reached Teams.
    /// </summary>
    public static DeliveryOutcome AfterTransient(ProactiveException e) => e.Failure == ProactiveFailure.UntrustedServiceUrl
        ? new UntrustedServiceUrl(e.Message)
        : e.NotAttempted
        ? new Wait(e.RetryAfter is { } until && until > MinimumCircuitWait ? until : MinimumCircuitWait, e.Message)
        : new Retry(e.Message, e.RetryAfter);
}
