using Trygg.Texts;

namespace Trygg.Privacy;

/// <summary>The words of <see cref="MyCaseData"/> (MyCaseTexts.resx, MyCaseTexts.en.resx).</summary>
internal sealed record MyCaseTexts(
    string CaseHeadingFormat,
    string MessagesLabel,
    string MessagesFormat,
    string EvidenceLabel,
    string PoliceLabel,
    string FiledByYou,
    string FiledByParty,
    string FiledByMunicipality,
    string NumberFromYouFormat,
    string NumberFromUnitFormat)
{
    public static MyCaseTexts For(Language language) => LocalizedTexts.For<MyCaseTexts>(language);
}
