using System.Globalization;
using Trygg.Cards;
using Trygg.Cases.Files;
using Trygg.Cases.Messages;
using Trygg.Cases.Police;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Cases.Rules;
using Trygg.Texts;

namespace Trygg.Cases;

internal sealed record CaseFact(string Title, string Value);

internal sealed record CaseLine(string Text);

internal sealed record CaseSummaryCard(
    string Style,
    string Title,
    string CaseNumber,
    string OrganisationId,
    IReadOnlyList<CaseFact> Facts,
    string PrivacyNote,
    bool ShowAcknowledge,
    bool ShowTake,
    string Acknowledge,
    string Take,
    string ShowDetails,
    IReadOnlyList<string> RefreshUserIds)
{
    public const string Template = "Cases/CaseSummary";
}

internal sealed record CaseDetailLabels(
    string Acknowledge,
    string Take,
    string Assign,
    string AssignLabel,
    string ChooseAssignee,
    string AssignConfirm,
    string Note,
    string NoteLabel,
    string NoteSave,
    string Close,
    string OutcomeLabel,
    string CloseConfirm,
    string HideDetails);

internal sealed record CaseDetailsCard(
    string Style,
    string Title,
    string CaseNumber,
    string Subtitle,
    bool HasBanner,
    string Banner,
    string OrganisationId,
    string View,
    IReadOnlyList<CaseFact> Facts,
    string DescriptionLabel,
    string Description,
    bool HasNotes,
    string NotesLabel,
    IReadOnlyList<CaseFact> Notes,
    bool HasOutcome,
    string OutcomeTitle,
    string Outcome,
    bool ShowAcknowledge,
    bool ShowTake,
    bool Open,
    bool ShowHide,
    int NoteMax,
    int OutcomeMax,
    IReadOnlyList<CaseFact> Staff,
    CaseDetailLabels Labels,
    PoliceFilingForm Police,
    bool HasMessages,
    string MessagesLabel,
    IReadOnlyList<CaseFact> Messages,
    bool CanWrite,
    CaseWriteBox Write,
    bool HasFiles,
    string FilesLabel,
    IReadOnlyList<CaseEvidenceRow> Files)
{
    public const string Template = "Cases/CaseDetails";
}

/// <summary>"Skriv till anmälaren": the id the message will be stored under is chosen with the card (one message per click).</summary>
internal sealed record CaseWriteBox(string Title, string Label, string Send, int Max, string Id);

internal sealed record CaseNoticeCard(string Style, string Title, IReadOnlyList<CaseLine> Lines)
{
    public const string Template = "Cases/CaseNotice";
}

/// <summary>
/// The case's cards. The summary is what a whole channel may see (need to know: no description, no reporter); the
/// details are for authorised security staff and the named recipients of a 1:1 card. Shared cards use the
/// organisation's language; what the member reads uses theirs.
/// </summary>
internal sealed class CaseCards(ICardRenderer renderer)
{
    /// <summary>Staff read every time on a card as Swedish wall-clock time, where the security unit works.</summary>
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Longest note and outcome, in characters: enough for a few sentences, small enough for the case row.</summary>
    public const int NoteMax = 500;

    public const int OutcomeMax = 300;

    /// <summary>Notes a case can hold (all of them fit in one table property with room to spare).</summary>
    public const int MaxNotes = 40;

    /// <summary>Teams lists at most 60 users for automatic refresh.</summary>
    public const int MaxRefreshUsers = 60;

    public const string SummaryView = "summary";
    public const string DetailView = "detail";

    /// <param name="deliveries">Where each recipient's message stands; a person Teams could not reach is named by role (need to know).</param>
    /// <param name="messages">The case's messages with the member: the card says only that one came or is awaited.</param>
    public AdaptiveCard Summary(Case @case, Organisation organisation, IReadOnlyList<string> refreshUserIds, int round = 0, IReadOnlyList<RecipientDelivery>? deliveries = null, IReadOnlyList<CaseMessage>? messages = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(refreshUserIds);
        var language = CaseTexts.LanguageOf(organisation);
        var t = CaseTexts.For(language);
        var (incident, file) = (@case.Incident, @case.File);
        var status = file.Status;
        var title = status != CaseStatus.New ? t.CaseTitle : round > 0 || file.EscalationRound > 0 ? t.ReminderTitle : t.NewTitle;
        List<CaseFact> facts =
        [
            new(t.KindLabel, IncidentLabels.Kind(incident.Details.Kind, language)),
            new(t.PriorityLabel, PriorityText(file, t)),
            new(t.ReceivedLabel, Local(incident.SubmittedAt)),
            new(t.BodyLabel, BodyName(incident, organisation, t)),
            new(t.ContactLabel, IncidentLabels.Contact(incident.Details.Contact, language)),
            new(t.StatusLabel, StatusText(file, t)),
        ];
        var unreached = (deliveries ?? []).Where(d => d.State == DeliveryState.NotDelivered).Select(d => t.Role(d.Role)).Distinct().ToList();
        if (unreached.Count > 0)
        {
            var words = DeliveryStateTexts.For(language);
            facts.Add(new(words.DeliveryLabel, string.Format(CultureInfo.InvariantCulture, words.CouldNotReachFormat, string.Join(", ", unreached))));
        }

        if (MessageCards.ChannelFact(messages ?? [], language) is { } news)
        {
            facts.Add(news);
        }

        return renderer.Render(CaseSummaryCard.Template, new CaseSummaryCard(
            Style(file),
            title,
            file.CaseNumber,
            organisation.Id,
            facts,
            t.PrivacyNote,
            ShowAcknowledge: status == CaseStatus.New,
            ShowTake: status is CaseStatus.New or CaseStatus.Acknowledged,
            t.Acknowledge,
            t.Take,
            t.ShowDetails,
            [.. refreshUserIds.Take(MaxRefreshUsers)]));
    }

    /// <param name="canAct">The viewer is security staff: show the case actions.</param>
    /// <param name="inChannel">Shown in place of the summary in a channel: offer "Dölj detaljer".</param>
    /// <param name="deliveries">Where each recipient's message stands: shown per recipient instead of a bare "sent to".</param>
    /// <param name="messages">The messages with the member: shown, with "Skriv till anmälaren", only when the viewer is security staff.</param>
    /// <param name="evidence">The member's evidence files: listed, each with "Öppna", only when the viewer is security staff.</param>
    public AdaptiveCard Details(
        Case @case,
        Organisation organisation,
        MemberProfile? reporter,
        bool canAct,
        bool inChannel,
        IReadOnlyList<RecipientDelivery>? deliveries = null,
        IReadOnlyList<CaseMessage>? messages = null,
        IReadOnlyList<CaseEvidenceFile>? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(organisation);
        var language = CaseTexts.LanguageOf(organisation);
        var t = CaseTexts.For(language);
        var (incident, file) = (@case.Incident, @case.File);
        var d = incident.Details;
        var status = file.Status;

        var facts = new List<CaseFact>
        {
            new(t.KindLabel, IncidentLabels.Kind(d.Kind, language)),
            new(t.PriorityLabel, PriorityText(file, t)),
            new(t.ReceivedLabel, Local(incident.SubmittedAt)),
            new(t.OccurredLabel, Local(d.OccurredAt)),
            new(t.PlaceLabel, IncidentLabels.Place(d.Place, language) + (string.IsNullOrEmpty(d.Platform) ? string.Empty : $" ({d.Platform})")),
            new(t.BodyLabel, BodyName(incident, organisation, t)),
            new(t.PerpetratorLabel, CaseTexts.Perpetrator(d.Perpetrator, language)),
        };
        var also = new List<string>();
        if (d.Ongoing) { also.Add(t.OngoingLabel); }
        if (d.RelativesAffected) { also.Add(t.RelativesLabel); }
        if (d.Injured) { also.Add(t.InjuredLabel); }
        if (also.Count > 0)
        {
            facts.Add(new(t.AlsoLabel, string.Join(", ", also)));
        }

        facts.Add(new(t.EvidenceLabel, d.Evidence.Count == 0 ? t.NoEvidence : string.Join(", ", d.Evidence.Select(e => IncidentLabels.Evidence(e, language)))));
        facts.Add(new(t.PoliceLabel, PoliceFilingForm.Fact(d, language)));
        facts.Add(new(t.ContactLabel, IncidentLabels.Contact(d.Contact, language)));
        if (d.Contact == ContactWish.Phone && !string.IsNullOrEmpty(reporter?.Phone))
        {
            facts.Add(new(t.PhoneLabel, reporter.Phone));
        }

        facts.Add(new(t.ReporterLabel, reporter is null ? incident.ReporterName : $"{incident.ReporterName} ({reporter.Party})"));
        if (deliveries is null)
        {
            facts.Add(new(t.SentToLabel, string.Join(", ", file.Recipients.Select(r => $"{r.Name} ({t.Role(r.Role)})"))));
        }
        else
        {
            var words = DeliveryStateTexts.For(language);
            facts.AddRange(deliveries.Select(r => new CaseFact(
                $"{r.Name} ({t.Role(r.Role)})",
                r.State is { } state ? words.Staff(state) : "–")));
        }

        facts.Add(new(t.StatusLabel, StatusText(file, t)));

        var open = canAct && status != CaseStatus.Closed;
        var m = MessageTexts.For(language);
        var thread = MessageCards.ForStaff(messages ?? [], language);
        var files = canAct ? CaseEvidenceRows.Of(evidence ?? [], language) : [];
        return renderer.Render(CaseDetailsCard.Template, new CaseDetailsCard(
            Style(file),
            t.DetailsTitle,
            file.CaseNumber,
            t.DetailsSubtitle,
            HasBanner: status == CaseStatus.New && file.EscalationRound > 0,
            Banner: string.Format(CultureInfo.InvariantCulture, t.EscalatedFormat, Local(incident.SubmittedAt)),
            organisation.Id,
            inChannel ? DetailView : "person",
            facts,
            t.DescriptionLabel,
            d.Description,
            HasNotes: file.AllNotes.Count > 0,
            t.NotesLabel,
            [.. file.AllNotes.Select(n => new CaseFact($"{Local(n.By.At)} · {n.By.Name}", n.Text))],
            HasOutcome: status == CaseStatus.Closed && !string.IsNullOrEmpty(file.Outcome),
            t.OutcomeTitle,
            file.Outcome ?? string.Empty,
            ShowAcknowledge: canAct && status == CaseStatus.New,
            ShowTake: canAct && status is CaseStatus.New or CaseStatus.Acknowledged,
            Open: open,
            ShowHide: inChannel,
            NoteMax,
            OutcomeMax,
            [.. organisation.Routing.SecurityStaff.Select(p => new CaseFact(p.Name, p.AadObjectId))],
            new CaseDetailLabels(
                t.Acknowledge, t.Take, t.Assign, t.AssignLabel, t.ChooseAssignee, t.AssignConfirm,
                t.Note, t.NoteLabel, t.NoteSave, t.Close, t.OutcomeLabel, t.CloseConfirm, t.HideDetails),
            PoliceFilingForm.For(canAct, language),
            HasMessages: canAct && thread.Count > 0,
            m.MessagesLabel,
            canAct ? thread : [],
            CanWrite: canAct,
            new CaseWriteBox(m.Write, m.WriteLabel, m.WriteSend, MessageCards.MaxLength, CaseMessageEntity.NewId()),
            HasFiles: files.Count > 0,
            string.Format(CultureInfo.InvariantCulture, CaseEvidenceTexts.For(language).FilesLabelFormat, files.Count),
            files));
    }

    /// <summary>What the member is told about their case, in <paramref name="language"/>: their remembered language when it is sent.</summary>
    public AdaptiveCard ReporterUpdate(Case @case, Organisation organisation, CaseStatus update, Language language)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(organisation);
        var t = CaseTexts.For(language);
        var closed = update == CaseStatus.Closed;
        var text = string.Format(
            CultureInfo.InvariantCulture,
            closed ? t.ReporterClosedFormat : t.ReporterAcknowledgedFormat,
            organisation.SecurityUnitName,
            @case.File.CaseNumber);
        return renderer.Render(CaseNoticeCard.Template, new CaseNoticeCard(
            closed ? "default" : "good",
            closed ? t.ReporterClosedTitle : t.ReporterAcknowledgedTitle,
            [new CaseLine(text), new CaseLine(t.ReporterDanger)]));
    }

    /// <summary>
    /// "Trygg could not send case X to Y": to the security unit, in the organisation's language. A null
    /// <paramref name="role"/> means the member's own update failed (the member is not named in the channel).
    /// </summary>
    public AdaptiveCard DeliveryFailed(string caseNumber, Organisation organisation, string? recipientName, RecipientRole? role, string reason)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var t = CaseTexts.For(CaseTexts.LanguageOf(organisation));
        var line = role is { } r
            ? string.Format(CultureInfo.InvariantCulture, t.FailedFormat, caseNumber, recipientName ?? "?", t.Role(r), reason)
            : string.Format(CultureInfo.InvariantCulture, t.FailedReporterFormat, caseNumber, reason);
        return renderer.Render(CaseNoticeCard.Template, new CaseNoticeCard(
            "attention",
            t.FailedTitle,
            [new CaseLine(line), new CaseLine(role is null ? t.FailedReporterAdvice : t.FailedAdvice)]));
    }

    public static string Local(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, Stockholm).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Style(CaseFile file) => file.Status switch
    {
        CaseStatus.New => file.Priority == Priority.High ? "attention" : "warning",
        CaseStatus.Closed => "good",
        _ => "emphasis",
    };

    private static string PriorityText(CaseFile file, CaseTexts t) =>
        (file.Priority == Priority.High ? t.High : t.Normal) + (file.OutOfHours ? $", {t.OutOfHours}" : string.Empty);

    private static string BodyName(Incident incident, Organisation organisation, CaseTexts t) =>
        incident.Details.Assignment == IncidentDetails.PartyAssignment
            ? t.PartyAssignment
            : organisation.FindBody(incident.Details.Assignment)?.Name ?? incident.Details.Assignment;

    private static string StatusText(CaseFile file, CaseTexts t) => file.Status switch
    {
        CaseStatus.Closed => string.Format(CultureInfo.InvariantCulture, t.StatusClosedFormat, file.ClosedBy!.Name),
        CaseStatus.Assigned => string.Format(CultureInfo.InvariantCulture, t.StatusAssignedFormat, file.Assignee!.Name),
        CaseStatus.Acknowledged => string.Format(CultureInfo.InvariantCulture, t.StatusAcknowledgedFormat, file.AcknowledgedBy!.Name),
        _ => t.StatusNew,
    };
}
