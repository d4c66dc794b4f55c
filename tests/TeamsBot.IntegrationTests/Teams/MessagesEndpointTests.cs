using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Trygg.Testing;
using Trygg.Conversation.References;

namespace Trygg.Teams;

public sealed class MessagesEndpointTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TryggBot _bot = null!;

    public async Task InitializeAsync() => _bot = await TryggBot.StartAsync(azurite);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json") =>
        _bot.App.Http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"text\"")]
    [InlineData("")]
    public async Task Post_MalformedJson_Is400ProblemDetails(string body)
    {
        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Post_MissingType_Is400ProblemDetails()
    {
        var activity = _bot.Activities.Message("hej");
        activity.Remove("type");

        var response = await _bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOver256KB_Is413()
    {
        var activity = _bot.Activities.Message(new string('x', 300 * 1024));

        var response = await _bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task Post_ChunkedBodyOver256KB_Is413()
    {
        var bytes = Encoding.UTF8.GetBytes(_bot.Activities.Message(new string('x', 300 * 1024)).ToJsonString());
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _bot.App.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("event")]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("somethingNew")]
    public async Task Post_OtherActivityTypes_Are200AndSendNothing(string type)
    {
        var response = await _bot.PostAsync(_bot.Activities.Base(type, null, new JsonObject { ["name"] = "x" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task Post_InvokeWithAnotherName_Is501()
    {
        var response = await _bot.PostAsync(_bot.Activities.Base("invoke", null, new JsonObject { ["name"] = "composeExtension/query" }));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_AdaptiveCardInvokeWithoutAction_Is400BadRequest()
    {
        var response = await _bot.PostAsync(_bot.Activities.Base("invoke", null, new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["trigger"] = "manual" },
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("BadRequest", body["value"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_AdaptiveCardInvokeOfAnotherActionType_Is400NotSupported()
    {
        var activity = _bot.Activities.Execute("welcome.language");
        activity["value"]!["action"]!["type"] = "Action.Submit";

        var response = await _bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("NotSupported", body["value"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_UntrustedServiceUrl_IsAnsweredButNothingIsSentThere()
    {
        var elsewhere = await FakeConnector.StartAsync();
        await using var _ = elsewhere;
        var activities = new Activities(elsewhere.ServiceUrl);

        var response = await _bot.PostAsync(activities.Message("hej"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(elsewhere.Requests);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task Post_Message_StoresTheConversationReferenceForLater()
    {
        await _bot.PostAsync(_bot.Activities.Message("hej"));

        var store = _bot.App.Get<IConversationReferenceStore>();
        var reference = await store.GetPersonalAsync(Activities.TenantId, _bot.Activities.UserAadObjectId, default);
        Assert.NotNull(reference);
        Assert.Equal(_bot.Activities.ConversationId, reference.ConversationId);
        Assert.Equal(_bot.Connector.ServiceUrl, reference.ServiceUrl);
        Assert.Equal(Activities.BotId, reference.BotId);
    }

    [Fact]
    public async Task Post_Uninstall_ForgetsTheConversation()
    {
        await _bot.PostAsync(_bot.Activities.InstallationUpdate());
        await _bot.PostAsync(_bot.Activities.InstallationUpdate("remove"));

        var store = _bot.App.Get<IConversationReferenceStore>();
        Assert.Null(await store.GetAsync(Activities.TenantId, _bot.Activities.ConversationId, default));
    }
}
