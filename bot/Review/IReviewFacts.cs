using Trygg.Organisations;

namespace Trygg.Review;

/// <summary>The incidents of an organisation as anonymised facts (Review's narrow view of the incident store).</summary>
public interface IReviewFacts
{
    /// <summary>Incidents that may fall in <paramref name="period"/> (the aggregator applies the exact local-date bounds); only <paramref name="party"/>'s members when given, and of those only the reports whose member agreed that the party be told.</summary>
    Task<IReadOnlyList<IncidentFact>> LoadAsync(Organisation organisation, string tenantId, ReviewPeriod period, string? party, CancellationToken cancellationToken);
}
