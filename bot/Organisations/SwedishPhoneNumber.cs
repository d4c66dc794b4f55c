using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Trygg.Organisations;

/// <summary>
/// Swedish phone numbers as members type them (070-123 45 67, 0701234567, +46 70 123 45 67, 0046 70..., 08-123 456 78,
/// 0322-61 60 00), normalised to E.164 (+46701234567) so the security unit can dial them from anywhere.
/// </summary>
public static class SwedishPhoneNumber
{
    private const string CountryCode = "+46";

    /// <summary>
    /// A mobile number has 9 digits after the trunk 0 (7X XXX XX XX); other Swedish numbers (area code plus
    /// subscriber number) have 7 to 9.
    /// </summary>
    private const int MobileDigits = 9;
    private const int MinOtherDigits = 7;
    private const int MaxOtherDigits = 9;

    /// <summary>True and the +46 form when <paramref name="input"/> is a Swedish number; spaces and dashes may go anywhere.</summary>
    public static bool TryNormalise(string? input, [NotNullWhen(true)] out string? normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(input) || Compact(input) is not { } compact)
        {
            return false;
        }

        string national;
        if (compact.StartsWith(CountryCode, StringComparison.Ordinal) || compact.StartsWith("0046", StringComparison.Ordinal))
        {
            // "+46 070..." is a common slip for "+46 70...": the trunk 0 is dropped once, as "(0)" is.
            national = compact[(compact[0] == '+' ? 3 : 4)..];
            national = national.StartsWith('0') ? national[1..] : national;
        }
        else if (compact.StartsWith('0'))
        {
            national = compact[1..];
        }
        else
        {
            return false;
        }

        if (national.Length == 0 || national[0] == '0' || !national.All(char.IsAsciiDigit))
        {
            return false;
        }

        var valid = national[0] == '7'
            ? national.Length == MobileDigits
            : national.Length is >= MinOtherDigits and <= MaxOtherDigits;
        if (valid)
        {
            normalised = CountryCode + national;
        }

        return valid;
    }

    /// <summary>
    /// Drops spaces (any kind), dashes and a "(0)" after the country code ("+46 (0)70 ..."); null when anything else
    /// that is not a digit appears, or a '+' anywhere but first.
    /// </summary>
    private static string? Compact(string input)
    {
        var text = input.Trim().Replace("(0)", "", StringComparison.Ordinal);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c) || (c == '+' && builder.Length == 0))
            {
                builder.Append(c);
            }
            else if (!char.IsWhiteSpace(c) && c is not ('-' or '\u2010' or '\u2011' or '\u2012' or '\u2013'))
            {
                return null;
            }
        }

        return builder.ToString();
    }
}
