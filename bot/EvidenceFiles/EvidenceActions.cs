using Microsoft.Extensions.Options;
using Trygg.Cards;
using Trygg.Cases;
using Trygg.Conversation;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;

namespace Trygg.EvidenceFiles;

/// <summary>
/// The member's evidence: "Lägg till bevis" on one of their own reports opens a step, and the files and pasted images
/// they then send in their chat are fetched through the protocol layer, cleaned and kept with the case. Every file gets
/// an answer naming it: kept, or not kept and why. While the member's report waits at the form's file step, files go
/// to the report instead (<see cref="FormEvidence"/>). Files sent while no step is open are not kept, and the member is
/// told so and how to add them.
/// </summary>
internal sealed partial class EvidenceActions(
    IConversationStateStore state,
    ReporterCases reporterCases,
    EvidenceIntake intake,
    FormEvidence form,
    ICardRenderer cards,
    IOptions<EvidenceOptions> options,
    TimeProvider time,
    ILogger<EvidenceActions> logger) : ICardActionHandler
{
    public const string CaseNumberKey = "caseNumber";

    public IReadOnlyCollection<string> Verbs { get; } = [FeatureVerbs.AddEvidence, FeatureVerbs.Files];

    public Task HandleAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        return turn.Action?.Verb == FeatureVerbs.AddEvidence
            ? OpenAsync(turn, replies, cancellationToken)
            : ReceiveAsync(turn, replies, cancellationToken);
    }

    private async Task OpenAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var t = EvidenceTexts.For(turn.Language);
        var caseNumber = turn.Action?.Get(CaseNumberKey)?.Trim();
        if (await reporterCases.ReporterCaseAsync(turn, turn.Action?.Get("org"), caseNumber, cancellationToken) is not { Organisation.Id: var organisationId })
        {
            replies.ShowText(turn, t.NotYours);
            return;
        }

        await state.UpdateAsync<EvidenceStep>(
            EvidenceStep.KeyFor(turn), _ => new EvidenceStep(organisationId, caseNumber!, time.GetUtcNow()), cancellationToken);
        replies.ShowCard(turn, cards.Render(AddEvidenceCard.Template, new AddEvidenceCard(
            t.Title,
            [EvidenceIntake.Format(t.Intro, caseNumber!), EvidenceIntake.Format(t.Kinds, EvidenceIntake.Megabytes(options.Value.MaxFileBytes))])));
    }

    private async Task ReceiveAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var t = EvidenceTexts.For(turn.Language);
        var now = time.GetUtcNow();
        var step = await state.GetAsync<EvidenceStep>(EvidenceStep.KeyFor(turn), cancellationToken);
        if (step is not null && now - step.OpenedAt > options.Value.StepLifetime)
        {
            step = null;
        }

        // Of the two places that wait for files, the one the member came to last takes them.
        if (await form.WaitingAsync(turn, step?.OpenedAt, cancellationToken) is { } draft)
        {
            await form.ReceiveAsync(turn, replies, draft, cancellationToken);
            return;
        }

        if (step is null)
        {
            LogNoStep(turn.Files.Count);
            replies.SendText(t.NoStepOpen);
            return;
        }

        // Checked again on every file: the case may have been erased or anonymised since the step opened.
        if (await reporterCases.ReporterCaseAsync(turn, step.OrganisationId, step.CaseNumber, cancellationToken) is null)
        {
            await state.DeleteAsync(EvidenceStep.KeyFor(turn), cancellationToken);
            replies.SendText(t.NotYours);
            return;
        }

        var evidenceCase = new EvidenceCase(turn.TenantId, step.OrganisationId, step.CaseNumber);
        var kept = await intake.KeepEachAsync(
            turn,
            replies,
            evidenceCase,
            t,
            outcome => EvidenceIntake.Format(outcome.Saved == EvidenceSaved.AlreadyKept ? t.AlreadyKept : t.Saved, evidenceCase.CaseNumber, outcome.Name),
            cancellationToken);

        // Sending more keeps the step open: a member gathering screenshots should not run into its end.
        await state.UpdateAsync<EvidenceStep>(EvidenceStep.KeyFor(turn), current => (current ?? step) with { OpenedAt = now }, cancellationToken);
        LogReceived(step.OrganisationId, kept, turn.Files.Count - kept);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Evidence for a case in {OrganisationId}: {Kept} file(s) kept, {Refused} refused")]
    private partial void LogReceived(string organisationId, int kept, int refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} file(s) sent with no evidence step open: not kept, the member was told how to add evidence")]
    private partial void LogNoStep(int count);
}
