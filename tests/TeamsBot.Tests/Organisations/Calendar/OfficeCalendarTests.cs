using System.Globalization;

namespace Trygg.Organisations.Calendar;

public sealed class OfficeCalendarTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Stockholm's example profile: 08:00-17:00 on weekdays.</summary>
    private static readonly OfficeHours Office = new(new TimeOnly(8, 0), new TimeOnly(17, 0), Weekdays);

    private readonly OfficeCalendar _calendar = new();

    /// <summary>"2026-11-18 10:00" read as a Stockholm wall clock.</summary>
    internal static DateTimeOffset Local(string text) =>
        OfficeCalendar.Instant(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.ParseExact(text + "Z", "yyyy-MM-dd HH:mmK", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-18 10:00", true)] // Wednesday
    [InlineData("2026-11-18 08:00", true)]
    [InlineData("2026-11-18 07:59", false)]
    [InlineData("2026-11-18 16:59", true)]
    [InlineData("2026-11-18 17:00", false)]
    [InlineData("2026-11-18 22:00", false)]
    [InlineData("2026-11-21 10:00", false)] // Saturday
    [InlineData("2026-11-22 10:00", false)] // Sunday
    [InlineData("2026-05-14 10:00", false)] // Kristi himmelsfärdsdag (Thursday)
    [InlineData("2026-06-19 10:00", false)] // Midsommarafton (Friday)
    [InlineData("2026-12-24 10:00", false)] // Julafton (Thursday)
    [InlineData("2026-12-31 10:00", false)] // Nyårsafton (Thursday)
    [InlineData("2026-12-23 10:00", true)]
    [InlineData("2027-01-06 10:00", false)] // Trettondedag jul (Wednesday)
    public void IsOpen_StockholmWallClock_FollowsHoursWeekdaysAndHolidays(string local, bool open) =>
        Assert.Equal(open, _calendar.IsOpen(Office, Local(local)));

    [Theory]
    [InlineData("2026-03-30 06:30", true)] // Monday after the spring change: 08:30 summer time
    [InlineData("2026-03-27 06:30", false)] // Friday before it: 07:30 winter time
    [InlineData("2026-10-26 15:30", true)] // Monday after the autumn change: 16:30 winter time
    [InlineData("2026-10-26 16:30", false)] // 17:30 winter time
    [InlineData("2026-10-23 14:30", true)] // Friday before it: 16:30 summer time
    [InlineData("2026-10-23 15:30", false)] // 17:30 summer time
    public void IsOpen_AroundDstChanges_UsesTheLocalClock(string utc, bool open) =>
        Assert.Equal(open, _calendar.IsOpen(Office, Utc(utc)));

    [Fact]
    public void IsOpen_AnyOffsetOfTheSameInstant_GivesTheSameAnswer()
    {
        var at = Local("2026-11-18 16:30");

        Assert.True(_calendar.IsOpen(Office, at.ToOffset(TimeSpan.FromHours(-5))));
        Assert.True(_calendar.IsOpen(Office, at.ToUniversalTime()));
    }

    [Theory]
    [InlineData("2026-11-18 10:00", 4, "2026-11-18 14:00")] // within one day
    [InlineData("2026-11-18 15:00", 4, "2026-11-19 10:00")] // over a night
    [InlineData("2026-11-20 15:00", 4, "2026-11-23 10:00")] // over a weekend
    [InlineData("2026-11-20 20:00", 4, "2026-11-23 12:00")] // starts out of hours
    [InlineData("2026-11-21 11:00", 9, "2026-11-23 17:00")] // a whole working day ends at closing
    [InlineData("2026-04-01 16:00", 4, "2026-04-02 11:00")] // skärtorsdag is open (no half days)
    [InlineData("2026-04-02 16:00", 4, "2026-04-07 11:00")] // långfredag, weekend and annandag påsk are not
    [InlineData("2026-12-23 15:00", 4, "2026-12-28 10:00")] // julafton, juldagen, annandag jul, weekend
    [InlineData("2026-06-18 16:00", 2, "2026-06-22 09:00")] // midsommarafton and midsommardagen
    public void AddOpenTime_CountsOnlyOpenHours(string start, int hours, string expected) =>
        Assert.Equal(Local(expected), _calendar.AddOpenTime(Office, Local(start), TimeSpan.FromHours(hours)));

    [Fact]
    public void AddOpenTime_OverTheSpringChange_KeepsOfficeHoursOnTheLocalClock()
    {
        // Friday 15:00 winter time + 4 office hours: 2 on Friday, 2 on Monday from 08:00 summer time.
        var end = _calendar.AddOpenTime(Office, Local("2026-03-27 15:00"), TimeSpan.FromHours(4));

        Assert.Equal(Utc("2026-03-30 08:00"), end);
        Assert.Equal(TimeSpan.FromHours(2), end.Offset);
        var overChange = _calendar.AddOpenTime(Office, Local("2027-03-25 15:00"), TimeSpan.FromHours(4));
        Assert.Equal(Utc("2027-03-30 08:00"), overChange); // Friday 26 March is långfredagen, Monday 29 annandag påsk
        Assert.Equal(TimeSpan.FromHours(2), overChange.Offset);
    }

    [Fact]
    public void AddOpenTime_OverTheAutumnChange_KeepsOfficeHoursOnTheLocalClock()
    {
        var end = _calendar.AddOpenTime(Office, Local("2026-10-23 15:00"), TimeSpan.FromHours(4));

        Assert.Equal(Utc("2026-10-26 09:00"), end); // Monday 10:00 winter time
        Assert.Equal(TimeSpan.FromHours(1), end.Offset);
    }

    [Fact]
    public void AddOpenTime_OfficeOpenAcrossTheAutumnNight_CountsTheRepeatedHour()
    {
        var night = new OfficeHours(new TimeOnly(1, 0), new TimeOnly(4, 0), Enum.GetValues<DayOfWeek>());

        // 01:00-04:00 local on 25 October 2026 lasts four real hours (02:00-03:00 happens twice).
        var start = Local("2026-10-25 01:00");
        Assert.Equal(Utc("2026-10-24 23:00"), start);
        Assert.Equal(Utc("2026-10-25 02:30"), _calendar.AddOpenTime(night, start, TimeSpan.FromHours(3.5)));
        Assert.True(_calendar.IsOpen(night, Utc("2026-10-25 02:30")));
        Assert.False(_calendar.IsOpen(night, Utc("2026-10-25 03:00")));
    }

    [Fact]
    public void AddOpenTime_OfficeOpenAcrossTheSpringNight_SkipsTheMissingHour()
    {
        var night = new OfficeHours(new TimeOnly(1, 0), new TimeOnly(4, 0), Enum.GetValues<DayOfWeek>());

        // 01:00-04:00 local on 29 March 2026 lasts two real hours; the third is counted the next night.
        Assert.Equal(Utc("2026-03-29 01:30"), _calendar.AddOpenTime(night, Local("2026-03-29 01:00"), TimeSpan.FromHours(1.5)));
        Assert.Equal(Local("2026-03-30 02:00"), _calendar.AddOpenTime(night, Local("2026-03-29 01:00"), TimeSpan.FromHours(3)));
        Assert.False(_calendar.IsOpen(night, Utc("2026-03-29 02:00")));
    }

    [Fact]
    public void AddOpenTime_ZeroWhenClosed_IsTheNextOpening() =>
        Assert.Equal(Local("2026-11-23 08:00"), _calendar.AddOpenTime(Office, Local("2026-11-21 12:00"), TimeSpan.Zero));

    [Fact]
    public void AddOpenTime_ZeroWhenOpen_IsTheStart() =>
        Assert.Equal(Local("2026-11-18 12:00"), _calendar.AddOpenTime(Office, Local("2026-11-18 12:00"), TimeSpan.Zero));

    [Fact]
    public void AddOpenTime_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddOpenTime(Office, Local("2026-11-18 12:00"), TimeSpan.FromHours(-1)));

    [Fact]
    public void AddOpenTime_NoOpenDays_ThrowsInsteadOfLooping() =>
        Assert.Throws<InvalidOperationException>(() => _calendar.AddOpenTime(Office with { Days = [] }, Local("2026-11-18 12:00"), TimeSpan.FromHours(1)));

    [Fact]
    public void Instant_TimeSkippedInSpring_MovesForwardByTheSkippedHour() =>
        Assert.Equal(Utc("2027-03-28 01:30"), Local("2027-03-28 02:30"));

    [Fact]
    public void Instant_TimeRepeatedInAutumn_IsItsFirstOccurrence() =>
        Assert.Equal(Utc("2026-10-25 00:30"), Local("2026-10-25 02:30"));
}
