using Trygg.Cases;
using Trygg.Cases.Police;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Organisations;

namespace Trygg.Reporting.Police;

/// <summary>
/// Help with the police report, for the member who reported and nobody else: "Underlag för polisanmälan" (what the
/// police will ask, from the report), the same as a PDF in their own chat, and "Jag har polisanmält" with the police's
/// number, which the security staff then see on the case and the annual review counts. Anyone else, and anyone outside
/// their 1:1 chat with the bot, gets the same "not found" for any case number, so nothing tells whether a case exists.
/// </summary>
internal sealed partial class PoliceActions(
    IMemberProfiles profiles,
    IOrganisationDirectory organisations,
    IIncidentStore incidents,
    IEvidenceFileNames evidence,
    PoliceCards cards,
    PrivateFileSender files,
    CasePoliceReports police,
    ILogger<PoliceActions> logger) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [PoliceVerbs.Summary, PoliceVerbs.Pdf, PoliceVerbs.Reported];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var t = PoliceTexts.For(turn.Language);
        var memberId = profiles.KeyOf(turn).UserId;
        if (await OwnCaseAsync(turn, memberId, cancellationToken) is not ({ } incident, { } organisation))
        {
            replies.ShowText(turn, t.NotFound);
            return;
        }

        var summary = await SummaryAsync(incident, organisation, turn, cancellationToken);
        switch (turn.Action!.Verb)
        {
            case PoliceVerbs.Pdf:
                var pdf = PolicePdf.Write(summary, turn.Language);
                var sent = await files.SendAsync(
                    turn, organisation.Id, $"{t.PdfFileStem}-{incident.CaseNumber}.pdf", "application/pdf", pdf, t.PdfDescription, cancellationToken);
                LogPdf(incident.CaseNumber, sent);
                replies.ShowCard(turn, cards.Summary(summary, turn.Language, note: sent ? t.PdfSent : t.PdfFailed));
                return;

            case PoliceVerbs.Reported:
                var typed = turn.Action.Get("policeNumber") ?? string.Empty;
                var number = PoliceCaseNumber.Normalise(typed);
                if (typed.Trim().Length > 0 && number is null)
                {
                    var kept = typed.Length > PoliceCaseNumber.MaxLength ? typed[..PoliceCaseNumber.MaxLength] : typed;
                    replies.ShowCard(turn, cards.Summary(summary, turn.Language, error: t.NumberNotValid, number: kept));
                    return;
                }

                var recorded = await police.RecordAsync(
                    turn.TenantId,
                    organisation.Id,
                    incident.CaseNumber,
                    new PoliceFiling(PoliceFiler.Member, number),
                    new PoliceRecorder(memberId, turn.User.Name ?? string.Empty),
                    current => string.Equals(current.ReporterId, memberId, StringComparison.Ordinal),
                    cancellationToken);
                if (recorded is null)
                {
                    replies.ShowText(turn, t.NotFound);
                    return;
                }

                LogReported(incident.CaseNumber);
                replies.ShowCard(turn, cards.Summary(await SummaryAsync(recorded, organisation, turn, cancellationToken), turn.Language));
                return;

            default:
                replies.ShowCard(turn, cards.Summary(summary, turn.Language));
                return;
        }
    }

    private async Task<PoliceSummary> SummaryAsync(Incident incident, Organisation organisation, Turn turn, CancellationToken cancellationToken) =>
        PoliceSummary.Of(incident, organisation, await evidence.FileNamesAsync(incident, cancellationToken), turn.Language);

    /// <summary>The case the card names, when the member behind the turn reported it and asks in their 1:1 chat.</summary>
    private async Task<(Incident?, Organisation?)> OwnCaseAsync(Turn turn, string memberId, CancellationToken cancellationToken)
    {
        var caseNumber = turn.Action?.Get("case");
        if (turn.Scope != ConversationScope.Personal || string.IsNullOrWhiteSpace(caseNumber) || caseNumber.Length > 40)
        {
            return (null, null);
        }

        var profile = await profiles.GetAsync(turn, cancellationToken);
        var organisation = profile is null ? null : organisations.Find(profile.OrganisationId);
        var incident = organisation is null ? null : await incidents.GetAsync(turn.TenantId, organisation.Id, caseNumber, cancellationToken);
        return incident is not null && !incident.IsAnonymised && string.Equals(incident.ReporterId, memberId, StringComparison.Ordinal)
            ? (incident, organisation)
            : (null, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Police summary PDF for case {CaseNumber}: offered {Sent}")]
    private partial void LogPdf(string caseNumber, bool sent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseNumber}: the member recorded a police report")]
    private partial void LogReported(string caseNumber);
}
