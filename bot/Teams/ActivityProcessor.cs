using System.Text.Json;
using Trygg.Cards;
using Trygg.Conversation;
using Trygg.Conversation.Turns;
using Trygg.Teams.Connector;
using Trygg.Teams.Wire;
using Trygg.Conversation.References;

namespace Trygg.Teams;

/// <summary>An answer that goes back in the HTTP response (invokes); <c>null</c> body means none.</summary>
public sealed record InvokeResponse(int Status, object? Body);

/// <summary>
/// Runs one authenticated activity: remembers where the conversation lives, lets the features answer,
/// and delivers the answers through the connector (or in the invoke response for Action.Execute).
/// </summary>
public sealed partial class ActivityProcessor(
    TurnRouter router,
    IConnectorClient connector,
    IServiceUrlTrust trust,
    IConversationReferenceStore references,
    TimeProvider time,
    ILogger<ActivityProcessor> logger,
    Files.FileConsent fileConsent)
{
    public async Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.Invoke && activity.Name == Files.FileConsent.InvokeName)
        {
            return await fileConsent.HandleAsync(activity, cancellationToken);
        }
        if (activity.Type == ActivityTypes.Invoke && InvokeProblem(activity) is { } problem)
        {
            return problem;
        }

        var turn = ActivityTranslator.ToTurn(activity, time.GetUtcNow());
        await RememberConversationAsync(activity, turn, cancellationToken);

        var replies = new TurnReplies();
        await router.RouteAsync(turn, replies, cancellationToken);
        await DeliverAsync(activity, replies.Replies, cancellationToken);

        LogTurn(activity.Type ?? "?", turn.Kind, turn.Scope, replies.Replies.Count);
        return turn.Kind == TurnKind.CardExecute ? ToInvokeResponse(replies.ExecuteResult) : null;
    }

    /// <summary>Only adaptiveCard/action invokes are served; malformed ones get the errors the protocol names.</summary>
    private static InvokeResponse? InvokeProblem(Activity activity)
    {
        if (activity.Name != ActivityTranslator.AdaptiveCardActionInvoke)
        {
            return new InvokeResponse(StatusCodes.Status501NotImplemented, null);
        }

        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return Error(StatusCodes.Status400BadRequest, "BadRequest", "The invoke value has no action.");
        }

        if (ActivityTranslator.StringOf(action, "type") != "Action.Execute")
        {
            return Error(StatusCodes.Status400BadRequest, "NotSupported", "Only Action.Execute is supported.");
        }

        if (!action.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String)
        {
            return Error(StatusCodes.Status400BadRequest, "BadRequest", "The action has no verb.");
        }

        return null;
    }

    private static InvokeResponse ToInvokeResponse(ExecuteResult? result) => result switch
    {
        ExecuteResult.ReplaceCard card => Ok(AdaptiveCard.ContentType, JsonDocument.Parse(card.Value.Json).RootElement),
        ExecuteResult.Message message => Ok("application/vnd.microsoft.activity.message", message.Value),
        // The action was understood and answered: HTTP 200, with the outcome in the body for the client to show.
        ExecuteResult.Failure error => new InvokeResponse(StatusCodes.Status200OK, ErrorBody(error.StatusCode, error.Code, error.Text)),
        _ => new InvokeResponse(StatusCodes.Status501NotImplemented, null),
    };

    private static InvokeResponse Ok(string type, object value) =>
        new(StatusCodes.Status200OK, new AdaptiveCardInvokeResponse(StatusCodes.Status200OK, type, value));

    /// <summary>A malformed invoke: the HTTP status carries the error too, as the Bot Framework does.</summary>
    private static InvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorBody(statusCode, code, message));

    private static AdaptiveCardInvokeResponse ErrorBody(int statusCode, string code, string message) =>
        new(statusCode, "application/vnd.microsoft.error", new InvokeError(code, message));

    /// <summary>
    /// Keeps the conversation reference fresh on every turn, so proactive messages can find the member later.
    /// A storage hiccup here must not cost the member their answer: the next turn writes it again.
    /// </summary>
    private async Task RememberConversationAsync(Activity activity, Turn turn, CancellationToken cancellationToken)
    {
        if (turn.TenantId.Length == 0 || turn.ConversationId.Length == 0 || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return;
        }

        // Only an address we may call is worth remembering; an unvouched one would overwrite a good reference.
        if (!trust.IsTrusted(activity.ServiceUrl))
        {
            return;
        }

        try
        {
            if (turn.Kind == TurnKind.Uninstalled)
            {
                await references.RemoveAsync(turn.TenantId, turn.ConversationId, cancellationToken);
                return;
            }

            if (turn.Kind is TurnKind.Installed or TurnKind.Message or TurnKind.CardSubmit or TurnKind.CardExecute)
            {
                await references.SaveAsync(ReferenceOf(activity, turn), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReferenceNotSaved(ex.GetType().Name);
        }
    }

    private ConversationReference ReferenceOf(Activity activity, Turn turn)
    {
        var isPersonal = turn.Scope == ConversationScope.Personal;
        return new ConversationReference(
            turn.TenantId,
            turn.ConversationId,
            activity.Conversation?.ConversationType ?? (isPersonal ? "personal" : "groupChat"),
            activity.ServiceUrl!,
            activity.ChannelId ?? "msteams",
            activity.Recipient?.Id ?? string.Empty,
            activity.Recipient?.Name,
            isPersonal ? turn.User.Id : null,
            isPersonal ? turn.User.AadObjectId : null,
            isPersonal ? turn.User.Name : null,
            turn.TeamId,
            turn.ChannelId,
            activity.Locale,
            time.GetUtcNow());
    }

    private async Task DeliverAsync(Activity incoming, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        var serviceUrl = incoming.ServiceUrl;
        var conversationId = incoming.Conversation?.Id;
        if (replies.Count == 0 || string.IsNullOrEmpty(serviceUrl) || string.IsNullOrEmpty(conversationId))
        {
            return;
        }

        foreach (var reply in replies)
        {
            var outgoing = OutgoingActivity.For(incoming, reply);
            try
            {
                if (incoming.Type == ActivityTypes.Message && !string.IsNullOrEmpty(incoming.Id))
                {
                    await connector.ReplyToActivityAsync(serviceUrl, conversationId, incoming.Id, outgoing, cancellationToken);
                }
                else
                {
                    await connector.SendToConversationAsync(serviceUrl, conversationId, outgoing, cancellationToken);
                }
            }
            catch (ConnectorException ex)
            {
                LogReplyFailed(ex.StatusCode, ex.ErrorCode);
            }
            catch (UntrustedServiceUrlException)
            {
                LogUntrustedServiceUrl();
                return;
            }
        }
    }

    /// <remarks>
    /// Debug, like ASP.NET Core's own per-request lines: a line per turn costs CPU under load (docs/benchmarks.md) and
    /// says no more than the request count. Features log what happened (a report submitted, a card delivered) at Information.
    /// </remarks>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {ActivityType} as {Kind} in a {Scope} conversation with {ReplyCount} replies")]
    private partial void LogTurn(string activityType, TurnKind kind, ConversationScope scope, int replyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation reference not saved ({ExceptionType}); the next turn will try again")]
    private partial void LogReferenceNotSaved(string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "A reply could not be delivered: connector answered {StatusCode} {ErrorCode}")]
    private partial void LogReplyFailed(int statusCode, string? errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replies not sent: the activity's serviceUrl is not trusted (configure Bot:TrustedServiceUrls for local runs)")]
    private partial void LogUntrustedServiceUrl();
}

/// <summary>The adaptiveCard/action invoke response body.</summary>
internal sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, object Value);

internal sealed record InvokeError(string Code, string Message);
