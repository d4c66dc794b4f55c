using Trygg.Members;
using Trygg.Reporting;
using Trygg.Routing;
using Trygg.Routing.Cases;

namespace Trygg.Review;

/// <summary>
/// The review's facts from the stored incidents. Role and party are the reporter's as their profile says now (a
/// member who changed role counts under the new one); the kind of body comes from the organisation profile; time to
/// acknowledgement and escalations from the security unit's case file.
/// </summary>
internal sealed class IncidentReviewFacts(IIncidentStore incidents, IMemberProfileStore profiles, TableCaseStore cases) : IReviewFacts
{
    public async Task<IReadOnlyList<IncidentFact>> LoadAsync(
        Organisation organisation, string tenantId, ReviewPeriod period, string? party, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(period);
        var all = await incidents.ListAsync(tenantId, organisation.Id, cancellationToken).ConfigureAwait(false);
        var facts = new List<IncidentFact>();
        var profileCache = new Dictionary<string, MemberProfile?>(StringComparer.Ordinal);
        foreach (var incident in all)
        {
            // A day's margin either side; the aggregator applies the exact Stockholm dates.
            var day = DateOnly.FromDateTime(incident.Details.OccurredAt.UtcDateTime);
            if (day < period.From.AddDays(-1) || day > period.To.AddDays(1))
            {
                continue;
            }

            if (!profileCache.TryGetValue(incident.ReporterId, out var profile))
            {
                profile = await profiles.GetAsync(new MemberKey(tenantId, incident.ReporterId), cancellationToken).ConfigureAwait(false);
                profileCache[incident.ReporterId] = profile;
            }

            var reporterParty = profile?.Party ?? string.Empty;
            if (party is not null && !string.Equals(reporterParty, party, StringComparison.Ordinal))
            {
                continue;
            }

            var details = incident.Details;
            var file = (await cases.GetAsync(tenantId, organisation.Id, incident.CaseNumber, cancellationToken).ConfigureAwait(false))?.File;
            facts.Add(new IncidentFact(
                details.OccurredAt,
                details.Kind,
                details.Place,
                organisation.FindBody(details.Assignment)?.Kind,
                profile?.Role ?? MemberRole.Fritidspolitiker,
                reporterParty,
                details.PoliceReport == PoliceReport.Made,
                TimeToAcknowledgement: file?.AcknowledgedBy is { } acknowledged ? acknowledged.At - incident.SubmittedAt : null,
                Escalations: file?.EscalationRound ?? 0));
        }

        return facts;
    }
}
