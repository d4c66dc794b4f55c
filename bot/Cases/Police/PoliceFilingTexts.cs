using Trygg.Texts;

namespace Trygg.Cases.Police;

/// <summary>The words of a police report recorded on a case: the staff's "filed for the member" action and who filed it.</summary>
internal sealed record PoliceFilingTexts(
    string Register,
    string FiledByLabel,
    string FiledByParty,
    string FiledByMunicipality,
    string NumberLabel,
    string NumberPlaceholder,
    string Save,
    string ChooseFiler,
    string NumberNotValid,
    string ByMember,
    string ByParty,
    string ByMunicipality,
    string NumberFromMember)
{
    public static PoliceFilingTexts For(Language language) => LocalizedTexts.For<PoliceFilingTexts>(language);

    public string FiledBy(PoliceFiler filer) => filer switch
    {
        PoliceFiler.Party => ByParty,
        PoliceFiler.Municipality => ByMunicipality,
        _ => ByMember,
    };
}
