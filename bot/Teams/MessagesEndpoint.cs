using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Trygg.Teams.Auth;
using Trygg.Teams.Connector;
using Trygg.Teams.Wire;

namespace Trygg.Teams;

/// <summary>
/// POST /api/messages: the bot's front door. Reads at most 256 KB, parses the activity, authenticates it
/// before any side effect, runs it, and answers 200 (or the invoke response).
/// </summary>
public static partial class MessagesEndpoint
{
    public const string Route = "/api/messages";

    /// <summary>Teams' own message limit is about 100 KB; anything far beyond it is not a Teams activity.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task HandleAsync(
        HttpContext context,
        IInboundAuthenticator authenticator,
        IServiceUrlTrust trust,
        ActivityProcessor processor,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger(typeof(MessagesEndpoint));
        var ct = context.RequestAborted;

        var body = await ReadBodyAsync(context, ct);
        if (body is null)
        {
            LogRejected(logger, StatusCodes.Status413PayloadTooLarge, "body over 256 KB");
            await ProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "Activity too large", "The request body is larger than 256 KB.");
            return;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, WireJson.Options);
        }
        catch (JsonException)
        {
            LogRejected(logger, StatusCodes.Status400BadRequest, "malformed JSON");
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "Malformed activity", "The request body is not a JSON activity.");
            return;
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            LogRejected(logger, StatusCodes.Status400BadRequest, "missing activity type");
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "Malformed activity", "The activity has no type.");
            return;
        }

        if (ActivityShape.Problem(activity) is { } problem)
        {
            LogRejected(logger, StatusCodes.Status400BadRequest, problem);
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "Malformed activity", "The activity lacks the ids Teams always sends, or they are too long.");
            return;
        }

        var auth = await authenticator.AuthenticateAsync(
            new InboundRequest(
                context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null,
                activity.ChannelId,
                activity.ServiceUrl,
                ActivityTranslator.TenantOf(activity),
                context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)),
            ct);
        if (!auth.IsAccepted)
        {
            // The authenticator has logged the reason.
            context.Response.StatusCode = auth.Status == AuthStatus.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            return;
        }

        if (!auth.IsAnonymous && !string.IsNullOrEmpty(activity.ServiceUrl))
        {
            // The token's serviceurl claim vouched for this address: replies may carry our token there.
            trust.TrustFromAuthenticatedActivity(activity.ServiceUrl);
        }

        var invoke = await processor.ProcessAsync(activity, ct);
        if (invoke is null)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        context.Response.StatusCode = invoke.Status;
        if (invoke.Body is not null)
        {
            await context.Response.WriteAsJsonAsync(invoke.Body, invoke.Body.GetType(), WireJson.Options, ct);
        }
    }

    /// <summary>The body, or null when it exceeds <see cref="MaxBodyBytes"/> (declared or actual).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, CancellationToken ct)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static Task ProblemAsync(HttpContext context, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an activity with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string reason);
}
