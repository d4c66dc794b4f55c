using System.Net;
using Trygg.Testing;

namespace Trygg.Teams;

/// <summary>Which requests the running app lets in, decided by configuration (the token matrix is unit-tested).</summary>
public sealed class AuthenticationModeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task NoAppId_OnLoopback_AcceptsUnauthenticatedRequests()
    {
        await using var bot = await TryggBot.StartAsync(azurite);

        var response = await bot.PostAsync(bot.Activities.Message("hej"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.Connector.WaitForMessageAsync();
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void NoAppId_OutsideDevelopment_RefusesToStartNamingTheSetting(string environment)
    {
        var error = Assert.ThrowsAny<Exception>(() => new TryggApp(
            azurite.ConnectionString,
            "http://127.0.0.1:9",
            AzuriteFixture.NewTablePrefix(),
            new Dictionary<string, string?> { ["environment"] = environment }).Dispose());

        var refusal = Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(error.GetBaseException());
        Assert.Contains("Bot:AppId", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppIdConfigured_RequestWithoutToken_Is401AndNothingIsSent()
    {
        await using var bot = await TryggBot.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "11111111-2222-3333-4444-555555555555",
            ["Bot:TenantId"] = "66666666-7777-8888-9999-000000000000",
            ["Bot:AuthType"] = "UserAssignedMSI",
        });

        var response = await bot.PostAsync(bot.Activities.Message("hej"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task AppIdConfigured_ForgedToken_Is401()
    {
        await using var bot = await TryggBot.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "11111111-2222-3333-4444-555555555555",
            ["Bot:TenantId"] = "66666666-7777-8888-9999-000000000000",
        });

        var response = await bot.App.PostActivityAsync(bot.Activities.Message("hej"), bearerToken: "eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TenantNotAllowed_Is403()
    {
        await using var bot = await TryggBot.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Bot:AllowedTenants:0"] = "some-other-tenant",
        });

        var response = await bot.PostAsync(bot.Activities.Message("hej"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(bot.Connector.Requests);
    }
}
