using Trygg.Texts;

namespace Trygg.Cases.Police;

/// <summary>
/// The case details' "Polisanmälan gjord åt medlemmen": security staff record that the party or the municipality filed
/// the police report for the member (domain.md: when fear of repercussions stops the member). Data of the
/// <c>police</c> part of Cases/CaseDetails.json.
/// </summary>
internal sealed record PoliceFilingForm(
    bool Show,
    string Register,
    string FiledByLabel,
    IReadOnlyList<CaseFact> Filers,
    string NumberLabel,
    string NumberPlaceholder,
    int NumberMax,
    string Save)
{
    /// <summary>The card verb; data <c>case</c>, <c>org</c>, <c>view</c>, inputs <c>filedBy</c> and <c>policeNumber</c>.</summary>
    public const string Verb = "cases.police";

    public static PoliceFilingForm For(bool canAct, Language language)
    {
        var t = PoliceFilingTexts.For(language);
        return new PoliceFilingForm(
            canAct,
            t.Register,
            t.FiledByLabel,
            [new(t.FiledByParty, "party"), new(t.FiledByMunicipality, "municipality")],
            t.NumberLabel,
            t.NumberPlaceholder,
            PoliceCaseNumber.MaxLength,
            t.Save);
    }

    /// <summary>The filer a card sent; null for anything else.</summary>
    public static PoliceFiler? Filer(string? value) => value switch
    {
        "party" => PoliceFiler.Party,
        "municipality" => PoliceFiler.Municipality,
        _ => null,
    };

    /// <summary>
    /// The details' police line: the member's answer, the police's number, and who filed when someone recorded it; and,
    /// when the member passed on the number of a report the party or the municipality filed, that the number is theirs.
    /// </summary>
    public static string Fact(IncidentDetails details, Language language)
    {
        ArgumentNullException.ThrowIfNull(details);
        var t = PoliceFilingTexts.For(language);
        var text = CaseTexts.Police(details.PoliceReport, language);
        if (details.PoliceFiledBy is { } filer)
        {
            text += " – " + t.FiledBy(filer);
        }

        if (string.IsNullOrEmpty(details.PoliceDiaryNumber))
        {
            return text;
        }

        return details.PoliceNumberGivenBy == PoliceFiler.Member && details.PoliceFiledBy is not (null or PoliceFiler.Member)
            ? $"{text} ({details.PoliceDiaryNumber}, {t.NumberFromMember})"
            : $"{text} ({details.PoliceDiaryNumber})";
    }
}
