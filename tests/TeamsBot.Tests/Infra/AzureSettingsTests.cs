using System.Net;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trygg.Members.Directory;
using Trygg.Storage;
using Trygg.Teams;
using Trygg.Teams.Connector;
using Trygg.Teams.Graph;
using Trygg.Testing;

namespace Trygg.Infra;

/// <summary>
/// "Nothing else to change": the app settings that infra/ gives the App Service, read from the compiled template and
/// filled with plausible values, start the real bot (Program.cs) with the managed identity for the connector,
/// Storage and Graph, and no key or secret anywhere.
/// </summary>
public sealed class AzureSettingsTests
{
    private const string ClientId = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
    private const string TenantId = "9b1f6a4e-2c1d-4f8a-9e3b-5a7c2d1e0f42";
    private const string CatalogId = "e3b0c442-98fc-4c14-9afb-f4c8996fb924";
    private const string TableEndpoint = "https://sttryggx7k2.table.core.windows.net/";

    [Fact]
    public async Task AppSettingsFromTheTemplate_StartTheBotOnItsManagedIdentity()
    {
        var settings = await AzureSettingsAsync();

        // TryggApp's Azurite connection string is switched off: in Azure only the endpoint is set.
        using var app = new TryggApp(storageConnectionString: string.Empty, "https://smba.trafficmanager.net/teams/", "trygg", settings);

        var bot = app.Get<IOptions<BotOptions>>().Value;
        Assert.Equal((ClientId, TenantId, BotAuthType.UserAssignedMSI), (bot.AppId, bot.TenantId, bot.AuthType));
        Assert.Equal([TenantId], bot.AllowedTenants);
        Assert.IsType<ManagedIdentityCredential>(ConnectorTokenProvider.CreateCredential(bot));

        // A fresh instance (no activity received yet) may call the tenant's regional Teams service URL, and nothing else.
        var trust = app.Get<IServiceUrlTrust>();
        Assert.True(trust.IsTrusted($"https://smba.trafficmanager.net/emea/{TenantId}/"));
        Assert.False(trust.IsTrusted("https://attacker.example/emea/"));

        var storage = app.Get<IOptions<StorageOptions>>().Value;
        Assert.True(string.IsNullOrEmpty(storage.ConnectionString));
        Assert.Equal(new Uri(TableEndpoint), app.Get<TableServiceClient>().Uri);
        Assert.IsType<ManagedIdentityCredential>(StorageClientFactory.CreateCredential(storage.ManagedIdentityClientId));

        Assert.IsType<GraphDirectory>(app.Get<IDirectory>());
        var graph = app.Get<IOptions<GraphOptions>>().Value;
        Assert.Equal((ClientId, TenantId, CatalogId), (graph.ClientId, graph.TenantId, graph.TeamsAppId));

        var health = await app.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task AppSettingsFromTheTemplate_WithoutTheirStorageEndpoint_RefuseToStart()
    {
        // The same check the other way round: the settings are what makes it work, not a default of the bot. The bot's
        // storage setup runs in a plain host: when the whole app fails to start, WebApplicationFactory's teardown can
        // surface an ObjectDisposedException instead of the cause (seen once in CI), which says nothing about the bot.
        var settings = await AzureSettingsAsync();
        settings.Remove("Storage:TableEndpoint");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddStorage();
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:TableEndpoint", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The template's app settings with each ARM expression replaced by a value Azure would put there.</summary>
    private static async Task<Dictionary<string, string?>> AzureSettingsAsync()
    {
        var values = new Dictionary<string, string>
        {
            ["parameters('identityClientId')"] = ClientId,
            ["tenant().tenantId"] = TenantId,
            ["parameters('tableEndpoint')"] = TableEndpoint,
            ["parameters('blobEndpoint')"] = "https://sttryggx7k2.blob.core.windows.net/",
            ["parameters('teamsCatalogAppId')"] = CatalogId,
            ["format('https://{0}.azurewebsites.net', parameters('siteName'))"] = "https://trygg-test.azurewebsites.net",
            ["format('Authorization=AAD;ClientId={0}', parameters('identityClientId'))"] = $"Authorization=AAD;ClientId={ClientId}",
            ["reference(resourceId('Microsoft.Insights/components', parameters('appInsightsName')), '2020-02-02').ConnectionString"] =
                "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/",
        };

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, expression) in CompiledTemplateTests.AppSettings(await BicepCli.CompileMainAsync()))
        {
            if (name == "Graph__AppExternalId")
            {
                continue; // the template sets either this or Graph__TeamsAppId; the test takes the catalog id
            }

            var value = values.TryGetValue(expression, out var known) ? known
                : expression.Contains('(', StringComparison.Ordinal) ? throw new InvalidOperationException($"No test value for {name} = {expression}: add one.")
                : expression;
            settings[name.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        return settings;
    }
}
