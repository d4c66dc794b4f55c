namespace Trygg.Organisations.Calendar;

public sealed class SwedishHolidaysTests
{
    [Theory]
    [InlineData(1818, 3, 22)]
    [InlineData(1943, 4, 25)]
    [InlineData(2000, 4, 23)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void EasterSunday_KnownYears_MatchesTheChurchCalendar(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), SwedishHolidays.EasterSunday(year));

    [Fact]
    public void For_2026_ListsEveryClosedDayInOrder()
    {
        var days = SwedishHolidays.For(2026);

        Assert.Equal(
            [
                ("2026-01-01", "Nyårsdagen"), ("2026-01-06", "Trettondedag jul"), ("2026-04-03", "Långfredagen"),
                ("2026-04-05", "Påskdagen"), ("2026-04-06", "Annandag påsk"), ("2026-05-01", "Första maj"),
                ("2026-05-14", "Kristi himmelsfärdsdag"), ("2026-05-24", "Pingstdagen"), ("2026-06-06", "Sveriges nationaldag"),
                ("2026-06-19", "Midsommarafton"), ("2026-06-20", "Midsommardagen"), ("2026-10-31", "Alla helgons dag"),
                ("2026-12-24", "Julafton"), ("2026-12-25", "Juldagen"), ("2026-12-26", "Annandag jul"), ("2026-12-31", "Nyårsafton"),
            ],
            days.Select(d => (d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Name)));
        Assert.Equal(
            ["Midsommarafton", "Julafton", "Nyårsafton"],
            days.Where(d => d.Kind == HolidayKind.Eve).Select(d => d.Name));
    }

    [Fact]
    public void For_2027_MovesEasterMidsummerAndAllSaints()
    {
        var days = SwedishHolidays.For(2027).ToDictionary(d => d.Name, d => d.Date);

        Assert.Equal(new DateOnly(2027, 3, 26), days["Långfredagen"]);
        Assert.Equal(new DateOnly(2027, 3, 29), days["Annandag påsk"]);
        Assert.Equal(new DateOnly(2027, 5, 6), days["Kristi himmelsfärdsdag"]);
        Assert.Equal(new DateOnly(2027, 5, 16), days["Pingstdagen"]);
        Assert.Equal(new DateOnly(2027, 6, 25), days["Midsommarafton"]);
        Assert.Equal(new DateOnly(2027, 6, 26), days["Midsommardagen"]);
        Assert.Equal(new DateOnly(2027, 11, 6), days["Alla helgons dag"]);
    }

    [Theory]
    [InlineData(2020)]
    [InlineData(2026)]
    [InlineData(2031)]
    [InlineData(2099)]
    public void For_AnyYear_MidsummerAndAllSaintsFallOnTheirWeekdays(int year)
    {
        var days = SwedishHolidays.For(year).ToDictionary(d => d.Name, d => d.Date);

        Assert.Equal(DayOfWeek.Friday, days["Midsommarafton"].DayOfWeek);
        Assert.InRange(days["Midsommarafton"].Day, 19, 25);
        Assert.Equal(DayOfWeek.Saturday, days["Midsommardagen"].DayOfWeek);
        Assert.Equal(DayOfWeek.Saturday, days["Alla helgons dag"].DayOfWeek);
        Assert.True(days["Alla helgons dag"] >= new DateOnly(year, 10, 31) && days["Alla helgons dag"] <= new DateOnly(year, 11, 6));
        Assert.Equal(DayOfWeek.Friday, days["Långfredagen"].DayOfWeek);
        Assert.Equal(DayOfWeek.Thursday, days["Kristi himmelsfärdsdag"].DayOfWeek);
        Assert.Equal(DayOfWeek.Sunday, days["Pingstdagen"].DayOfWeek);
    }

    [Theory]
    [InlineData("2026-12-24", "Julafton")]
    [InlineData("2026-05-01", "Första maj")]
    [InlineData("2027-03-29", "Annandag påsk")]
    public void On_ClosedDay_NamesIt(string date, string name) =>
        Assert.Equal(name, SwedishHolidays.On(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))?.Name);

    [Theory]
    [InlineData("2026-04-02")] // skärtorsdag: open (half days are not modelled)
    [InlineData("2026-04-30")] // valborgsmässoafton
    [InlineData("2026-12-23")]
    [InlineData("2026-11-20")]
    public void IsClosed_OrdinaryDay_IsFalse(string date) =>
        Assert.False(SwedishHolidays.IsClosed(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}
