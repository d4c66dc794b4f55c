using System.Globalization;
using Trygg.Cases;
using Trygg.Members;
using Trygg.Organisations;

namespace Trygg.Review;

/// <summary>
/// Turns incident facts into the review's figures. Definitions (stated in the report too):
/// <list type="bullet">
/// <item>An incident belongs to the period, and to a month, by the date it happened in Europe/Stockholm.</item>
/// <item>Counts of 1 or 2 are shown as "&lt;3". When a breakdown would then have exactly one hidden cell next to a shown
/// total, the smallest other non-zero cell is hidden too ("–"), so the hidden one cannot be worked out by subtraction.</item>
/// <item>Time to acknowledgement runs from the report's submission to the first acknowledgement; median and 90th
/// percentile by nearest rank, shown only from three acknowledged incidents.</item>
/// </list>
/// </summary>
public static class ReviewAggregator
{
    public const int MinimumShown = 3;

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Stockholm).DateTime);

    public static ReviewStatistics Aggregate(
        ReviewPeriod period, string scope, IEnumerable<IncidentFact> facts, IReadOnlyList<TrainingCycleFacts>? training = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(facts);
        var inPeriod = facts.Where(f => period.Contains(LocalDate(f.OccurredAt))).ToList();

        var months = Months(period).ToList();
        var byMonth = Count("month", months, inPeriod, f => LocalDate(f.OccurredAt).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var acknowledgementByMonth = months
            .Select(m => (m, Durations(inPeriod.Where(f => LocalDate(f.OccurredAt).ToString("yyyy-MM", CultureInfo.InvariantCulture) == m))))
            .ToList();

        return new ReviewStatistics(
            period,
            scope,
            Shown("total", inPeriod.Count),
            Count("kind", Enum.GetNames<IncidentKind>(), inPeriod, f => f.Kind.ToString()),
            byMonth,
            Count("place", Enum.GetNames<IncidentPlace>(), inPeriod, f => f.Place.ToString()),
            Count("body", BodyKeys, inPeriod, f => BodyKey(f.Body)),
            Count("role", RoleKeys(inPeriod), inPeriod, f => RoleKey(f.Role)),
            Count("policeReport", ["Made", "NotMade"], inPeriod, f => f.PoliceReportMade ? "Made" : "NotMade"),
            Durations(inPeriod),
            Shown("escalated", inPeriod.Count(f => f.Escalations > 0)),
            acknowledgementByMonth,
            training is null or { Count: 0 } ? null : ReviewTraining.Aggregate(training));
    }

    /// <summary>The role key of a fact: the role's name, or <see cref="UnknownRole"/> for an anonymised report.</summary>
    public static string RoleKey(MemberRole? role) => role?.ToString() ?? UnknownRole;

    public const string UnknownRole = "Unknown";

    /// <summary>The roles, and "unknown" only when some report in the period has no role left (anonymised).</summary>
    private static string[] RoleKeys(IEnumerable<IncidentFact> facts) =>
        facts.Any(f => f.Role is null) ? [.. Enum.GetNames<MemberRole>(), UnknownRole] : Enum.GetNames<MemberRole>();

    /// <summary>The body dimension's categories, in the order a council reads them.</summary>
    public static readonly IReadOnlyList<string> BodyKeys = ["Council", "ExecutiveBoard", "Board", "Company", "None"];

    public static string BodyKey(BodyKind? body) => body?.ToString() ?? "None";

    private static IEnumerable<string> Months(ReviewPeriod period)
    {
        for (var month = new DateOnly(period.From.Year, period.From.Month, 1); month <= period.To; month = month.AddMonths(1))
        {
            yield return month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }
    }

    private static ShownCount Shown(string key, int count) => new(key, count, count is > 0 and < MinimumShown ? Hidden.SmallCount : Hidden.No);

    private static Breakdown Count(string dimension, IEnumerable<string> keys, List<IncidentFact> facts, Func<IncidentFact, string> keyOf)
    {
        var counts = facts.GroupBy(keyOf).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rows = keys.Select(k => Shown(k, counts.GetValueOrDefault(k))).ToList();
        var total = Shown("total", facts.Count);
        if (!total.Suppressed && rows.Count(r => r.Suppressed) == 1)
        {
            // One hidden cell and a shown total would give the hidden cell away: hide the next smallest as well.
            var partner = rows.Where(r => !r.Suppressed && r.Count > 0).OrderBy(r => r.Count).FirstOrDefault();
            if (partner is not null)
            {
                rows[rows.IndexOf(partner)] = partner with { Hidden = Hidden.Complementary };
            }
        }

        return new Breakdown(dimension, rows, total);
    }

    private static DurationSummary Durations(IEnumerable<IncidentFact> facts)
    {
        var values = facts.Where(f => f.TimeToAcknowledgement is not null).Select(f => f.TimeToAcknowledgement!.Value).Order().ToList();
        return values.Count < MinimumShown
            ? new DurationSummary(values.Count, null, null)
            : new DurationSummary(values.Count, NearestRank(values, 0.5), NearestRank(values, 0.9));
    }

    /// <summary>The smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    public static TimeSpan NearestRank(IReadOnlyList<TimeSpan> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
