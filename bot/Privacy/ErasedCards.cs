using System.Security.Cryptography;
using System.Text;
using Trygg.Cards;
using Trygg.Conversation.Proactive;
using Trygg.Storage;
using Trygg.Cases.Delivery;
using Trygg.Outbox;

namespace Trygg.Privacy;

/// <summary>
/// Erasure and retention reach the cards already posted about a case: before a case's outbox rows (where its cards went)
/// are deleted, each posted card gets an <see cref="OutboxKind.ErasedCard"/> row that replaces it with a short "the details
/// have been erased" card. The rows hold only where the card is, under a key that names no case; once the card is
/// replaced (or Teams says it is gone) the row forgets the place. The dispatcher retries a failed update; the data's
/// erasure never waits for it.
/// </summary>
internal static class ErasedCards
{
    private const string PartitionPrefix = "erased";

    /// <summary>The rows that stand for a card in a chat or channel that still shows a case or a meeting notice.</summary>
    public static bool IsPostedCard(OutboxEntity row) =>
        row.StateValue == OutboxState.Delivered
        && row.KindValue is OutboxKind.CaseToChannel or OutboxKind.CaseToPerson or OutboxKind.ReporterUpdate or OutboxKind.DeliveryFailedNotice or OutboxKind.MeetingNoticeToChannel
            or OutboxKind.CaseMessageToMember or OutboxKind.CaseMessageToStaff
        && !string.IsNullOrEmpty(row.ConversationId) && !string.IsNullOrEmpty(row.ActivityId);

    /// <summary>The row that replaces <paramref name="posted"/>'s card; the same key every time, so a second erasure adds nothing.</summary>
    public static OutboxEntity For(OutboxEntity posted, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(posted.PartitionKey + "\n" + posted.RowKey)))[..32].ToLowerInvariant();
        var row = OutboxEntity.New(
            TableKeys.Compose(PartitionPrefix, posted.TenantId),
            TableKeys.From(id),
            posted.TenantId,
            organisationId: string.Empty,
            caseNumber: PartitionPrefix + "-" + id[..12],
            OutboxKind.ErasedCard,
            now);
        row.ConversationId = posted.ConversationId;
        row.ActivityId = posted.ActivityId;
        return row;
    }
}

/// <summary>Replaces one posted card with the erased card (Swedish and English: who reads it is not known here).</summary>
internal sealed partial class ErasedCardDelivery(ICardRenderer cards, IProactiveMessenger messenger, ILogger<ErasedCardDelivery> logger) : IOutboxHandler
{
    public OutboxKind Kind => OutboxKind.ErasedCard;

    public async Task<DeliveryOutcome> DeliverAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (string.IsNullOrEmpty(row.ConversationId) || string.IsNullOrEmpty(row.ActivityId))
        {
            return new DeliveryOutcome.Sent(null);
        }

        var card = cards.Render(ErasureResultCard.Template, new ErasureResultCard(PrivacyTexts.Swedish.ErasedCardTitle, PrivacyTexts.English.ErasedCardTitle));
        try
        {
            await messenger.UpdateAsync(row.TenantId, new PostedMessage(row.ConversationId, row.ActivityId), card, cancellationToken);
        }
        catch (ProactiveException e) when (e.Failure is ProactiveFailure.Transient or ProactiveFailure.UntrustedServiceUrl)
        {
            // An address this instance may not call yet is no sign the message is gone: wait with the place kept.
            return DeliveryOutcome.AfterTransient(e);
        }
        catch (ProactiveException)
        {
            // The message was deleted or the chat is gone: nothing shows the case any more.
        }

        // Sent without a message: the dispatcher records the row with no conversation or activity id, forgetting the place.
        return new DeliveryOutcome.Sent(null);
    }

    /// <summary>
    /// A row that ran out of attempts forgets the place too: the data is erased, and no pointer to where it was shown stays.
    /// The card itself keeps what it showed; the log says so, with the row key only.
    /// </summary>
    public void Forget(OutboxEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.ConversationId is null && row.ActivityId is null)
        {
            return;
        }

        row.ConversationId = null;
        row.ActivityId = null;
        LogPlaceForgotten(row.RowKey, row.State, row.Attempts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erased card {RowKey} ended {State} after {Attempts} attempts without replacing the card; its place is forgotten")]
    private partial void LogPlaceForgotten(string rowKey, string state, int attempts);
}
