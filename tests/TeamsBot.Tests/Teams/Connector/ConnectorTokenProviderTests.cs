using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Time.Testing;

namespace Trygg.Teams.Connector;

public sealed class ConnectorTokenProviderTests
{
    [Fact]
    public void CreateCredential_ClientSecret_BuildsClientSecretCredential()
    {
        var bot = new BotOptions { AppId = "app", AuthType = BotAuthType.ClientSecret, ClientSecret = "s" };

        Assert.IsType<ClientSecretCredential>(ConnectorTokenProvider.CreateCredential(bot));
    }

    [Fact]
    public void CreateCredential_Certificate_BuildsClientCertificateCredential()
    {
        var bot = new BotOptions { AppId = "app", TenantId = "tenant", AuthType = BotAuthType.Certificate, CertificatePath = "/no/such/bot.pfx" };

        Assert.IsType<ClientCertificateCredential>(ConnectorTokenProvider.CreateCredential(bot));
    }

    [Fact]
    public void CreateCredential_UserAssignedMsi_BuildsManagedIdentityCredential()
    {
        var bot = new BotOptions { AppId = "app", TenantId = "tenant", AuthType = BotAuthType.UserAssignedMSI };

        Assert.IsType<ManagedIdentityCredential>(ConnectorTokenProvider.CreateCredential(bot));
    }

    [Fact]
    public void CreateCredential_NoAppId_ReturnsNull()
    {
        Assert.Null(ConnectorTokenProvider.CreateCredential(new BotOptions { AppId = " ", AuthType = BotAuthType.ClientSecret }));
    }

    [Theory]
    [InlineData(BotAuthType.ClientSecret, "Bot:ClientSecret")]
    [InlineData(BotAuthType.Certificate, "Bot:TenantId")]
    public void CreateCredential_MissingSetting_ThrowsNamingIt(BotAuthType authType, string setting)
    {
        var bot = new BotOptions { AppId = "app", AuthType = authType, CertificatePath = "/x.pfx" };

        var ex = Assert.Throws<InvalidOperationException>(() => ConnectorTokenProvider.CreateCredential(bot));

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_NoCredential_ReturnsNull()
    {
        using var provider = new ConnectorTokenProvider(null, "scope/.default", TimeProvider.System);

        Assert.Null(await provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetTokenAsync_FreshToken_IsCachedUntilFiveMinutesBeforeExpiry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var credential = new CountingCredential(time, TimeSpan.FromHours(1));
        using var provider = new ConnectorTokenProvider(credential, "https://api.botframework.com/.default", time);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(54));
        var cached = await provider.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        var refreshed = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", cached);
        Assert.Equal("token-2", refreshed);
        Assert.Equal(["https://api.botframework.com/.default"], credential.LastScopes!);
    }

    private sealed class CountingCredential(TimeProvider time, TimeSpan lifetime) : TokenCredential
    {
        private int _calls;

        public string[]? LastScopes { get; private set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            LastScopes = requestContext.Scopes;
            var n = Interlocked.Increment(ref _calls);
            return new AccessToken($"token-{n}", time.GetUtcNow() + lifetime);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
