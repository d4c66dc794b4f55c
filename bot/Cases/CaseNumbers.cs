using System.Globalization;

namespace Trygg.Cases;

/// <summary>
/// How case numbers (and meeting-notice references) read: <c>{prefix}-{year}-{number}</c>, the number with at least
/// four digits (<c>TRY-2026-0042</c>) and more once a year passes 9999 reports (<c>TRY-2026-10000</c>), so a number
/// is never cut or wrapped.
/// </summary>
internal static class CaseNumbers
{
    public const int MinYear = 1;

    public const int MaxYear = 9999;

    public static string Format(string prefix, int year, int number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ValidateYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{number:D4}");
    }

    public static void ValidateYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
    }
}
