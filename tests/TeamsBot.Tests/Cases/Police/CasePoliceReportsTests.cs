namespace Trygg.Cases.Police;

public sealed class CasePoliceReportsTests
{
    private static readonly IncidentDetails NotYet = new(
        IncidentKind.Threat, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), IncidentPlace.Online, "Instagram", "ks", "beskrivning",
        Perpetrator.AnonymousAccount, RelativesAffected: false, Injured: false, [Evidence.Screenshots], PoliceReport.NotYet, null, ContactWish.Teams);

    [Fact]
    public void Recorded_TheMemberAfterThePartyFiled_KeepsThePartyAsFilerAndTheMemberAsGiverOfTheNumber()
    {
        var byParty = CasePoliceReports.Recorded(NotYet, new PoliceFiling(PoliceFiler.Party, null));

        var after = CasePoliceReports.Recorded(byParty, new PoliceFiling(PoliceFiler.Member, "5000-K1234-26"));

        Assert.Equal(
            (PoliceReport.Made, PoliceFiler.Party, "5000-K1234-26", PoliceFiler.Member),
            (after.PoliceReport, after.PoliceFiledBy, after.PoliceDiaryNumber, after.PoliceNumberGivenBy));
    }

    [Fact]
    public void Recorded_StaffAfterTheMember_FilerIsTheStaffsAndTheMembersNumberStays()
    {
        var byMember = CasePoliceReports.Recorded(NotYet, new PoliceFiling(PoliceFiler.Member, "5000-K1234-26"));

        var after = CasePoliceReports.Recorded(byMember, new PoliceFiling(PoliceFiler.Municipality, null));

        Assert.Equal(
            (PoliceFiler.Municipality, "5000-K1234-26", PoliceFiler.Member),
            (after.PoliceFiledBy, after.PoliceDiaryNumber, after.PoliceNumberGivenBy));
    }

    [Fact]
    public void Recorded_TheSameAgain_ReturnsTheDetailsUnchanged()
    {
        var once = CasePoliceReports.Recorded(NotYet, new PoliceFiling(PoliceFiler.Party, "5000-K1234-26"));

        Assert.Same(once, CasePoliceReports.Recorded(once, new PoliceFiling(PoliceFiler.Party, "5000-K1234-26")));
        Assert.Same(once, CasePoliceReports.Recorded(once, new PoliceFiling(PoliceFiler.Member, "5000-K1234-26")));
    }

    [Fact]
    public void Fact_NumberFromTheMemberOnThePartysFiling_SaysBoth()
    {
        var details = NotYet with
        {
            PoliceReport = PoliceReport.Made, PoliceFiledBy = PoliceFiler.Party, PoliceDiaryNumber = "5000-K1234-26", PoliceNumberGivenBy = PoliceFiler.Member,
        };

        Assert.EndsWith("anmäld av partiet (5000-K1234-26, numret från medlemmen)", PoliceFilingForm.Fact(details, Texts.Language.Swedish), StringComparison.Ordinal);
        Assert.EndsWith("filed by the party (5000-K1234-26, number given by the member)", PoliceFilingForm.Fact(details, Texts.Language.English), StringComparison.Ordinal);
    }
}
