using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Trygg.Testing;

namespace Trygg.Storage;

public sealed class StorageHealthCheckTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CheckHealthAsync_AzuriteUpThenStoppedThenBack_HealthyUnhealthyHealthy()
    {
        using var host = TryggServices.Build(azurite, AzuriteFixture.NewTablePrefix());
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var up = await CheckReadyAsync(health);
        Assert.Equal(HealthStatus.Healthy, up.Status);

        await azurite.StopAsync();
        try
        {
            var down = await CheckReadyAsync(health);
            Assert.Equal(HealthStatus.Unhealthy, down.Status);
            Assert.StartsWith("Table storage", down.Description, StringComparison.Ordinal);
            Assert.DoesNotContain(AzuriteFixture.AccountKey, down.Description, StringComparison.Ordinal);
        }
        finally
        {
            await azurite.StartAgainAsync();
        }

        var back = await CheckReadyAsync(health);
        Assert.Equal(HealthStatus.Healthy, back.Status);
    }

    [Fact]
    public async Task CheckHealthAsync_StorageDown_AnswersWithinTheTimeout()
    {
        using var host = TryggServices.Build(azurite, AzuriteFixture.NewTablePrefix());
        var health = host.Services.GetRequiredService<HealthCheckService>();

        await azurite.StopAsync();
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            await CheckReadyAsync(health);
            Assert.True(
                TimeProvider.System.GetElapsedTime(started) < StorageHealthCheck.Timeout + TimeSpan.FromSeconds(2),
                "A readiness probe must not hang while storage is down.");
        }
        finally
        {
            await azurite.StartAgainAsync();
        }
    }

    private static async Task<HealthReportEntry> CheckReadyAsync(HealthCheckService health)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains("ready"));
        return Assert.Single(report.Entries, e => e.Key == "storage").Value;
    }
}
