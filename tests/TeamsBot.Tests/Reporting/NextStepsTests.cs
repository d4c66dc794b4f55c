using Trygg.Cases;
using Trygg.Conversation.Turns;
using Trygg.Texts;

namespace Trygg.Reporting;

public sealed class NextStepsTests
{
    private static IncidentDetails Details(
        IncidentKind kind = IncidentKind.Threat,
        IncidentPlace place = IncidentPlace.Home,
        PoliceReport police = PoliceReport.NotYet,
        bool injured = false,
        bool ongoing = false,
        bool relatives = false) =>
        new(kind, DateTimeOffset.UnixEpoch, place, null, "ks", "text", Perpetrator.Unknown, relatives, injured, [], police, null, ContactWish.None, ongoing);

    private static string All(IncidentDetails d, Language language = Language.Swedish) => string.Join("\n", NextSteps.For(d, language));

    [Theory]
    [InlineData(false, "Berätta för ditt partis säkerhetsansvarig")]
    [InlineData(true, "Rapporten går också till ditt partis säkerhetsansvarig")]
    public void For_PartyOfficer_IsNotAskedToBeToldWhenTheReportAlreadyWentThere(bool told, string expected)
    {
        var text = string.Join("\n", NextSteps.For(Details(), Language.Swedish, told));

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Equal(told, !text.Contains("Berätta för ditt partis", StringComparison.Ordinal));
    }

    [Fact]
    public void For_NotReported_Says11414AndAtkomstskyddAndElectedOfficial()
    {
        var text = All(Details());

        Assert.Contains("114 14", text, StringComparison.Ordinal);
        Assert.Contains("åtkomstskydd", text, StringComparison.Ordinal);
        Assert.Contains("förtroendevald", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Swedish, "Bra att du har polisanmält.", "Har du inte gjort det")]
    [InlineData(Language.English, "Good that you have reported it to the police.", "If you did not")]
    public void For_Reported_PraisesWithoutDoubtingIt(Language language, string praise, string contradiction)
    {
        var text = All(Details(police: PoliceReport.Made), language);

        Assert.Contains(praise, text, StringComparison.Ordinal);
        Assert.DoesNotContain(contradiction, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PoliceReport.NotYet, Language.Swedish, "Be polisen om åtkomstskydd för anmälan. Då kan bara de som arbetar med ärendet läsa dina uppgifter i den.")]
    [InlineData(PoliceReport.Made, Language.Swedish, "Be polisen om åtkomstskydd för anmälan. Då kan bara de som arbetar med ärendet läsa dina uppgifter i den.")]
    [InlineData(PoliceReport.NotYet, Language.English, "Ask the police for access protection (åtkomstskydd) for the report. Then only those working on the case can read your details in it.")]
    public void For_Atkomstskydd_SaysWhyInOneSentence(PoliceReport police, Language language, string expected) =>
        Assert.Contains(expected, NextSteps.For(Details(police: police), language));

    [Fact]
    public void For_Ongoing_Says112First()
    {
        Assert.StartsWith("**Pågår det, eller är du i fara? Ring 112.**", All(Details(ongoing: true)), StringComparison.Ordinal);
        Assert.DoesNotContain("112.", All(Details()).Replace("114 14", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void For_Injured_SaysSeekCare_OnlyWhenInjured()
    {
        Assert.Contains("akutmottagning", All(Details(injured: true)), StringComparison.Ordinal);
        Assert.DoesNotContain("akutmottagning", All(Details()), StringComparison.Ordinal);
    }

    [Fact]
    public void For_WantsHelp_SaysPartyOrMunicipalityCanReport_NotCall11414()
    {
        var text = All(Details(police: PoliceReport.WantsHelpToReport));

        Assert.Contains("Partiet eller kommunen kan polisanmäla åt dig", text, StringComparison.Ordinal);
        Assert.DoesNotContain("114 14", text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_Harassment_SaysDoNotAnswer_OnlyThen()
    {
        Assert.Contains("Svara inte", All(Details(kind: IncidentKind.Harassment)), StringComparison.Ordinal);
        Assert.DoesNotContain("Svara inte", All(Details(kind: IncidentKind.Vandalism)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IncidentPlace.Online, "profilen")]
    [InlineData(IncidentPlace.Phone, "dialekt")]
    [InlineData(IncidentPlace.Home, "brev")]
    public void For_Place_EvidenceAdviceFits(IncidentPlace place, string expected)
    {
        Assert.Contains(expected, All(Details(place: place)), StringComparison.Ordinal);
    }

    [Fact]
    public void For_Threat_GivesSupportWithBrottsofferjouren_VandalismDoesNot()
    {
        Assert.Contains("0200-21 20 19", All(Details()), StringComparison.Ordinal);
        Assert.DoesNotContain("0200-21 20 19", All(Details(kind: IncidentKind.Vandalism)), StringComparison.Ordinal);
    }

    [Fact]
    public void For_English_IsEnglish()
    {
        Assert.Contains("Report it to the police", All(Details(), Language.English), StringComparison.Ordinal);
    }
}
