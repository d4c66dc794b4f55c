using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Trygg.Organisations.Roles;

/// <summary>
/// Degraded while an organisation's roles read from Entra groups are older than
/// <see cref="OrganisationsOptions.RoleMaxAge"/>: the directory has kept failing, and someone removed from a group may
/// still hold the role. The last good roles are served on purpose: emptying them would stop alerts reaching anyone and
/// lock the security unit out of its cases while a frightened member waits, which is the larger harm; the account of
/// someone who has left is disabled in Entra, which Teams honours without Graph. So this is for operations to act on,
/// not a switch that withdraws access. Names organisation ids only, never people.
/// </summary>
internal sealed class RoleHealthCheck(RoleSnapshot roles) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stale = roles.StaleOrganisations();
        return Task.FromResult(stale.Count == 0
            ? HealthCheckResult.Healthy("The roles named by Entra group are current.")
            : HealthCheckResult.Degraded(
                $"The role groups of {string.Join(", ", stale)} have not been read within Organisations:RoleMaxAge; their last good roles are served."));
    }
}
