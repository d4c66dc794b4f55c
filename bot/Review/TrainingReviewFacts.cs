using System.Globalization;
using Trygg.Members;
using Trygg.Training;
using Trygg.Organisations;

namespace Trygg.Review;

/// <summary>The stretch of time one cycle of a campaign runs: <see cref="Starts"/> to <see cref="Ends"/>, both inclusive.</summary>
public sealed record TrainingCycleSpan(string Key, DateOnly Starts, DateOnly Ends);

/// <summary>
/// Training completion from the training records and the members. Definitions (stated in the report too):
/// <list type="bullet">
/// <item>A cycle counts when it overlaps the period and has opened: the mandate period (from 15 October of the election
/// year, Kommunfullmäktige's period; the key the reminders store, "2026-2030") or the calendar year. Election-year
/// reminders have nothing to mark done and are left out.</item>
/// <item>In scope: everyone with a record in the cycle, and today's members who have none; the campaign's audience
/// decides (all members, or only särskilt arvoderade). Party and role are the record's (as they were in that cycle),
/// else the member profile's.</item>
/// <item>Done: marked done on or before the period's last day, by the member or registered by the security unit.</item>
/// </list>
/// </summary>
internal sealed class TrainingReviewFacts(ITrainingRecords records, IMemberProfileStore profiles) : ITrainingReviewFacts
{
    public async Task<IReadOnlyList<TrainingCycleFacts>> LoadAsync(
        Organisation organisation, string tenantId, ReviewPeriod period, string? party, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(period);
        var result = new List<TrainingCycleFacts>();
        List<(MemberKey Key, MemberProfile Profile)>? members = null;
        foreach (var campaign in organisation.Training)
        {
            foreach (var cycle in CyclesOverlapping(campaign, period, today))
            {
                members ??= [.. (await profiles.ListAsync(organisation.Id, cancellationToken).ConfigureAwait(false)).Where(m => m.Key.TenantId == tenantId)];
                var stored = await records.ListAsync(tenantId, organisation.Id, campaign.Id, cycle.Key, cancellationToken).ConfigureAwait(false);
                var inScope = InScope(campaign, stored, members, period);
                result.Add(new TrainingCycleFacts(
                    campaign.Id,
                    campaign.Name,
                    cycle.Key,
                    cycle.Starts,
                    cycle.Ends,
                    [.. inScope.Where(m => party is null || string.Equals(m.Party, party, StringComparison.Ordinal))]));
            }
        }

        return result;
    }

    /// <summary>Everyone the campaign applies to in this cycle, each once, with their completion by the period's end.</summary>
    internal static List<TrainingMemberFact> InScope(
        TrainingCampaign campaign, IReadOnlyList<TrainingRecord> stored, IReadOnlyList<(MemberKey Key, MemberProfile Profile)> members, ReviewPeriod period)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(period);
        var facts = new List<TrainingMemberFact>();
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in stored)
        {
            recorded.Add(record.Key.MemberId);
            if (ReminderPlanner.Applies(campaign, record.Role))
            {
                var done = record.DoneAt is { } at && ReviewAggregator.LocalDate(at) <= period.To ? record.Source ?? CompletionSource.SelfReported : (CompletionSource?)null;
                facts.Add(new TrainingMemberFact(record.Party ?? string.Empty, record.Role, done));
            }
        }

        foreach (var (key, profile) in members)
        {
            if (!recorded.Contains(key.UserId) && ReminderPlanner.Applies(campaign, profile.Role))
            {
                facts.Add(new TrainingMemberFact(profile.Party, profile.Role, null));
            }
        }

        return facts;
    }

    /// <summary>The cycles of <paramref name="campaign"/> that overlap <paramref name="period"/> and have opened by <paramref name="today"/>, oldest first.</summary>
    public static IEnumerable<TrainingCycleSpan> CyclesOverlapping(TrainingCampaign campaign, ReviewPeriod period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(period);
        switch (campaign.Kind)
        {
            case CampaignKind.MandatePeriod:
            {
                // The key matches what the reminders store: the council's period (ReminderPlanner.CycleAt).
                var first = MandateCalendar.PeriodOfElection(MandateCalendar.FirstSupportedElection, BodyKind.Council);
                var mandate = MandateCalendar.PeriodAt(period.From < first.Start ? first.Start : period.From, BodyKind.Council);
                for (; mandate.Start <= period.To && mandate.Start <= today; mandate = MandateCalendar.PeriodOfElection(mandate.ElectionYear + 4, BodyKind.Council))
                {
                    if (mandate.End > period.From)
                    {
                        yield return new TrainingCycleSpan(mandate.ToString(), mandate.Start, mandate.End.AddDays(-1));
                    }
                }

                break;
            }

            case CampaignKind.Yearly:
                for (var year = period.From.Year; year <= period.To.Year && new DateOnly(year, 1, 1) <= today; year++)
                {
                    yield return new TrainingCycleSpan(year.ToString(CultureInfo.InvariantCulture), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
                }

                break;

            default:
                // Election-year reminders have nothing to mark done.
                break;
        }
    }
}
