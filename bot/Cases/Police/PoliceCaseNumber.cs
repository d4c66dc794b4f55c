using System.Text.RegularExpressions;

namespace Trygg.Cases.Police;

/// <summary>
/// The police's own number for a report (diarienummer, e.g. 5000-K123456-26), checked loosely: the police have changed
/// its shape before and members copy it from letters, texts and the e-service, so anything that could be a number is
/// kept and only what clearly is not one ("hej", a sentence, a phone number's worth of letters) is refused.
/// </summary>
public static partial class PoliceCaseNumber
{
    public const int MaxLength = 40;

    /// <summary>The number as stored (trimmed, inner spaces collapsed); null when it cannot be a police case number.</summary>
    public static string? Normalise(string? text)
    {
        var trimmed = Spaces().Replace(text ?? string.Empty, " ").Trim();
        return trimmed.Length is >= 4 and <= MaxLength && Allowed().IsMatch(trimmed) && trimmed.Count(char.IsAsciiDigit) >= 4
            ? trimmed
            : null;
    }

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z\-/ .:]*$")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
