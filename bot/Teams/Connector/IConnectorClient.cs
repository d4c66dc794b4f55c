using Trygg.Teams.Wire;

namespace Trygg.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (v3) as the bot uses it. Every call goes to a service URL that arrived in an
/// authenticated activity or is configured; anything else throws <see cref="UntrustedServiceUrlException"/>.
/// </summary>
public interface IConnectorClient
{
    /// <summary>POST v3/conversations/{conversationId}/activities/{replyToId}.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken);

    /// <summary>POST v3/conversations/{conversationId}/activities.</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>PUT v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>DELETE v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>POST v3/conversations: a 1:1 chat with a user, or a new thread in a channel.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    /// <summary>GET v3/conversations/{conversationId}/members/{memberId}; null when the member is not there (404).</summary>
    Task<TeamsChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken);
}

/// <summary>The connector refused a call for good (after retries, or a non-retryable status).</summary>
public sealed class ConnectorException(string message, int statusCode, string? errorCode = null, Exception? inner = null, TimeSpan? retryAfter = null)
    : Exception(message, inner)
{
    /// <summary>
    /// The <see cref="ErrorCode"/> of a call that was never made because the circuit is open: nothing reached Teams, and
    /// <see cref="RetryAfter"/> is how long until the circuit lets a call through again.
    /// </summary>
    public const string CircuitOpen = "CircuitOpen";

    public int StatusCode { get; } = statusCode;
    public string? ErrorCode { get; } = errorCode;

    /// <summary>True when the call was not attempted at all (<see cref="CircuitOpen"/>).</summary>
    public bool NotAttempted => ErrorCode == CircuitOpen;

    /// <summary>The Retry-After of the last answer (throttling), or the time until an open circuit lets calls through.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>A call was about to go to a service URL nobody authenticated or configured.</summary>
public sealed class UntrustedServiceUrlException(string serviceUrl)
    : Exception($"Service URL '{serviceUrl}' was neither seen in an authenticated activity nor configured.")
{
    public string ServiceUrl { get; } = serviceUrl;
}

/// <summary>Service URLs the bot may call: configured ones plus those that arrived in authenticated activities.</summary>
public interface IServiceUrlTrust
{
    /// <summary>Record a serviceUrl from an activity that passed authentication.</summary>
    void TrustFromAuthenticatedActivity(string serviceUrl);

    bool IsTrusted(string serviceUrl);
}
