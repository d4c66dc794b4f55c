using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Trygg.Testing;

namespace Trygg.Teams.Connector;

/// <summary>The fake's own contract, which integration tests of the whole bot rely on.</summary>
public sealed class FakeConnectorTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task ServiceUrl_Always_IsLoopbackUnderConnectorBaseWithoutTrailingSlash()
    {
        await using var fake = await FakeConnector.StartAsync();

        Assert.StartsWith("http://127.0.0.1:", fake.ServiceUrl, StringComparison.Ordinal);
        Assert.EndsWith("/_connector", fake.ServiceUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForAsync_RequestArrivesLater_CompletesWithIt()
    {
        await using var fake = await FakeConnector.StartAsync();
        var waiting = fake.WaitForMessageAsync(r => r.ConversationId == "a:2");

        await Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations/a%3A1/activities", new { type = "message", text = "ett" });
        await Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations/a%3A2/activities", new { type = "message", text = "två" });

        var request = await waiting;
        Assert.Equal("två", request.ToActivity()?.Text);
    }

    [Fact]
    public async Task WaitForAsync_NothingMatches_ThrowsTimeoutListingWhatArrived()
    {
        await using var fake = await FakeConnector.StartAsync();
        await Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations/a%3A1/activities", new { type = "message" });

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => fake.WaitForAsync(r => r.Method == "PUT", TimeSpan.FromMilliseconds(100)));

        Assert.Contains("POST /_connector/v3/conversations/a%3A1/activities -> 201", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiredBearerToken_WrongToken_Answers401()
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.RequiredBearerToken = "right";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{fake.ServiceUrl}/v3/conversations/a%3A1/members");
        request.Headers.Authorization = new("Bearer", "wrong");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EnqueueFault_RetryAfterDate_IsSentAsHttpDate()
    {
        await using var fake = await FakeConnector.StartAsync();
        var until = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
        fake.EnqueueFault(new FakeConnectorFault { StatusCode = 503, RetryAfterDate = until });

        using var response = await Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations/a%3A1/activities", new { type = "message" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(until, response.Headers.RetryAfter?.Date);
        Assert.Empty(fake.Messages);
    }

    [Fact]
    public async Task Clear_AfterTraffic_ForgetsRequestsMessagesAndFaults()
    {
        await using var fake = await FakeConnector.StartAsync();
        await Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations/a%3A1/activities", new { type = "message" });
        fake.EnqueueFault(FakeConnectorFault.Status(500));

        fake.Clear();
        using var response = await Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations/a%3A1/activities", new { type = "message" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(fake.Requests);
        Assert.Single(fake.Messages);
    }

    [Fact]
    public async Task DisposeAsync_DuringInjectedHang_ReturnsPromptly()
    {
        var fake = await FakeConnector.StartAsync();
        fake.EnqueueFault(FakeConnectorFault.Hang(TimeSpan.FromMinutes(5)));
        var hanging = Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations/a%3A1/activities", new { type = "message" });
        await Task.Delay(200); // let the request reach the hang

        var watch = Stopwatch.StartNew();
        await fake.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<HttpRequestException>(() => hanging.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(499, Assert.Single(fake.Requests).StatusCode);
    }

    [Fact]
    public async Task FailWhen_MatchingPathOnly_FailsTheGivenNumberOfTimes()
    {
        await using var fake = await FakeConnector.StartAsync();
        var script = fake.FailWhen(r => r.ConversationId == "a:1", FakeConnectorFault.TooManyRequests(TimeSpan.FromSeconds(2)), times: 2);

        var statuses = new List<int>();
        foreach (var conversation in new[] { "a%3A1", "a%3A2", "a%3A1", "a%3A1" })
        {
            using var response = await Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations/{conversation}/activities", new { type = "message" });
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([429, 201, 429, 201], statuses);
        Assert.Equal(2, script.Hits);
    }

    [Fact]
    public async Task NotInstalledFor_OpeningThatChat_Is403_UntilStopped()
    {
        await using var fake = await FakeConnector.StartAsync();
        var notInstalled = fake.NotInstalledFor("aad-1");
        var body = new { isGroup = false, members = new[] { new { id = "aad-1" } }, tenantId = "t" };

        using var refused = await Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations", body);
        notInstalled.Stop();
        using var opened = await Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations", body);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Single(fake.Creates);
        Assert.NotNull(fake.PersonalChatOf("aad-1"));
    }

    [Fact]
    public async Task ThreadsInAndUpdates_RecordWhatWasAccepted()
    {
        await using var fake = await FakeConnector.StartAsync();
        using var thread = await Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations", new
        {
            isGroup = true,
            channelData = new { channel = new { id = "19:c" } },
            activity = new { type = "message" },
        });
        var created = await thread.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        var id = created!["id"]!.GetValue<string>();
        var activityId = created["activityId"]!.GetValue<string>();
        using var put = await Http.PutAsJsonAsync($"{fake.ServiceUrl}/v3/conversations/{Uri.EscapeDataString(id)}/activities/{activityId}", new { type = "message", text = "ny" });

        Assert.Single(fake.ThreadsIn("19:c"));
        Assert.Empty(fake.ThreadsIn("19:other"));
        Assert.Equal(activityId, Assert.Single(fake.Updates).ActivityId);
        Assert.Equal("ny", fake.GetActivity(id, activityId)!["text"]!.GetValue<string>());
    }
}
