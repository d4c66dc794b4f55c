using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Trygg.Testing.Auth;

namespace Trygg.Teams.Auth;

public sealed class InboundAuthenticatorTests(AuthServerFixture fixture) : IClassFixture<AuthServerFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task AuthenticateAsync_ValidChannelToken_Accepted()
    {
        using var sut = AuthSut.Create(fixture.Server);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(TestTokens.Channel(fixture.TeamsKey)), Ct);

        Assert.Equal(AuthStatus.Accepted, result.Status);
        Assert.False(result.IsAnonymous);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task AuthenticateAsync_OtherAllowedRsaAlgorithm_Accepted(string algorithm)
    {
        using var sut = AuthSut.Create(fixture.Server);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(TestTokens.Channel(fixture.TeamsKey, algorithm: algorithm)), Ct);

        Assert.Equal(AuthStatus.Accepted, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlDiffersOnlyInCaseAndTrailingSlash_Accepted()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Channel(fixture.TeamsKey, serviceUrl: "https://smba.trafficmanager.net/teams/");

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token, serviceUrl: "https://SMBA.trafficmanager.net/teams"), Ct);

        Assert.Equal(AuthStatus.Accepted, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_Expired_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Channel(fixture.TeamsKey, expires: DateTime.UtcNow.AddHours(-1));

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
        Assert.Equal("expired token", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredFourMinutesAgo_AcceptedWithinSkew()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Channel(fixture.TeamsKey, expires: DateTime.UtcNow.AddMinutes(-4));

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Accepted, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredSixMinutesAgo_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Channel(fixture.TeamsKey, expires: DateTime.UtcNow.AddMinutes(-6));

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
        Assert.Equal("expired token", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValid_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var now = DateTime.UtcNow;
        var token = TestTokens.Channel(fixture.TeamsKey, notBefore: now.AddMinutes(10), expires: now.AddHours(1));

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
        Assert.Equal("token not yet valid", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongIssuer_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Channel(fixture.TeamsKey, issuer: "https://api.botframework.com.evil.example");

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Channel(fixture.TeamsKey, audience: TestTokens.OtherAppId);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
        Assert.Equal("wrong audience", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlClaimMismatch_Forbidden()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Channel(fixture.TeamsKey);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token, serviceUrl: "https://attacker.example/teams/"), Ct);

        Assert.Equal(AuthStatus.Forbidden, result.Status);
        Assert.Equal("serviceUrl claim mismatch", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyEndorsedForAnotherChannel_Forbidden()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Channel(fixture.WebChatKey);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token, channelId: "msteams"), Ct);

        Assert.Equal(AuthStatus.Forbidden, result.Status);
        Assert.Equal("signing key not endorsed for channel", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyEndorsedForThatChannel_Accepted()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Channel(fixture.WebChatKey);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token, channelId: "webchat"), Ct);

        Assert.Equal(AuthStatus.Accepted, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyWithoutEndorsements_Forbidden()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Channel(fixture.UnendorsedKey);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_AlgNone_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Unsigned(TestTokens.Channel(fixture.TeamsKey));

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
        Assert.Equal("invalid signature", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_TamperedPayload_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.WithTamperedPayload(TestTokens.Channel(fixture.TeamsKey), "serviceurl", "https://attacker.example/");

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token, serviceUrl: "https://attacker.example/"), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
        Assert.Equal("invalid signature", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKeyId_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Channel(fixture.UnknownKey);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
        Assert.Equal("unknown signing key", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraKeyUsedForChannelIssuer_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server);
        var token = TestTokens.Channel(fixture.EntraKey);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_TenantNotAllowed_Forbidden()
    {
        using var sut = AuthSut.Create(fixture.Server, allowedTenants: ["11111111-1111-1111-1111-111111111111"]);
        var token = TestTokens.Channel(fixture.TeamsKey);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token, tenantId: TestTokens.TenantId), Ct);

        Assert.Equal(AuthStatus.Forbidden, result.Status);
        Assert.Equal("tenant not allowed", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_TenantAllowed_Accepted()
    {
        using var sut = AuthSut.Create(fixture.Server, allowedTenants: [TestTokens.TenantId.ToUpperInvariant()]);
        var token = TestTokens.Channel(fixture.TeamsKey);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token, tenantId: TestTokens.TenantId), Ct);

        Assert.Equal(AuthStatus.Accepted, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyRotatedAfterFirstValidation_AcceptedAfterRefresh()
    {
        await using var server = await LocalOpenIdServer.StartAsync();
        var oldKey = new TestSigningKey("old-key");
        var newKey = new TestSigningKey("new-key");
        server.PublishChannelKey(oldKey, "msteams");
        using var sut = AuthSut.Create(server);
        var first = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(TestTokens.Channel(oldKey)), Ct);
        var fetchesBeforeRotation = server.ChannelKeyFetches;

        server.PublishChannelKey(newKey, "msteams");
        var rotated = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(TestTokens.Channel(newKey)), Ct);

        Assert.Equal(AuthStatus.Accepted, first.Status);
        Assert.Equal(AuthStatus.Accepted, rotated.Status);
        Assert.True(server.ChannelKeyFetches > fetchesBeforeRotation);
    }

    [Fact]
    public async Task AuthenticateAsync_KeysCached_MetadataFetchedOnce()
    {
        await using var server = await LocalOpenIdServer.StartAsync();
        var key = new TestSigningKey("cached-key");
        server.PublishChannelKey(key, "msteams");
        using var sut = AuthSut.Create(server);

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await sut.Authenticator.AuthenticateAsync(TestTokens.Request(TestTokens.Channel(key)), Ct)).IsAccepted);
        }

        Assert.Equal(1, server.ChannelKeyFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_ValidEntraV2Token_Accepted()
    {
        using var sut = AuthSut.Create(fixture.Server, tenantId: TestTokens.TenantId);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(TestTokens.EntraV2(fixture.EntraKey), serviceUrl: "http://localhost:56150"), Ct);

        Assert.Equal(AuthStatus.Accepted, result.Status);
        Assert.Equal(TestTokens.AppId, result.CallerAppId);
    }

    [Fact]
    public async Task AuthenticateAsync_ValidEntraSelfTokenInProduction_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server, tenantId: TestTokens.TenantId, environment: "Production");

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(TestTokens.EntraV2(fixture.EntraKey)), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
        Assert.Equal("Entra self-token outside Development", result.Reason);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("emulator")]
    [InlineData("directline")]
    public async Task AuthenticateAsync_ChannelEndorsedTokenForOtherChannelInProduction_Forbidden(string channelId)
    {
        using var sut = AuthSut.Create(fixture.Server, environment: "Production");
        var token = TestTokens.Channel(fixture.WebChatKey);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token, channelId: channelId), Ct);

        Assert.Equal(AuthStatus.Forbidden, result.Status);
        Assert.Equal("channel not served outside Development", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_TeamsTokenInProduction_Accepted()
    {
        using var sut = AuthSut.Create(fixture.Server, environment: "Production");

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(TestTokens.Channel(fixture.TeamsKey)), Ct);

        Assert.Equal(AuthStatus.Accepted, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_ValidEntraV1TokenWithAppIdUri_Accepted()
    {
        using var sut = AuthSut.Create(fixture.Server, tenantId: TestTokens.TenantId);
        var token = TestTokens.EntraV1(fixture.EntraKey, audience: "api://" + TestTokens.AppId);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Accepted, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenForAnotherApp_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server, tenantId: TestTokens.TenantId);
        var token = TestTokens.EntraV2(fixture.EntraKey, audience: TestTokens.OtherAppId, azp: TestTokens.OtherAppId);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenFromAnotherCallerApp_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server, tenantId: TestTokens.TenantId);
        var token = TestTokens.EntraV2(fixture.EntraKey, azp: TestTokens.OtherAppId);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
        Assert.Equal("caller app id mismatch", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenFromUnconfiguredTenant_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server, tenantId: TestTokens.TenantId);
        var token = TestTokens.EntraV2(fixture.EntraKey, tenantId: "99999999-9999-9999-9999-999999999999");

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenSignedWithChannelKey_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server, tenantId: TestTokens.TenantId);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(TestTokens.EntraV2(fixture.TeamsKey)), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_NoAppIdLoopbackAndLoopbackOnlyBinding_AcceptedAnonymous()
    {
        using var sut = AuthSut.Create(server: null, appId: null, loopbackOnly: true);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token: null, loopback: true), Ct);

        Assert.Equal(AuthStatus.Accepted, result.Status);
        Assert.True(result.IsAnonymous);
    }

    [Fact]
    public async Task AuthenticateAsync_NoAppIdButNonLoopbackBinding_Unauthorized()
    {
        using var sut = AuthSut.Create(server: null, appId: null, loopbackOnly: false);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token: null, loopback: true), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_NoAppIdFromRemoteConnection_Unauthorized()
    {
        using var sut = AuthSut.Create(server: null, appId: null, loopbackOnly: true);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token: null, loopback: false), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_NoAppIdButHeaderPresent_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server, appId: null, loopbackOnly: true);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(TestTokens.Channel(fixture.TeamsKey), loopback: true), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_AnonymousTenantNotAllowed_Forbidden()
    {
        using var sut = AuthSut.Create(server: null, appId: null, allowedTenants: ["11111111-1111-1111-1111-111111111111"]);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token: null, loopback: true), Ct);

        Assert.Equal(AuthStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_AppIdSetAndNoHeader_Unauthorized()
    {
        using var sut = AuthSut.Create(fixture.Server);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(token: null, loopback: true), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
        Assert.Equal("missing authorization header", result.Reason);
    }

    [Theory]
    [InlineData("bearer ")]
    [InlineData("BEARER ")]
    [InlineData("Basic ")]
    [InlineData("")]
    public async Task AuthenticateAsync_SchemeNotExactlyBearer_Unauthorized(string scheme)
    {
        using var sut = AuthSut.Create(fixture.Server);
        var request = TestTokens.Request(token: null) with { Authorization = scheme + TestTokens.Channel(fixture.TeamsKey) };

        var result = await sut.Authenticator.AuthenticateAsync(request, Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    public async Task AuthenticateAsync_MalformedToken_Unauthorized(string header)
    {
        using var sut = AuthSut.Create(fixture.Server);
        var request = TestTokens.Request(token: null) with { Authorization = header };

        var result = await sut.Authenticator.AuthenticateAsync(request, Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataUnreachable_Unauthorized()
    {
        string stoppedServer;
        await using (var server = await LocalOpenIdServer.StartAsync())
        {
            stoppedServer = server.BaseUrl;
        }

        using var sut = AuthSut.Create(stoppedServer);

        var result = await sut.Authenticator.AuthenticateAsync(TestTokens.Request(TestTokens.Channel(fixture.TeamsKey)), Ct);

        Assert.Equal(AuthStatus.Unauthorized, result.Status);
        Assert.Equal("signing keys unavailable", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_Rejections_LogReasonAtWarningWithoutToken()
    {
        using var sut = AuthSut.Create(fixture.Server, allowedTenants: [TestTokens.TenantId]);
        var valid = TestTokens.Channel(fixture.TeamsKey);
        var cases = new List<(string Token, InboundRequest Request)>();
        void Add(string token, string serviceUrl = TestTokens.ServiceUrl, string channelId = "msteams", string tenantId = TestTokens.TenantId) =>
            cases.Add((token, TestTokens.Request(token, channelId, serviceUrl, tenantId)));

        Add(TestTokens.Channel(fixture.TeamsKey, expires: DateTime.UtcNow.AddHours(-1)));
        Add(TestTokens.Channel(fixture.TeamsKey, audience: TestTokens.OtherAppId));
        Add(TestTokens.Channel(fixture.TeamsKey, issuer: "https://evil.example"));
        Add(TestTokens.Channel(fixture.UnknownKey));
        Add(TestTokens.Unsigned(valid));
        Add(TestTokens.WithTamperedPayload(valid, "aud", TestTokens.OtherAppId));
        Add(valid, serviceUrl: "https://attacker.example/");
        Add(valid, channelId: "webchat");
        Add(valid, tenantId: "11111111-1111-1111-1111-111111111111");
        Add(TestTokens.EntraV2(fixture.EntraKey, azp: TestTokens.OtherAppId));
        cases.Add((valid, TestTokens.Request(token: null) with { Authorization = "bearer " + valid }));

        foreach (var (token, request) in cases)
        {
            var before = sut.Logs.Entries.Count;
            var result = await sut.Authenticator.AuthenticateAsync(request, Ct);
            var lines = sut.Logs.Entries.Skip(before).ToList();

            Assert.False(result.IsAccepted);
            Assert.Contains(lines, l => l.Level == LogLevel.Warning && l.Text.Contains(result.Reason, StringComparison.Ordinal));
            foreach (var part in token.Split('.').Where(p => p.Length > 0).Append(token))
            {
                Assert.DoesNotContain(sut.Logs.Entries, l => l.Text.Contains(part, StringComparison.Ordinal));
                Assert.DoesNotContain(part, result.Reason, StringComparison.Ordinal);
            }
        }
    }
}
