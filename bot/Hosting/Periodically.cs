namespace Trygg.Hosting;

/// <summary>The loop of a background job that runs now and then every interval (retention, training reminders).</summary>
internal static class Periodically
{
    /// <summary>
    /// Runs <paramref name="work"/> at once and then every <paramref name="interval"/> on <paramref name="time"/> until
    /// the host stops. A run that fails is handed to <paramref name="failed"/> and the next comes on time: one bad run
    /// must not end the job.
    /// </summary>
    public static async Task RunAsync(
        Func<CancellationToken, Task> work, TimeSpan interval, TimeProvider time, Action<Exception> failed, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(failed);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await work(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failed(e);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
