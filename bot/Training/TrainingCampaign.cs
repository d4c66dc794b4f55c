namespace Trygg.Training;

/// <summary>Who must take a training.</summary>
public enum TrainingAudience
{
    AllMembers,
    SarskiltArvoderade,
}

/// <summary>How a campaign's cycles run.</summary>
public enum CampaignKind
{
    /// <summary>Once per mandate period (e.g. Politikerhandboken): opens when the period starts or the member joins.</summary>
    MandatePeriod,

    /// <summary>Once per calendar year (the yearly security talk for särskilt arvoderade).</summary>
    Yearly,

    /// <summary>In the spring of an election year: plan campaign security. One reminder, nothing to mark done.</summary>
    ElectionYear,
}

/// <summary>A training the organisation reminds its members of (profile data, not code).</summary>
/// <param name="Id">Stable id, e.g. "politikerhandboken".</param>
/// <param name="Deadline">Time from opening to the deadline (mandate-period campaigns); yearly ones end on 31 December.</param>
/// <param name="Cadence">Time between reminders until done.</param>
/// <param name="MaxReminders">Reminders per member and cycle, the first included.</param>
public sealed record TrainingCampaign(
    string Id,
    CampaignKind Kind,
    string Name,
    Uri? Link,
    TrainingAudience Audience,
    TimeSpan Deadline,
    TimeSpan Cadence,
    int MaxReminders);
