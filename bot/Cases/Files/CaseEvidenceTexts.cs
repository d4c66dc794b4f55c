using Trygg.Texts;

namespace Trygg.Cases.Files;

/// <summary>The words of the evidence list on the case details and of "Öppna", Swedish and English.</summary>
internal sealed record CaseEvidenceTexts(
    string FilesLabelFormat,
    string Open,
    string AboutFormat,
    string Sent,
    string Failed,
    string NotFound,
    string Description)
{
    public static CaseEvidenceTexts For(Language language) => LocalizedTexts.For<CaseEvidenceTexts>(language);
}
