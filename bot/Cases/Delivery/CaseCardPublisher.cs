using Trygg.Cards;
using Trygg.Cases.Files;
using Trygg.Cases.Messages;
using Trygg.Conversation.Proactive;
using Trygg.Members;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Cases.Delivery;

/// <summary>
/// Renders a case's cards from its current state: the need-to-know summary for the channel, the details for the people it
/// was sent to, and replaces every card already posted (PUT), so even a client that never refreshes shows the truth.
/// </summary>
internal sealed partial class CaseCardPublisher(
    CaseCards cards,
    IProactiveMessenger messenger,
    IMemberProfileStore profiles,
    TableOutboxStore outbox,
    CaseMessageStore messages,
    ICaseEvidence evidence,
    TimeProvider time,
    ILogger<CaseCardPublisher> logger)
{
    /// <summary>The channel card, with a user-specific refresh for the staff Teams knows (at most 60).</summary>
    public async Task<AdaptiveCard> ChannelCardAsync(Case @case, Organisation organisation, int round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(organisation);
        var staff = organisation.Routing.SecurityStaff.Select(p => p.AadObjectId).ToList();
        var ids = await messenger.FindTeamsUserIdsAsync(@case.File.TenantId, staff, cancellationToken);
        return cards.Summary(@case, organisation, [.. staff.Where(ids.ContainsKey).Select(a => ids[a])], round, await DeliveriesAsync(@case, cancellationToken), await MessagesAsync(@case, cancellationToken));
    }

    /// <summary>Where each recipient's first message stands, read from the case's outbox rows.</summary>
    public async Task<IReadOnlyList<RecipientDelivery>> DeliveriesAsync(Case @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var file = @case.File;
        return OutboxRows.Deliveries(file.Recipients, await outbox.ListForCaseAsync(file.TenantId, file.OrganisationId, file.CaseNumber, cancellationToken));
    }

    /// <summary>The 1:1 card: details, with the case actions when the recipient is security staff.</summary>
    public async Task<AdaptiveCard> PersonCardAsync(Case @case, Organisation organisation, string recipientAadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var reporter = await ReporterAsync(@case, cancellationToken);
        var canAct = Staff.IsSecurityStaff(organisation, recipientAadObjectId);
        return canAct
            ? cards.Details(@case, organisation, reporter, canAct, inChannel: false, await DeliveriesAsync(@case, cancellationToken), await MessagesAsync(@case, cancellationToken), await EvidenceAsync(@case, cancellationToken))
            : cards.Details(@case, organisation, reporter, canAct, inChannel: false, await DeliveriesAsync(@case, cancellationToken));
    }

    /// <summary>The detail view that replaces the channel card for one authorised viewer.</summary>
    public async Task<AdaptiveCard> DetailViewAsync(Case @case, Organisation organisation, CancellationToken cancellationToken)
    {
        var reporter = await ReporterAsync(@case, cancellationToken);
        return cards.Details(@case, organisation, reporter, canAct: true, inChannel: true, await DeliveriesAsync(@case, cancellationToken), await MessagesAsync(@case, cancellationToken), await EvidenceAsync(@case, cancellationToken));
    }

    /// <summary>The member's evidence files, listed only on the details that security staff see.</summary>
    private Task<IReadOnlyList<CaseEvidenceFile>> EvidenceAsync(Case @case, CancellationToken cancellationToken) =>
        evidence.ListAsync(@case.File.TenantId, @case.File.OrganisationId, @case.File.CaseNumber, cancellationToken);

    /// <summary>
    /// PUTs every posted card of the case. Returns null when every card is replaced (a card that is gone for good is
    /// skipped), else why one could not be replaced for a reason that may pass, so the caller can leave the refresh to the
    /// dispatcher: a failed attempt in preference to a call the circuit held back, so that the refresh's attempts count
    /// only when Teams was actually tried.
    /// </summary>
    public async Task<ProactiveException?> UpdateAllAsync(Case @case, Organisation organisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var file = @case.File;
        var rows = await outbox.ListForCaseAsync(file.TenantId, file.OrganisationId, file.CaseNumber, cancellationToken);
        var posted = rows.Where(r => r.StateValue == OutboxState.Delivered
            && r.KindValue is OutboxKind.CaseToChannel or OutboxKind.CaseToPerson
            && !string.IsNullOrEmpty(r.ConversationId) && !string.IsNullOrEmpty(r.ActivityId)).ToList();
        if (posted.Count == 0)
        {
            return null;
        }

        AdaptiveCard? channelCard = null;
        ProactiveException? pending = null;
        foreach (var row in posted)
        {
            try
            {
                var card = row.KindValue == OutboxKind.CaseToChannel
                    ? channelCard ??= await ChannelCardAsync(@case, organisation, round: 0, cancellationToken)
                    : await PersonCardAsync(@case, organisation, row.RecipientAadObjectId ?? string.Empty, cancellationToken);
                await messenger.UpdateAsync(file.TenantId, new PostedMessage(row.ConversationId!, row.ActivityId), card, cancellationToken);
            }
            catch (ProactiveException e) when (e.Failure is ProactiveFailure.Transient or ProactiveFailure.UntrustedServiceUrl)
            {
                LogUpdateFailed(file.CaseNumber, row.RowKey, e.Message);
                pending = pending is { NotAttempted: false } ? pending : e;
            }
            catch (ProactiveException e)
            {
                // The message was deleted or the chat is gone: nothing left to keep true.
                LogUpdateGivenUp(file.CaseNumber, row.RowKey, e.Message);
            }
        }

        return pending;
    }

    /// <summary>After a change: replace the cards now, or, when Teams is not answering, leave it to the dispatcher.</summary>
    public async Task PublishAsync(Case @case, Organisation organisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        bool done;
        try
        {
            done = await UpdateAllAsync(@case, organisation, cancellationToken) is null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUpdateFailed(@case.File.CaseNumber, "(all)", e.GetType().Name);
            done = false;
        }

        if (!done)
        {
            var file = @case.File;
            await outbox.RequestAsync(
                OutboxRows.Refresh(CaseKeys.Partition(file.TenantId, file.OrganisationId), file.TenantId, file.OrganisationId, file.CaseNumber, time.GetUtcNow()),
                cancellationToken);
        }
    }

    private Task<IReadOnlyList<CaseMessage>> MessagesAsync(Case @case, CancellationToken cancellationToken) =>
        messages.ListAsync(@case.File.TenantId, @case.File.OrganisationId, @case.File.CaseNumber, cancellationToken);

    private Task<MemberProfile?> ReporterAsync(Case @case, CancellationToken cancellationToken) =>
        profiles.GetAsync(new MemberKey(@case.File.TenantId, @case.Incident.ReporterId), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card of case {CaseNumber} ({RowKey}) not updated yet: {Reason}")]
    private partial void LogUpdateFailed(string caseNumber, string rowKey, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card of case {CaseNumber} ({RowKey}) can no longer be updated: {Reason}")]
    private partial void LogUpdateGivenUp(string caseNumber, string rowKey, string reason);
}
