using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Trygg.Teams.Auth;

public sealed class AuthSetupTests
{
    [Fact]
    public void AddInboundAuthentication_MissingClientSecret_OptionsRefuseWithSettingName()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = TestTokens.AppId,
            ["Bot:AuthType"] = "ClientSecret",
        });
        builder.AddInboundAuthentication();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<BotOptions>>().Value);

        Assert.Contains("Bot:ClientSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddInboundAuthentication_NoAppIdInProduction_OptionsRefuseWithSettingName()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.AddInboundAuthentication();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<BotOptions>>().Value);

        Assert.Contains("Bot:AppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddInboundAuthentication_WebHost_ResolvesAuthenticatorBackedByServerAddresses()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddInboundAuthentication();
        await using var app = builder.Build();
        var binding = app.Services.GetRequiredService<ILoopbackBinding>();
        var authenticator = app.Services.GetRequiredService<IInboundAuthenticator>();

        await app.StartAsync();
        var afterStart = binding.ListensOnLoopbackOnly;
        var result = await authenticator.AuthenticateAsync(new InboundRequest(null, "msteams", "http://localhost:1", null, IsLoopbackConnection: true), CancellationToken.None);
        await app.StopAsync();

        Assert.True(afterStart);
        Assert.True(result.IsAnonymous);
    }
}
