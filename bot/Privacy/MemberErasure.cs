using System.Globalization;
using Trygg.Members;
using Trygg.Storage.Documents;
using Trygg.Conversation.Handover;
using Trygg.Conversation.References;
using Trygg.Outbox;

namespace Trygg.Privacy;

/// <summary>What an erasure found or removed.</summary>
internal sealed record ErasureCounts(int Reports, int Notices, int TrainingRecords, int StateRows = 0, bool Profile = false, int Files = 0, int Handovers = 0, int Reminders = 0)
{
    public bool Nothing => Reports == 0 && Notices == 0 && TrainingRecords == 0 && StateRows == 0 && !Profile && Files == 0 && Handovers == 0 && Reminders == 0;

    /// <summary>For the erasure log: counts only, never content.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"reports anonymised {Reports}, notices deleted {Notices}, training records deleted {TrainingRecords}, chat state rows deleted {StateRows}, profile deleted {(Profile ? "yes" : "no")}, waiting files deleted {Files}, chat handovers deleted {Handovers}, training reminders deleted {Reminders}");
}

/// <summary>
/// Erases one member's data in one organisation (for a member who moved on, only what that organisation keeps): their reports are anonymised as retention would (the review keeps
/// counting them, nobody can tell whose they were), and their meeting notices, training records, profile, the state of
/// their chat with Trygg (drafts, language), the address of that chat, their training reminders (which name them) and any
/// 1:1 handover still waiting for them are deleted. Files with personal data still waiting for a staff member to take
/// them (a training list names any member) are deleted for the whole organisation: a file does not record whom it
/// names, and whoever asked can ask again.
/// </summary>
internal sealed class MemberErasure(
    TableCaseAnonymiser cases,
    TablePersonalData data,
    IConversationReferenceStore conversations,
    IPrivateFiles files,
    HandoverRows handovers,
    TableOutboxStore outbox,
    EvidenceFiles.DraftEvidence draftFiles)
{
    /// <summary>What an erasure would touch (for the confirmation card).</summary>
    public async Task<ErasureCounts> PreviewAsync(string tenantId, string organisationId, string memberId, CancellationToken cancellationToken)
    {
        var reports = await cases.ReporterIncidentsAsync(tenantId, organisationId, memberId, cancellationToken);
        var notices = await data.NoticesAsync(tenantId, organisationId, memberId, cancellationToken);
        var training = await data.TrainingAsync(tenantId, organisationId, memberId, cancellationToken);
        return new ErasureCounts(reports.Count, notices.Count, training.Count);
    }

    /// <summary>
    /// Erases what <paramref name="organisationId"/> keeps of the member. With <paramref name="formerMember"/> (they moved to
    /// another organisation) only that: their profile, their chat with Trygg and what waits in it belong to where they are now.
    /// </summary>
    public async Task<ErasureCounts> EraseAsync(string tenantId, string organisationId, string memberId, bool formerMember, CancellationToken cancellationToken)
    {
        var reports = 0;
        foreach (var incident in await cases.ReporterIncidentsAsync(tenantId, organisationId, memberId, cancellationToken))
        {
            if (await cases.AnonymiseAsync(incident.PartitionKey, incident.CaseNumber, cancellationToken))
            {
                reports++;
            }
        }

        // A case someone changed at that very moment was left: once more, so nothing of theirs stays.
        foreach (var incident in await cases.ReporterIncidentsAsync(tenantId, organisationId, memberId, cancellationToken))
        {
            if (await cases.AnonymiseAsync(incident.PartitionKey, incident.CaseNumber, cancellationToken))
            {
                reports++;
            }
        }

        foreach (var notice in await data.NoticesAsync(tenantId, organisationId, memberId, cancellationToken))
        {
            await cases.ForgetNoticeCardsAsync(Cases.CaseKeys.Partition(tenantId, organisationId), notice.Reference, cancellationToken);
        }

        var notices = await data.DeleteNoticesAsync(tenantId, organisationId, memberId, cancellationToken);
        var training = await data.DeleteTrainingAsync(tenantId, organisationId, memberId, cancellationToken);
        var reminders = await outbox.DeleteRemindersAsync(
            await outbox.ListTrainingRemindersForMemberAsync(tenantId, organisationId, memberId, cancellationToken), cancellationToken);
        var organisationFiles = await files.DeleteForOrganisationAsync(tenantId, organisationId, cancellationToken);
        if (formerMember)
        {
            return new ErasureCounts(reports, notices, training, Files: organisationFiles, Reminders: reminders);
        }

        var stateRows = 0;
        if (await conversations.GetPersonalAsync(tenantId, memberId, cancellationToken) is { } chat)
        {
            stateRows = await data.DeleteConversationStateAsync(tenantId, chat.ConversationId, cancellationToken);
            await conversations.RemoveAsync(tenantId, chat.ConversationId, cancellationToken);
        }

        var profile = await data.DeleteProfileAsync(new MemberKey(tenantId, memberId), cancellationToken);
        // Files sent with a report still in the form wait under the member, not under a case: they go too.
        var waitingFiles = organisationFiles + await draftFiles.DeleteMemberAsync(tenantId, memberId, cancellationToken);
        var waitingHandovers = await handovers.DeleteForMemberAsync(tenantId, memberId, cancellationToken);
        return new ErasureCounts(reports, notices, training, stateRows, profile, waitingFiles, waitingHandovers, reminders);
    }
}
