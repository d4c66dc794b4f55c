using Trygg.Testing.Cases;
using Trygg.Texts;
using UglyToad.PdfPig;

namespace Trygg.Reporting.Police;

public sealed class PolicePdfTests
{
    /// <summary>All text of the PDF with the white space taken out, so a line the PDF wrapped still reads as one.</summary>
    internal static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    internal static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void Write_AReport_OpensAndHoldsItsFactsWithSwedishLetters()
    {
        var incident = PoliceSummaryTests.Incident(description: "Ärligt talat: någon hotade mig på Åre-mötet, \"öga för öga\". Se https://www.facebook.com/groups/123/posts/456");
        var summary = PoliceSummary.Of(incident, TestOrganisations.Testkommun(), ["hotbrev-åäö.pdf"], Language.Swedish);

        var pdf = PolicePdf.Write(summary, Language.Swedish);

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = TextOf(pdf);
        foreach (var expected in new[]
        {
            "Underlag för polisanmälan", "TST-2026-0007", "Ärligt talat: någon hotade mig på Åre-mötet, \"öga för öga\".",
            "https://www.facebook.com/groups/123/posts/456", "2026-12-06 20:45", "Instagram", "hotbrev-åäö.pdf",
            "Jag utsattes i min roll som förtroendevald (Kommunstyrelsen).", "åtkomstskydd", "114 14",
            "https://polisen.se/utsatt-for-brott/polisanmalan/",
        })
        {
            Assert.Contains(Squeeze(expected), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_ALongDescription_RunsOntoMorePagesAndKeepsTheEnd()
    {
        var words = string.Join(' ', Enumerable.Range(1, 1500).Select(i => $"ord{i}"));
        var summary = PoliceSummary.Of(PoliceSummaryTests.Incident(description: words + " slutet-på-texten"), TestOrganisations.Testkommun(), [], Language.English);

        var pdf = PolicePdf.Write(summary, Language.English);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages > 1);
        Assert.Contains("slutet-på-texten", TextOf(pdf), StringComparison.Ordinal);
        Assert.Contains(Squeeze("For your police report"), TextOf(pdf), StringComparison.Ordinal);
    }
}
