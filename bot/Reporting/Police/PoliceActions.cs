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
    ReporterCases reporterCases,
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
        if (await reporterCases.ReporterCaseAsync(turn, turn.Action?.Get("org"), turn.Action?.Get("case"), cancellationToken) is not ({ } organisation, { Incident: var incident }))
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Police summary PDF for case {CaseNumber}: offered {Sent}")]
    private partial void LogPdf(string caseNumber, bool sent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseNumber}: the member recorded a police report")]
    private partial void LogReported(string caseNumber);
}
