using System.Net.Http.Headers;
using System.Text.Json;
using Trygg.Teams.Wire;

namespace Trygg.Bench;

/// <summary>
/// The floor: the least a bot can do per turn on this machine. It parses the same activity JSON into the same wire
/// type, and makes one outbound POST (a reply) to the same connector; no auth, no storage, no features.
/// </summary>
internal static class FloorEndpoint
{
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddHttpClient("connector");
        var app = builder.Build();
        var json = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        app.MapPost("/api/messages", async (HttpContext context, IHttpClientFactory clients) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, WireJson.Options, context.RequestAborted);
            if (activity?.ServiceUrl is not { } serviceUrl || activity.Conversation?.Id is not { } conversationId || activity.Id is not { } id)
            {
                return Results.BadRequest();
            }

            var reply = new Activity
            {
                Type = ActivityTypes.Message,
                Text = "ok",
                From = activity.Recipient,
                Recipient = activity.From,
                Conversation = new ConversationAccount { Id = conversationId },
                ReplyToId = id,
            };
            var uri = new Uri($"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(id)}");
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(reply, WireJson.Options)) { Headers = { ContentType = json } };
            using var response = await clients.CreateClient("connector").PostAsync(uri, content, context.RequestAborted);
            return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(502);
        });
        app.MapGet("/readyz", () => Results.Ok());
        await app.RunAsync();
    }
}
