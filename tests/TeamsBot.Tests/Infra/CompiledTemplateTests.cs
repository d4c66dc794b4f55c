using System.Text.Json.Nodes;

namespace Trygg.Infra;

/// <summary>Assertions on the ARM JSON that infra/main.bicep compiles to: what Azure would actually be asked to create.</summary>
public sealed class CompiledTemplateTests
{
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    [Fact]
    public async Task Outputs_HoldNoKeysOrSecrets()
    {
        var template = await BicepCli.CompileMainAsync();
        var outputs = template["outputs"]!.AsObject();

        Assert.Contains("BOT_ID", outputs.Select(o => o.Key));
        foreach (var (name, output) in outputs)
        {
            var type = output!["type"]!.GetValue<string>();
            var value = output["value"]!.ToString();
            Assert.DoesNotContain("secure", type, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("(?i)secret|password|connectionstring|token|accountkey|accesskey|apikey|instrumentationkey", name);
            Assert.DoesNotMatch("(?i)listKeys|listSecrets|listConnectionStrings|listCredentials|ConnectionString|InstrumentationKey", value);
        }
    }

    [Fact]
    public async Task Template_NeverReadsAStorageKey()
    {
        var json = (await BicepCli.CompileMainAsync()).ToJsonString();

        Assert.DoesNotContain("listKeys", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Storage_SharedKeyOff_Tls12_HttpsOnly_NoPublicBlobs()
    {
        var storage = Assert.Single(ArmTemplate.OfType(await BicepCli.CompileMainAsync(), "Microsoft.Storage/storageAccounts"));

        Assert.Equal("False", storage.Prop("properties.allowSharedKeyAccess"), ignoreCase: true);
        Assert.Equal("True", storage.Prop("properties.defaultToOAuthAuthentication"), ignoreCase: true);
        Assert.Equal("TLS1_2", storage.Prop("properties.minimumTlsVersion"));
        Assert.Equal("True", storage.Prop("properties.supportsHttpsTrafficOnly"), ignoreCase: true);
        Assert.Equal("False", storage.Prop("properties.allowBlobPublicAccess"), ignoreCase: true);
        var services = ArmTemplate.Resources(await BicepCli.CompileMainAsync()).Select(r => r.Type).ToList();
        Assert.Contains("Microsoft.Storage/storageAccounts/tableServices", services);
        Assert.DoesNotContain("Microsoft.Storage/storageAccounts/queueServices", services); // the bot uses no queue
    }

    [Fact]
    public async Task Storage_NoPublicNetworkAccess_TablesOnlyThroughAPrivateEndpointInTheAppsNetwork()
    {
        var template = await BicepCli.CompileMainAsync();
        var storage = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Storage/storageAccounts"));

        Assert.Equal("Disabled", storage.Prop("properties.publicNetworkAccess"));
        Assert.Equal("Deny", storage.Prop("properties.networkAcls.defaultAction"));
        Assert.Equal("None", storage.Prop("properties.networkAcls.bypass"));

        // main wires the table endpoint to the storage account, into the endpoints subnet of the bot's network.
        var endpoint = PrivateEndpointModule(template, "table");
        Assert.Null(endpoint.Condition);
        Assert.Contains("'storage'", endpoint.Prop("properties.parameters.targetId.value"), StringComparison.Ordinal);
        Assert.Contains("endpointsSubnetId", endpoint.Prop("properties.parameters.subnetId.value"), StringComparison.Ordinal);
        Assert.Equal("[format('privatelink.table.{0}', environment().suffixes.storage)]", endpoint.Prop("properties.parameters.dnsZoneName.value"));

        // Evidence blobs likewise, through their own endpoint: one DNS link and zone group per endpoint.
        var blobEndpoint = PrivateEndpointModule(template, "blob");
        Assert.Null(blobEndpoint.Condition);
        Assert.Equal("[format('privatelink.blob.{0}', environment().suffixes.storage)]", blobEndpoint.Prop("properties.parameters.dnsZoneName.value"));
        Assert.Equal(2, ArmTemplate.OfType(template, "Microsoft.Network/privateDnsZones/virtualNetworkLinks").Count(l => l.Condition is null));
        Assert.Equal(2, ArmTemplate.OfType(template, "Microsoft.Network/privateEndpoints/privateDnsZoneGroups").Count(g => g.Condition is null));

        // The app sends all its outbound traffic into the network, through a subnet delegated to App Service.
        var site = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Web/sites"));
        Assert.Equal("True", site.Prop("properties.vnetRouteAllEnabled"), ignoreCase: true);
        Assert.Equal("[parameters('subnetId')]", site.Prop("properties.virtualNetworkSubnetId"));
        var appModule = Assert.Single(ArmTemplate.Modules(template), d => d.Body["properties"]?["template"]?.ToJsonString().Contains("Microsoft.Web/sites", StringComparison.Ordinal) == true);
        Assert.Contains("appSubnetId", appModule.Prop("properties.parameters.subnetId.value"), StringComparison.Ordinal);
        var vnet = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Network/virtualNetworks"));
        Assert.Contains("Microsoft.Web/serverFarms", vnet.Prop("properties.subnets"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_TableReadsWritesAndDeletes_AreLoggedToLogAnalytics()
    {
        var template = await BicepCli.CompileMainAsync();

        var audit = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Insights/diagnosticSettings"), d => d.Body["scope"]?.ToString().Contains("tableServices", StringComparison.Ordinal) == true);
        var logs = audit.Properties!["logs"]!.AsArray().Where(l => l!["enabled"]!.GetValue<bool>()).Select(l => l!["category"]!.GetValue<string>()).ToList();
        Assert.Equal(["StorageDelete", "StorageRead", "StorageWrite"], logs.Order(StringComparer.Ordinal));
        Assert.Equal("[parameters('workspaceId')]", audit.Prop("properties.workspaceId"));
        var storageModule = Assert.Single(ArmTemplate.Modules(template), d => d.Body["properties"]?["template"]?.ToJsonString().Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal) == true);
        Assert.Contains("'monitoring'", storageModule.Prop("properties.parameters.workspaceId.value"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppService_LinuxDotnet10_HttpsOnly_Tls12_AlwaysOn_HealthCheck()
    {
        var template = await BicepCli.CompileMainAsync();
        var site = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Web/sites"));
        var plan = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Web/serverfarms"));

        Assert.Equal("True", plan.Prop("properties.reserved"), ignoreCase: true); // Linux
        Assert.Equal("app,linux", site.Prop("kind"));
        Assert.Equal("True", site.Prop("properties.httpsOnly"), ignoreCase: true);
        Assert.Equal("DOTNETCORE|10.0", site.Prop("properties.siteConfig.linuxFxVersion"));
        Assert.Equal("1.2", site.Prop("properties.siteConfig.minTlsVersion"));
        Assert.Equal("1.2", site.Prop("properties.siteConfig.scmMinTlsVersion"));
        Assert.Equal("True", site.Prop("properties.siteConfig.alwaysOn"), ignoreCase: true);
        Assert.Equal("/healthz", site.Prop("properties.siteConfig.healthCheckPath"));
        Assert.Equal("Disabled", site.Prop("properties.siteConfig.ftpsState"));
        Assert.Equal("UserAssigned", site.Prop("identity.type"));
        Assert.Equal("bot", site.Prop("tags") is { } tags && tags.Contains("azd-service-name", StringComparison.Ordinal) ? "bot" : null);
        var basicAuth = ArmTemplate.OfType(template, "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, basicAuth.Count);
        Assert.All(basicAuth, p => Assert.Equal("False", p.Prop("properties.allow"), ignoreCase: true));
    }

    [Fact]
    public async Task AppSettings_AreWhatTheBotReadsForAzure_AndHoldNoStorageSecret()
    {
        var settings = AppSettings(await BicepCli.CompileMainAsync());

        Assert.Equal("UserAssignedMSI", settings["Bot__AuthType"]);
        Assert.Equal("parameters('identityClientId')", settings["Bot__AppId"]);
        Assert.Equal("tenant().tenantId", settings["Bot__TenantId"]);
        Assert.Equal("tenant().tenantId", settings["Bot__AllowedTenants__0"]);
        Assert.Equal("parameters('tableEndpoint')", settings["Storage__TableEndpoint"]);
        Assert.Equal("parameters('teamsCatalogAppId')", settings["Graph__TeamsAppId"]);
        Assert.Equal("parameters('teamsAppExternalId')", settings["Graph__AppExternalId"]);
        Assert.Equal(settings["Bot__AppId"], settings["Storage__ManagedIdentityClientId"]);
        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("Storage__ConnectionString", StringComparison.Ordinal));
        Assert.DoesNotContain(settings.Keys, k => k.Contains("Secret", StringComparison.OrdinalIgnoreCase) || k.Contains("Certificate", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AppSettings_TrustOnlyRegionalTeamsServiceUrls_IncludingEurope()
    {
        var settings = AppSettings(await BicepCli.CompileMainAsync());

        var trusted = settings.Where(s => s.Key.StartsWith("Bot__TrustedServiceUrls__", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            Enumerable.Range(0, trusted.Count).Select(i => $"Bot__TrustedServiceUrls__{i}"),
            trusted.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.All(trusted, s => Assert.Matches("^https://smba\\.trafficmanager\\.net/[a-z]+/$", s.Value));
        Assert.Contains("https://smba.trafficmanager.net/emea/", trusted.Select(s => s.Value));
        Assert.Contains("https://smba.trafficmanager.net/teams/", trusted.Select(s => s.Value));
    }

    [Fact]
    public async Task Bot_IsTheUserAssignedIdentity_WithTheTeamsChannel()
    {
        var template = await BicepCli.CompileMainAsync();
        var bot = Assert.Single(ArmTemplate.OfType(template, "Microsoft.BotService/botServices"));
        var channel = Assert.Single(ArmTemplate.OfType(template, "Microsoft.BotService/botServices/channels"));

        Assert.Equal("UserAssignedMSI", bot.Prop("properties.msaAppType"));
        Assert.Contains("identityClientId", bot.Prop("properties.msaAppId"), StringComparison.Ordinal);
        Assert.Contains("identityId", bot.Prop("properties.msaAppMSIResourceId"), StringComparison.Ordinal);
        Assert.Contains("tenantId", bot.Prop("properties.msaAppTenantId"), StringComparison.Ordinal);
        Assert.Equal("MsTeamsChannel", channel.Prop("properties.channelName"));
        Assert.Equal("True", channel.Prop("properties.properties.isEnabled"), ignoreCase: true);

        // The module is handed the managed identity's own outputs: the bot cannot be wired to another app id.
        var botModule = Assert.Single(ArmTemplate.Modules(template), d => d.Body["properties"]?["template"]?.ToJsonString().Contains("Microsoft.BotService", StringComparison.Ordinal) == true);
        Assert.Contains("'identity'", botModule.Prop("properties.parameters.identityClientId.value"), StringComparison.Ordinal);
        Assert.Contains("clientId", botModule.Prop("properties.parameters.identityClientId.value"), StringComparison.Ordinal);
        Assert.Equal("[format('https://{0}/api/messages', reference('app').outputs.defaultHostName.value)]", botModule.Prop("properties.parameters.endpoint.value"));
    }

    [Fact]
    public async Task RoleAssignments_TheIdentityGetsExactlyTableAndBlobDataContributorAndTelemetryPublisher_NoQueueRole()
    {
        var roles = ArmTemplate.OfType(await BicepCli.CompileMainAsync(), "Microsoft.Authorization/roleAssignments").ToList();

        var always = roles.Where(r => r.Condition is null).ToDictionary(r => RoleId(r.Prop("properties.roleDefinitionId")!));
        Assert.Equal([TableDataContributor, MonitoringMetricsPublisher, BlobDataContributor], always.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(QueueDataContributor, roles.Select(r => RoleId(r.Prop("properties.roleDefinitionId")!)));
        Assert.All(always.Values, r =>
        {
            Assert.Equal("ServicePrincipal", r.Prop("properties.principalType"));
            Assert.Contains("userAssignedIdentities", r.Prop("properties.principalId"), StringComparison.Ordinal);
        });
        Assert.Contains("storageAccounts", always[TableDataContributor].Body["scope"]?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("storageAccounts", always[BlobDataContributor].Body["scope"]?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Insights/components", always[MonitoringMetricsPublisher].Body["scope"]?.ToString() ?? string.Empty, StringComparison.Ordinal);

        // Key Vault (off by default) adds read access to secrets only, and only when it is deployed.
        var conditional = Assert.Single(roles, r => r.Condition is not null);
        Assert.Equal(KeyVaultSecretsUser, RoleId(conditional.Prop("properties.roleDefinitionId")!));
        Assert.Contains("deployKeyVault", conditional.Condition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyVault_OnlyOnRequest_RbacOnly_PurgeProtected_NotPublic()
    {
        var template = await BicepCli.CompileMainAsync();
        var vault = Assert.Single(ArmTemplate.OfType(template, "Microsoft.KeyVault/vaults"));

        Assert.Contains("deployKeyVault", vault.Condition, StringComparison.Ordinal);
        Assert.Equal("False", template["parameters"]!["deployKeyVault"]!["defaultValue"]!.ToString(), ignoreCase: true);
        Assert.Equal("True", vault.Prop("properties.enableRbacAuthorization"), ignoreCase: true);
        Assert.Equal("True", vault.Prop("properties.enablePurgeProtection"), ignoreCase: true);
        Assert.Null(vault.Properties?["accessPolicies"]);
        Assert.Equal("Disabled", vault.Prop("properties.publicNetworkAccess"));
        Assert.Equal("Deny", vault.Prop("properties.networkAcls.defaultAction"));
        var endpoint = PrivateEndpointModule(template, "vault");
        Assert.Contains("deployKeyVault", endpoint.Condition, StringComparison.Ordinal);
        Assert.Contains("'vault'", endpoint.Prop("properties.parameters.targetId.value"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitoring_LogAnalyticsWithWorkspaceBasedAppInsights_AndAppLogsFlowThere()
    {
        var template = await BicepCli.CompileMainAsync();

        Assert.Single(ArmTemplate.OfType(template, "Microsoft.OperationalInsights/workspaces"));
        var insights = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Insights/components"));
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.Prop("properties.WorkspaceResourceId"), StringComparison.Ordinal);
        var diagnostics = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Insights/diagnosticSettings"), d => d.Body["scope"]?.ToString().Contains("Microsoft.Web/sites", StringComparison.Ordinal) == true);
        Assert.Contains("AppServiceConsoleLogs", diagnostics.Prop("properties.logs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppInsights_LocalAuthenticationOff_TheAppSendsWithItsEntraIdentity()
    {
        var template = await BicepCli.CompileMainAsync();

        var insights = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Insights/components"));
        Assert.Equal("True", insights.Prop("properties.DisableLocalAuth"), ignoreCase: true);
        var settings = AppSettings(template);
        Assert.Equal("format('Authorization=AAD;ClientId={0}', parameters('identityClientId'))", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public async Task Resources_HaveNoSecretParameters()
    {
        var template = await BicepCli.CompileMainAsync();

        Assert.DoesNotContain(template["parameters"]!.AsObject(), p => p.Value!["type"]!.ToString().Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The site's app settings by name, with their values as ARM expressions. The list is a concat(...) of the fixed
    /// settings and the Graph one (a variable), so every createObject('name', N, 'value', V) in either is read.
    /// </summary>
    internal static Dictionary<string, string> AppSettings(JsonObject template)
    {
        var site = Assert.Single(ArmTemplate.OfType(template, "Microsoft.Web/sites"));
        var raw = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var text = site.Body["properties"]!["siteConfig"]!["appSettings"]!.ToJsonString(raw) + site.Template["variables"]?.ToJsonString(raw);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        const string Marker = "createObject('name', '";
        for (var at = text.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Marker, at + 1, StringComparison.Ordinal))
        {
            var nameStart = at + Marker.Length;
            var name = text[nameStart..text.IndexOf('\'', nameStart)];
            var valueStart = text.IndexOf("'value', ", nameStart, StringComparison.Ordinal) + "'value', ".Length;
            var depth = 0;
            var end = valueStart;
            for (; end < text.Length; end++)
            {
                if (text[end] == '(')
                {
                    depth++;
                }
                else if (text[end] == ')' && depth-- == 0)
                {
                    break;
                }
            }

            settings[name] = text[valueStart..end].Trim().Trim('\'');
        }

        Assert.NotEmpty(settings);
        return settings;
    }

    /// <summary>The privateendpoint.bicep module main deploys for <paramref name="groupId"/> ("table", "vault").</summary>
    private static ArmResource PrivateEndpointModule(JsonObject template, string groupId) =>
        Assert.Single(ArmTemplate.Modules(template), d =>
            d.Body["properties"]?["template"]?.ToJsonString().Contains("Microsoft.Network/privateEndpoints", StringComparison.Ordinal) == true
            && d.Prop("properties.parameters.groupId.value") == groupId);

    private static string RoleId(string roleDefinitionExpression) =>
        System.Text.RegularExpressions.Regex.Match(roleDefinitionExpression, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Value;
}
