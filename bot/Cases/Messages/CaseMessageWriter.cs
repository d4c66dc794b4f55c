using System.Globalization;
using Trygg.Cases.Delivery;
using Trygg.Conversation.Turns;
using Trygg.Organisations;
using Trygg.Outbox;

namespace Trygg.Cases.Messages;

/// <summary>
/// "Skriv till anmälaren": staff with access (decided by <see cref="CaseAccess"/> in <see cref="CaseActions"/>) write to the
/// member. The message, its outbox row and the audit line are one transaction, keyed by the id the card was rendered
/// with, so a double click stores and sends one message; the outbox delivers it, with retries.
/// </summary>
internal sealed partial class CaseMessageWriter(
    CaseMessageStore messages,
    CaseCardPublisher publisher,
    OutboxSignal signal,
    ILogger<CaseMessageWriter> logger)
{
    /// <summary>The input of the case details' message box.</summary>
    public const string Input = "message";

    /// <summary>Writes the message; returns what is wrong with it instead (shown to staff; the card keeps what they typed).</summary>
    public async Task<string?> WriteAsync(CardAction action, Organisation organisation, Case @case, StaffStamp me, MessageTexts t, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(t);
        var text = action.Get(Input)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return t.MessageEmpty;
        }

        if (text.Length > MessageCards.MaxLength)
        {
            return string.Format(CultureInfo.InvariantCulture, t.TooLongFormat, MessageCards.MaxLength);
        }

        var file = @case.File;
        if ((await messages.ListAsync(file.TenantId, file.OrganisationId, file.CaseNumber, cancellationToken)).Count >= CaseMessageStore.MaxPerCase)
        {
            return t.CaseFull;
        }

        // A card from before ids were rendered, or a tampered one, still writes: only the double-click guard is lost.
        var id = CaseMessageEntity.ValidId(action.Get("msg")) ?? CaseMessageEntity.NewId();
        var message = new CaseMessage(file.CaseNumber, id, me.At, MessageDirection.ToMember, me.AadObjectId, me.Name, text);
        var added = await messages.AddAsync(
            file.TenantId,
            file.OrganisationId,
            message,
            partitionKey => [MessageRows.ToMember(file, id, partitionKey, me.At)],
            new AuditEntry(file.CaseNumber, me.At, me.AadObjectId, me.Name, AuditAction.WroteToMember, Allowed: true),
            cancellationToken);
        if (added)
        {
            LogWritten(file.CaseNumber);
            signal.Nudge();

            // The channel card says the unit now waits for the member (never what was written).
            await publisher.PublishAsync(@case, organisation, cancellationToken);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseNumber}: staff wrote to the reporter")]
    private partial void LogWritten(string caseNumber);
}
