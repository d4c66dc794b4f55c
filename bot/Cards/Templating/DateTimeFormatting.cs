using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Trygg.Cards.Templating;

/// <summary>
/// formatDateTime(timestamp[, format[, locale]]) matching AEL on Node for a subset of .NET-style patterns.
/// </summary>
/// <remarks>
/// Like AEL the result is always in UTC: a timestamp with an offset is converted, one without is taken as UTC (so
/// pass Stockholm wall-clock time without an offset to show it as is). Names are English whatever the locale, as
/// in AEL. Supported: yyyy yy y, MMMM MMM MM M, dddd ddd dd d, HH H hh h, mm m, ss s, fff, tt t, zzz zz z, K,
/// 'quoted' and \escaped literals, punctuation, and "o". Anything else (f, ff, F, g, "R", "u", and literal letters
/// the reference engine would reinterpret as day.js tokens) throws, where the reference engine prints something odd.
/// </remarks>
internal static class DateTimeFormatting
{
    private const string DayJsTokenLetters = "YMDdHhAamsSZ";

    public static JsonNode FormatDateTime(JsonNode?[] v)
    {
        var text = Values.AsString(v[0]) ?? throw new TemplateException($"formatDateTime() needs a timestamp string, got {Values.ToText(v[0])}.");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            throw new TemplateException($"formatDateTime() cannot read '{text}' as a timestamp.");
        }

        // JS dates have millisecond precision.
        var utc = new DateTime(parsed.UtcTicks - (parsed.UtcTicks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var format = v.Length > 1 ? Values.AsString(v[1]) ?? throw new TemplateException("formatDateTime() needs a string format.") : null;
        return Values.Text(string.IsNullOrEmpty(format)
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : Format(utc, format));
    }

    private static string Format(DateTime t, string format)
    {
        switch (format)
        {
            case "o" or "O":
                return Format(t, "yyyy-MM-dd'T'HH:mm:ss.fff'0000+00:00'");
            case "r" or "R" or "u" or "U":
                throw new TemplateException($"formatDateTime() format '{format}' is not supported.");
        }

        var sb = new StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c && c is not ('\'' or '\\'))
            {
                run++;
            }

            if (c == '\'')
            {
                var end = format.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new TemplateException($"formatDateTime() format '{format}' has an unterminated quote.");
                }

                AppendLiteral(sb, format[(i + 1)..end], format);
                i = end + 1;
                continue;
            }

            if (c == '\\')
            {
                if (i + 1 >= format.Length)
                {
                    throw new TemplateException($"formatDateTime() format '{format}' ends with a backslash.");
                }

                AppendLiteral(sb, format[i + 1].ToString(), format);
                i += 2;
                continue;
            }

            sb.Append(Token(t, c, run, format));
            i += run;
        }

        return sb.ToString();
    }

    private static string Token(DateTime t, char c, int run, string format) => (c, run) switch
    {
        ('y', <= 2) => (t.Year % 100).ToString("00", CultureInfo.InvariantCulture),
        ('y', _) => t.Year.ToString("0000", CultureInfo.InvariantCulture),
        ('M', 1) => t.Month.ToString(CultureInfo.InvariantCulture),
        ('M', 2) => t.Month.ToString("00", CultureInfo.InvariantCulture),
        ('M', 3) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(t.Month),
        ('M', _) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(t.Month),
        ('d', 1) => t.Day.ToString(CultureInfo.InvariantCulture),
        ('d', 2) => t.Day.ToString("00", CultureInfo.InvariantCulture),
        ('d', 3) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(t.DayOfWeek),
        ('d', _) => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(t.DayOfWeek),
        ('H', 1) => t.Hour.ToString(CultureInfo.InvariantCulture),
        ('H', _) => t.Hour.ToString("00", CultureInfo.InvariantCulture),
        ('h', 1) => Hour12(t).ToString(CultureInfo.InvariantCulture),
        ('h', _) => Hour12(t).ToString("00", CultureInfo.InvariantCulture),
        ('m', 1) => t.Minute.ToString(CultureInfo.InvariantCulture),
        ('m', _) => t.Minute.ToString("00", CultureInfo.InvariantCulture),
        ('s', 1) => t.Second.ToString(CultureInfo.InvariantCulture),
        ('s', _) => t.Second.ToString("00", CultureInfo.InvariantCulture),
        ('f', >= 3) => t.Millisecond.ToString("000", CultureInfo.InvariantCulture),
        ('t', _) => t.Hour < 12 ? "AM" : "PM",
        ('z', <= 2) => "+0000",
        ('z', _) => "+00:00",
        ('K', _) => string.Concat(Enumerable.Repeat("+00:00", run)),
        ('%', _) => string.Empty,
        _ when "fFg[]".Contains(c, StringComparison.Ordinal) || DayJsTokenLetters.Contains(c, StringComparison.Ordinal) =>
            throw new TemplateException($"formatDateTime() pattern '{new string(c, run)}' in '{format}' is not supported."),
        _ => new string(c, run),
    };

    private static int Hour12(DateTime t) => t.Hour % 12 == 0 ? 12 : t.Hour % 12;

    private static void AppendLiteral(StringBuilder sb, string literal, string format)
    {
        if (literal.Any(c => DayJsTokenLetters.Contains(c, StringComparison.Ordinal)))
        {
            throw new TemplateException($"formatDateTime() literal '{literal}' in '{format}' contains letters the reference engine reinterprets; leave them out of the pattern.");
        }

        sb.Append(literal);
    }
}
