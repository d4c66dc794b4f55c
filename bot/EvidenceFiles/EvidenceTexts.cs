using Trygg.Texts;

namespace Trygg.EvidenceFiles;

/// <summary>What members read about their evidence (EvidenceTexts.resx, EvidenceTexts.en.resx).</summary>
internal sealed record EvidenceTexts(
    string Title,
    string Intro,
    string Kinds,
    string Saved,
    string AlreadyKept,
    string RefusedType,
    string RefusedUnreadable,
    string RefusedTooLarge,
    string RefusedCaseFull,
    string RefusedUnavailable,
    string NoStepOpen,
    string NotYours,
    string RefusedHeic,
    string DraftSaved,
    string DraftAlreadyKept)
{
    public static EvidenceTexts For(Language language) => LocalizedTexts.For<EvidenceTexts>(language);
}

/// <summary>The card that opens "Lägg till bevis".</summary>
internal sealed record AddEvidenceCard(string Title, IReadOnlyList<string> Lines)
{
    public const string Template = "EvidenceFiles/AddEvidence";
}
