using Trygg.Members;
using Trygg.Training;
using Trygg.Organisations;

namespace Trygg.Review;

/// <summary>One member in scope of one training cycle: party and role (as in that cycle), and whether and how it was done.</summary>
/// <param name="Done">How the member's completion was recorded by the end of the review period; null when not done by then.</param>
public sealed record TrainingMemberFact(string Party, MemberRole Role, CompletionSource? Done);

/// <summary>One cycle of a campaign that overlaps the review period, with everyone in its scope. Holds no names.</summary>
/// <param name="CycleKey">"2026-2030" or "2027", as stored with the training records.</param>
/// <param name="Starts">The cycle's first day (Europe/Stockholm).</param>
/// <param name="Ends">The cycle's last day, inclusive.</param>
public sealed record TrainingCycleFacts(
    string CampaignId,
    string CampaignName,
    string CycleKey,
    DateOnly Starts,
    DateOnly Ends,
    IReadOnlyList<TrainingMemberFact> Members);

/// <summary>Training completion as the review sees it (Review's narrow view of the training records and the members).</summary>
public interface ITrainingReviewFacts
{
    /// <summary>
    /// Every cycle of the organisation's campaigns that overlaps <paramref name="period"/> and has opened by
    /// <paramref name="today"/>; only <paramref name="party"/>'s members when given.
    /// </summary>
    Task<IReadOnlyList<TrainingCycleFacts>> LoadAsync(
        Organisation organisation, string tenantId, ReviewPeriod period, string? party, DateOnly today, CancellationToken cancellationToken);
}
