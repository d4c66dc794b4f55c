using System.Globalization;

namespace Trygg.Review;

/// <summary>Why a count is hidden.</summary>
public enum Hidden
{
    /// <summary>Shown as it is.</summary>
    No,

    /// <summary>1 or 2: shown as "&lt;3".</summary>
    SmallCount,

    /// <summary>Large enough, but hidden so that a small count next to it cannot be worked out from the total: "–".</summary>
    Complementary,
}

/// <summary>A count as it may be shown: 1 and 2 (and cells that would let them be worked out) are suppressed.</summary>
public sealed record ShownCount(string Key, int Count, Hidden Hidden)
{
    public const string SmallCountText = "<3";

    public const string ComplementaryText = "–";

    public bool Suppressed => Hidden != Hidden.No;

    /// <summary>The text to show: the number, "&lt;3" or "–".</summary>
    public string Text => Hidden switch
    {
        Hidden.SmallCount => SmallCountText,
        Hidden.Complementary => ComplementaryText,
        _ => Count.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The number to draw in a chart: 0 for a suppressed cell (the chart says so).</summary>
    public int Plotted => Suppressed ? 0 : Count;
}

/// <summary>Counts by one dimension (kind, month, place...), every category listed, with the total.</summary>
public sealed record Breakdown(string Dimension, IReadOnlyList<ShownCount> Rows, ShownCount Total);

/// <summary>Median and 90th percentile of a duration (nearest rank); suppressed below three values.</summary>
public sealed record DurationSummary(int Count, TimeSpan? Median, TimeSpan? Percentile90)
{
    public bool Suppressed => Count < ReviewAggregator.MinimumShown;
}

/// <summary>One group of a training cycle (everyone, one party, one role): in scope, done and not done, suppressed.</summary>
public sealed record TrainingGroup(string Key, ShownCount InScope, ShownCount Done, ShownCount NotDone)
{
    /// <summary>Done as a whole percentage of those in scope; null when either count is hidden (it would give them away) or nobody is in scope.</summary>
    public int? Percent => InScope.Suppressed || Done.Suppressed || InScope.Count == 0
        ? null
        : (int)Math.Round(100.0 * Done.Count / InScope.Count, MidpointRounding.AwayFromZero);
}

/// <summary>Completion of one cycle of one campaign, in total, by how it was recorded, by party and by role.</summary>
/// <param name="Ends">The cycle's last day, inclusive.</param>
public sealed record TrainingCycle(
    string CampaignId,
    string CampaignName,
    string CycleKey,
    DateOnly Starts,
    DateOnly Ends,
    TrainingGroup Total,
    ShownCount SelfReported,
    ShownCount RegisteredByUnit,
    IReadOnlyList<TrainingGroup> ByParty,
    IReadOnlyList<TrainingGroup> ByRole);

/// <summary>Training completion for the period: every campaign cycle that overlaps it.</summary>
public sealed record TrainingCompletion(IReadOnlyList<TrainingCycle> Cycles);

/// <summary>Everything the annual review shows. Holds counts only: nobody can be picked out of it.</summary>
public sealed record ReviewStatistics(
    ReviewPeriod Period,
    string Scope,
    ShownCount Total,
    Breakdown ByKind,
    Breakdown ByMonth,
    Breakdown ByPlace,
    Breakdown ByBody,
    Breakdown ByRole,
    Breakdown ByPoliceReport,
    DurationSummary TimeToAcknowledgement,
    ShownCount Escalated,
    IReadOnlyList<(string Month, DurationSummary Summary)> AcknowledgementByMonth,
    TrainingCompletion? Training);
