using System.Net;
using System.Net.Http.Json;
using Trygg.Testing;

namespace Trygg.Teams.Connector;

/// <summary>The fake enforces Teams' limits when asked, so tests can prove the bot stays within them.</summary>
public sealed class FakeConnectorRateLimitTests
{
    private static readonly HttpClient Http = new();

    // Windows of an hour: nothing in the test can age out of them, whatever the machine's speed.
    private static readonly FakeRateLimits Slow = new([new(3, TimeSpan.FromHours(1))], [new(5, TimeSpan.FromHours(1))]);

    private static Task<HttpResponseMessage> SendAsync(FakeConnector fake, string conversation) =>
        Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations/{Uri.EscapeDataString(conversation)}/activities", new { type = "message", text = "hej" });

    [Fact]
    public async Task PerConversation_OverTheLimit_Answers429WithRetryAfter_OtherConversationsStillPass()
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.EnforceRateLimits(Slow);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await SendAsync(fake, "a:1")).StatusCode);
        }

        using var refused = await SendAsync(fake, "a:1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(fake, "a:2")).StatusCode);
        Assert.Equal(1, fake.RateLimited);
        Assert.Equal(4, fake.Messages.Count);
    }

    [Fact]
    public async Task PerTenant_CountsEveryConversationAndNewChats_RefusedRequestsDoNotCount()
    {
        await using var fake = await FakeConnector.StartAsync();
        fake.EnforceRateLimits(Slow);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await SendAsync(fake, $"a:{i}")).StatusCode);
        }

        using var create = await Http.PostAsJsonAsync($"{fake.ServiceUrl}/v3/conversations", new { isGroup = false, members = new[] { new { id = "29:x" } } });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(fake, $"b:{i}")).StatusCode);
        }

        Assert.Equal(3, fake.RateLimited);
        fake.EnforceRateLimits(null);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(fake, "b:0")).StatusCode);
    }

    [Fact]
    public void Teams_AreTheDocumentedLimits_AndScalingShrinksOnlyTheWindows()
    {
        var scaled = FakeRateLimits.Teams.Scaled(4);

        Assert.Equal([7, 8, 60, 1800], scaled.PerConversation.Select(l => l.Count));
        Assert.Equal(TimeSpan.FromMilliseconds(250), scaled.PerConversation[0].Window);
        Assert.Equal(new FakeRateLimit(50, TimeSpan.FromMilliseconds(250)), scaled.PerTenant[0]);
        Assert.Equal("50/250ms", FakeRateLimits.Setting(scaled.PerTenant));
    }
}
