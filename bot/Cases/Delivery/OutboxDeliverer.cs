using Microsoft.Extensions.Options;
using Trygg.Conversation.Languages;
using Trygg.Conversation.Proactive;
using Trygg.Organisations;
using Trygg.Outbox;
using Trygg.Cases.Messages;
using Trygg.Cases.Rules;
using Trygg.Cards;

namespace Trygg.Cases.Delivery;

/// <summary>
/// Delivers one case row (<see cref="CaseRowHandler"/>): reads the case as it is now, renders the card for the recipient and sends it through the
/// proactive port. Sends nothing for a row whose message is no longer true (an escalation after an acknowledgement).
/// </summary>
internal sealed class OutboxDeliverer(
    IOrganisationDirectory organisations,
    ISecurityChannelStore channels,
    TableCaseStore cases,
    CaseCards cards,
    CaseCardPublisher publisher,
    IProactiveMessenger messenger,
    IMemberLanguage languages,
    CaseMessageSender messages,
    IOptions<DeliveryOptions> options)
{
    public async Task<DeliveryOutcome> DeliverAsync(OutboxEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (organisations.Find(row.OrganisationId) is not { } organisation)
        {
            return new DeliveryOutcome.Failed("the organisation is no longer in the profiles");
        }

        if (await cases.GetAsync(row.TenantId, row.OrganisationId, row.CaseNumber, cancellationToken) is not { } @case)
        {
            return new DeliveryOutcome.Failed("the case does not exist");
        }

        if (row.OnlyWhileUnacknowledged && @case.File.Status != CaseStatus.New)
        {
            return new DeliveryOutcome.Cancelled("acknowledged before it went out");
        }

        try
        {
            return row.KindValue switch
            {
                OutboxKind.CaseToChannel => await ToChannelAsync(row, organisation, @case, cancellationToken),
                OutboxKind.CaseToPerson => await ToPersonAsync(row, organisation, @case, cancellationToken),
                OutboxKind.ReporterUpdate => await ToReporterAsync(row, organisation, @case, cancellationToken),
                OutboxKind.DeliveryFailedNotice => await NoticeAsync(row, organisation, cancellationToken),
                OutboxKind.CaseMessageToMember or OutboxKind.CaseMessageToStaff => await MessageAsync(row, organisation, @case, cancellationToken),
                OutboxKind.CardRefresh => await publisher.UpdateAllAsync(@case, organisation, cancellationToken) is { } failure
                    ? DeliveryOutcome.AfterTransient(failure)
                    : new DeliveryOutcome.Sent(null),
                _ => new DeliveryOutcome.Failed($"{row.Kind} rows are not delivered here"),
            };
        }
        catch (ProactiveException e)
        {
            return e.Failure switch
            {
                ProactiveFailure.Transient or ProactiveFailure.UntrustedServiceUrl => DeliveryOutcome.AfterTransient(e),
                ProactiveFailure.NotInstalled when TargetUser(row, @case) is { } user => new DeliveryOutcome.NotInstalled(e.Message, user),
                ProactiveFailure.NotInstalled => new DeliveryOutcome.Retry(e.Message),
                _ => new DeliveryOutcome.Failed(e.Message),
            };
        }
    }

    private async Task<DeliveryOutcome> ToChannelAsync(OutboxEntity row, Organisation organisation, Case @case, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(row.TenantId, row.OrganisationId, cancellationToken) is not { } channel)
        {
            return new DeliveryOutcome.Wait(options.Value.ChannelWait, "no security channel registered yet");
        }

        var card = await publisher.ChannelCardAsync(@case, organisation, row.Round, cancellationToken);
        return new DeliveryOutcome.Sent(await messenger.PostToChannelAsync(row.TenantId, channel.ChannelId, card, cancellationToken));
    }

    private async Task<DeliveryOutcome> ToPersonAsync(OutboxEntity row, Organisation organisation, Case @case, CancellationToken cancellationToken)
    {
        var user = row.RecipientAadObjectId ?? throw new InvalidOperationException($"Outbox row {row.RowKey} names no person.");
        var card = await publisher.PersonCardAsync(@case, organisation, user, cancellationToken);
        return new DeliveryOutcome.Sent(await messenger.SendToUserAsync(row.TenantId, user, card, cancellationToken));
    }

    private async Task<DeliveryOutcome> ToReporterAsync(OutboxEntity row, Organisation organisation, Case @case, CancellationToken cancellationToken)
    {
        var update = Enum.Parse<CaseStatus>(row.Update ?? nameof(CaseStatus.Acknowledged));
        // Read now, not at reporting: a member who has since chosen or written another language gets that one.
        var language = await languages.ForAsync(row.TenantId, @case.Incident.ReporterId, @case.File.ReporterLanguage, cancellationToken);
        return await ReachReporterAsync(row, @case, cards.ReporterUpdate(@case, organisation, update, language), cancellationToken);
    }

    /// <summary>A message between the unit and the member: to the member's chat (which then waits for their answer), or the staff member's.</summary>
    private async Task<DeliveryOutcome> MessageAsync(OutboxEntity row, Organisation organisation, Case @case, CancellationToken cancellationToken)
    {
        var (card, instead) = await messages.PrepareAsync(row, organisation, @case, cancellationToken);
        if (card is null)
        {
            return instead!;
        }

        if (row.KindValue == OutboxKind.CaseMessageToStaff)
        {
            return row.RecipientAadObjectId is { Length: > 0 } person
                ? new DeliveryOutcome.Sent(await messenger.SendToUserAsync(row.TenantId, person, card, cancellationToken))
                : await PostToChannelAsync(row, card, cancellationToken);
        }

        var sent = await ReachReporterAsync(row, @case, card, cancellationToken);
        if (sent is DeliveryOutcome.Sent { Message: { } posted })
        {
            await messages.AwaitAnswerAsync(@case, posted.ConversationId, cancellationToken);
        }

        return sent;
    }

    /// <summary>The member's own chat with the bot, or a new one when it is gone.</summary>
    private async Task<DeliveryOutcome> ReachReporterAsync(OutboxEntity row, Case @case, AdaptiveCard card, CancellationToken cancellationToken)
    {
        if (@case.File.ReporterConversationId is { Length: > 0 } conversation)
        {
            try
            {
                return new DeliveryOutcome.Sent(await messenger.SendToConversationAsync(row.TenantId, conversation, card, cancellationToken));
            }
            catch (ProactiveException e) when (e.Failure == ProactiveFailure.NotInstalled)
            {
                // The member's chat is gone (the app was removed): reach them in a new one below.
            }
        }

        return new DeliveryOutcome.Sent(await messenger.SendToUserAsync(row.TenantId, @case.Incident.ReporterId, card, cancellationToken));
    }

    private async Task<DeliveryOutcome> NoticeAsync(OutboxEntity row, Organisation organisation, CancellationToken cancellationToken)
    {
        RecipientRole? role = Enum.TryParse<RecipientRole>(row.RecipientRole, out var r) ? r : null;
        var card = cards.DeliveryFailed(row.CaseNumber, organisation, row.RecipientName, role, row.LastError ?? "?");
        if (row.RecipientAadObjectId is { Length: > 0 } person)
        {
            return new DeliveryOutcome.Sent(await messenger.SendToUserAsync(row.TenantId, person, card, cancellationToken));
        }

        return await PostToChannelAsync(row, card, cancellationToken);
    }

    private async Task<DeliveryOutcome> PostToChannelAsync(OutboxEntity row, AdaptiveCard card, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(row.TenantId, row.OrganisationId, cancellationToken) is not { } channel)
        {
            return new DeliveryOutcome.Wait(options.Value.ChannelWait, "no security channel registered yet");
        }

        return new DeliveryOutcome.Sent(await messenger.PostToChannelAsync(row.TenantId, channel.ChannelId, card, cancellationToken));
    }

    /// <summary>Whose 1:1 chat a row needs (to install the app for them), or null for channel posts.</summary>
    private static string? TargetUser(OutboxEntity row, Case @case) => row.KindValue switch
    {
        OutboxKind.CaseToPerson => row.RecipientAadObjectId,
        OutboxKind.ReporterUpdate or OutboxKind.CaseMessageToMember => @case.Incident.ReporterId,
        OutboxKind.CaseMessageToStaff => row.RecipientAadObjectId,
        OutboxKind.DeliveryFailedNotice => row.RecipientAadObjectId,
        _ => null,
    };
}
