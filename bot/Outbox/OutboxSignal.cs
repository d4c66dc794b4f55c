namespace Trygg.Outbox;

/// <summary>
/// Wakes the dispatcher in this process when new outbox rows were written (a report, a case action), so a card goes out
/// within moments instead of at the next poll. Other instances find the rows at their next poll.
/// </summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Nudge()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the dispatcher will look once, which covers both.
        }
    }

    /// <summary>Until nudged or <paramref name="interval"/> passed on <paramref name="time"/>'s clock.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var nudged = _wake.WaitAsync(done.Token);
        var elapsed = Task.Delay(interval, time, done.Token);
        await Task.WhenAny(nudged, elapsed).ConfigureAwait(false);

        // The losing wait must not linger: a semaphore wait left behind would swallow the next nudge.
        await done.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(nudged, elapsed).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _wake.Dispose();
}
