using Trygg.Training;
using Trygg.Organisations;

namespace Trygg.Training;

public sealed class MandateCalendarTests
{
    [Theory]
    [InlineData(1994, "1994-09-18")] // third Sunday before the 2014 reform
    [InlineData(2006, "2006-09-17")]
    [InlineData(2010, "2010-09-19")]
    [InlineData(2014, "2014-09-14")] // second Sunday from 2014
    [InlineData(2018, "2018-09-09")]
    [InlineData(2022, "2022-09-11")]
    [InlineData(2026, "2026-09-13")]
    [InlineData(2030, "2030-09-08")]
    [InlineData(2034, "2034-09-10")]
    public void ElectionDay_IsTheRightSundayOfSeptember(int year, string expected)
    {
        var day = MandateCalendar.ElectionDay(year);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), day);
        Assert.Equal(DayOfWeek.Sunday, day.DayOfWeek);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2027)]
    [InlineData(1990)]
    public void ElectionDay_RefusesYearsWithoutAnElection(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MandateCalendar.ElectionDay(year));

    [Theory]
    [InlineData(2022, "2022-10-15", "2026-10-15")]
    [InlineData(2026, "2026-10-15", "2030-10-15")]
    [InlineData(2030, "2030-10-15", "2034-10-15")]
    [InlineData(2034, "2034-10-15", "2038-10-15")]
    [InlineData(2010, "2010-11-01", "2014-10-15")] // the last period under the old rule ended when the new one began
    public void CouncilPeriod_RunsFourYearsFrom15October(int election, string start, string end)
    {
        var period = MandateCalendar.PeriodOfElection(election, BodyKind.Council);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    [Theory]
    [InlineData(2022, "2023-01-01", "2027-01-01")]
    [InlineData(2026, "2027-01-01", "2031-01-01")]
    [InlineData(2030, "2031-01-01", "2035-01-01")]
    [InlineData(2034, "2035-01-01", "2039-01-01")]
    public void ExecutiveBoardPeriod_StartsOn1JanuaryAfterTheElection(int election, string start, string end)
    {
        var period = MandateCalendar.PeriodOfElection(election, BodyKind.ExecutiveBoard);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    [Theory]
    [InlineData("2026-11-23", BodyKind.Council, 2026)]   // today: the new council period began on 15 October
    [InlineData("2026-10-14", BodyKind.Council, 2022)]   // after election day, the old council still sits
    [InlineData("2026-10-15", BodyKind.Council, 2026)]
    [InlineData("2026-11-23", BodyKind.ExecutiveBoard, 2022)] // the executive board changes on 1 January
    [InlineData("2027-01-01", BodyKind.ExecutiveBoard, 2026)]
    [InlineData("2028-06-01", BodyKind.Board, 2026)]     // a member joining mid-period
    [InlineData("2030-12-31", BodyKind.Board, 2026)]
    public void PeriodAt_FindsThePeriodRunningOnADate(string date, BodyKind kind, int electionYear)
    {
        var period = MandateCalendar.PeriodAt(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), kind);

        Assert.Equal(electionYear, period.ElectionYear);
        Assert.True(period.Contains(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal($"{electionYear}-{electionYear + 4}", period.ToString());
    }

    [Fact]
    public void Periods_FollowEachOtherWithoutGapOrOverlap()
    {
        for (var year = 1994; year < 2100; year += 4)
        {
            foreach (var kind in new[] { BodyKind.Council, BodyKind.ExecutiveBoard })
            {
                var period = MandateCalendar.PeriodOfElection(year, kind);
                var next = MandateCalendar.PeriodOfElection(year + 4, kind);
                Assert.Equal(period.End, next.Start);
                Assert.True(period.Start > period.ElectionDay);
            }
        }
    }

    [Theory]
    [InlineData("2026-11-23", "2030-09-08")]
    [InlineData("2026-09-13", "2030-09-08")]
    [InlineData("2026-09-12", "2026-09-13")]
    [InlineData("2029-03-01", "2030-09-08")]
    public void NextElectionDay_IsStrictlyAfterTheDate(string date, string expected) =>
        Assert.Equal(
            DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            MandateCalendar.NextElectionDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}
