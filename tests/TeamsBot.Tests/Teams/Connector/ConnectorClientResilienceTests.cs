using Trygg.Teams.Wire;
using Trygg.Testing;

namespace Trygg.Teams.Connector;

/// <summary>The connector pipeline seen over real HTTP: what is retried, how long it waits, when it gives up.</summary>
public sealed class ConnectorClientResilienceTests
{
    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfter_RetriesAfterTheHeadersDelay()
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Fake.EnqueueFault(FakeConnectorFault.TooManyRequests(TimeSpan.FromSeconds(1)));

        var response = await h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None);

        Assert.NotNull(response.Id);
        var requests = h.Fake.Requests;
        Assert.Equal([429, 201], requests.Select(r => r.StatusCode));
        // The backoff alone would be ~10 ms; only Retry-After explains a gap near a second.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900));
        Assert.Single(h.Fake.Messages);
    }

    [Fact]
    public async Task SendToConversationAsync_PacedCall_Leaves429ToThePacer_ButStillRetriesAServiceFault()
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Fake.EnqueueFault(FakeConnectorFault.TooManyRequests(TimeSpan.FromSeconds(1)));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => ConnectorPacing.Paced(() => h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None)));

        Assert.Equal(429, e.StatusCode);
        Assert.Equal([429], h.Fake.Requests.Select(r => r.StatusCode));

        h.Fake.EnqueueFault(FakeConnectorFault.Status(503));
        var response = await ConnectorPacing.Paced(() => h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("y"), CancellationToken.None));

        Assert.NotNull(response.Id);
        Assert.Equal([429, 503, 201], h.Fake.Requests.Select(r => r.StatusCode));
        Assert.False(ConnectorPacing.IsPaced);
    }

    [Fact]
    public async Task SendToConversationAsync_RetryAfterLongerThanCap_WaitsOnlyTheCap()
    {
        await using var h = await ConnectorHarness.StartAsync(new() { ["Connector:MaxRetryAfter"] = "00:00:00.100" });
        h.Fake.EnqueueFault(FakeConnectorFault.TooManyRequests(TimeSpan.FromSeconds(30)));

        var response = await h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None);

        Assert.NotNull(response.Id);
        Assert.True(h.Fake.Requests[1].ReceivedAt - h.Fake.Requests[0].ReceivedAt < TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task SendToConversationAsync_TransientStatus_IsRetriedThenSucceeds(int status)
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Fake.EnqueueFault(FakeConnectorFault.Status(status), times: 2);

        var response = await h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None);

        Assert.NotNull(response.Id);
        Assert.Equal([status, status, 201], h.Fake.Requests.Select(r => r.StatusCode));
        Assert.Single(h.Fake.Messages);
    }

    [Fact]
    public async Task SendToConversationAsync_400_IsNotRetriedAndThrowsWithErrorCode()
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Fake.EnqueueFault(FakeConnectorFault.Status(400, "BadArgument", "Unknown activity type"));

        var ex = await Assert.ThrowsAsync<ConnectorException>(
            () => h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("BadArgument", ex.ErrorCode);
        Assert.Single(h.Fake.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_403Blocked_ThrowsWithCodeSoCallersCanStopSending()
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Fake.FaultSelector = r => r.ConversationId == "a:blocked" ? FakeConnectorFault.Status(403, "ConversationBlockedByUser") : null;

        var ex = await Assert.ThrowsAsync<ConnectorException>(
            () => h.Client.SendToConversationAsync(h.ServiceUrl, "a:blocked", Message("x"), CancellationToken.None));
        await h.Client.SendToConversationAsync(h.ServiceUrl, "a:other", Message("x"), CancellationToken.None);

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal("ConversationBlockedByUser", ex.ErrorCode);
    }

    [Fact]
    public async Task SendToConversationAsync_PersistentFailure_GivesUpAfterMaxRetries()
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Fake.FaultSelector = _ => FakeConnectorFault.Status(503);

        var ex = await Assert.ThrowsAsync<ConnectorException>(
            () => h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal("ServiceUnavailable", ex.ErrorCode);
        Assert.Equal(4, h.Fake.Requests.Count);
        Assert.Empty(h.Fake.Messages);
    }

    [Fact]
    public async Task SendToConversationAsync_500_IsNotRetried()
    {
        await using var h = await ConnectorHarness.StartAsync();
        h.Fake.EnqueueFault(FakeConnectorFault.Status(500));

        var ex = await Assert.ThrowsAsync<ConnectorException>(
            () => h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None));

        Assert.Equal(500, ex.StatusCode);
        Assert.Single(h.Fake.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_RepeatedFailures_OpenTheCircuitAndFailFast()
    {
        await using var h = await ConnectorHarness.StartAsync(new()
        {
            ["Connector:MaxRetries"] = "0",
            ["Connector:CircuitMinimumThroughput"] = "4",
            ["Connector:CircuitBreakDuration"] = "00:01:00",
        });
        h.Fake.FaultSelector = _ => FakeConnectorFault.Status(503);

        for (var i = 0; i < 4; i++)
        {
            var failure = await Assert.ThrowsAsync<ConnectorException>(
                () => h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None));
            Assert.Equal("ServiceUnavailable", failure.ErrorCode);
            Assert.False(failure.NotAttempted);
        }

        var ex = await Assert.ThrowsAsync<ConnectorException>(
            () => h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal("CircuitOpen", ex.ErrorCode);
        Assert.True(ex.NotAttempted);
        Assert.InRange(ex.RetryAfter ?? TimeSpan.Zero, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1)); // what is left of the break
        Assert.Equal(4, h.Fake.Requests.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_SlowAttempt_TimesOutAndIsRetried()
    {
        // Long enough that the second, healthy attempt never times out on a loaded machine; the first hangs far longer.
        await using var h = await ConnectorHarness.StartAsync(new() { ["Connector:AttemptTimeout"] = "00:00:02" });
        h.Fake.EnqueueFault(FakeConnectorFault.Hang(TimeSpan.FromSeconds(30)));

        var response = await h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None);

        Assert.NotNull(response.Id);
        await h.Fake.WaitForAsync(r => r.StatusCode == 499);
        Assert.Single(h.Fake.Messages);
    }

    [Fact]
    public async Task SendToConversationAsync_EveryAttemptTimesOut_ThrowsTimeout()
    {
        await using var h = await ConnectorHarness.StartAsync(new()
        {
            ["Connector:AttemptTimeout"] = "00:00:00.200",
            ["Connector:MaxRetries"] = "1",
        });
        h.Fake.FaultSelector = _ => FakeConnectorFault.Hang(TimeSpan.FromSeconds(30));

        var ex = await Assert.ThrowsAsync<ConnectorException>(
            () => h.Client.SendToConversationAsync(h.ServiceUrl, "a:1", Message("x"), CancellationToken.None));

        Assert.Equal(504, ex.StatusCode);
        Assert.Equal("Timeout", ex.ErrorCode);
    }
}
