using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Trygg.Cards;
using Trygg.Cases;
using Trygg.Conversation;
using Trygg.Conversation.State;
using Trygg.Conversation.Turns;
using Trygg.Members;
using Trygg.Organisations;

namespace Trygg.EvidenceFiles;

/// <summary>
/// The member's evidence: "Lägg till bevis" on one of their own reports opens a step, and the files and pasted images
/// they then send in their chat are fetched through the protocol layer, cleaned and kept with the case. Every file gets
/// an answer naming it: kept, or not kept and why. Files sent while no step is open are not kept, and the member is
/// told so and how to add them.
/// </summary>
internal sealed partial class EvidenceActions(
    IConversationStateStore state,
    ReporterCases reporterCases,
    ISentFileReader reader,
    IEvidenceStore store,
    ICardRenderer cards,
    IOptions<EvidenceOptions> options,
    TimeProvider time,
    ILogger<EvidenceActions> logger) : ICardActionHandler
{
    public const string CaseNumberKey = "caseNumber";

    /// <summary>Longest file name kept; longer names are cut (the name is only there for people to recognise the file).</summary>
    private const int MaxNameLength = 100;

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
            [Format(t.Intro, caseNumber!), Format(t.Kinds, Megabytes(options.Value.MaxFileBytes))])));
    }

    private async Task ReceiveAsync(Turn turn, TurnReplies replies, CancellationToken cancellationToken)
    {
        var t = EvidenceTexts.For(turn.Language);
        var now = time.GetUtcNow();
        var step = await state.GetAsync<EvidenceStep>(EvidenceStep.KeyFor(turn), cancellationToken);
        if (step is null || now - step.OpenedAt > options.Value.StepLifetime)
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
        var kept = 0;
        foreach (var file in turn.Files)
        {
            var (answer, ok) = await KeepAsync(evidenceCase, file, t, cancellationToken);
            kept += ok ? 1 : 0;
            replies.SendPlainText(answer);
        }

        // Sending more keeps the step open: a member gathering screenshots should not run into its end.
        await state.UpdateAsync<EvidenceStep>(EvidenceStep.KeyFor(turn), current => (current ?? step) with { OpenedAt = now }, cancellationToken);
        LogReceived(step.OrganisationId, kept, turn.Files.Count - kept);
    }

    private async Task<(string Answer, bool Kept)> KeepAsync(EvidenceCase evidenceCase, SentFile file, EvidenceTexts t, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var name = Shorten(file.Name);
        var content = await reader.ReadAsync(file, limits.MaxFileBytes, cancellationToken);
        switch (content.Problem)
        {
            case SentFileProblem.TooLarge:
                return (Format(t.RefusedTooLarge, name, Megabytes(limits.MaxFileBytes)), false);
            case SentFileProblem.Unavailable or SentFileProblem.Untrusted:
                return (Format(t.RefusedUnavailable, name), false);
        }

        var (clean, refusal) = EvidenceSanitiser.Sanitise(content.Bytes);
        if (clean is null)
        {
            return (Format(refusal == EvidenceRefusal.Unreadable ? t.RefusedUnreadable : t.RefusedType, name), false);
        }

        var storedName = Path.GetFileNameWithoutExtension(name) + clean.Extension;
        var saved = await store.SaveAsync(evidenceCase, EvidenceId(file), storedName, clean, limits.MaxCaseBytes, cancellationToken);
        return saved switch
        {
            EvidenceSaved.Saved => (Format(t.Saved, evidenceCase.CaseNumber, name), true),
            EvidenceSaved.AlreadyKept => (Format(t.AlreadyKept, evidenceCase.CaseNumber, name), true),
            _ => (Format(t.RefusedCaseFull, name, Megabytes(limits.MaxCaseBytes)), false),
        };
    }

    /// <summary>The same file sent again (Teams resends an activity it got no answer to) gets the same id, so it is kept once.</summary>
    private static string EvidenceId(SentFile file) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file.Location)))[..32];

    /// <summary>The name without any folder part, and not longer than people need to recognise it.</summary>
    private static string Shorten(string name)
    {
        var bare = Path.GetFileName(name.Replace('\\', '/'));
        bare = string.IsNullOrWhiteSpace(bare) ? "file" : bare;
        return bare.Length > MaxNameLength ? bare[..MaxNameLength] : bare;
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evidence for a case in {OrganisationId}: {Kept} file(s) kept, {Refused} refused")]
    private partial void LogReceived(string organisationId, int kept, int refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} file(s) sent with no evidence step open: not kept, the member was told how to add evidence")]
    private partial void LogNoStep(int count);
}
