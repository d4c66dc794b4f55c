using Trygg.Members;
using Trygg.Cases;
using Trygg.Organisations;

namespace Trygg.Review;

/// <summary>
/// The review's facts from the stored incidents. Role, party and kind of body are as they were when the report was
/// submitted (<see cref="Incident.Reporter"/>), so a member who later changes party or role still counts under the old
/// ones; incidents stored before that snapshot was kept fall back to the reporter's profile as it is now (and the body
/// to the organisation profile). Time to acknowledgement and escalations come from the security unit's case file.
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

            var (role, reporterParty, body) = incident.Reporter is { } snapshot
                ? ((MemberRole?)snapshot.Role, snapshot.Party, snapshot.Body)
                : await FromProfileAsync(organisation, tenantId, incident, profileCache, cancellationToken).ConfigureAwait(false);
            // The party's own figures never count a report whose member said the party should not be told.
            if (party is not null && (!incident.Details.InformParty || !string.Equals(reporterParty, party, StringComparison.Ordinal)))
            {
                continue;
            }

            var details = incident.Details;
            var file = (await cases.GetAsync(tenantId, organisation.Id, incident.CaseNumber, cancellationToken).ConfigureAwait(false))?.File;
            facts.Add(new IncidentFact(
                details.OccurredAt,
                details.Kind,
                details.Place,
                body,
                role,
                reporterParty,
                details.PoliceReport == PoliceReport.Made,
                TimeToAcknowledgement: file?.AcknowledgedBy is { } acknowledged ? acknowledged.At - incident.SubmittedAt : null,
                Escalations: file?.EscalationRound ?? 0));
        }

        return facts;
    }

    /// <summary>An incident stored before the snapshot: the reporter as their profile says now (nothing for an anonymised one).</summary>
    private async Task<(MemberRole? Role, string Party, BodyKind? Body)> FromProfileAsync(
        Organisation organisation, string tenantId, Incident incident, Dictionary<string, MemberProfile?> cache, CancellationToken cancellationToken)
    {
        MemberProfile? profile = null;
        if (!string.IsNullOrEmpty(incident.ReporterId) && !cache.TryGetValue(incident.ReporterId, out profile))
        {
            profile = await profiles.GetAsync(new MemberKey(tenantId, incident.ReporterId), cancellationToken).ConfigureAwait(false);
            cache[incident.ReporterId] = profile;
        }

        // An anonymised report has no reporter left: its role is unknown, not "fritidspolitiker".
        return (profile?.Role, profile?.Party ?? string.Empty, organisation.FindBody(incident.Details.Assignment)?.Kind);
    }
}
