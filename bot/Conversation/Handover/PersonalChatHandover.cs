using Trygg.Cards;
using Trygg.Conversation.Handover;
using Trygg.Conversation.Languages;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Conversation.Welcome;
using Trygg.Storage;
using Trygg.Outbox;
using Trygg.Texts;

namespace Trygg.Conversation.Handover;

/// <summary>
/// Queues the 1:1 message of a private flow started in a group chat or a channel, as an outbox row: the dispatcher's
/// retries, app installs ("not installed" opens the chat) and rate limits serve it, and nothing lives only in memory.
/// </summary>
/// <remarks>
/// The member's object id is in the row only while it waits: the key names no member, and the row drops the id once it is
/// done (<see cref="PersonalChatHandoverDelivery.Forget"/>). While one waits, a second request for the same flow adds nothing (pressing "rapportera" three times gives one card). Two requests at the
/// very same moment may both be queued; that costs a second card, never a lost one.
/// </remarks>
internal sealed class OutboxPersonalChatHandover(HandoverRows rows, TableOutboxStore store, OutboxSignal signal, TimeProvider time) : IPersonalChatHandover
{
    public async Task HandOverAsync(Turn turn, string verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        if ((await rows.WaitingAsync(turn.TenantId, turn.MemberId, cancellationToken)).Any(r => r.Verb == verb))
        {
            signal.Nudge();
            return;
        }

        var now = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");

        // No organisation: a failed handover raises no notice to a security unit (it is about no case).
        var row = OutboxEntity.New(
            HandoverRows.Partition(turn.TenantId),
            TableKeys.Compose(TableKeys.InvertedTicks(now), id),
            turn.TenantId,
            organisationId: string.Empty,
            caseNumber: HandoverRows.PartitionPrefix + "-" + id,
            OutboxKind.PersonalChatHandover,
            now);
        row.RecipientAadObjectId = turn.MemberId;
        row.Verb = verb;
        row.Language = turn.Language == Language.English ? LanguageCodes.English : LanguageCodes.Swedish;
        await store.AddIfMissingAsync(row, cancellationToken);
        signal.Nudge();
    }
}

/// <summary>A tenant's handover rows that still name a member: the waiting ones, and what erasure deletes.</summary>
internal sealed class HandoverRows(TableOutboxStore store)
{
    internal const string PartitionPrefix = "handover";

    public static string Partition(string tenantId) => TableKeys.Compose(PartitionPrefix, tenantId);

    /// <summary>The member's handovers not yet done.</summary>
    public async Task<IReadOnlyList<OutboxEntity>> WaitingAsync(string tenantId, string memberId, CancellationToken cancellationToken) =>
        [.. (await store.ListForRecipientAsync(Partition(tenantId), memberId, cancellationToken)).Where(r => r.StateValue == OutboxState.Pending)];

    /// <summary>
    /// Erasure: deletes every handover row naming the member, waiting or not (rows done before they forgot the member
    /// still name them); returns how many.
    /// </summary>
    public async Task<int> DeleteForMemberAsync(string tenantId, string memberId, CancellationToken cancellationToken) =>
        await store.DeleteRemindersAsync(await store.ListForRecipientAsync(Partition(tenantId), memberId, cancellationToken), cancellationToken);
}

/// <summary>Sends a <see cref="OutboxKind.PersonalChatHandover"/> row: the member's card with one button, in their 1:1 chat.</summary>
internal sealed class PersonalChatHandoverDelivery(ICardRenderer cards, IProactiveMessenger messenger, IMemberLanguage languages) : IOutboxHandler
{
    public OutboxKind Kind => OutboxKind.PersonalChatHandover;

    public async Task<DeliveryOutcome> DeliverAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (string.IsNullOrWhiteSpace(row.RecipientAadObjectId) || !PersonalOnly.Covers(row.Verb))
        {
            return new DeliveryOutcome.Cancelled("the row names no member or no private flow");
        }

        // The member's own chat remembers their language; without it, the language of the turn that asked for the handover.
        var language = await languages.ForAsync(row.TenantId, row.RecipientAadObjectId, LanguageCodes.Parse(row.Language) ?? Language.Swedish, cancellationToken);
        try
        {
            var sent = await messenger.SendToUserAsync(row.TenantId, row.RecipientAadObjectId, HandoverCard.For(language, row.Verb!).Render(cards), cancellationToken);
            return new DeliveryOutcome.Sent(sent);
        }
        catch (ProactiveException e)
        {
            return e.Failure switch
            {
                ProactiveFailure.Transient or ProactiveFailure.UntrustedServiceUrl => DeliveryOutcome.AfterTransient(e),
                ProactiveFailure.NotInstalled => new DeliveryOutcome.NotInstalled(e.Message, row.RecipientAadObjectId),
                _ => new DeliveryOutcome.Failed(e.Message),
            };
        }
    }

    /// <summary>Done, however it ended: the row forgets whom it was for (its key never named them).</summary>
    public void Forget(OutboxEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.RecipientAadObjectId = null;
    }
}
