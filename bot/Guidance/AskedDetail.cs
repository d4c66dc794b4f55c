using System.Text.RegularExpressions;

namespace Trygg.Guidance;

/// <summary>
/// A question that asks for one kind of detail (a phone number, an e-mail address, how many, how long) is answered only
/// by a passage that holds such a detail. "Vad är numret till stödtelefonen?" and a passage that names the support line
/// but not its number share every word, yet showing it would not answer; saying we do not know, and where to ask, does.
/// </summary>
internal static partial class AskedDetail
{
    /// <summary>False when the question asks for a kind of detail the passage does not hold; true otherwise.</summary>
    public static bool Holds(string question, string passage)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passage);
        var asked = question.ToLowerInvariant();
        if (MailAsked().IsMatch(asked) && !passage.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        if (PhoneAsked().IsMatch(asked) && !PhoneNumber().IsMatch(passage))
        {
            return false;
        }

        return !(AmountAsked().IsMatch(asked) && !Amount().IsMatch(passage.ToLowerInvariant()));
    }

    [GeneratedRegex(@"\b(mejl|mail|e-post|epost)adress\w*|\be-?mail address")]
    private static partial Regex MailAsked();

    [GeneratedRegex(@"\b(telefon)?(nummer|numret|numren|nr)\b|\btelnr\b|\b(phone )?number\b")]
    private static partial Regex PhoneAsked();

    /// <summary>Three or more digits, spaces or dashes between ("112", "114 14", "0200-21 20 19"), but not a time of day ("08.00-16.30").</summary>
    [GeneratedRegex(@"(?<![\d.:])\d(?:[ -]?\d){2,}(?![\d.:])")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"\bhur (många|manga|länge|lange|lång tid|lang tid)\b|\bhow (many|long)\b|\bantal(et)?\b")]
    private static partial Regex AmountAsked();

    /// <summary>A figure, written with digits or in words.</summary>
    [GeneratedRegex(@"\d|\b(två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|trettio|hundra|tusen|miljon\w*|tredje|fjärde|femte|hälften|procent)\b")]
    private static partial Regex Amount();
}
