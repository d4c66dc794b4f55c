using Trygg.Cards;
using Trygg.Conversation.Handover;
using Trygg.Conversation.Proactive;
using Trygg.Conversation.Turns;
using Trygg.Conversation.Welcome;
using Trygg.Storage;

namespace Trygg.Routing.Delivery;

/// <summary>
/// Queues the 1:1 message of a private flow started in a group chat or a channel, as an outbox row: the dispatcher's
/// retries, app installs ("not installed" opens the chat) and rate limits serve it, and nothing lives only in memory.
/// </summary>
internal sealed class OutboxPersonalChatHandover(TableOutboxStore store, OutboxSignal signal, TimeProvider time) : IPersonalChatHandover
{
    private const string PartitionPrefix = "handover";

    public async Task HandOverAsync(Turn turn, string verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        var now = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");

        // No organisation: a failed handover raises no notice to a security unit (it is about no case), and the row names
        // the member only by object id.
        var row = OutboxEntity.New(
            TableKeys.Compose(PartitionPrefix, turn.TenantId),
            TableKeys.Compose(turn.MemberId, TableKeys.InvertedTicks(now), id),
            turn.TenantId,
            organisationId: string.Empty,
            caseNumber: PartitionPrefix + "-" + id,
            OutboxKind.PersonalChatHandover,
            now);
        row.RecipientAadObjectId = turn.MemberId;
        row.Verb = verb;
        row.Language = turn.Language == Language.English ? LanguageCodes.English : LanguageCodes.Swedish;
        await store.AddIfMissingAsync(row, cancellationToken);
        signal.Nudge();
    }
}

/// <summary>Sends a <see cref="OutboxKind.PersonalChatHandover"/> row: the member's card with one button, in their 1:1 chat.</summary>
internal sealed class PersonalChatHandoverDelivery(ICardRenderer cards, IProactiveMessenger messenger) : IOutboxHandler
{
    public OutboxKind Kind => OutboxKind.PersonalChatHandover;

    public async Task<DeliveryOutcome> DeliverAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (string.IsNullOrWhiteSpace(row.RecipientAadObjectId) || !PersonalOnly.Covers(row.Verb))
        {
            return new DeliveryOutcome.Cancelled("the row names no member or no private flow");
        }

        var language = LanguageCodes.Parse(row.Language) ?? Language.Swedish;
        try
        {
            var sent = await messenger.SendToUserAsync(row.TenantId, row.RecipientAadObjectId, HandoverCard.For(language, row.Verb!).Render(cards), cancellationToken);
            return new DeliveryOutcome.Sent(sent);
        }
        catch (ProactiveException e)
        {
            return e.Failure switch
            {
                ProactiveFailure.Transient => DeliveryOutcome.AfterTransient(e),
                ProactiveFailure.NotInstalled => new DeliveryOutcome.NotInstalled(e.Message, row.RecipientAadObjectId),
                _ => new DeliveryOutcome.Failed(e.Message),
            };
        }
    }
}
