using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Timeout;

namespace Trygg.Teams.Connector;

public sealed class ConnectorResilienceTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    [Fact]
    public void GetRetryAfter_Delta_ReturnsIt()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorResilience.GetRetryAfter(response, TimeProvider.System, Cap));
    }

    [Fact]
    public void GetRetryAfter_Date_ReturnsTimeUntilIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(12), ConnectorResilience.GetRetryAfter(response, time, Cap));
    }

    [Fact]
    public void GetRetryAfter_DateInThePast_ReturnsZero()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddMinutes(-1));

        Assert.Equal(TimeSpan.Zero, ConnectorResilience.GetRetryAfter(response, time, Cap));
    }

    [Fact]
    public void GetRetryAfter_LongerThanCap_ReturnsCap()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1));

        Assert.Equal(Cap, ConnectorResilience.GetRetryAfter(response, TimeProvider.System, Cap));
    }

    [Fact]
    public void GetRetryAfter_NoHeader_ReturnsNullSoBackoffApplies()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(ConnectorResilience.GetRetryAfter(response, TimeProvider.System, Cap));
        Assert.Null(ConnectorResilience.GetRetryAfter(null, TimeProvider.System, Cap));
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(412, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(500, false)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(201, false)]
    public void ShouldRetry_Status_MatchesTeamsGuidance(int status, bool expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(expected, ConnectorResilience.ShouldRetry(Outcome.FromResult(response)));
    }

    [Fact]
    public void ShouldRetry_NetworkErrorOrTimeout_IsTrue()
    {
        Assert.True(ConnectorResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset"))));
        Assert.True(ConnectorResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException())));
        Assert.False(ConnectorResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new InvalidOperationException())));
    }

    [Theory]
    [InlineData(429, false)]
    [InlineData(412, false)]
    [InlineData(400, false)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    public void IsServiceFailure_Status_CountsOnlyServerErrors(int status, bool expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(expected, ConnectorResilience.IsServiceFailure(Outcome.FromResult(response)));
    }
}
