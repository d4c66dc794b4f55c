using Microsoft.Extensions.Options;

namespace Trygg.Guidance.Learning;

/// <summary>
/// Reads the decided pairs at start and then every <see cref="GuidanceLearningOptions.PollInterval"/>, so a restart
/// keeps what was approved and an approval made on another instance reaches this one's index within the interval.
/// A failed read (storage away for a moment) is logged and tried again at the next tick.
/// </summary>
internal sealed partial class GuidanceLearningRefresh(
    GuidanceLearning learning, IOptions<GuidanceLearningOptions> options, TimeProvider time, ILogger<GuidanceLearningRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await learning.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the approved guidance questions failed; trying again at the next poll")]
    private partial void LogRefreshFailed(Exception exception);
}
