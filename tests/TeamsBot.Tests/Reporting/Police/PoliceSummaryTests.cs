using Trygg.Cases;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Reporting.Police;

public sealed class PoliceSummaryTests
{
    internal static Incident Incident(
        string description = "Någon skrev \"jag vet var du bor\" under mitt inlägg: https://www.instagram.com/p/abc123, se också www.example.se/tråd.",
        Perpetrator who = Perpetrator.AnonymousAccount,
        PoliceReport police = PoliceReport.NotYet,
        bool injured = false) =>
        new(
            "TST-2026-0007",
            "testkommun",
            "tenant",
            "reporter-aad",
            "Åsa Öberg",
            new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero),
            IncidentStatus.Received,
            new IncidentDetails(
                IncidentKind.Threat, new DateTimeOffset(2026, 12, 6, 19, 45, 0, TimeSpan.Zero), IncidentPlace.Online, "Instagram", "ks", description,
                who, RelativesAffected: true, injured, [Evidence.Screenshots, Evidence.Links], police, null, ContactWish.Teams));

    private static string Text(PoliceSummary summary) =>
        string.Join("\n", summary.Sections.Select(s => s.Title + ": " + string.Join(" | ", s.Lines)));

    [Fact]
    public void Of_AReport_HoldsWhatThePoliceAskInTheMembersWords()
    {
        var summary = PoliceSummary.Of(Incident(), TestOrganisations.Testkommun(), ["skarmbild-1.png"], Language.Swedish);
        var text = Text(summary);

        Assert.Contains("Vad hände: Hot | Någon skrev \"jag vet var du bor\"", text, StringComparison.Ordinal);
        Assert.Contains("När: 2026-12-06 20:45", text, StringComparison.Ordinal); // Stockholm time
        Assert.Contains("Var: På nätet", text, StringComparison.Ordinal);
        Assert.Contains("Hur: Instagram", text, StringComparison.Ordinal);
        Assert.Contains("Länkar: https://www.instagram.com/p/abc123 | www.example.se/tråd", text, StringComparison.Ordinal);
        Assert.Contains("Vem: Ett anonymt konto", text, StringComparison.Ordinal);
        Assert.Contains("Vittnen: ", text, StringComparison.Ordinal);
        Assert.Contains("Bevis: Skärmbilder (inlägg och profil) | Länkar | skarmbild-1.png", text, StringComparison.Ordinal);
        Assert.Contains("Dessutom: Det gäller också mina anhöriga.", text, StringComparison.Ordinal);
        Assert.Contains("Jag utsattes i min roll som förtroendevald (Kommunstyrelsen).", text, StringComparison.Ordinal);
        Assert.Contains("Be om åtkomstskydd: ", text, StringComparison.Ordinal);
        Assert.Contains("114 14", summary.HowToReport, StringComparison.Ordinal);
        Assert.Contains("TST-2026-0007", summary.Intro, StringComparison.Ordinal);
        Assert.Null(summary.Status);
    }

    [Fact]
    public void Of_English_EveryHeadingInEnglish()
    {
        var text = Text(PoliceSummary.Of(Incident(), TestOrganisations.Testkommun(), [], Language.English));

        Assert.Contains("What happened: ", text, StringComparison.Ordinal);
        Assert.Contains("I was targeted in my role as an elected official (Kommunstyrelsen).", text, StringComparison.Ordinal);
        Assert.Contains("Ask for restricted access: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vad hände", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_NoLinksNoEvidence_NoLinkHeadingAndAdviceToSave()
    {
        var incident = Incident(description: "Han stod utanför mitt hus i går kväll.");
        incident = incident with { Details = incident.Details with { Evidence = [], Platform = null, Place = IncidentPlace.Home } };

        var text = Text(PoliceSummary.Of(incident, TestOrganisations.Testkommun(), [], Language.Swedish));

        Assert.DoesNotContain("Länkar:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hur:", text, StringComparison.Ordinal);
        Assert.Contains("Bevis: Inget sparat ännu.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_FiledByTheParty_SaysSoWithTheNumber()
    {
        var incident = Incident();
        incident = incident with { Details = incident.Details with { PoliceReport = PoliceReport.Made, PoliceDiaryNumber = "5000-K123456-26", PoliceFiledBy = PoliceFiler.Party } };

        var summary = PoliceSummary.Of(incident, TestOrganisations.Testkommun(), [], Language.Swedish);

        Assert.Equal("Polisanmälan är gjord av partiet. Polisens diarienummer: 5000-K123456-26", summary.Status);
    }
}
