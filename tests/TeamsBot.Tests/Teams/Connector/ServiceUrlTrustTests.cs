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
