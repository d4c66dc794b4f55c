using Microsoft.Extensions.Options;

namespace Trygg.Guidance.Learning;

/// <summary>
/// Reads the decided pairs at start, then every <see cref="GuidanceLearningOptions.PollInterval"/> and at once when a
/// decision on this instance asks for it (<see cref="GuidanceLearning.RefreshRequests"/>). So a restart keeps what was
/// approved, an approval here is learned in a second or two without holding up the administrator's turn, and one made
/// on another instance reaches this one's index within the interval. A failed read (storage away for a moment) is
/// logged and tried again at the next tick.
/// </summary>
internal sealed partial class GuidanceLearningRefresh(
    GuidanceLearning learning, IOptions<GuidanceLearningOptions> options, TimeProvider time, ILogger<GuidanceLearningRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await learning.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(e);
            }

            await NextAsync(stoppingToken);
        }
    }

    /// <summary>Waits for the interval or a refresh asked for, whichever comes first; the request is taken.</summary>
    private async Task NextAsync(CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var interval = Task.Delay(options.Value.PollInterval, time, waiting.Token);
        var asked = learning.RefreshRequests.WaitToReadAsync(waiting.Token).AsTask();
        await Task.WhenAny(interval, asked);
        await waiting.CancelAsync();
        learning.RefreshRequests.TryRead(out _);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the approved guidance questions failed; trying again at the next poll")]
    private partial void LogRefreshFailed(Exception exception);
}
