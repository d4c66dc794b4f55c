using Trygg.Cards;

namespace Trygg.Outbox;

/// <summary>A message the bot posted on its own initiative: where it lives, so it can be updated later.</summary>
/// <param name="ConversationId">The conversation (for a channel post: the new thread's id).</param>
/// <param name="ActivityId">The message's id; null when the channel did not say (it cannot be updated then).</param>
public sealed record PostedMessage(string ConversationId, string? ActivityId);

/// <summary>Why a proactive message did not go out, and what the caller can do about it.</summary>
public enum ProactiveFailure
{
    /// <summary>Throttled, a server error or a timeout: try again later.</summary>
    Transient,

    /// <summary>
    /// Nothing was sent: the service URL of the conversation is not one the bot may call (not on
    /// <c>Bot:TrustedServiceUrls</c> and not seen in an authenticated activity by this instance), or none is known yet.
    /// Trying again does not help until the configuration or an activity changes that, so it must not use up attempts.
    /// </summary>
    UntrustedServiceUrl,

    /// <summary>The app is not installed for the user, so no 1:1 chat can be opened: install it, then try again.</summary>
    NotInstalled,

    /// <summary>Teams refused for good (the user blocked the bot, the request is invalid): trying again will not help.</summary>
    Permanent,
}

/// <summary>
/// A proactive message failed. <see cref="Exception.Message"/> is a short reason fit for logs and storage: status
/// codes and error codes, never message content.
/// </summary>
public sealed class ProactiveException(ProactiveFailure failure, string reason, TimeSpan? retryAfter = null, Exception? inner = null, bool notAttempted = false)
    : Exception(reason, inner)
{
    public ProactiveFailure Failure { get; } = failure;

    /// <summary>How long Teams asked us to wait (Retry-After), when it did; for <see cref="NotAttempted"/>, how long until a call may go.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>
    /// Nothing was sent: the bot held the call back itself (Teams failed so often just now that calls pause for a moment).
    /// A transient failure that must not count as an attempt at delivering, or a short outage uses a message's attempts
    /// up without one of them reaching Teams.
    /// </summary>
    public bool NotAttempted { get; } = notAttempted;
}

/// <summary>
/// Messages the bot starts itself (alerts, notices), as opposed to answers within a turn. Implemented by the
/// protocol layer; every method throws <see cref="ProactiveException"/> when the message did not go out.
/// Cards are sent without text, so they can be updated in place.
/// </summary>
public interface IProactiveMessenger
{
    /// <summary>A new thread in a Teams channel (<paramref name="channelId"/> = the team id for General).</summary>
    Task<PostedMessage> PostToChannelAsync(string tenantId, string channelId, AdaptiveCard card, CancellationToken cancellationToken);

    /// <summary>
    /// A 1:1 message to a user, by Entra object id: in the personal chat the bot knows, else in one it opens.
    /// <see cref="ProactiveFailure.NotInstalled"/> when Teams will not open it because the app is not installed.
    /// </summary>
    Task<PostedMessage> SendToUserAsync(string tenantId, string userAadObjectId, AdaptiveCard card, CancellationToken cancellationToken);

    /// <summary>A new message in a conversation the bot has been in (e.g. the member's own chat with it).</summary>
    Task<PostedMessage> SendToConversationAsync(string tenantId, string conversationId, AdaptiveCard card, CancellationToken cancellationToken);

    /// <summary>Replaces a posted card in place, for everyone in the conversation.</summary>
    Task UpdateAsync(string tenantId, PostedMessage message, AdaptiveCard card, CancellationToken cancellationToken);

    /// <summary>The Teams user ids (for user-specific card views) of those Entra users the bot has met; others are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> FindTeamsUserIdsAsync(string tenantId, IReadOnlyCollection<string> userAadObjectIds, CancellationToken cancellationToken);
}
