using Microsoft.Extensions.Options;

namespace Trygg.Outbox;

/// <summary>
/// Paces the bot's own calls to Teams so that they stay inside Teams' limits instead of running into 429 storms. The
/// protocol layer asks for a turn before each connector call it makes on its own initiative and reports throttling.
/// </summary>
public interface ISendPacer
{
    /// <summary>Waits until one more call to <paramref name="conversationKey"/> of the tenant keeps within every limit, and books it.</summary>
    ValueTask WaitTurnAsync(string tenantId, string conversationKey, CancellationToken cancellationToken);

    /// <summary>
    /// Teams answered 429 although we paced: nothing more to that conversation until <paramref name="retryAfter"/> has
    /// passed, and nothing to the tenant for up to one tenant window, so whatever the service counted drains.
    /// </summary>
    void Throttled(string tenantId, string conversationKey, TimeSpan? retryAfter);
}

/// <summary>
/// <see cref="ISendPacer"/> with sliding-window logs: per conversation and per tenant, every limit of
/// <see cref="SendLimitsOptions"/> holds over any window, not just over aligned ones as fixed buckets would. Turns are
/// booked in order (first come, first served) at the earliest moment all limits allow, so waiting callers do not wake
/// together and race. A conversation's own limit is waited for before a tenant slot is booked, so one busy
/// conversation does not hold up everybody else's messages.
/// </summary>
internal sealed class SendPacer(IOptions<SendLimitsOptions> options, TimeProvider time) : ISendPacer
{
    private const int SweepEvery = 4096;

    private readonly IReadOnlyList<SendLimit> _conversationLimits = options.Value.ConversationLimits;
    private readonly IReadOnlyList<SendLimit> _tenantLimits = options.Value.TenantLimits;
    private readonly bool _enabled = options.Value.Enabled;
    private readonly TimeSpan _tenantWindow = options.Value.TenantLimits.Select(l => l.Window).DefaultIfEmpty(TimeSpan.FromSeconds(1)).Max();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Log> _logs = new(StringComparer.Ordinal);
    private int _bookings;

    public async ValueTask WaitTurnAsync(string tenantId, string conversationKey, CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return;
        }

        while (true)
        {
            TimeSpan wait;
            bool booked;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                var conversation = LogOf("c|" + tenantId + "|" + conversationKey, _conversationLimits);
                var tenant = LogOf("t|" + tenantId, _tenantLimits);
                var conversationFree = conversation.Earliest(now);
                booked = conversationFree <= now;
                if (booked)
                {
                    var at = Max(tenant.Earliest(now), conversationFree);
                    tenant.Book(at);
                    conversation.Book(at);
                    wait = at - now;
                    if (++_bookings % SweepEvery == 0)
                    {
                        Sweep(now);
                    }
                }
                else
                {
                    wait = conversationFree - now;
                }
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            if (booked)
            {
                return;
            }
        }
    }

    public void Throttled(string tenantId, string conversationKey, TimeSpan? retryAfter)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_gate)
        {
            var now = time.GetUtcNow();
            var wait = retryAfter is { } after && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(1);
            LogOf("c|" + tenantId + "|" + conversationKey, _conversationLimits).PauseUntil(now + wait);
            LogOf("t|" + tenantId, _tenantLimits).PauseUntil(now + Min(wait, _tenantWindow));
        }
    }

    /// <summary>How many conversations and tenants the pacer remembers (for tests of its forgetting).</summary>
    internal int Remembered
    {
        get
        {
            lock (_gate)
            {
                return _logs.Count;
            }
        }
    }

    private Log LogOf(string key, IReadOnlyList<SendLimit> limits)
    {
        if (!_logs.TryGetValue(key, out var log))
        {
            log = new Log(limits);
            _logs[key] = log;
        }

        return log;
    }

    /// <summary>Forgets conversations whose every booking has left every window (a fan-out touches thousands once).</summary>
    private void Sweep(DateTimeOffset now)
    {
        foreach (var key in _logs.Where(l => l.Value.Idle(now)).Select(l => l.Key).ToList())
        {
            _logs.Remove(key);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>The booked call times of one conversation or tenant, oldest first (bookings only ever move forward).</summary>
    private sealed class Log(IReadOnlyList<SendLimit> limits)
    {
        private readonly TimeSpan _longest = limits.Count == 0 ? TimeSpan.Zero : limits.Max(l => l.Window);
        private readonly List<DateTimeOffset> _times = [];
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

        /// <summary>The first moment at or after <paramref name="now"/> at which one more call keeps within every limit.</summary>
        public DateTimeOffset Earliest(DateTimeOffset now)
        {
            Forget(now);
            var at = now > _pausedUntil ? now : _pausedUntil;
            if (_times.Count > 0 && _times[^1] > at)
            {
                at = _times[^1];
            }

            foreach (var limit in limits)
            {
                // With the new call, the window ending at it may hold at most Count calls: the Count-th latest must be
                // a full window earlier.
                if (_times.Count >= limit.Count)
                {
                    var free = _times[^limit.Count] + limit.Window;
                    if (free > at)
                    {
                        at = free;
                    }
                }
            }

            return at;
        }

        public void Book(DateTimeOffset at) => _times.Add(at);

        public void PauseUntil(DateTimeOffset until)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }

        public bool Idle(DateTimeOffset now)
        {
            Forget(now);
            return _times.Count == 0 && _pausedUntil <= now;
        }

        private void Forget(DateTimeOffset now)
        {
            var gone = 0;
            while (gone < _times.Count && _times[gone] <= now - _longest)
            {
                gone++;
            }

            if (gone > 0)
            {
                _times.RemoveRange(0, gone);
            }
        }
    }
}
