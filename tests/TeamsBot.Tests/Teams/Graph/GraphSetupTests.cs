using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trygg.Members.Directory;
using Trygg.Teams.Auth;

namespace Trygg.Teams.Graph;

public sealed class GraphSetupTests
{
    private const string AppId = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
    private const string Tenant = "9b1f6a4e-2c1d-4f8a-9e3b-5a7c2d1e0f42";
    private const string CatalogId = "e3b0c442-98fc-4c14-9afb-f4c8996fb924";

    [Fact]
    public void AddGraphDirectory_NoGraphSection_KeepsTheUnconfiguredDirectory()
    {
        using var host = Build(new() { ["Bot:AppId"] = AppId });

        Assert.IsType<UnconfiguredDirectory>(host.Services.GetRequiredService<IDirectory>());
    }

    [Fact]
    public void AddGraphDirectory_GraphSection_ServesInEitherOrder()
    {
        var settings = new Dictionary<string, string?> { ["Bot:AppId"] = AppId, ["Graph:TeamsAppId"] = CatalogId };

        using var after = Build(settings);
        using var before = Build(settings, graphFirst: true);

        Assert.IsType<GraphDirectory>(after.Services.GetRequiredService<IDirectory>());
        Assert.IsType<GraphDirectory>(before.Services.GetRequiredService<IDirectory>());
        Assert.IsType<GraphDirectory>(Assert.Single(before.Services.GetServices<IDirectory>()));
    }

    [Fact]
    public void AddGraphDirectory_AfterMembers_LeavesMembersRegistrationInPlace()
    {
        using var host = Build(new() { ["Bot:AppId"] = AppId, ["Graph:TeamsAppId"] = CatalogId });

        Assert.Collection(
            host.Services.GetServices<IDirectory>(),
            d => Assert.IsType<UnconfiguredDirectory>(d),
            d => Assert.IsType<GraphDirectory>(d));
    }

    [Fact]
    public void AddGraphDirectory_EmptyIdentitySettings_InheritTheBotsManagedIdentity()
    {
        using var host = Build(new()
        {
            ["Bot:AppId"] = AppId,
            ["Bot:TenantId"] = Tenant,
            ["Bot:AuthType"] = "UserAssignedMSI",
            ["Graph:TeamsAppId"] = CatalogId,
        });

        var graph = host.Services.GetRequiredService<IOptions<GraphOptions>>().Value;

        Assert.Equal((BotAuthType.UserAssignedMSI, AppId, Tenant), (graph.AuthType, graph.ClientId, graph.TenantId));
        Assert.IsType<ManagedIdentityCredential>(GraphSetup.CreateCredential(graph));
    }

    [Fact]
    public void AddGraphDirectory_OwnIdentitySettings_WinOverTheBots()
    {
        using var host = Build(new()
        {
            ["Bot:AppId"] = AppId,
            ["Graph:TeamsAppId"] = CatalogId,
            ["Graph:AuthType"] = "ClientSecret",
            ["Graph:ClientId"] = "11111111-2222-4333-8444-555555555555",
            ["Graph:TenantId"] = Tenant,
            ["Graph:ClientSecret"] = "from-key-vault",
        });

        var graph = host.Services.GetRequiredService<IOptions<GraphOptions>>().Value;

        Assert.Equal("11111111-2222-4333-8444-555555555555", graph.ClientId);
        Assert.IsType<ClientSecretCredential>(GraphSetup.CreateCredential(graph));
    }

    [Fact]
    public async Task StartAsync_GraphSectionWithoutTheAppsCatalogId_RefusesToStartNamingBothSettings()
    {
        using var host = Build(new() { ["Bot:AppId"] = AppId, ["Graph:BaseUrl"] = "https://graph.microsoft.com/v1.0" });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Graph:TeamsAppId", e.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:AppExternalId", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scope_IsTheDefaultScopeOfTheGraphHost()
    {
        Assert.Equal("https://graph.microsoft.com/.default", new GraphOptions().Scope);
        Assert.Equal("https://graph.microsoft.us/.default", new GraphOptions { BaseUrl = new("https://graph.microsoft.us/v1.0") }.Scope);
    }

    private static IHost Build(Dictionary<string, string?> settings, bool graphFirst = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        if (graphFirst)
        {
            builder.AddGraphDirectory();
        }

        builder.AddInboundAuthentication(); // binds the Bot section, as AddTeams does
        builder.Services.TryAddSingleton<IDirectory, UnconfiguredDirectory>(); // as AddMembers does
        if (!graphFirst)
        {
            builder.AddGraphDirectory();
        }

        return builder.Build();
    }
}
