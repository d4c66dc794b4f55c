namespace Trygg.Organisations.Calendar;

/// <summary>Why a day is not a working day.</summary>
public enum HolidayKind
{
    /// <summary>A public holiday by law (allmän helgdag, lag 1989:253), or the national day.</summary>
    PublicHoliday,

    /// <summary>
    /// An eve that is not a holiday by law but on which municipal offices are closed in practice (and which the
    /// Semesterlag and most collective agreements treat as a Sunday): midsommarafton, julafton, nyårsafton.
    /// </summary>
    Eve,
}

/// <summary>A day on which a Swedish office is closed, with its Swedish name.</summary>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind);

/// <summary>
/// Swedish public holidays computed for any year (Gregorian Easter, midsommar and alla helgons dag by weekday rule),
/// so nothing needs a yearly update. For office hours, midsommarafton, julafton and nyårsafton count as closed too:
/// they are not holidays by law, but municipalities close on them. Påskafton and pingstafton always fall on a
/// Saturday and need no entry. Half days before holidays (skärtorsdag, trettondagsafton, valborgsmässoafton,
/// allhelgonaafton) are not modelled: the office counts as open all day, so escalation is never later than due.
/// </summary>
public static class SwedishHolidays
{
    /// <summary>Every closed day of <paramref name="year"/> in date order.</summary>
    public static IReadOnlyList<Holiday> For(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var easter = EasterSunday(year);
        var midsummer = FirstOnOrAfter(new DateOnly(year, 6, 20), DayOfWeek.Saturday);
        List<Holiday> days =
        [
            new(new DateOnly(year, 1, 1), "Nyårsdagen", HolidayKind.PublicHoliday),
            new(new DateOnly(year, 1, 6), "Trettondedag jul", HolidayKind.PublicHoliday),
            new(easter.AddDays(-2), "Långfredagen", HolidayKind.PublicHoliday),
            new(easter, "Påskdagen", HolidayKind.PublicHoliday),
            new(easter.AddDays(1), "Annandag påsk", HolidayKind.PublicHoliday),
            new(new DateOnly(year, 5, 1), "Första maj", HolidayKind.PublicHoliday),
            new(easter.AddDays(39), "Kristi himmelsfärdsdag", HolidayKind.PublicHoliday),
            new(easter.AddDays(49), "Pingstdagen", HolidayKind.PublicHoliday),
            new(new DateOnly(year, 6, 6), "Sveriges nationaldag", HolidayKind.PublicHoliday),
            new(midsummer.AddDays(-1), "Midsommarafton", HolidayKind.Eve),
            new(midsummer, "Midsommardagen", HolidayKind.PublicHoliday),
            new(FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday), "Alla helgons dag", HolidayKind.PublicHoliday),
            new(new DateOnly(year, 12, 24), "Julafton", HolidayKind.Eve),
            new(new DateOnly(year, 12, 25), "Juldagen", HolidayKind.PublicHoliday),
            new(new DateOnly(year, 12, 26), "Annandag jul", HolidayKind.PublicHoliday),
            new(new DateOnly(year, 12, 31), "Nyårsafton", HolidayKind.Eve),
        ];

        // Nationaldagen can fall on Pingstdagen's date in principle (not before 2100, but the rule is general).
        return [.. days.DistinctBy(d => d.Date).OrderBy(d => d.Date)];
    }

    /// <summary>The holiday or closing eve on <paramref name="date"/>, or null on an ordinary day.</summary>
    public static Holiday? On(DateOnly date) => Cache(date.Year).GetValueOrDefault(date);

    public static bool IsClosed(DateOnly date) => On(date) is not null;

    /// <summary>Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek day) =>
        date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Dictionary<DateOnly, Holiday>> Years = new();

    private static Dictionary<DateOnly, Holiday> Cache(int year) => Years.GetOrAdd(year, y => For(y).ToDictionary(d => d.Date));
}
