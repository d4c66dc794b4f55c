using Trygg.Texts;

namespace Trygg.Reporting.Police;

/// <summary>The words of "Underlag för polisanmälan": the card, the PDF and "Jag har polisanmält".</summary>
internal sealed record PoliceTexts(
    string Open,
    string Title,
    string IntroFormat,
    string What,
    string When,
    string Where,
    string How,
    string Links,
    string Who,
    string Witnesses,
    string WitnessesHint,
    string Evidence,
    string NoEvidence,
    string Also,
    string RelativesAffected,
    string Injured,
    string RoleTitle,
    string RoleFormat,
    string RoleNoBody,
    string ProtectionTitle,
    string Protection,
    string HowToReport,
    string Call,
    string EService,
    string Pdf,
    string PdfSent,
    string PdfFailed,
    string PdfDescription,
    string Reported,
    string NumberLabel,
    string NumberPlaceholder,
    string Save,
    string NumberNotValid,
    string ReportedDone,
    string ReportedByOthersFormat,
    string ByParty,
    string ByMunicipality,
    string PoliceNumberFormat,
    string NotFound,
    string Footer,
    string WhoUnknown,
    string WhoKnown,
    string WhoAnonymous,
    string PdfFileStem)
{
    public static PoliceTexts For(Language language) => LocalizedTexts.For<PoliceTexts>(language);
}
