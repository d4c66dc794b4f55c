using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Trygg.Teams.Wire;

namespace Trygg.Testing;

/// <summary>Request handling: routing, fault injection and the connector operations' answers.</summary>
public sealed partial class FakeConnector
{
    private async Task HandleAsync(HttpContext context)
    {
        if (await TryUploadAsync(context).ConfigureAwait(false) || await TryServeFileAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var http = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Path + http.QueryString;
        var (operation, conversationId, activityId, memberId) = Route(http.Method, rawTarget);
        var authorization = http.Headers.Authorization.Count > 0 ? http.Headers.Authorization.ToString() : null;
        var body = await ReadJsonAsync(http, context.RequestAborted).ConfigureAwait(false);

        var request = new FakeConnectorRequest(
            Interlocked.Increment(ref _sequence), DateTimeOffset.UtcNow, http.Method, rawTarget, operation,
            conversationId, activityId, memberId, authorization, body, StatusCode: 0, Fault: null);

        var fault = NextFault(request);
        if (fault is not null)
        {
            request = request with { Fault = fault };
            if (fault.Delay > TimeSpan.Zero)
            {
                try
                {
                    using var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
                    await Task.Delay(fault.Delay, hang.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, or the fake is stopping: either way no answer is sent.
                    Record(request with { StatusCode = 499 }, acceptedMessage: null);
                    context.Abort();
                    return;
                }
            }

            if (fault.ResetConnection)
            {
                Record(request with { StatusCode = 499 }, acceptedMessage: null);
                context.Abort();
                return;
            }

            if (fault.StatusCode is { } faultStatus)
            {
                Record(request with { StatusCode = faultStatus }, acceptedMessage: null);
                await WriteFaultAsync(context.Response, fault, faultStatus).ConfigureAwait(false);
                return;
            }
        }

        if (OverRateLimit(request) is { } retryAfter)
        {
            var throttled = FakeConnectorFault.TooManyRequests(retryAfter) with { ErrorCode = "TooManyRequests", ErrorMessage = "Rate limit exceeded (enforced by FakeConnector)." };
            Record(request with { StatusCode = 429, Fault = throttled }, acceptedMessage: null);
            await WriteFaultAsync(context.Response, throttled, 429).ConfigureAwait(false);
            return;
        }

        var (status, responseBody, message) =
            RequiredBearerToken is { } token && authorization != "Bearer " + token
                ? Error(401, "Unauthorized", "Missing or wrong bearer token.")
                : Answer(request);
        Record(request with { StatusCode = status }, message);
        await WriteAsync(context.Response, status, responseBody).ConfigureAwait(false);
    }

    private FakeConnectorFault? NextFault(FakeConnectorRequest request)
    {
        lock (_gate)
        {
            if (_faults.TryDequeue(out var queued))
            {
                return queued;
            }
        }

        return NextScriptedFault(request) ?? FaultSelector?.Invoke(request);
    }

    private static (FakeConnectorOperation, string?, string?, string?) Route(string method, string rawTarget)
    {
        var path = rawTarget.Split('?', 2)[0];
        if (!path.StartsWith(BasePath + "/", StringComparison.Ordinal))
        {
            return (FakeConnectorOperation.Unknown, null, null, null);
        }

        var s = path[(BasePath.Length + 1)..].Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (s.Length < 2 || s[0] != "v3" || s[1] != "conversations")
        {
            return (FakeConnectorOperation.Unknown, null, null, null);
        }

        return (method, s.Length) switch
        {
            ("POST", 2) => (FakeConnectorOperation.CreateConversation, null, null, null),
            ("POST", 4) when s[3] == "activities" => (FakeConnectorOperation.SendToConversation, s[2], null, null),
            ("POST", 5) when s[3] == "activities" => (FakeConnectorOperation.ReplyToActivity, s[2], s[4], null),
            ("PUT", 5) when s[3] == "activities" => (FakeConnectorOperation.UpdateActivity, s[2], s[4], null),
            ("DELETE", 5) when s[3] == "activities" => (FakeConnectorOperation.DeleteActivity, s[2], s[4], null),
            ("GET", 4) when s[3] == "members" => (FakeConnectorOperation.GetMembers, s[2], null, null),
            ("GET", 5) when s[3] == "members" => (FakeConnectorOperation.GetMember, s[2], null, s[4]),
            _ => (FakeConnectorOperation.Unknown, s.Length > 2 ? s[2] : null, null, null),
        };
    }

    /// <summary>Status, response body, and the activity to add to <see cref="Messages"/> (if the request posted one).</summary>
    private (int Status, JsonNode? Body, JsonNode? Message) Answer(FakeConnectorRequest r)
    {
        switch (r.Operation)
        {
            case FakeConnectorOperation.SendToConversation or FakeConnectorOperation.ReplyToActivity:
                if (r.Body is not JsonObject activity)
                {
                    return Error(400, "BadArgument", "An activity body is required.");
                }

                // Like the Playground: typing is accepted without a body and is not a message.
                if (Text(activity["type"]) == ActivityTypes.Typing)
                {
                    return (202, null, null);
                }

                var id = NextActivityId();
                Store(r.ConversationId!, id, activity);
                return (201, new JsonObject { ["id"] = id }, activity);

            case FakeConnectorOperation.UpdateActivity:
                if (r.Body is not JsonObject updated)
                {
                    return Error(400, "BadArgument", "An activity body is required.");
                }

                Store(r.ConversationId!, r.ActivityId!, updated);
                return (200, new JsonObject { ["id"] = r.ActivityId }, null);

            case FakeConnectorOperation.DeleteActivity:
                lock (_gate)
                {
                    _activities.Remove((r.ConversationId!, r.ActivityId!));
                }

                return (200, null, null);

            case FakeConnectorOperation.CreateConversation:
                return CreateConversation(r.Body as JsonObject);

            case FakeConnectorOperation.GetMember:
                return FindMembers(r.ConversationId!).FirstOrDefault(m => Matches(m, r.MemberId!)) is { } member
                    ? (200, JsonSerializer.SerializeToNode(member, WireJson.Options), null)
                    : Error(404, "MemberNotFoundInConversation", "The member was not found in the conversation.");

            case FakeConnectorOperation.GetMembers:
                return (200, JsonSerializer.SerializeToNode(FindMembers(r.ConversationId!), WireJson.Options), null);

            default:
                return Error(404, "NotFound", "The fake connector has no such route.");
        }
    }

    /// <summary>Channel thread (isGroup + channelData.channel.id) or 1:1 chat (members[0].id), as in protocol.md §2.4.</summary>
    private (int, JsonNode?, JsonNode?) CreateConversation(JsonObject? parameters)
    {
        if (parameters is null)
        {
            return Error(400, "BadArgument", "ConversationParameters are required.");
        }

        if (parameters["isGroup"] is JsonValue isGroup && isGroup.GetValueKind() == JsonValueKind.True)
        {
            var channelId = Text(parameters["channelData"]?["channel"]?["id"]);
            if (channelId is null)
            {
                return Error(400, "BadArgument", "channelData.channel.id is required to start a channel thread.");
            }

            var messageId = NextActivityId();
            var conversationId = $"{channelId};messageid={messageId}";
            var activity = parameters["activity"] as JsonObject;
            if (activity is not null)
            {
                Store(conversationId, messageId, activity);
            }

            return (201, new JsonObject { ["id"] = conversationId, ["activityId"] = messageId }, activity);
        }

        var userId = parameters["members"] is JsonArray { Count: > 0 } members ? Text(members[0]?["id"]) : null;
        if (userId is null)
        {
            return Error(400, "BadArgument", "members[0].id is required to start a 1:1 chat.");
        }

        string chatId;
        lock (_gate)
        {
            // Teams hands back the same 1:1 chat when asked again for the same user.
            if (!_personalChats.TryGetValue(userId, out chatId!))
            {
                chatId = $"a:{Guid.NewGuid():N}";
                _personalChats[userId] = chatId;
            }
        }

        return (201, new JsonObject { ["id"] = chatId }, null);
    }

    private List<TeamsChannelAccount> FindMembers(string conversationId)
    {
        lock (_gate)
        {
            return [.. _members.Where(m => m.ConversationId is null || m.ConversationId == conversationId).Select(m => m.Member)];
        }
    }

    private static bool Matches(TeamsChannelAccount member, string id) =>
        member.Id == id
        || string.Equals(member.AadObjectId, id, StringComparison.OrdinalIgnoreCase)
        || string.Equals(member.UserPrincipalName, id, StringComparison.OrdinalIgnoreCase);

    private void Store(string conversationId, string activityId, JsonObject activity)
    {
        lock (_gate)
        {
            _activities[(conversationId, activityId)] = activity.DeepClone();
        }
    }

    private string NextActivityId() => Interlocked.Increment(ref _nextActivityId).ToString(CultureInfo.InvariantCulture);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static (int, JsonNode?, JsonNode?) Error(int status, string code, string message) =>
        (status, ErrorBody(code, message), null);

    private static JsonObject ErrorBody(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task WriteFaultAsync(HttpResponse response, FakeConnectorFault fault, int status)
    {
        if (fault.RetryAfter is { } delta)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(delta.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        else if (fault.RetryAfterDate is { } date)
        {
            response.Headers.RetryAfter = date.ToString("R", CultureInfo.InvariantCulture);
        }

        var code = fault.ErrorCode ?? ReasonPhrases.GetReasonPhrase(status).Replace(" ", "", StringComparison.Ordinal);
        return WriteAsync(response, status, ErrorBody(code, fault.ErrorMessage ?? "Injected by FakeConnector."));
    }

    private static async Task WriteAsync(HttpResponse response, int status, JsonNode? body)
    {
        response.StatusCode = status;
        if (body is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(body.ToJsonString(), response.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
