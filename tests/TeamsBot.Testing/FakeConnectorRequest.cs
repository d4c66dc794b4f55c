using System.Text.Json;
using System.Text.Json.Nodes;
using Trygg.Teams.Wire;

namespace Trygg.Testing;

/// <summary>Which connector operation a request to the <see cref="FakeConnector"/> was.</summary>
public enum FakeConnectorOperation
{
    Unknown,
    SendToConversation,
    ReplyToActivity,
    UpdateActivity,
    DeleteActivity,
    CreateConversation,
    GetMember,
    GetMembers,
}

/// <summary>One request the <see cref="FakeConnector"/> received, and how it answered.</summary>
/// <param name="Sequence">1-based arrival order.</param>
/// <param name="ReceivedAt">When the request arrived (system clock).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="RawPath">The request target exactly as sent (still percent-encoded), e.g. <c>/_connector/v3/conversations/a%3A1/activities</c>.</param>
/// <param name="Operation">The connector operation the route maps to.</param>
/// <param name="ConversationId">Decoded <c>{conversationId}</c> route value.</param>
/// <param name="ActivityId">Decoded <c>{activityId}</c> route value.</param>
/// <param name="MemberId">Decoded <c>{memberId}</c> route value.</param>
/// <param name="Authorization">The Authorization header, or null when none was sent.</param>
/// <param name="Body">The JSON body, or null when empty or not JSON.</param>
/// <param name="StatusCode">The status the fake answered with (499 = no answer: the client gave up during an injected delay, or the fake reset the connection).</param>
/// <param name="Fault">The injected fault that produced the answer, if any.</param>
public sealed record FakeConnectorRequest(
    long Sequence,
    DateTimeOffset ReceivedAt,
    string Method,
    string RawPath,
    FakeConnectorOperation Operation,
    string? ConversationId,
    string? ActivityId,
    string? MemberId,
    string? Authorization,
    JsonNode? Body,
    int StatusCode,
    FakeConnectorFault? Fault)
{
    /// <summary>True when the fake accepted the request (2xx).</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>The body as a wire <see cref="Activity"/> (for send, reply and update).</summary>
    public Activity? ToActivity() => Body?.Deserialize<Activity>(WireJson.Options);

    public override string ToString() => $"#{Sequence} {Method} {RawPath} -> {StatusCode}";
}

/// <summary>
/// How the <see cref="FakeConnector"/> should answer a request instead of (or before) handling it normally:
/// a status with an ErrorResponse body, optionally a Retry-After header, optionally after a delay.
/// </summary>
public sealed record FakeConnectorFault
{
    /// <summary>Status to answer with; null = after <see cref="Delay"/>, handle the request normally.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Sent as <c>Retry-After: &lt;seconds&gt;</c> (rounded up).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Sent as <c>Retry-After: &lt;HTTP date&gt;</c>.</summary>
    public DateTimeOffset? RetryAfterDate { get; init; }

    /// <summary><c>error.code</c> of the ErrorResponse body; defaults to the reason phrase without spaces.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>Wait this long before answering (cut short when the client disconnects), e.g. to trip a client timeout.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Drop the connection without an answer (after <see cref="Delay"/>), as a reset or a crashed proxy does.</summary>
    public bool ResetConnection { get; init; }

    /// <summary>The connection is reset before any answer; the request is not handled.</summary>
    public static FakeConnectorFault Reset() => new() { ResetConnection = true };

    public static FakeConnectorFault Status(int statusCode, string? errorCode = null, string? errorMessage = null) =>
        new() { StatusCode = statusCode, ErrorCode = errorCode, ErrorMessage = errorMessage };

    public static FakeConnectorFault TooManyRequests(TimeSpan? retryAfter = null) =>
        new() { StatusCode = 429, RetryAfter = retryAfter };

    /// <summary>Delay, then answer normally (or with <paramref name="thenStatus"/>).</summary>
    public static FakeConnectorFault Hang(TimeSpan delay, int? thenStatus = null) =>
        new() { Delay = delay, StatusCode = thenStatus };
}
