using Trygg.Cases.Rules;
using Trygg.Organisations;
using Trygg.Testing.Cases;
using Trygg.Texts;

namespace Trygg.Cases.Messages;

/// <summary>Testkommun: Alex and Lynne are security staff, Isaiah is on call (not staff), Lynne heads security.</summary>
public sealed class AnswerRecipientsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly Organisation Org = TestOrganisations.Testkommun();

    private static Case NewCase(StaffPerson? assignee = null, StaffPerson? acknowledgedBy = null)
    {
        var details = new IncidentDetails(
            IncidentKind.Threat, At.AddMinutes(-20), IncidentPlace.Online, "Instagram", "ks", "text", Perpetrator.AnonymousAccount,
            RelativesAffected: false, Injured: false, [Evidence.Screenshots], PoliceReport.NotYet, null, ContactWish.Teams);
        var incident = new Incident("TST-2026-0007", Org.Id, "tenant", "reporter-aad", "Anna Andersson", At, IncidentStatus.Received, details);
        return new Case(incident, new CaseFile(
            "tenant", Org.Id, "TST-2026-0007", Priority.High, OutOfHours: false, At.AddMinutes(15), "a:member", Language.Swedish, [],
            AcknowledgedBy: acknowledgedBy is null ? null : new StaffStamp(acknowledgedBy.AadObjectId, acknowledgedBy.Name, At),
            Assignee: assignee is null ? null : new StaffStamp(assignee.AadObjectId, assignee.Name, At)));
    }

    [Fact]
    public void Order_WriterThenWhoHoldsTheCaseThenOnCallAndHead_EachOnce()
    {
        var order = AnswerRecipients.Order(NewCase(assignee: TestOrganisations.LynneRobbins, acknowledgedBy: TestOrganisations.AlexWilber), Org, TestOrganisations.Alex);

        Assert.Equal([TestOrganisations.Alex, TestOrganisations.Lynne, TestOrganisations.Isaiah], order);
    }

    [Fact]
    public void Pick_FromTheStart_TheWriter() =>
        Assert.Equal((TestOrganisations.Alex, 0), AnswerRecipients.Pick([TestOrganisations.Alex, TestOrganisations.Lynne], Org, 0));

    [Fact]
    public void Pick_WriterNoLongerStaff_TheNextWhoIs()
    {
        var left = Org with { Routing = Org.Routing with { SecurityStaff = [TestOrganisations.LynneRobbins] } };

        Assert.Equal((TestOrganisations.Lynne, 1), AnswerRecipients.Pick([TestOrganisations.Alex, TestOrganisations.Lynne], left, 0));
    }

    [Fact]
    public void Pick_OnCallWhoIsNotStaff_NeverGetsTheText_TheChannelInstead() =>
        Assert.Equal((null, 3), AnswerRecipients.Pick([TestOrganisations.Alex, TestOrganisations.Lynne, TestOrganisations.Isaiah], Org, 2));

    [Fact]
    public void WriterOf_TheLastStaffMessageBeforeTheAnswer()
    {
        CaseMessage M(MessageDirection direction, string? staff, int minutes) =>
            new("TST-2026-0007", $"id{minutes:D8}", At.AddMinutes(minutes), direction, staff, staff, "text");
        var answer = M(MessageDirection.FromMember, null, 20);
        IReadOnlyList<CaseMessage> thread = [M(MessageDirection.ToMember, "alex", 0), M(MessageDirection.ToMember, "lynne", 10), answer, M(MessageDirection.ToMember, "later", 30)];

        Assert.Equal("lynne", AnswerRecipients.WriterOf(thread, answer));
    }
}
