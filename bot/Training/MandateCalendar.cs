using Trygg.Organisations;

namespace Trygg.Training;

/// <summary>One mandate period of a body: from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
/// <param name="ElectionYear">The general election that began it; also the period's name ("2026-2030").</param>
public sealed record MandatePeriod(int ElectionYear, DateOnly ElectionDay, DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date < End;

    public override string ToString() => $"{ElectionYear}-{ElectionYear + 4}";
}

/// <summary>
/// Swedish general elections and the municipal mandate periods they begin, computed for any year from 1994 (when
/// the term became four years) onwards; nothing is listed per year.
/// <list type="bullet">
/// <item>Elections every fourth year from 1994. From 2014 on election day is the second Sunday of September; from 1994
/// to 2010 it was the third Sunday (vallagen as amended for the 2014 election).</item>
/// <item>Kommunfullmäktige serves four years from 15 October of the election year (Kommunallagen 5 kap. 9 §); before
/// 2014 the period began on 1 November.</item>
/// <item>Kommunstyrelsen, and the other boards unless the council decides otherwise, serve from 1 January after the
/// election (Kommunallagen 6 kap. 18 §).</item>
/// </list>
/// </summary>
public static class MandateCalendar
{
    /// <summary>The first election with four-year municipal terms.</summary>
    public const int FirstSupportedElection = 1994;

    private const int SecondSundayReform = 2014;

    public static bool IsElectionYear(int year) => year >= FirstSupportedElection && (year - FirstSupportedElection) % 4 == 0;

    /// <summary>Election day of an election year.</summary>
    public static DateOnly ElectionDay(int year)
    {
        if (!IsElectionYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"{year} is not a Swedish general election year (every fourth year from {FirstSupportedElection}).");
        }

        var firstSunday = FirstSundayOfSeptember(year);
        return firstSunday.AddDays(year >= SecondSundayReform ? 7 : 14);
    }

    /// <summary>The most recent election year on or before <paramref name="year"/>.</summary>
    public static int ElectionYearOnOrBefore(int year)
    {
        if (year < FirstSupportedElection)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Mandate periods are computed from the {FirstSupportedElection} election on.");
        }

        return year - ((year - FirstSupportedElection) % 4);
    }

    /// <summary>The period that began with the election of <paramref name="electionYear"/> for a body of this kind.</summary>
    public static MandatePeriod PeriodOfElection(int electionYear, BodyKind kind)
    {
        var electionDay = ElectionDay(electionYear);
        var start = StartAfter(electionYear, kind);
        return new MandatePeriod(electionYear, electionDay, start, StartAfter(electionYear + 4, kind));
    }

    /// <summary>The period of a body of this kind that contains <paramref name="date"/>.</summary>
    public static MandatePeriod PeriodAt(DateOnly date, BodyKind kind)
    {
        var electionYear = ElectionYearOnOrBefore(date.Year);
        var period = PeriodOfElection(electionYear, kind);
        if (period.Contains(date))
        {
            return period;
        }

        // Between election day and the start of the new period the old period still runs.
        if (date < period.Start)
        {
            return electionYear - 4 >= FirstSupportedElection
                ? PeriodOfElection(electionYear - 4, kind)
                : throw new ArgumentOutOfRangeException(nameof(date), date, $"{date:yyyy-MM-dd} is before the first period computed here ({period.Start:yyyy-MM-dd}).");
        }

        return PeriodOfElection(electionYear + 4, kind);
    }

    /// <summary>The next election day strictly after <paramref name="date"/>.</summary>
    public static DateOnly NextElectionDay(DateOnly date)
    {
        var year = date.Year < FirstSupportedElection ? FirstSupportedElection : ElectionYearOnOrBefore(date.Year);
        var day = ElectionDay(year);
        return day > date ? day : ElectionDay(year + 4);
    }

    private static DateOnly StartAfter(int electionYear, BodyKind kind) => kind switch
    {
        BodyKind.Council => electionYear >= SecondSundayReform ? new DateOnly(electionYear, 10, 15) : new DateOnly(electionYear, 11, 1),
        _ => new DateOnly(electionYear + 1, 1, 1),
    };

    private static DateOnly FirstSundayOfSeptember(int year)
    {
        var first = new DateOnly(year, 9, 1);
        return first.AddDays(((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7);
    }
}
