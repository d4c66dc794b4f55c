using System.Globalization;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Organisations.Calendar;

namespace Trygg.Training;

public sealed class ReminderPlannerTests
{
    private static readonly TrainingCampaign Course = new(
        "politikerhandboken", CampaignKind.MandatePeriod, "Politikerhandboken", new Uri("https://example.se/kurs"),
        TrainingAudience.AllMembers, Deadline: TimeSpan.FromDays(90), Cadence: TimeSpan.FromDays(14), MaxReminders: 4);

    private static readonly TrainingCampaign Talk = new(
        "sakerhetssamtal", CampaignKind.Yearly, "Säkerhetssamtal", null,
        TrainingAudience.SarskiltArvoderade, Deadline: TimeSpan.Zero, Cadence: TimeSpan.FromDays(60), MaxReminders: 3);

    private static readonly TrainingCampaign Election = new(
        "valar", CampaignKind.ElectionYear, "Säkerhet i valrörelsen", null,
        TrainingAudience.AllMembers, Deadline: TimeSpan.Zero, Cadence: TimeSpan.Zero, MaxReminders: 1);

    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Local(string text) =>
        TimeZoneInfo.ConvertTime(
            new DateTimeOffset(DateTime.Parse(text, CultureInfo.InvariantCulture), OfficeCalendar.Stockholm.GetUtcOffset(DateTime.Parse(text, CultureInfo.InvariantCulture))),
            OfficeCalendar.Stockholm);

    private static DateTime LocalOf(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, OfficeCalendar.Stockholm).DateTime;

    private static void AssertInFirstHour(string date, DateTimeOffset due)
    {
        var local = LocalOf(due);
        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), DateOnly.FromDateTime(local));
        Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(9));
    }

    [Fact]
    public void NewPeriod_FirstReminderOn15October_InTheMorningWindow()
    {
        var next = ReminderPlanner.Next(Course, MemberRole.Fritidspolitiker, LongAgo, new ReminderState(false, 0, null), Local("2026-10-15 00:00"), "anna");

        Assert.NotNull(next);
        Assert.Equal("2026-2030", next.Cycle.Key);
        Assert.Equal(0, next.Step);
        AssertInFirstHour("2026-10-15", next.DueAt);
        Assert.Equal(new DateOnly(2027, 1, 13), next.Cycle.Deadline);
    }

    [Fact]
    public void AWholePeriod_RemindersEveryTwoWeeks_OnWorkingDays_UntilTheLimit()
    {
        var state = new ReminderState(false, 0, null);
        var days = new List<DateOnly>();
        for (var i = 0; i < 10; i++)
        {
            var next = ReminderPlanner.Next(Course, MemberRole.Fritidspolitiker, LongAgo, state, Local("2026-10-15 00:00"), "anna");
            if (next is null)
            {
                break;
            }

            var local = LocalOf(next.DueAt);
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(20));
            Assert.DoesNotContain(local.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
            Assert.False(SwedishHolidays.IsClosed(DateOnly.FromDateTime(local)));
            days.Add(DateOnly.FromDateTime(local));
            state = state with { RemindersSent = state.RemindersSent + 1 };
        }

        Assert.Equal(
            new[] { "2026-10-15", "2026-10-29", "2026-11-12", "2026-11-26" }.Select(d => DateOnly.Parse(d, CultureInfo.InvariantCulture)),
            days);
    }

    [Fact]
    public void Done_StopsReminders_AndAudienceIsRespected()
    {
        Assert.Null(ReminderPlanner.Next(Course, MemberRole.Fritidspolitiker, LongAgo, new ReminderState(true, 1, null), Local("2026-11-01 10:00"), "anna"));
        Assert.Null(ReminderPlanner.Next(Talk, MemberRole.Fritidspolitiker, LongAgo, new ReminderState(false, 0, null), Local("2027-02-01 10:00"), "anna"));
        Assert.NotNull(ReminderPlanner.Next(Talk, MemberRole.SarskiltArvoderad, LongAgo, new ReminderState(false, 0, null), Local("2027-02-01 10:00"), "anna"));
    }

    [Theory]
    [InlineData("2026-10-16 19:30", "2026-10-16 19:30")] // Friday evening, still inside the window
    [InlineData("2026-10-16 20:00", "2026-10-19")]       // after 20:00 on a Friday: Monday morning
    [InlineData("2026-10-17 11:00", "2026-10-19")]       // Saturday: Monday morning
    [InlineData("2026-12-24 10:00", "2026-12-28")]       // julafton, juldagen, the weekend: Monday 28 December
    public void Snooze_MovesTheReminder_IntoTheNextSendingWindow(string snoozedUntil, string expected)
    {
        var next = ReminderPlanner.Next(Course, MemberRole.Fritidspolitiker, LongAgo, new ReminderState(false, 1, Local(snoozedUntil)), Local("2026-10-16 09:00"), "anna");

        Assert.NotNull(next);
        if (expected.Length > 10)
        {
            Assert.Equal(Local(expected), next.DueAt);
        }
        else
        {
            AssertInFirstHour(expected, next.DueAt);
        }
    }

    [Fact]
    public void MemberJoiningMidPeriod_GetsTheFirstReminderWhenTheyJoin()
    {
        var joined = Local("2028-06-01 12:00"); // a Thursday
        var next = ReminderPlanner.Next(Course, MemberRole.Fritidspolitiker, joined, new ReminderState(false, 0, null), joined, "bo");

        Assert.NotNull(next);
        Assert.Equal("2026-2030", next.Cycle.Key);
        Assert.Equal(joined, next.DueAt);
        Assert.Equal(new DateOnly(2028, 8, 30), next.Cycle.Deadline);
    }

    [Fact]
    public void YearlyTalk_StartsOnTheFirstWorkingDayOfTheYear()
    {
        var next = ReminderPlanner.Next(Talk, MemberRole.SarskiltArvoderad, LongAgo, new ReminderState(false, 0, null), Local("2027-01-01 09:00"), "anna");

        Assert.NotNull(next);
        Assert.Equal("2027", next.Cycle.Key);
        AssertInFirstHour("2027-01-04", next.DueAt); // 1 January is nyårsdagen, then a weekend
    }

    [Fact]
    public void ElectionYearReminder_InMarchBeforeTheElection_OnceOnly_AndNotInOtherYears()
    {
        var next = ReminderPlanner.Next(Election, MemberRole.Fritidspolitiker, LongAgo, new ReminderState(false, 0, null), Local("2030-02-20 10:00"), "anna");

        Assert.NotNull(next);
        Assert.Equal("val-2030", next.Cycle.Key);
        AssertInFirstHour("2030-03-01", next.DueAt);
        Assert.Null(ReminderPlanner.Next(Election, MemberRole.Fritidspolitiker, LongAgo, new ReminderState(false, 1, null), Local("2030-04-20 10:00"), "anna"));
        Assert.Null(ReminderPlanner.Next(Election, MemberRole.Fritidspolitiker, LongAgo, new ReminderState(false, 0, null), Local("2029-03-01 10:00"), "anna"));
        Assert.Null(ReminderPlanner.Next(Election, MemberRole.Fritidspolitiker, LongAgo, new ReminderState(false, 0, null), Local("2030-09-09 10:00"), "anna"));
    }

    [Fact]
    public void TheSpread_IsStableForAMember_AndDiffersBetweenMembers()
    {
        var monday = Local("2026-10-19 06:00");
        var a1 = ReminderPlanner.NextSendingMoment(monday, "member-a");
        var a2 = ReminderPlanner.NextSendingMoment(monday, "member-a");
        var spread = Enumerable.Range(0, 50).Select(i => ReminderPlanner.NextSendingMoment(monday, $"member-{i}")).Distinct().Count();

        Assert.Equal(a1, a2);
        Assert.True(spread > 20, $"50 members should spread over many minutes, got {spread}");
    }
}
