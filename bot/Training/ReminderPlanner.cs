using System.Globalization;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Organisations.Calendar;

namespace Trygg.Training;

/// <summary>One cycle of a campaign for one member: the mandate period, the year, or the election.</summary>
/// <param name="Key">"2026-2030", "2027" or "val-2030": stored with the record.</param>
/// <param name="Deadline">The last day (Europe/Stockholm) to do it.</param>
public sealed record CampaignCycle(string Key, DateTimeOffset Opens, DateOnly Deadline);

/// <summary>Where a member stands in one cycle of a campaign.</summary>
/// <param name="LastRemindedAt">When the last reminder went out: the next comes a cadence after it, not sooner.</param>
public sealed record ReminderState(bool Done, int RemindersSent, DateTimeOffset? SnoozedUntil, DateTimeOffset? LastRemindedAt = null);

/// <summary>The next reminder to send: the cycle, which one it is (0 = first), and when it may go.</summary>
public sealed record PlannedReminder(CampaignCycle Cycle, int Step, DateTimeOffset DueAt);

/// <summary>
/// Decides which reminder a member should get and when. Pure: the same inputs give the same answer, so two instances
/// agree and a test can walk a whole mandate period with a fake clock. Reminders go out only 08:00-20:00 on working days
/// in Europe/Stockholm (no weekends, public holidays or the eves offices close on), spread over the first hour of the
/// window by member so that a whole council is not messaged in the same second.
/// </summary>
public static class ReminderPlanner
{
    /// <summary>When a reminder may reach a member: weekdays 08:00-20:00, working days only.</summary>
    public static readonly OfficeHours SendingHours = new(
        new TimeOnly(8, 0), new TimeOnly(20, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    /// <summary>The spring reminder before an election goes out on the first working day of March.</summary>
    public const int ElectionReminderMonth = 3;

    private static readonly OfficeCalendar Calendar = new();

    /// <summary>The cycle of <paramref name="campaign"/> running at <paramref name="at"/> for a member who joined at <paramref name="joinedAt"/>; null when none is open.</summary>
    public static CampaignCycle? CycleAt(TrainingCampaign campaign, DateTimeOffset at, DateTimeOffset joinedAt)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var today = LocalDate(at);
        switch (campaign.Kind)
        {
            case CampaignKind.MandatePeriod:
            {
                var period = MandateCalendar.PeriodAt(today, BodyKind.Council);
                var opens = Max(StartOfDay(period.Start), joinedAt);
                return new CampaignCycle(period.ToString(), opens, LocalDate(opens).AddDays((int)Math.Ceiling(campaign.Deadline.TotalDays)));
            }

            case CampaignKind.Yearly:
            {
                var opens = Max(StartOfDay(new DateOnly(today.Year, 1, 1)), joinedAt);
                return new CampaignCycle(today.Year.ToString(CultureInfo.InvariantCulture), opens, new DateOnly(today.Year, 12, 31));
            }

            case CampaignKind.ElectionYear:
            {
                if (!MandateCalendar.IsElectionYear(today.Year))
                {
                    return null;
                }

                var electionDay = MandateCalendar.ElectionDay(today.Year);
                var opens = StartOfDay(new DateOnly(today.Year, ElectionReminderMonth, 1));
                return today >= electionDay ? null : new CampaignCycle($"val-{today.Year}", opens, electionDay);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(campaign), campaign.Kind, "Unknown campaign kind.");
        }
    }

    public static bool Applies(TrainingCampaign campaign, MemberRole role) =>
        campaign.Audience == TrainingAudience.AllMembers || role == MemberRole.SarskiltArvoderad;

    /// <summary>
    /// The next reminder, or null when the member is done, has had them all, none applies, or the next would come after
    /// the deadline. Reminders follow the cadence from the cycle's opening, and never come sooner than a cadence after the
    /// last one went out (a late first reminder does not bring the rest forward).
    /// </summary>
    public static PlannedReminder? Next(TrainingCampaign campaign, MemberRole role, DateTimeOffset joinedAt, ReminderState state, DateTimeOffset now, string spreadKey)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(state);
        if (!Applies(campaign, role) || state.Done || CycleAt(campaign, now, joinedAt) is not { } cycle)
        {
            return null;
        }

        var max = campaign.Kind == CampaignKind.ElectionYear ? 1 : campaign.MaxReminders;
        if (state.RemindersSent >= max)
        {
            return null;
        }

        // "Påminn mig om en vecka" replaces the cadence for the next reminder; sending it clears the snooze.
        var due = cycle.Opens + (campaign.Cadence * state.RemindersSent);
        if (state.LastRemindedAt is { } last && state.RemindersSent > 0 && last + campaign.Cadence > due)
        {
            due = last + campaign.Cadence;
        }

        due = state.SnoozedUntil ?? due;
        var at = NextSendingMoment(due, spreadKey);
        if (campaign.Kind != CampaignKind.ElectionYear && state.RemindersSent > 0 && LocalDate(at) > cycle.Deadline)
        {
            return null; // past the deadline: the security unit follows up, the bot stops asking
        }

        return new PlannedReminder(cycle, state.RemindersSent, at);
    }

    /// <summary>The sending window's first moment at or after <paramref name="at"/> (<paramref name="at"/> itself when inside one).</summary>
    public static DateTimeOffset NextOpening(DateTimeOffset at) => Calendar.AddOpenTime(SendingHours, at, TimeSpan.Zero);

    /// <summary>True inside the sending hours (08-20 on working days, Europe/Stockholm).</summary>
    public static bool IsSendingTime(DateTimeOffset at) => Calendar.IsOpen(SendingHours, at);

    /// <summary>The first moment at or after <paramref name="at"/> inside the sending hours, plus the member's spread.</summary>
    public static DateTimeOffset NextSendingMoment(DateTimeOffset at, string spreadKey)
    {
        var open = Calendar.AddOpenTime(SendingHours, at, TimeSpan.Zero);
        var local = TimeZoneInfo.ConvertTime(open, OfficeCalendar.Stockholm);
        if (local.TimeOfDay != SendingHours.Opens.ToTimeSpan())
        {
            return open; // already inside the window: no need to wait
        }

        // At the window's opening: spread members over its first hour, the same minute for the same member every time.
        return open + TimeSpan.FromMinutes(Spread(spreadKey));
    }

    private static int Spread(string key)
    {
        var hash = 17;
        foreach (var c in key ?? string.Empty)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (int)((uint)hash % 60);
    }

    private static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, OfficeCalendar.Stockholm).DateTime);

    private static DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, OfficeCalendar.Stockholm.GetUtcOffset(local));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
