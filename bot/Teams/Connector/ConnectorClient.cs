using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Trygg.Teams.Wire;

namespace Trygg.Teams.Connector;

/// <summary>
/// The Bot Connector v3 REST API over HttpClient (protocol.md §2.3). Each call: trust check, then the resilience
/// pipeline, with the request rebuilt (and the token re-read) on every attempt.
/// </summary>
internal sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IConnectorTokenProvider tokenProvider,
    IServiceUrlTrust trust,
    ConnectorResilience resilience,
    TimeProvider timeProvider,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    public const string HttpClientName = "Trygg.Connector";

    private static readonly MediaTypeHeaderValue JsonContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    public async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Segment(conversationId)}/activities/{Segment(replyToId)}";
        return await CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, path, Serialize(activity), allowNotFound: false, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Segment(conversationId)}/activities";
        return await CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, path, Serialize(activity), allowNotFound: false, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Segment(conversationId)}/activities/{Segment(activityId)}";
        return await CallAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, path, Serialize(activity), allowNotFound: false, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse(null);
    }

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Segment(conversationId)}/activities/{Segment(activityId)}";
        return CallAsync<JsonNode>(HttpMethod.Delete, serviceUrl, path, body: null, allowNotFound: false, cancellationToken);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, WireJson.Options);
        return await CallAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", body, allowNotFound: false, cancellationToken).ConfigureAwait(false)
            ?? new ConversationResourceResponse();
    }

    public Task<TeamsChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Segment(conversationId)}/members/{Segment(memberId)}";
        return CallAsync<TeamsChannelAccount>(HttpMethod.Get, serviceUrl, path, body: null, allowNotFound: true, cancellationToken);
    }

    /// <summary>Ids carry ':', '@', ';' (and could carry '/' or '?'), so every one is escaped as a single path segment.</summary>
    private static string Segment(string id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, name);
        return Uri.EscapeDataString(id);
    }

    private static byte[] Serialize(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, WireJson.Options);

    private async Task<T?> CallAsync<T>(HttpMethod method, string serviceUrl, string path, byte[]? body, bool allowNotFound, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        if (!trust.IsTrusted(serviceUrl))
        {
            throw new UntrustedServiceUrlException(serviceUrl);
        }

        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute);
        var call = new Call(method, new Uri(baseUri, path), body, $"{method} {path}");

        using var response = await ExecuteAsync(call, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return await ReadAsync<T>(response, call, cancellationToken).ConfigureAwait(false);
        }

        if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        throw await ToExceptionAsync(response, call, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> ExecuteAsync(Call call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ConnectorResilience.OperationKey, call.Operation);
        context.Properties.Set(ConnectorResilience.PacedKey, ConnectorPacing.IsPaced);
        try
        {
            return await resilience.Pipeline.ExecuteAsync(
                static (ctx, state) => state.Client.AttemptAsync(state.Call, ctx.CancellationToken),
                context,
                (Client: this, Call: call)).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new ConnectorException($"Connector {call.Operation} not attempted: the circuit is open after repeated failures.", 503, ConnectorException.CircuitOpen, ex, ex.RetryAfter);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ConnectorException($"Connector {call.Operation} timed out after {call.Attempts} attempt(s).", 504, "Timeout", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException($"Connector {call.Operation} could not reach the service after {call.Attempts} attempt(s).", 503, "NetworkError", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt. HttpRequestMessage cannot be sent twice, so each attempt builds its own.</summary>
    private async ValueTask<HttpResponseMessage> AttemptAsync(Call call, CancellationToken cancellationToken)
    {
        var attempt = ++call.Attempts;
        using var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body) { Headers = { ContentType = JsonContentType } };
        }

        var token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var client = httpClientFactory.CreateClient(HttpClientName);
        var started = timeProvider.GetTimestamp();
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var elapsedMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
            var correlationId = CorrelationId(response);
            ConnectorLog.AttemptCompleted(logger, call.Operation, (int)response.StatusCode, attempt, elapsedMs, correlationId);
        }

        return response;
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, Call call, CancellationToken cancellationToken)
        where T : class
    {
        // 202/204 and the Playground's multi-message answers carry no body.
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, WireJson.Options);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException($"Connector {call.Operation} answered {(int)response.StatusCode} with a body that is not the expected JSON.", (int)response.StatusCode, "InvalidResponse", ex);
        }
    }

    private async Task<ConnectorException> ToExceptionAsync(HttpResponseMessage response, Call call, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var (code, message) = ParseError(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var correlation = CorrelationId(response);
        var text = $"Connector {call.Operation} failed with {status} {code ?? response.ReasonPhrase} after {call.Attempts} attempt(s)"
            + (message is null ? "" : $": {message}")
            + (correlation is null ? "" : $" (X-Correlating-OperationId {correlation})");
        var retryAfter = ConnectorResilience.GetRetryAfter(response, timeProvider, TimeSpan.MaxValue);
        return new ConnectorException(text, status, code, retryAfter: retryAfter);
    }

    /// <summary>ErrorResponse <c>{error:{code,message}}</c>; anything else yields no code rather than an exception.</summary>
    internal static (string? Code, string? Message) ParseError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            var error = JsonNode.Parse(body)?["error"];
            var code = error?["code"]?.GetValueKind() == JsonValueKind.String ? error["code"]!.GetValue<string>() : null;
            var message = error?["message"]?.GetValueKind() == JsonValueKind.String ? error["message"]!.GetValue<string>() : null;
            return (code, message is { Length: > 300 } ? message[..300] + "…" : message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
        catch (InvalidOperationException)
        {
            // "error" was not an object.
            return (null, null);
        }
    }

    private static string? CorrelationId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;

    private sealed class Call(HttpMethod method, Uri uri, byte[]? body, string operation)
    {
        public HttpMethod Method { get; } = method;
        public Uri Uri { get; } = uri;
        public byte[]? Body { get; } = body;
        public string Operation { get; } = operation;
        public int Attempts { get; set; }
    }
}
