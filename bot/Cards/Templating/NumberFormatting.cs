using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Trygg.Cards.Templating;

/// <summary>
/// formatNumber(number, decimals[, locale]) as AEL does it (d3-format <c>,.Nf</c>): round half up, thousands
/// separators, and U+2212 MINUS SIGN for negatives. Locales: 'en-US' (default) and 'sv-SE'.
/// </summary>
internal static class NumberFormatting
{
    private const char Minus = '\u2212';

    public static JsonNode FormatNumber(JsonNode?[] v)
    {
        if (!Values.TryNumber(v[0], out var number))
        {
            throw new TemplateException($"formatNumber() needs a number, got {Values.ToText(v[0])}.");
        }

        if (!Values.TryNumber(v[1], out var decimals) || !Values.IsInteger(decimals) || decimals < 0)
        {
            throw new TemplateException($"formatNumber() needs a whole, non-negative number of decimals, got {Values.ToText(v[1])}.");
        }

        var places = (int)Math.Min(decimals, 20);
        var scale = Math.Pow(10, places);
        var rounded = Math.Floor(number * scale + 0.5) / scale;
        return Values.Text(Format(rounded, places, v.Length > 2 ? Values.AsString(v[2]) ?? "" : null));
    }

    public static string Format(double value, int decimals, string? locale)
    {
        var (group, point) = locale switch
        {
            null or "en-US" => (",", "."),
            "sv-SE" => ("\u00a0", ","),
            _ => throw new TemplateException($"Number locale '{locale}' is not supported; use 'sv-SE' or 'en-US'."),
        };

        var digits = Math.Abs(value).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        var integer = dot < 0 ? digits : digits[..dot];
        var sb = new StringBuilder();
        if (value < 0 && digits.Any(c => c is >= '1' and <= '9'))
        {
            sb.Append(Minus);
        }

        for (var i = 0; i < integer.Length; i++)
        {
            if (i > 0 && (integer.Length - i) % 3 == 0)
            {
                sb.Append(group);
            }

            sb.Append(integer[i]);
        }

        if (dot >= 0)
        {
            sb.Append(point).Append(digits, dot + 1, digits.Length - dot - 1);
        }

        return sb.ToString();
    }
}
