using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Trygg.Teams.Health;

/// <summary>Process-level concerns: logs and health endpoints.</summary>
public static class HealthSetup
{
    /// <summary>Health checks tagged with this must pass before the bot takes traffic.</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddHealthAndLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line for the log pipeline. Nothing a member writes is ever a log argument.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Alive: the process answers. No dependency is checked, so a storage outage never restarts the app.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });

        // Ready: storage answers.
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }
}
