using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Reporting;

namespace Trygg.EvidenceFiles;

/// <summary>
/// The report form's file step: while the member's draft waits there, the files they send are checked and kept under the
/// draft exactly as "Lägg till bevis" keeps them under a case (<see cref="EvidenceIntake"/>), and go with the case when
/// the report is sent (<see cref="DraftEvidence"/>). The step's card comes again under the answers, with the count, so
/// "Klart" is at hand.
/// </summary>
internal sealed partial class FormEvidence(
    IConversationStateStore state,
    IMemberProfiles profiles,
    EvidenceIntake intake,
    IDraftFiles drafts,
    ReportCards cards,
    TimeProvider time,
    ILogger<FormEvidence> logger)
{
    /// <summary>
    /// The member's draft when it waits at the file step, reached after <paramref name="since"/> (when "Lägg till bevis"
    /// is open too, the later of the two takes the files); null otherwise.
    /// </summary>
    public async Task<ReportDraft?> WaitingAsync(Turn turn, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var draft = await state.GetAsync<ReportDraft>(ReportDraft.KeyFor(turn), cancellationToken);
        return draft is { Step: DraftStep.Files } && !draft.IsExpired(time.GetUtcNow()) && (since is null || draft.UpdatedAt >= since)
            ? draft
            : null;
    }

    public async Task ReceiveAsync(Turn turn, TurnReplies replies, ReportDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(draft);
        var t = EvidenceTexts.For(turn.Language);
        var files = new DraftFiles(turn.TenantId, profiles.KeyOf(turn).UserId, draft.Id);
        var kept = await intake.KeepEachAsync(
            turn,
            replies,
            DraftEvidence.PlaceOf(files),
            t,
            outcome => EvidenceIntake.Format(outcome.Saved == EvidenceSaved.AlreadyKept ? t.DraftAlreadyKept : t.DraftSaved, outcome.Name),
            cancellationToken);

        // Sending files is working on the report: the draft's age starts again, as it does for an answered step, so a
        // member who only sends files for a week does not lose the report. Only this draft, and only while it still waits
        // here (it took these files, so it was the later of the two places and stays so).
        var now = time.GetUtcNow();
        if (await state.GetAsync<ReportDraft>(ReportDraft.KeyFor(turn), cancellationToken) is { Step: DraftStep.Files } waiting
            && waiting.Id == draft.Id && waiting.UpdatedAt < now)
        {
            try
            {
                await state.UpdateAsync<ReportDraft>(
                    ReportDraft.KeyFor(turn),
                    current => current switch
                    {
                        null => throw new DraftGoneException(),
                        { Step: DraftStep.Files } when current.Id == draft.Id => current with { UpdatedAt = now },
                        _ => current,
                    },
                    cancellationToken);
            }
            catch (DraftGoneException)
            {
                // Cancelled or sent and cleared in another turn meanwhile: nothing to keep alive, and nothing is brought back.
            }
        }

        replies.SendCard(cards.Files(turn.Language, draft.Id, await drafts.CountAsync(files, cancellationToken)));
        LogReceived(kept, turn.Files.Count - kept);
    }

    /// <summary>The draft was deleted between reading and refreshing it: the refresh is given up, never written.</summary>
    private sealed class DraftGoneException : Exception;

    [LoggerMessage(Level = LogLevel.Information, Message = "Evidence for a report in the form: {Kept} file(s) kept, {Refused} refused")]
    private partial void LogReceived(int kept, int refused);
}
