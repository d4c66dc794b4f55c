using System.Globalization;

namespace Trygg.Review;

/// <summary>
/// The stretch of time a review covers: whole days in Europe/Stockholm, <see cref="From"/> inclusive to
/// <see cref="To"/> inclusive. An incident belongs to the period by the local date it happened on.
/// </summary>
public sealed record ReviewPeriod(DateOnly From, DateOnly To, string Label)
{
    public static ReviewPeriod Year(int year) =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), year.ToString(CultureInfo.InvariantCulture));

    public static ReviewPeriod Range(DateOnly from, DateOnly to) =>
        to < from
            ? throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to))
            : new(from, to, $"{from:yyyy-MM-dd} – {to:yyyy-MM-dd}");

    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>
    /// Reads "2026", "2025-03-01..2025-08-31" or "2025-03-01 2025-08-31"; null when the text is neither.
    /// </summary>
    public static ReviewPeriod? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split(["..", " ", "–", "—"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
        {
            return Year(year);
        }

        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            && to >= from)
        {
            return Range(from, to);
        }

        return null;
    }
}
