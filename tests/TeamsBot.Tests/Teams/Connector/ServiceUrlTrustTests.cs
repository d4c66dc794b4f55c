using Microsoft.Extensions.Options;

namespace Trygg.Teams.Connector;

public sealed class ServiceUrlTrustTests
{
    private static ServiceUrlTrust Trust(params string[] configured)
    {
        var bot = new BotOptions();
        foreach (var url in configured)
        {
            bot.TrustedServiceUrls.Add(url);
        }

        return new ServiceUrlTrust(Options.Create(bot));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/teams")]
    [InlineData("HTTPS://SMBA.TrafficManager.NET/teams/")]
    [InlineData("https://smba.trafficmanager.net:443/teams/")]
    public void IsTrusted_ConfiguredUrlInAnotherSpelling_IsTrusted(string candidate)
    {
        Assert.True(Trust("https://smba.trafficmanager.net/teams").IsTrusted(candidate));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/TEAMS/")]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/teams/")]
    [InlineData("https://smba.trafficmanager.net/teams/?x=1")]
    [InlineData("https://user@smba.trafficmanager.net/teams/")]
    [InlineData("ftp://smba.trafficmanager.net/teams/")]
    [InlineData("/teams/")]
    [InlineData("")]
    public void IsTrusted_OtherUrl_IsNotTrusted(string candidate)
    {
        Assert.False(Trust("https://smba.trafficmanager.net/teams/").IsTrusted(candidate));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/9b1f6a4e-2c1d-4f8a-9e3b-5a7c2d1e0f42/")]
    [InlineData("https://smba.trafficmanager.net/emea/9b1f6a4e-2c1d-4f8a-9e3b-5a7c2d1e0f42")]
    [InlineData("https://SMBA.trafficmanager.net/emea/")]
    public void IsTrusted_BelowAConfiguredRegionalUrl_IsTrusted(string candidate)
    {
        Assert.True(Trust("https://smba.trafficmanager.net/emea/").IsTrusted(candidate));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emeax/")]
    [InlineData("https://smba.trafficmanager.net/emea/../evil/")]
    [InlineData("https://smba.trafficmanager.net/emea/%2e%2e/evil/")]
    [InlineData("https://smba.trafficmanager.net/")]
    [InlineData("https://evil.example/emea/")]
    public void IsTrusted_BesideOrAboveAConfiguredRegionalUrl_IsNotTrusted(string candidate)
    {
        Assert.False(Trust("https://smba.trafficmanager.net/emea/").IsTrusted(candidate));
    }

    [Fact]
    public void IsTrusted_AuthenticatedUrl_IsTrustedExactlyNotBelow()
    {
        var trust = Trust();

        trust.TrustFromAuthenticatedActivity("https://smba.trafficmanager.net/emea/");

        Assert.False(trust.IsTrusted("https://smba.trafficmanager.net/emea/other/"));
    }

    [Fact]
    public void TrustFromAuthenticatedActivity_NewUrl_BecomesTrusted()
    {
        var trust = Trust();
        Assert.False(trust.IsTrusted("https://smba.trafficmanager.net/emea/"));

        trust.TrustFromAuthenticatedActivity("https://smba.trafficmanager.net/emea");

        Assert.True(trust.IsTrusted("https://smba.trafficmanager.net/emea/"));
    }

    [Fact]
    public void TrustFromAuthenticatedActivity_Garbage_IsIgnored()
    {
        var trust = Trust();

        trust.TrustFromAuthenticatedActivity("not a url");

        Assert.False(trust.IsTrusted("not a url"));
    }
}
