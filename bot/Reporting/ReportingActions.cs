using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Members.Profile;
using Trygg.Cases;
using Trygg.Organisations;
using Trygg.Cases.Rules;
using Trygg.Texts;

namespace Trygg.Reporting;

/// <summary>
/// The report conversation: safety first (112 before any form), the member's profile once, two short form
/// steps with a file step between them (files sent in the chat then are kept under the draft and go with the case),
/// a preview showing the recipients, and a receipt with a case number and next steps. Every step is kept in storage,
/// so a restart resumes where the member stopped; sending is idempotent per draft, its files included.
/// </summary>
internal sealed partial class ReportingActions(
    IConversationStateStore state,
    ReportCards cards,
    IMemberProfiles profiles,
    IOrganisationDirectory organisations,
    IIncidentStore incidents,
    IRoutingRules rules,
    IOfficeCalendar calendar,
    ICaseIntake intake,
    IDraftFiles draftFiles,
    Police.IEvidenceFileNames caseFiles,
    TimeProvider time,
    ILogger<ReportingActions> logger) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } =
    [
        ReportingVerbs.Start, ReportingVerbs.Acute, ReportingVerbs.Safe, ReportingVerbs.Unsafe, ReportingVerbs.Form,
        ReportingVerbs.Next, ReportingVerbs.FilesDone, ReportingVerbs.Back, ReportingVerbs.Preview, ReportingVerbs.Edit, ReportingVerbs.Send,
        ReportingVerbs.Cancel, ReportingVerbs.MyReports, ReportingVerbs.Receipt,
    ];

    public async Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var action = turn.Action!;
        switch (action.Verb)
        {
            case ReportingVerbs.Start:
                await StartAsync(turn, replies, acute: false, cancellationToken);
                return;
            case ReportingVerbs.Acute:
            case ReportingVerbs.Unsafe:
                await StartAsync(turn, replies, acute: true, cancellationToken);
                return;
            case ReportingVerbs.Cancel:
                await CancelAsync(turn, replies, cancellationToken);
                return;
            case ReportingVerbs.MyReports:
                await MyReportsAsync(turn, replies, cancellationToken);
                return;
            case ReportingVerbs.Receipt:
                await ReceiptAsync(turn, replies, cancellationToken);
                return;
        }

        var now = time.GetUtcNow();
        var draft = await CurrentDraftAsync(turn, cancellationToken);
        // A step card of a report already sent ("Klart", "Nästa", "Tillbaka" further up the chat) must not reopen it: the
        // draft's id is the sent case's submission id, so a refilled form would fold a second report into the first.
        var stale = draft is { Step: DraftStep.Sent } && action.Verb is not (ReportingVerbs.Safe or ReportingVerbs.Form or ReportingVerbs.Send);
        if (draft is null || stale || (action.Get("draft") is { Length: > 0 } cardDraft && cardDraft != draft.Id))
        {
            var gone = ReportingTexts.For(turn.Language);
            replies.ShowCard(turn, cards.Message(Title(turn.Language), stale ? gone.DraftSent : gone.DraftGone));
            return;
        }

        var profile = await profiles.GetAsync(turn, cancellationToken);
        var organisation = profile is null ? null : organisations.Find(profile.OrganisationId);
        if (profile is null || organisation is null)
        {
            // The profile is asked once; saving it continues straight to the form.
            await SaveAsync(turn, draft with { Step = DraftStep.What, UpdatedAt = now }, cancellationToken);
            replies.ContinueWith(ProfileVerbs.Show, new Dictionary<string, string?> { [ProfileData.Next] = ReportingVerbs.Form });
            return;
        }

        var texts = ReportingTexts.For(turn.Language);
        var noErrors = new Dictionary<string, string>();
        switch (action.Verb)
        {
            case ReportingVerbs.Safe:
            case ReportingVerbs.Form:
                if (draft.Step == DraftStep.Sent)
                {
                    draft = ReportDraft.New(now);
                }

                // Resume where the member stopped; a new report starts at the first step.
                draft = draft with { Step = draft.Step is DraftStep.Safety ? DraftStep.What : draft.Step, UpdatedAt = now };
                await SaveAsync(turn, draft, cancellationToken);
                ShowStep(turn, replies, draft, profile, organisation, now, await CountFilesAsync(turn, draft, cancellationToken));
                return;

            case ReportingVerbs.Next:
            {
                var merged = draft.Merge(action, ReportForm.StepOneFields, DraftStep.What, now);
                var errors = ReportForm.ValidateStepOne(merged.Values, ReportCards.AssignmentCodes(profile), now, texts);
                merged = merged with { Step = errors.Count == 0 ? DraftStep.Files : DraftStep.What };
                await SaveAsync(turn, merged, cancellationToken);
                replies.ShowCard(turn, errors.Count == 0
                    ? cards.Files(turn.Language, merged.Id, await CountFilesAsync(turn, merged, cancellationToken))
                    : cards.What(turn.Language, merged, profile, organisation, errors, now));
                return;
            }

            case ReportingVerbs.FilesDone:
            {
                // Files are optional: "Hoppa över" and "Klart" go on whether or not any came. A card from before an edit of the first
                // step still checks it, so nothing half-filled reaches the preview.
                var errors = ReportForm.ValidateStepOne(draft.Values, ReportCards.AssignmentCodes(profile), now, texts);
                var moved = draft with { Step = errors.Count == 0 ? DraftStep.More : DraftStep.What, UpdatedAt = now };
                await SaveAsync(turn, moved, cancellationToken);
                replies.ShowCard(turn, errors.Count == 0
                    ? cards.More(turn.Language, moved, profile, organisation, noErrors)
                    : cards.What(turn.Language, moved, profile, organisation, errors, now));
                return;
            }

            case ReportingVerbs.Back:
            case ReportingVerbs.Edit:
            {
                var merged = action.Verb == ReportingVerbs.Back
                    ? draft.Merge(action, ReportForm.StepTwoFields, DraftStep.What, now)
                    : draft with { Step = DraftStep.What, UpdatedAt = now };
                await SaveAsync(turn, merged, cancellationToken);
                replies.ShowCard(turn, cards.What(turn.Language, merged, profile, organisation, noErrors, now));
                return;
            }

            case ReportingVerbs.Preview:
            {
                var merged = draft.Merge(action, ReportForm.StepTwoFields, DraftStep.More, now);
                var stepOne = ReportForm.ValidateStepOne(merged.Values, ReportCards.AssignmentCodes(profile), now, texts);
                var stepTwo = ReportForm.ValidateStepTwo(merged.Values, !string.IsNullOrEmpty(profile.Phone), texts);
                if (stepOne.Count > 0)
                {
                    merged = merged with { Step = DraftStep.What };
                    await SaveAsync(turn, merged, cancellationToken);
                    replies.ShowCard(turn, cards.What(turn.Language, merged, profile, organisation, stepOne, now));
                    return;
                }

                if (stepTwo.Count > 0)
                {
                    await SaveAsync(turn, merged, cancellationToken);
                    replies.ShowCard(turn, cards.More(turn.Language, merged, profile, organisation, stepTwo));
                    return;
                }

                merged = merged with { Step = DraftStep.Preview };
                await SaveAsync(turn, merged, cancellationToken);
                replies.ShowCard(turn, cards.Preview(
                    turn.Language, merged, ReportForm.ToDetails(merged.Values), profile, organisation, now, await CountFilesAsync(turn, merged, cancellationToken)));
                return;
            }

            case ReportingVerbs.Send:
                await SendAsync(turn, replies, draft, profile, organisation, now, cancellationToken);
                return;
        }
    }

    private async Task StartAsync(Turn turn, TurnReplies replies, bool acute, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        ReportDraft? replaced = null;
        var draft = await state.UpdateAsync<ReportDraft>(
            ReportDraft.KeyFor(turn),
            current =>
            {
                var renew = current is null || current.IsExpired(now) || current.Step == DraftStep.Sent;
                replaced = renew && current is { Step: not DraftStep.Sent } ? current : null;
                var started = renew ? ReportDraft.New(now) : current! with { UpdatedAt = now };

                // "Rapportera det här" carries the member's own words: they become the description, which they can still change.
                if (turn.Action?.Get(ReportForm.Description) is { Length: > 0 } words && !string.IsNullOrWhiteSpace(words))
                {
                    started = started with { Values = new(started.Values, StringComparer.Ordinal) { [ReportForm.Description] = words } };
                }

                // "Not safe" makes the report high priority (routing rules), even once the member is safe to write it.
                return acute ? started with { Values = new(started.Values, StringComparer.Ordinal) { [ReportForm.NotSafe] = "true" } } : started;
            },
            cancellationToken);

        // An expired draft's files go with it; a sent one's are with its case already.
        if (replaced is not null)
        {
            await draftFiles.DiscardAsync(FilesOf(turn, replaced), cancellationToken);
        }

        // Safety before anything else: the question first, or straight to 112 when the member is in danger, with the
        // number of their own organisation to call next when their profile says which.
        replies.ShowCard(turn, acute ? cards.Acute(turn.Language, draft.Id, await CallNowAsync(turn, now, cancellationToken)) : cards.Safety(turn.Language, draft.Id));
    }

    private async Task<ContactNumber?> CallNowAsync(Turn turn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(turn, cancellationToken);
        return profile is not null && organisations.Find(profile.OrganisationId) is { } organisation
            ? OrganisationContacts.CallNow(organisation, calendar, now)
            : null;
    }

    private async Task SendAsync(Turn turn, TurnReplies replies, ReportDraft draft, MemberProfile profile, Organisation organisation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (draft.Step == DraftStep.Sent && draft.CaseNumber is not null
            && await incidents.GetAsync(turn.TenantId, organisation.Id, draft.CaseNumber, cancellationToken) is { } already)
        {
            replies.ShowCard(turn, await ReceiptCardAsync(turn, already, profile, organisation, cancellationToken));
            return;
        }

        var texts = ReportingTexts.For(turn.Language);
        var errors = ReportForm.ValidateStepOne(draft.Values, ReportCards.AssignmentCodes(profile), now, texts);
        if (errors.Count > 0)
        {
            replies.ShowCard(turn, cards.What(turn.Language, draft with { Step = DraftStep.What }, profile, organisation, errors, now));
            return;
        }

        var stepTwo = ReportForm.ValidateStepTwo(draft.Values, !string.IsNullOrEmpty(profile.Phone), texts);
        if (stepTwo.Count > 0)
        {
            replies.ShowCard(turn, cards.More(turn.Language, draft with { Step = DraftStep.More }, profile, organisation, stepTwo));
            return;
        }

        var details = ReportForm.ToDetails(draft.Values);
        var localYear = TimeZoneInfo.ConvertTime(now, ReportForm.Stockholm).Year;
        var reporterId = profiles.KeyOf(turn).UserId;

        // Role and party as they are today: the annual review counts the report so even if the member changes later.
        var snapshot = new ReporterSnapshot(profile.Role, profile.Party, organisation.FindBody(details.Assignment)?.Kind);

        // The incident, its case file and one outbox row per recipient go in one transaction; the dispatcher delivers.
        var result = await intake.SubmitAsync(
            new CaseSubmission(
                organisation,
                turn.TenantId,
                localYear,
                SubmissionId: draft.Id,
                caseNumber => new Incident(caseNumber, organisation.Id, turn.TenantId, reporterId, profile.Name, now, IncidentStatus.Received, details, snapshot),
                rules.Decide(ReportForm.RoutingRequest(organisation, profile, details, now)),
                turn.ConversationId,
                turn.Language),
            cancellationToken);

        // The draft knows its case before its files move: should moving them fail, "Avbryt" must not discard files of a
        // report the security unit already has, nor say that nothing was sent (CancelAsync).
        if (draft.CaseNumber != result.Incident.CaseNumber)
        {
            draft = await SaveAsync(turn, draft with { CaseNumber = result.Incident.CaseNumber }, cancellationToken);
        }

        await FinishSendAsync(turn, draft, organisation.Id, result.Incident.CaseNumber, now, cancellationToken);
        if (result.Created)
        {
            LogSubmitted(result.Incident.CaseNumber, organisation.Id);
        }

        replies.ShowCard(turn, await ReceiptCardAsync(turn, result.Incident, profile, organisation, cancellationToken));
    }

    /// <summary>
    /// The receipt with each recipient's delivery state as the outbox has it now: right after sending that is "on its way",
    /// never "sent" before Teams took it. The card refreshes itself for the member when they look at it again.
    /// </summary>
    private async Task<Cards.AdaptiveCard> ReceiptCardAsync(Turn turn, Incident incident, MemberProfile profile, Organisation organisation, CancellationToken cancellationToken)
    {
        var decision = rules.Decide(ReportForm.RoutingRequest(organisation, profile, incident.Details, incident.SubmittedAt));
        var deliveries = await intake.DeliveriesAsync(incident, decision, cancellationToken);
        var files = (await caseFiles.FileNamesAsync(incident, cancellationToken)).Count;
        return cards.Receipt(turn.Language, incident, profile, organisation, deliveries, turn.User.Id, time.GetUtcNow(), files);
    }

    /// <summary>The receipt's refresh: only the member who reported sees it; anyone else gets the same neutral answer for any number.</summary>
    private async Task ReceiptAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(turn, cancellationToken);
        var organisation = profile is null ? null : organisations.Find(profile.OrganisationId);
        var caseNumber = turn.Action?.Get("case");
        var incident = organisation is null || string.IsNullOrWhiteSpace(caseNumber) || caseNumber.Length > 40
            ? null
            : await incidents.GetAsync(turn.TenantId, organisation.Id, caseNumber, cancellationToken);
        if (incident is null || profile is null || organisation is null
            || !string.Equals(incident.ReporterId, profiles.KeyOf(turn).UserId, StringComparison.Ordinal))
        {
            replies.ShowCard(turn, cards.Message(Title(turn.Language), ReportingTexts.For(turn.Language).DraftGone));
            return;
        }

        replies.ShowCard(turn, await ReceiptCardAsync(turn, incident, profile, organisation, cancellationToken));
    }

    private async Task CancelAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var texts = ReportingTexts.For(turn.Language);
        var draft = await CurrentDraftAsync(turn, cancellationToken);
        if (draft is null || draft.Step == DraftStep.Sent)
        {
            replies.ShowCard(turn, cards.Message(Title(turn.Language), texts.NothingToCancel));
            return;
        }

        // Sent already, though its files had not all moved to the case (SendAsync failed between the two): the report
        // cannot be taken back here. Its files go where they belong and the member is told it was sent.
        if (draft.CaseNumber is { } caseNumber)
        {
            var profile = await profiles.GetAsync(turn, cancellationToken);
            if (profile is not null && organisations.Find(profile.OrganisationId) is { } organisation)
            {
                await FinishSendAsync(turn, draft, organisation.Id, caseNumber, time.GetUtcNow(), cancellationToken);
            }

            replies.ShowCard(turn, cards.Message(Title(turn.Language), texts.DraftSent));
            return;
        }

        // The files first: should that fail, the draft is still there to cancel again, and nothing is left behind.
        await draftFiles.DiscardAsync(FilesOf(turn, draft), cancellationToken);
        await state.DeleteAsync(ReportDraft.KeyFor(turn), cancellationToken);
        replies.ShowCard(turn, cards.Message(texts.CancelledTitle, texts.CancelledText));
    }

    private async Task MyReportsAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        // The profile's organisation first, then any other the member reported in before they moved.
        var profile = await profiles.GetAsync(turn, cancellationToken);
        IReadOnlyList<ReportsIn> places = profile is null
            ? []
            : await incidents.EverywhereAsync(organisations, turn.TenantId, profiles.KeyOf(turn).UserId, profile.OrganisationId, cancellationToken);
        replies.ShowCard(turn, cards.MyReports(turn.Language, [.. places.SelectMany(p => p.Reports.Select(summary => new OwnCase(summary, p.Organisation.Id)))]));
    }

    private async Task<ReportDraft?> CurrentDraftAsync(Turn turn, CancellationToken cancellationToken)
    {
        var draft = await state.GetAsync<ReportDraft>(ReportDraft.KeyFor(turn), cancellationToken);
        return draft is null || draft.IsExpired(time.GetUtcNow()) ? null : draft;
    }

    private Task<ReportDraft> SaveAsync(Turn turn, ReportDraft draft, CancellationToken cancellationToken) =>
        state.UpdateAsync<ReportDraft>(ReportDraft.KeyFor(turn), _ => draft, cancellationToken);

    /// <summary>
    /// The end of a send, once the case is stored: the draft's files move to the case, then the draft says "sent". The
    /// files go first: a click again, or a restart, before the draft says so submits the same case again and moves what
    /// is left, each file once. The text now lives in the incident; the draft keeps only the case number, to answer a
    /// repeated "Skicka".
    /// </summary>
    private async Task FinishSendAsync(Turn turn, ReportDraft draft, string organisationId, string caseNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await draftFiles.AttachAsync(FilesOf(turn, draft), organisationId, caseNumber, cancellationToken);
        await SaveAsync(turn, draft with { Step = DraftStep.Sent, CaseNumber = caseNumber, Values = [], UpdatedAt = now }, cancellationToken);
    }

    private DraftFiles FilesOf(Turn turn, ReportDraft draft) => new(turn.TenantId, profiles.KeyOf(turn).UserId, draft.Id);

    /// <summary>The files under the draft; only read where a card shows them.</summary>
    private async Task<int> CountFilesAsync(Turn turn, ReportDraft draft, CancellationToken cancellationToken) =>
        draft.Step is DraftStep.Files or DraftStep.Preview ? await draftFiles.CountAsync(FilesOf(turn, draft), cancellationToken) : 0;

    private void ShowStep(Turn turn, TurnReplies replies, ReportDraft draft, MemberProfile profile, Organisation organisation, DateTimeOffset now, int files)
    {
        var none = new Dictionary<string, string>();
        replies.ShowCard(turn, draft.Step switch
        {
            DraftStep.Files => cards.Files(turn.Language, draft.Id, files),
            DraftStep.More => cards.More(turn.Language, draft, profile, organisation, none),
            DraftStep.Preview when ReportForm.ValidateStepOne(draft.Values, ReportCards.AssignmentCodes(profile), now, ReportingTexts.For(turn.Language)).Count == 0
                && ReportForm.ValidateStepTwo(draft.Values, !string.IsNullOrEmpty(profile.Phone), ReportingTexts.For(turn.Language)).Count == 0
                => cards.Preview(turn.Language, draft, ReportForm.ToDetails(draft.Values), profile, organisation, now, files),
            _ => cards.What(turn.Language, draft, profile, organisation, none, now),
        });
    }

    private static string Title(Language language) => ReportingTexts.For(language).ReportTitle;


    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {CaseNumber} submitted in {OrganisationId}")]
    private partial void LogSubmitted(string caseNumber, string organisationId);
}
