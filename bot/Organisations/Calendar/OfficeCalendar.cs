namespace Trygg.Organisations.Calendar;

/// <summary>
/// Office hours in Europe/Stockholm, closed on Swedish public holidays and the eves offices close on
/// (<see cref="SwedishHolidays"/>). Opening and closing are local wall-clock times, so after a DST change the office
/// still opens at 08:00 local time; durations are measured between instants, so a DST night is neither an hour
/// longer nor shorter than it really is.
/// </summary>
public sealed class OfficeCalendar : IOfficeCalendar
{
    public static TimeZoneInfo Stockholm { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>
    /// A year without one open day means the profile lists no days (the reader refuses that) or something is wrong:
    /// stop rather than loop.
    /// </summary>
    private const int MaxClosedDaysInARow = 366;

    public bool IsOpen(OfficeHours hours, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var local = TimeZoneInfo.ConvertTime(at, Stockholm);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (!IsWorkingDay(hours, date))
        {
            return false;
        }

        var (opens, closes) = OpenPeriod(hours, date);
        return at >= opens && at < closes;
    }

    public DateTimeOffset AddOpenTime(OfficeHours hours, DateTimeOffset start, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var remaining = duration;
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, Stockholm).DateTime);
        var closedInARow = 0;
        while (true)
        {
            if (IsWorkingDay(hours, date))
            {
                closedInARow = 0;
                var (opens, closes) = OpenPeriod(hours, date);
                var from = start > opens ? start : opens;
                if (from < closes)
                {
                    var open = closes - from;
                    if (remaining <= open)
                    {
                        return TimeZoneInfo.ConvertTime(from + remaining, Stockholm);
                    }

                    remaining -= open;
                }
            }
            else if (++closedInARow > MaxClosedDaysInARow)
            {
                throw new InvalidOperationException("The office hours have no open day within a year; check the profile's officeHours.days.");
            }

            date = date.AddDays(1);
        }
    }

    public static bool IsWorkingDay(OfficeHours hours, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return hours.Days.Contains(date.DayOfWeek) && !SwedishHolidays.IsClosed(date);
    }

    private static (DateTimeOffset Opens, DateTimeOffset Closes) OpenPeriod(OfficeHours hours, DateOnly date) =>
        (Instant(date.ToDateTime(hours.Opens)), Instant(date.ToDateTime(hours.Closes)));

    /// <summary>
    /// The instant a Stockholm wall clock shows <paramref name="local"/>. A time the spring change skips (02:30) is
    /// read with the winter offset, i.e. moved forward by the hour skipped (03:30 summer time); a time that occurs
    /// twice in autumn is taken at its first occurrence.
    /// </summary>
    internal static DateTimeOffset Instant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = Stockholm.IsInvalidTime(local) ? Stockholm.BaseUtcOffset
            : Stockholm.IsAmbiguousTime(local) ? Stockholm.GetAmbiguousTimeOffsets(local).Max()
            : Stockholm.GetUtcOffset(local);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, offset), Stockholm);
    }
}
