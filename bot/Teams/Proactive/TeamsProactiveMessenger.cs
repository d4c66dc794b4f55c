using System.Text.Json;
using Microsoft.Extensions.Options;
using Trygg.Cards;
using Trygg.Conversation.Proactive;
using Trygg.Teams.Connector;
using Trygg.Teams.Wire;
using Trygg.Conversation.References;
using Trygg.Outbox;

namespace Trygg.Teams.Proactive;

/// <summary>
/// <see cref="IProactiveMessenger"/> over the Bot Connector (protocol.md §2.4). The service URL comes from the stored
/// reference of the conversation, else from any conversation of the tenant, else from the configured trusted URLs.
/// Connector failures are classified for the caller: throttling and server errors are transient (with Retry-After when
/// Teams sent one), a 1:1 chat Teams will not open means the app is not installed, a service URL the bot may not call is
/// its own failure (nothing was sent), the rest is permanent. Every
/// connector call first waits for its turn with the <see cref="ISendPacer"/> (Teams' per-conversation and per-tenant
/// limits), when one is registered.
/// </summary>
internal sealed class TeamsProactiveMessenger(
    IConnectorClient connector,
    IConversationReferenceStore references,
    IOptions<BotOptions> bot,
    ISendPacer? pacer = null) : IProactiveMessenger, IFileOffers
{
    /// <summary>Teams' answer when the user blocked or removed the bot (protocol.md §2.4).</summary>
    internal const string MessageWritesBlocked = "MessageWritesBlocked";

    /// <summary>Teams' answer when the bot is no longer a member of the conversation (the app was removed).</summary>
    internal const string BotNotInConversationRoster = "BotNotInConversationRoster";

    public async Task<PostedMessage> PostToChannelAsync(string tenantId, string channelId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentNullException.ThrowIfNull(card);
        var where = await WhereAsync(tenantId, conversationId: null, cancellationToken);
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            TenantId = tenantId,
            Activity = OutgoingActivity.CardMessage(card),
            ChannelData = JsonSerializer.SerializeToElement(
                new ChannelThreadData(new IdOnly(channelId), new IdOnly(tenantId)), WireJson.Options),
        };

        var created = await GuardAsync(tenantId, channelId, () => connector.CreateConversationAsync(where.ServiceUrl, parameters, cancellationToken), openingChat: false, cancellationToken);

        // Teams answers "<channel>;messageid=<id>" and the id; an answer without them still means the post is there.
        return new PostedMessage(created.Id ?? channelId, created.ActivityId);
    }

    public Task<PostedMessage> SendToUserAsync(string tenantId, string userAadObjectId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        return SendToUserAsync(tenantId, userAadObjectId, () => OutgoingActivity.CardMessage(card), cancellationToken);
    }

    /// <summary>Teams' file consent card in the user's 1:1 chat (protocol.md; bots can send files only in personal scope).</summary>
    public async Task OfferAsync(string tenantId, string userAadObjectId, FileOffer offer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        await SendToUserAsync(tenantId, userAadObjectId, () => Files.FileConsent.Card(offer), cancellationToken);
    }

    private async Task<PostedMessage> SendToUserAsync(string tenantId, string userAadObjectId, Func<Activity> activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userAadObjectId);
        var personal = await references.GetPersonalAsync(tenantId, userAadObjectId, cancellationToken);
        if (personal is not null)
        {
            try
            {
                return await SendAsync(tenantId, personal.ServiceUrl, personal.ConversationId, activity(), cancellationToken);
            }
            catch (ProactiveException e) when (e.Failure == ProactiveFailure.NotInstalled)
            {
                // The stored chat is gone (the app was removed and added again): open it afresh below.
            }
        }

        var where = personal is null
            ? await WhereAsync(tenantId, conversationId: null, cancellationToken)
            : new Where(personal.ServiceUrl, personal.BotId);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = string.IsNullOrEmpty(where.BotId) ? null : new ChannelAccount { Id = where.BotId },
            Members = [new ChannelAccount { Id = personal?.UserId ?? userAadObjectId }],
            TenantId = tenantId,
            ChannelData = JsonSerializer.SerializeToElement(new TenantOnly(new IdOnly(tenantId)), WireJson.Options),
        };

        // No activity in the create call: Teams would post it, the Playground would not; the send below works for both.
        var created = await GuardAsync(tenantId, userAadObjectId, () => connector.CreateConversationAsync(where.ServiceUrl, parameters, cancellationToken), openingChat: true, cancellationToken);
        if (string.IsNullOrEmpty(created.Id))
        {
            throw new ProactiveException(ProactiveFailure.Transient, "create conversation answered without a conversation id");
        }

        return await SendAsync(tenantId, where.ServiceUrl, created.Id, activity(), cancellationToken);
    }

    public async Task<PostedMessage> SendToConversationAsync(string tenantId, string conversationId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(card);
        var where = await WhereAsync(tenantId, conversationId, cancellationToken);
        return await SendAsync(tenantId, where.ServiceUrl, conversationId, OutgoingActivity.CardMessage(card), cancellationToken);
    }

    public async Task UpdateAsync(string tenantId, PostedMessage message, AdaptiveCard card, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(card);
        if (string.IsNullOrEmpty(message.ActivityId))
        {
            throw new ProactiveException(ProactiveFailure.Permanent, "the message has no id, so it cannot be updated");
        }

        var where = await WhereAsync(tenantId, message.ConversationId, cancellationToken);
        var activity = OutgoingActivity.CardMessage(card);
        activity.Id = message.ActivityId;
        await GuardAsync(
            tenantId,
            message.ConversationId,
            () => connector.UpdateActivityAsync(where.ServiceUrl, message.ConversationId, message.ActivityId, activity, cancellationToken),
            openingChat: false,
            cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> FindTeamsUserIdsAsync(
        string tenantId, IReadOnlyCollection<string> userAadObjectIds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(userAadObjectIds);
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var aad in userAadObjectIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var personal = await references.GetPersonalAsync(tenantId, aad, cancellationToken);
            if (!string.IsNullOrEmpty(personal?.UserId))
            {
                found[aad] = personal.UserId;
            }
        }

        return found;
    }

    private async Task<PostedMessage> SendAsync(string tenantId, string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var sent = await GuardAsync(
            tenantId,
            conversationId,
            () => connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken),
            openingChat: false,
            cancellationToken);
        return new PostedMessage(conversationId, sent.Id);
    }

    /// <summary>Where to send when the conversation itself is unknown: any conversation of the tenant, else configuration.</summary>
    private async Task<Where> WhereAsync(string tenantId, string? conversationId, CancellationToken cancellationToken)
    {
        var reference = conversationId is null ? null : await references.GetAsync(tenantId, conversationId, cancellationToken);
        reference ??= await references.GetAnyAsync(tenantId, cancellationToken);
        if (reference is not null)
        {
            return new Where(reference.ServiceUrl, reference.BotId);
        }

        var options = bot.Value;
        if (options.TrustedServiceUrls.FirstOrDefault(u => !string.IsNullOrWhiteSpace(u)) is { } configured)
        {
            return new Where(configured, string.IsNullOrWhiteSpace(options.AppId) ? null : "28:" + options.AppId);
        }

        throw new ProactiveException(
            ProactiveFailure.UntrustedServiceUrl,
            $"no service URL is known for the tenant yet (nobody has written to the bot there; {BotOptions.Section}:TrustedServiceUrls is empty)",
            notAttempted: true);
    }

    /// <summary>Paced tries of one call before a 429 is handed to the delivery's backoff (as many as the connector client's own retries).</summary>
    private const int PacedAttempts = 4;

    /// <param name="conversationKey">The thread the call counts against (a 1:1 chat not yet opened: the user).</param>
    /// <remarks>
    /// With a pacer, a 429 is the pacer's to handle: it pauses the conversation and the tenant for the Retry-After and the
    /// call waits for a new turn, booked like any other, up to <see cref="PacedAttempts"/> times; only then does the
    /// delivery's own backoff take over.
    /// </remarks>
    private async Task<T> GuardAsync<T>(string tenantId, string conversationKey, Func<Task<T>> call, bool openingChat, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (pacer is not null)
            {
                await pacer.WaitTurnAsync(tenantId, conversationKey, cancellationToken);
            }

            try
            {
                return pacer is null ? await call() : await ConnectorPacing.Paced(call);
            }
            catch (ConnectorException e)
            {
                if (e.StatusCode == 429)
                {
                    pacer?.Throttled(tenantId, conversationKey, e.RetryAfter);
                    if (pacer is not null && attempt < PacedAttempts)
                    {
                        continue;
                    }
                }

                throw Classify(e, openingChat);
            }
            catch (UntrustedServiceUrlException e)
            {
                throw new ProactiveException(
                    ProactiveFailure.UntrustedServiceUrl,
                    $"the service URL is not on {BotOptions.Section}:TrustedServiceUrls and no authenticated activity brought it to this instance",
                    inner: e,
                    notAttempted: true);
            }
        }
    }

    /// <summary>Throttling and server trouble pass; a 1:1 chat Teams will not open needs the app installed; the rest is final.</summary>
    internal static ProactiveException Classify(ConnectorException e, bool openingChat)
    {
        var reason = $"{e.StatusCode} {e.ErrorCode}".TrimEnd();
        var failure = e.StatusCode switch
        {
            401 or 408 or 412 or 429 or >= 500 => ProactiveFailure.Transient,
            403 when string.Equals(e.ErrorCode, MessageWritesBlocked, StringComparison.OrdinalIgnoreCase) => ProactiveFailure.Permanent,
            403 when openingChat || string.Equals(e.ErrorCode, BotNotInConversationRoster, StringComparison.OrdinalIgnoreCase) => ProactiveFailure.NotInstalled,
            404 => ProactiveFailure.NotInstalled,
            _ => ProactiveFailure.Permanent,
        };
        return new ProactiveException(failure, reason, e.RetryAfter, e, e.NotAttempted);
    }

    private sealed record Where(string ServiceUrl, string? BotId);

    private sealed record IdOnly(string Id);

    private sealed record ChannelThreadData(IdOnly Channel, IdOnly Tenant);

    private sealed record TenantOnly(IdOnly Tenant);
}
