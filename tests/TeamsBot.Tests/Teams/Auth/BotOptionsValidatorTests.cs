using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Trygg.Teams.Auth;

public sealed class BotOptionsValidatorTests
{
    private const string AppId = "5d9e8c1a-7b2f-4c3d-9e0a-1b2c3d4e5f60";

    private readonly BotOptionsValidator _validator = In(Environments.Development);

    private static BotOptionsValidator In(string environment) => new(new HostingEnvironment { EnvironmentName = environment });

    [Fact]
    public void Validate_ClientSecretAuthWithoutSecret_FailsNamingSetting()
    {
        var options = new BotOptions { AppId = AppId, AuthType = BotAuthType.ClientSecret };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Bot:ClientSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CertificateAuthWithoutPath_FailsNamingSetting()
    {
        var options = new BotOptions { AppId = AppId, AuthType = BotAuthType.Certificate };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Bot:CertificatePath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BotAuthType.UserAssignedMSI, null, null)]
    [InlineData(BotAuthType.ClientSecret, "secret", null)]
    [InlineData(BotAuthType.Certificate, null, "/certs/bot.pfx")]
    public void Validate_CompleteCredentials_Succeeds(BotAuthType authType, string? secret, string? certificatePath)
    {
        var options = new BotOptions { AppId = AppId, AuthType = authType, ClientSecret = secret, CertificatePath = certificatePath };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_AnonymousWithClientSecretAuthType_Succeeds()
    {
        var options = new BotOptions { AuthType = BotAuthType.ClientSecret };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Validate_AnonymousOutsideDevelopment_FailsNamingSettingAndEnvironment(string environment)
    {
        var result = In(environment).Validate(null, new BotOptions());

        Assert.True(result.Failed);
        Assert.Contains("Bot:AppId", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_ENVIRONMENT", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AppIdInProduction_Succeeds()
    {
        Assert.True(In(Environments.Production).Validate(null, new BotOptions { AppId = AppId }).Succeeded);
    }

    [Fact]
    public void Validate_HttpMetadataWhileHttpsRequired_FailsNamingSetting()
    {
        var options = new BotOptions { AppId = AppId, OpenIdMetadataUrl = "http://login.botframework.com/v1/.well-known/openidconfiguration" };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Bot:OpenIdMetadataUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TrustedServiceUrlThatIsNoUrl_FailsNamingSetting()
    {
        var options = new BotOptions();
        options.TrustedServiceUrls.Add("https://smba.trafficmanager.net/emea/");
        options.TrustedServiceUrls.Add("smba.trafficmanager.net/amer");

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Bot:TrustedServiceUrls:1", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Bot:TrustedServiceUrls:0", result.FailureMessage, StringComparison.Ordinal);
    }
}
