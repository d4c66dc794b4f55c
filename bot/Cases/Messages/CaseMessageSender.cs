using Trygg.Cards;
using Trygg.Conversation.Awaiting;
using Trygg.Conversation.Languages;
using Trygg.Conversation.State;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Cases.Messages;

/// <summary>
/// What a message row sends (delivered by the case's <see cref="Delivery.OutboxDeliverer"/>, with its retries and
/// failure notices): the card, rendered from the stored message when it goes out, in the member's language as it is
/// then. After the member has the message, their chat waits for their answer (<see cref="AwaitedAnswer"/>). The member's
/// answer goes to the first of <see cref="AnswerRecipients"/> who may read the case, or, with nobody left, the channel
/// hears that an answer came.
/// </summary>
internal sealed partial class CaseMessageSender(
    CaseMessageStore messages,
    MessageCards cards,
    IMemberLanguage languages,
    IConversationStateStore state,
    TimeProvider time,
    ILogger<CaseMessageSender> logger)
{
    /// <summary>How long the member's typed text is asked about as a possible answer: a fortnight of an open conversation.</summary>
    public static readonly TimeSpan AwaitFor = TimeSpan.FromDays(14);

    /// <summary>The card the row carries, or why nothing is sent.</summary>
    public async Task<(AdaptiveCard? Card, DeliveryOutcome? Instead)> PrepareAsync(OutboxEntity row, Organisation organisation, Case @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(@case);
        if (await messages.GetAsync(row.TenantId, row.OrganisationId, row.CaseNumber, MessageRows.MessageIdOf(row), cancellationToken) is not { } message)
        {
            return (null, new DeliveryOutcome.Failed("the message does not exist"));
        }

        if (row.KindValue == OutboxKind.CaseMessageToStaff)
        {
            // Picked now, not when the member answered: someone who has left the staff since is skipped, and only someone
            // who may read the case now is sent the member's words. The row keeps whom it went to, for its retries.
            var thread = await messages.ListAsync(row.TenantId, row.OrganisationId, row.CaseNumber, cancellationToken);
            var order = AnswerRecipients.Order(@case, organisation, AnswerRecipients.WriterOf(thread, message));
            (row.RecipientAadObjectId, row.Round) = AnswerRecipients.Pick(order, organisation, row.Round);
            return row.RecipientAadObjectId is null
                ? (cards.ChannelAnswerNotice(@case, organisation), null)
                : (cards.StaffNotice(@case, organisation, message), null);
        }

        var language = await languages.ForAsync(row.TenantId, @case.Incident.ReporterId, @case.File.ReporterLanguage, cancellationToken);
        return (cards.ToMember(@case, organisation, message, language), null);
    }

    /// <summary>
    /// The member has the message in <paramref name="conversationId"/>: what they type there next is asked about as their
    /// answer. Best effort: the message is out, and its "Svara" works without the wait.
    /// </summary>
    public async Task AwaitAnswerAsync(Case @case, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var file = @case.File;
        var awaited = new AwaitedAnswer(
            MessageVerbs.Typed,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["case"] = file.CaseNumber, ["org"] = file.OrganisationId },
            time.GetUtcNow() + AwaitFor);
        try
        {
            await state.UpdateAsync<AwaitedAnswer>(AwaitedAnswer.KeyFor(file.TenantId, conversationId, @case.Incident.ReporterId), _ => awaited, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAwaitNotStored(file.CaseNumber, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseNumber}: the member's chat could not be set to wait for their answer ({Reason}); the message's own button still works")]
    private partial void LogAwaitNotStored(string caseNumber, string reason);
}
