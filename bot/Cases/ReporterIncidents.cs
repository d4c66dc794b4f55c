using Trygg.Organisations;

namespace Trygg.Cases;

/// <summary>One organisation's share of a member's reports.</summary>
internal sealed record ReportsIn(Organisation Organisation, IReadOnlyList<IncidentSummary> Reports);

/// <summary>A member's own reports wherever they filed them: a member who moved municipality keeps the old ones.</summary>
internal static class ReporterIncidents
{
    /// <summary>
    /// The reports of <paramref name="reporterId"/> in every organisation of the directory, <paramref name="firstOrganisationId"/>'s
    /// first (listed even when it has none), then each other organisation that has some; newest first within each.
    /// </summary>
    public static async Task<IReadOnlyList<ReportsIn>> EverywhereAsync(
        this IIncidentStore incidents,
        IOrganisationDirectory organisations,
        string tenantId,
        string reporterId,
        string firstOrganisationId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(organisations);
        var places = new List<ReportsIn>();
        foreach (var organisation in organisations.All.OrderBy(o => o.Id == firstOrganisationId ? 0 : 1))
        {
            var found = await incidents.ListForReporterAsync(tenantId, organisation.Id, reporterId, cancellationToken);
            if (organisation.Id == firstOrganisationId || found.Count > 0)
            {
                places.Add(new ReportsIn(organisation, found));
            }
        }

        return places;
    }
}
