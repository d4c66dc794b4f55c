using Azure;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Trygg.Storage;

/// <summary>
/// Readiness: can we reach the Table service at all? A one-row table listing is the cheapest call that the
/// data-plane roles a managed identity gets (Storage Table Data Contributor) are allowed to make.
/// </summary>
internal sealed class StorageHealthCheck(TableServiceClient service) : IHealthCheck
{
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var _ in service.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return HealthCheckResult.Healthy("Table storage answered.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Table storage did not answer within {Timeout.TotalSeconds:0} s.");
        }
        catch (RequestFailedException e)
        {
            return Unreachable(e, e);
        }
        catch (AuthenticationFailedException e)
        {
            return HealthCheckResult.Unhealthy("Could not get a token for Table storage (managed identity).", e);
        }
        catch (AggregateException e) when (e.InnerExceptions.LastOrDefault() is RequestFailedException last)
        {
            // What the SDK throws when every retry failed without a response (connection refused, DNS).
            return Unreachable(last, e);
        }
    }

    private static HealthCheckResult Unreachable(RequestFailedException failure, Exception exception)
    {
        // Status and error code only: the message can echo request details that do not belong in a probe answer.
        var detail = failure.Status == 0 ? "no response" : $"status {failure.Status} {failure.ErrorCode}".TrimEnd();
        return HealthCheckResult.Unhealthy($"Table storage is unreachable ({detail}).", exception);
    }
}
