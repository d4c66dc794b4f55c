using System.Globalization;
using Trygg.Cards;
using Trygg.Conversation.Turns;
using Trygg.Cases.Delivery;
using Trygg.Cases.Files;
using Trygg.Cases.Police;
using Trygg.Cases.Messages;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Texts;

namespace Trygg.Cases;

/// <summary>
/// The case card's buttons. Who may do what is decided in one place, <see cref="CaseAccess"/>: security staff of the
/// case's organisation act; anyone in the registered security channel sees the summary; a 1:1 recipient sees their own
/// card again; everyone else gets one answer whether or not the case exists. Every detail view (refreshes included),
/// every action and every refused attempt on a case that exists is audited. A change is one transaction (case, the
/// member's status, audit, the member's notification), then every posted card is replaced for everyone and the
/// clicker's card shows the result at once.
/// </summary>
internal sealed partial class CaseActions(
    IOrganisationDirectory organisations,
    TableCaseStore cases,
    CaseAccess access,
    CaseCardPublisher publisher,
    CasePoliceReports police,
    CaseMessageWriter writer,
    CaseEvidenceOpener evidence,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<CaseActions> logger) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs => CaseVerbs.All;

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var action = turn.Action!;
        var t = CaseTexts.For(turn.Language);
        var organisation = action.Get("org") is { Length: > 0 } orgId ? organisations.Find(orgId) : null;
        if (organisation is null)
        {
            replies.ShowText(turn, t.NoAccess);
            return;
        }

        var caseNumber = action.Get("case");
        var @case = string.IsNullOrEmpty(caseNumber) || string.IsNullOrEmpty(turn.TenantId)
            ? null
            : await cases.GetAsync(turn.TenantId, organisation.Id, caseNumber, cancellationToken);

        // An anonymised case (past retention, or its reporter's data erased) is statistics only: nothing to show or change.
        if (@case is not null && @case.Incident.IsAnonymised)
        {
            @case = null;
        }

        var (viewer, staff) = await access.ViewerAsync(turn, organisation, @case, cancellationToken);
        var answer = CaseAccess.Decide(action.Verb, viewer, @case is not null);
        var now = time.GetUtcNow();
        switch (answer)
        {
            case CaseAnswer.NoAccess:
                if (@case is not null)
                {
                    await cases.AuditAsync(turn.TenantId, organisation.Id, Audit(turn, null, @case, ViewOrActionOf(action.Verb), now, allowed: false), cancellationToken);
                }

                LogNoAccess(action.Verb);
                replies.ShowText(turn, t.NoAccess);
                return;

            case CaseAnswer.Gone:
                replies.ShowText(turn, t.CaseGone);
                return;

            case CaseAnswer.Summary:
                Show(turn, replies, await publisher.ChannelCardAsync(@case!, organisation, 0, cancellationToken));
                return;

            case CaseAnswer.RecipientCard:
                await cases.AuditAsync(turn.TenantId, organisation.Id, Audit(turn, null, @case!, AuditAction.ViewedDetails, now, allowed: true), cancellationToken);
                Show(turn, replies, await publisher.PersonCardAsync(@case!, organisation, turn.User.AadObjectId!, cancellationToken));
                return;

            case CaseAnswer.Details:
                await cases.AuditAsync(turn.TenantId, organisation.Id, Audit(turn, staff, @case!, AuditAction.ViewedDetails, now, allowed: true), cancellationToken);
                Show(turn, replies, turn.Scope == ConversationScope.Personal
                    ? await publisher.PersonCardAsync(@case!, organisation, staff!.AadObjectId, cancellationToken)
                    : await publisher.DetailViewAsync(@case!, organisation, cancellationToken));
                return;

            case CaseAnswer.Refused:
                await cases.AuditAsync(turn.TenantId, organisation.Id, Audit(turn, null, @case!, ViewOrActionOf(action.Verb), now, allowed: false), cancellationToken);
                LogRefused(@case!.File.CaseNumber, action.Verb);
                replies.ShowText(turn, action.Verb == CaseVerbs.Details ? t.NotAuthorisedDetails : t.NotAuthorisedAction);
                return;
        }

        await ActAsync(turn, replies, organisation, @case!, staff!, t, now, cancellationToken);
    }

    private async Task ActAsync(Turn turn, TurnReplies replies, Organisation organisation, Case @case, StaffPerson staff, CaseTexts t, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var action = turn.Action!;
        if (action.Verb == CaseVerbs.Police)
        {
            await RecordPoliceAsync(turn, replies, organisation, @case, staff, t, cancellationToken);
            return;
        }

        if (action.Verb == CaseVerbs.Evidence)
        {
            await evidence.OpenAsync(turn, replies, organisation, @case, staff, now, cancellationToken);
            return;
        }

        if (Validate(action, organisation, @case, t) is { } problem)
        {
            replies.ShowText(turn, problem);
            return;
        }

        var me = new StaffStamp(staff.AadObjectId, staff.Name, now);
        if (action.Verb == CaseVerbs.Write)
        {
            if (await writer.WriteAsync(action, organisation, @case, me, MessageTexts.For(turn.Language), cancellationToken) is { } wrong)
            {
                replies.ShowText(turn, wrong);
                return;
            }

            Show(turn, replies, await ResultCardAsync(turn, @case, organisation, staff, cancellationToken));
            return;
        }

        var change = await cases.ChangeAsync(
            turn.TenantId,
            organisation.Id,
            @case.File.CaseNumber,
            current => Decide(action, organisation, current, me),
            cancellationToken);
        if (change is null)
        {
            replies.ShowText(turn, t.CaseGone);
            return;
        }

        if (change.Changed)
        {
            var what = ViewOrActionOf(action.Verb);
            LogChanged(change.Case.File.CaseNumber, what, change.Case.File.Status);
            signal.Nudge();
            await publisher.PublishAsync(change.Case, organisation, cancellationToken);
        }

        Show(turn, replies, await ResultCardAsync(turn, change.Case, organisation, staff, cancellationToken));
    }

    /// <summary>The clicker's card after an action: the view they pressed it on.</summary>
    private async Task<AdaptiveCard> ResultCardAsync(Turn turn, Case @case, Organisation organisation, StaffPerson staff, CancellationToken cancellationToken) =>
        turn.Action!.Get("view") switch
        {
            CaseCards.DetailView when turn.Scope != ConversationScope.Personal => await publisher.DetailViewAsync(@case, organisation, cancellationToken),
            _ when turn.Scope == ConversationScope.Personal => await publisher.PersonCardAsync(@case, organisation, staff.AadObjectId, cancellationToken),
            _ => await publisher.ChannelCardAsync(@case, organisation, 0, cancellationToken),
        };

    /// <summary>
    /// "Polisanmälan gjord åt medlemmen": who filed and, when given, the police's number, on the incident with an audit
    /// line (<see cref="CasePoliceReports"/>). Not shown on the channel's need-to-know card, so nothing is republished.
    /// </summary>
    private async Task RecordPoliceAsync(Turn turn, TurnReplies replies, Organisation organisation, Case @case, StaffPerson staff, CaseTexts t, CancellationToken cancellationToken)
    {
        var action = turn.Action!;
        var p = PoliceFilingTexts.For(turn.Language);
        if (PoliceFilingForm.Filer(action.Get("filedBy")) is not { } filer)
        {
            replies.ShowText(turn, p.ChooseFiler);
            return;
        }

        var typed = action.Get("policeNumber");
        var number = PoliceCaseNumber.Normalise(typed);
        if (!string.IsNullOrWhiteSpace(typed) && number is null)
        {
            replies.ShowText(turn, p.NumberNotValid);
            return;
        }

        var incident = await police.RecordAsync(
            turn.TenantId, organisation.Id, @case.File.CaseNumber, new PoliceFiling(filer, number), new PoliceRecorder(staff.AadObjectId, staff.Name), _ => true, cancellationToken);
        if (incident is null)
        {
            replies.ShowText(turn, t.CaseGone);
            return;
        }

        LogPoliceRecorded(@case.File.CaseNumber, filer);
        Show(turn, replies, await ResultCardAsync(turn, @case with { Incident = incident }, organisation, staff, cancellationToken));
    }

    /// <summary>What the action does to the case as it is now; null when it is already done (a double click, a colleague first).</summary>
    private static CaseEdit? Decide(CardAction action, Organisation organisation, Case current, StaffStamp me)
    {
        var file = current.File;
        var wasNew = file.Status == CaseStatus.New;
        var number = file.CaseNumber;
        switch (action.Verb)
        {
            case CaseVerbs.Acknowledge when wasNew:
                return Edit(file with { AcknowledgedBy = me }, AuditAction.Acknowledged, tell: CaseStatus.Acknowledged);

            case CaseVerbs.Take when file.Status != CaseStatus.Closed && !Same(file.Assignee, me.AadObjectId):
                return Edit(file with { AcknowledgedBy = file.AcknowledgedBy ?? me, Assignee = me }, AuditAction.Took, tell: wasNew ? CaseStatus.Acknowledged : null);

            case CaseVerbs.Assign when file.Status != CaseStatus.Closed:
                var person = Staff.FindSecurityStaff(organisation, action.Get("assignee"))!;
                if (Same(file.Assignee, person.AadObjectId))
                {
                    return null;
                }

                return Edit(
                    file with { AcknowledgedBy = file.AcknowledgedBy ?? me, Assignee = new StaffStamp(person.AadObjectId, person.Name, me.At) },
                    AuditAction.Assigned,
                    tell: wasNew ? CaseStatus.Acknowledged : null,
                    detail: person.Name);

            case CaseVerbs.Note when file.Status != CaseStatus.Closed && file.AllNotes.Count < CaseCards.MaxNotes:
                return Edit(file with { Notes = [.. file.AllNotes, new CaseNote(me, action.Get("note")!.Trim())] }, AuditAction.Noted, tell: null);

            case CaseVerbs.Close when file.Status != CaseStatus.Closed:
                return Edit(
                    file with { AcknowledgedBy = file.AcknowledgedBy ?? me, ClosedBy = me, Outcome = action.Get("outcome")!.Trim() },
                    AuditAction.Closed,
                    tell: CaseStatus.Closed);

            default:
                return null;
        }

        CaseEdit Edit(CaseFile changed, AuditAction what, CaseStatus? tell, string? detail = null) => new(
            changed,
            new AuditEntry(number, me.At, me.AadObjectId, me.Name, what, Allowed: true, detail),
            tell is { } update ? CaseEdit.Adding(pk => [OutboxRows.ReporterUpdate(changed, update, pk, me.At)]) : null);
    }

    /// <summary>Bad input gets a clear message and loses nothing: the card keeps what was typed.</summary>
    private static string? Validate(CardAction action, Organisation organisation, Case @case, CaseTexts t)
    {
        string? TooLong(string? text, int max) =>
            text is not null && text.Trim().Length > max ? string.Format(CultureInfo.InvariantCulture, t.TextTooLongFormat, max) : null;

        return action.Verb switch
        {
            CaseVerbs.Assign when Staff.FindSecurityStaff(organisation, action.Get("assignee")) is null => t.ChooseAssignee,
            CaseVerbs.Note when string.IsNullOrWhiteSpace(action.Get("note")) => t.NoteEmpty,
            CaseVerbs.Note when TooLong(action.Get("note"), CaseCards.NoteMax) is { } tooLong => tooLong,
            CaseVerbs.Note when @case.File.AllNotes.Count >= CaseCards.MaxNotes => t.NotesFull,
            CaseVerbs.Close when string.IsNullOrWhiteSpace(action.Get("outcome")) => t.OutcomeEmpty,
            CaseVerbs.Close when TooLong(action.Get("outcome"), CaseCards.OutcomeMax) is { } tooLong => tooLong,
            _ => null,
        };
    }

    private static bool Same(StaffStamp? stamp, string? aadObjectId) =>
        stamp is not null && string.Equals(stamp.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase);

    private static AuditAction ViewOrActionOf(string verb) => verb switch
    {
        CaseVerbs.Summary or CaseVerbs.Refresh => AuditAction.ViewedSummary,
        CaseVerbs.Details => AuditAction.ViewedDetails,
        CaseVerbs.Acknowledge => AuditAction.Acknowledged,
        CaseVerbs.Take => AuditAction.Took,
        CaseVerbs.Assign => AuditAction.Assigned,
        CaseVerbs.Note => AuditAction.Noted,
        CaseVerbs.Police => AuditAction.PoliceReportRecorded,
        CaseVerbs.Write => AuditAction.WroteToMember,
        CaseVerbs.Evidence => AuditAction.OpenedEvidence,
        _ => AuditAction.Closed,
    };

    private static AuditEntry Audit(Turn turn, StaffPerson? staff, Case @case, AuditAction what, DateTimeOffset now, bool allowed) => new(
        @case.File.CaseNumber,
        now,
        staff?.AadObjectId ?? turn.MemberId,
        staff?.Name ?? turn.User.Name ?? string.Empty,
        what,
        allowed);

    private static void Show(Turn turn, TurnReplies replies, AdaptiveCard card) => replies.ShowCard(turn, card);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case verb {Verb} answered with no access")]
    private partial void LogNoAccess(string verb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseNumber}: {Verb} refused, the user is not security staff")]
    private partial void LogRefused(string caseNumber, string verb);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseNumber}: police report recorded as filed by {Filer}")]
    private partial void LogPoliceRecorded(string caseNumber, PoliceFiler filer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseNumber}: {Action}, now {Status}")]
    private partial void LogChanged(string caseNumber, AuditAction action, CaseStatus status);
}
