using System.Net;
using Trygg.Testing;

namespace Trygg.Teams.Health;

public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task Readyz_FollowsStorage_WhileHealthzStaysAlive()
    {
        await using var bot = await TryggBot.StartAsync(_azurite);

        Assert.Equal(HttpStatusCode.OK, (await bot.App.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.App.Http.GetAsync("/readyz")).StatusCode);

        await _azurite.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await bot.App.Http.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.App.Http.GetAsync("/healthz")).StatusCode);

        await _azurite.StartAgainAsync();
        Assert.Equal(HttpStatusCode.OK, (await bot.App.Http.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Message_WhileStorageIsDown_MemberIsAskedToTryAgain()
    {
        await using var bot = await TryggBot.StartAsync(_azurite);
        await bot.PostAsync(bot.Activities.Message("hej"));
        await bot.Connector.WaitForMessageAsync();
        bot.Connector.Clear();

        await _azurite.StopAsync();
        var response = await bot.PostAsync(bot.Activities.Message("hej"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await bot.Connector.WaitForMessageAsync();
        Assert.Contains("Försök igen", sent.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
