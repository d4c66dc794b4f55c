using Trygg.Conversation.Turns;
using Trygg.Reporting;
using Trygg.Cases;
using Trygg.Organisations;
using Trygg.Cases.Rules;
using Trygg.Texts;

namespace Trygg.Privacy;

public sealed class AnonymiserTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 3, 14, 20, 5, 0, TimeSpan.Zero);

    private static Incident Reported() => new(
        "TRY-2026-0042",
        "alingsas",
        "tenant",
        "aad-of-the-member",
        "Anna Andersson",
        Submitted,
        IncidentStatus.Closed,
        new IncidentDetails(
            IncidentKind.Threat,
            new DateTimeOffset(2026, 3, 13, 21, 30, 0, TimeSpan.Zero),
            IncidentPlace.Home,
            "Instagram",
            "social",
            "Han ringde och sa att han vet var min son går i skolan. 070-123 45 67",
            Perpetrator.Known,
            RelativesAffected: true,
            Injured: true,
            [Evidence.Screenshots, Evidence.VoiceMessages],
            PoliceReport.Made,
            "5000-K123456-26",
            ContactWish.Phone,
            Ongoing: true,
            InformParty: true,
            NotSafe: true));

    [Fact]
    public void Incident_KeepsKindPlaceBodyPoliceReportAndMonth_DropsEverythingElse()
    {
        var anonymised = Anonymiser.Incident(Reported());
        var d = anonymised.Details;

        Assert.Equal(IncidentKind.Threat, d.Kind);
        Assert.Equal(IncidentPlace.Home, d.Place);
        Assert.Equal("social", d.Assignment);
        Assert.Equal(PoliceReport.Made, d.PoliceReport);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1)), d.OccurredAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1)), anonymised.SubmittedAt);
        Assert.Equal("TRY-2026-0042", anonymised.CaseNumber);
        Assert.Equal(IncidentStatus.Closed, anonymised.Status);

        Assert.Equal(Anonymiser.ReporterId, anonymised.ReporterId);
        Assert.Equal("", anonymised.ReporterName);
        Assert.Equal("", d.Description);
        Assert.Null(d.Platform);
        Assert.Null(d.PoliceDiaryNumber);
        Assert.Empty(d.Evidence);
        Assert.Equal(Perpetrator.Unknown, d.Perpetrator);
        Assert.False(d.RelativesAffected || d.Injured || d.Ongoing || d.InformParty || d.NotSafe);
        Assert.Equal(ContactWish.None, d.Contact);
        Assert.True(Anonymiser.IsAnonymised(anonymised));
        Assert.False(Anonymiser.IsAnonymised(Reported()));
    }

    [Fact]
    public void Incident_WantsHelpToReport_BecomesNotMade()
    {
        var incident = Reported();
        incident = incident with { Details = incident.Details with { PoliceReport = PoliceReport.WantsHelpToReport } };

        Assert.Equal(PoliceReport.NotYet, Anonymiser.Incident(incident).Details.PoliceReport);
    }

    [Fact]
    public void CaseFile_KeepsDurationsPriorityAndEscalations_DropsNamesIdsNotesAndChat()
    {
        var alex = new StaffStamp("aad-alex", "Alex Wilber", Submitted.AddMinutes(12));
        var file = new CaseFile(
            "tenant", "alingsas", "TRY-2026-0042", Priority.High, OutOfHours: true, Submitted.AddMinutes(15), "a:member-chat", Language.English,
            [new CaseRecipient(RecipientRole.SecurityChannel, "Säkerhetsenheten"), new CaseRecipient(RecipientRole.PartySecurityOfficer, "Megan Bowen")],
            EscalationRound: 1,
            AcknowledgedBy: alex,
            Assignee: alex with { At = Submitted.AddHours(1) },
            ClosedBy: alex with { At = Submitted.AddDays(3) },
            Outcome: "Polisanmälan gjord, larm installerat hos Anna",
            Notes: [new CaseNote(alex, "Ringde Anna på 070-123 45 67")]);

        var cleared = Anonymiser.CaseFile(file, Submitted);
        var newSubmitted = RetentionPolicy.MonthStart(Submitted);

        Assert.Equal(TimeSpan.FromMinutes(12), cleared.AcknowledgedBy!.At - newSubmitted);
        Assert.Equal(TimeSpan.FromDays(3), cleared.ClosedBy!.At - newSubmitted);
        Assert.Equal(CaseStatus.Closed, cleared.Status);
        Assert.Equal(Priority.High, cleared.Priority);
        Assert.Equal(1, cleared.EscalationRound);
        Assert.All(new[] { cleared.AcknowledgedBy, cleared.Assignee!, cleared.ClosedBy }, s => Assert.Equal(("", ""), (s.AadObjectId, s.Name)));
        Assert.Null(cleared.ReporterConversationId);
        Assert.Equal(Language.Swedish, cleared.ReporterLanguage);
        Assert.Empty(cleared.Recipients);
        Assert.Null(cleared.Outcome);
        Assert.Empty(cleared.AllNotes);
    }
}
