namespace Trygg.Teams.Graph;

public sealed class GraphOptionsValidatorTests
{
    private static GraphOptions Valid() => new()
    {
        TeamsAppId = "e3b0c442-98fc-4c14-9afb-f4c8996fb924",
        ClientId = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
        AuthType = BotAuthType.UserAssignedMSI,
    };

    [Fact]
    public void Validate_ManagedIdentityWithCatalogId_Succeeds() =>
        Assert.True(new GraphOptionsValidator().Validate(null, Valid()).Succeeded);

    [Fact]
    public void Validate_ManifestIdInsteadOfCatalogId_Succeeds()
    {
        var options = Valid();
        options.TeamsAppId = null;
        options.AppExternalId = "4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b";

        Assert.True(new GraphOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("abc' or 1 eq 1 or externalId eq '")]
    [InlineData("not-a-guid")]
    public void Validate_ManifestIdThatIsNoGuid_FailsNamingIt(string externalId)
    {
        var options = Valid();
        options.AppExternalId = externalId;

        var result = new GraphOptionsValidator().Validate(null, options);

        Assert.Contains("Graph:AppExternalId must be a GUID", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://graph.microsoft.com/v1.0")]
    [InlineData("http://10.0.0.5/v1.0")]
    public void Validate_PlainHttpOffLoopback_FailsNamingBaseUrl(string url)
    {
        var options = Valid();
        options.BaseUrl = new Uri(url);

        Assert.Contains("Graph:BaseUrl", new GraphOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlainHttpOnLoopback_IsAllowedForTests()
    {
        var options = Valid();
        options.BaseUrl = new Uri("http://127.0.0.1:5123/v1.0");

        Assert.True(new GraphOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(BotAuthType.UserAssignedMSI, "Graph:ClientId")]
    [InlineData(BotAuthType.ClientSecret, "Graph:ClientSecret")]
    [InlineData(BotAuthType.Certificate, "Graph:CertificatePath")]
    [InlineData(BotAuthType.ClientSecret, "Graph:TenantId")]
    public void Validate_MissingIdentitySetting_FailsNamingItAndItsBotFallback(BotAuthType authType, string setting)
    {
        var options = Valid();
        options.AuthType = authType;
        if (setting == "Graph:ClientId")
        {
            options.ClientId = null;
        }

        var result = new GraphOptionsValidator().Validate(null, options);

        Assert.Contains(setting + " (or Bot:", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(11, 3)]
    [InlineData(3, 181)]
    public void Validate_RetrySettingsOutOfTheSdksRange_Fail(int maxRetries, int delay)
    {
        var options = Valid();
        options.MaxRetries = maxRetries;
        options.RetryDelaySeconds = delay;

        Assert.False(new GraphOptionsValidator().Validate(null, options).Succeeded);
    }
}
