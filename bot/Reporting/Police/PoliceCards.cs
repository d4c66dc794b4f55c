using Trygg.Cards;
using Trygg.Texts;

namespace Trygg.Reporting.Police;

internal sealed record PoliceCardSection(string Title, IReadOnlyList<Line> Lines);

/// <summary>Data of Reporting/Police/Cards/PoliceSummary.json.</summary>
internal sealed record PoliceSummaryCard(
    string Title,
    string Intro,
    string Status,
    string Note,
    string Error,
    IReadOnlyList<PoliceCardSection> Sections,
    string HowToReport,
    string CallTitle,
    string CallUrl,
    string EServiceTitle,
    string EServiceUrl,
    string CaseNumber,
    string Pdf,
    string Reported,
    string NumberLabel,
    string NumberPlaceholder,
    string Number,
    int NumberMax,
    string Save)
{
    public const string Template = "Reporting/Police/PoliceSummary";
}

/// <summary>Builds the "Underlag för polisanmälan" card from a <see cref="PoliceSummary"/>.</summary>
internal sealed class PoliceCards(ICardRenderer renderer)
{
    /// <param name="note">A line above the summary (the PDF is on its way); empty for none.</param>
    /// <param name="error">Why a typed police number was refused; empty for none. <paramref name="number"/> keeps what was typed.</param>
    public AdaptiveCard Summary(PoliceSummary summary, Language language, string note = "", string error = "", string number = "")
    {
        ArgumentNullException.ThrowIfNull(summary);
        var t = PoliceTexts.For(language);
        return renderer.Render(PoliceSummaryCard.Template, new PoliceSummaryCard(
            summary.Title,
            summary.Intro,
            summary.Status ?? string.Empty,
            note,
            error,
            [.. summary.Sections.Select(s => new PoliceCardSection(s.Title, [.. s.Lines.Select(l => new Line(l))]))],
            summary.HowToReport,
            t.Call,
            PoliceVerbs.CallUrl,
            t.EService,
            PoliceVerbs.ReportOnlineUrl,
            summary.CaseNumber,
            t.Pdf,
            t.Reported,
            t.NumberLabel,
            t.NumberPlaceholder,
            number,
            Cases.Police.PoliceCaseNumber.MaxLength,
            t.Save));
    }
}
