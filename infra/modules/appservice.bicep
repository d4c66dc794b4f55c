// The bot on App Service for Linux (.NET 10): HTTPS only, TLS 1.2 at least, Always On (background work:
// outbox dispatch, reminders, escalation), health check on /healthz, running as the user-assigned identity. All
// outbound traffic goes through the bot's network (VNet integration), where Storage has its private endpoint.
// Every setting the bot needs is here; it reads them from configuration and nothing else has to change.

param planName string
param siteName string

@description('Azure region.')
param location string

@description('App Service plan SKU: B1 for test, P0v3 or larger for production (Always On needs Basic or above).')
param skuName string

@description('Instances; two or more spread the bot over fault domains (the bot is stateless between turns).')
@minValue(1)
param instanceCount int

@description('Resource id of the bot\'s user-assigned managed identity.')
param identityId string

@description('Client id of that identity: the bot\'s app id, and the identity for Storage and Graph.')
param identityClientId string

@description('The delegated subnet the app sends its outbound traffic into.')
param subnetId string

@description('Table endpoint of the storage account, e.g. https://<account>.table.core.windows.net/.')
param tableEndpoint string

@description('Blob endpoint of the storage account (evidence), e.g. https://<account>.blob.core.windows.net/.')
param blobEndpoint string

@description('Application Insights component in this resource group.')
param appInsightsName string

@description('Log Analytics workspace that receives the app\'s logs.')
param workspaceId string

@description('The Teams app\'s id in the organisation\'s app catalog (after the upload); empty until known.')
param teamsCatalogAppId string

@description('The manifest id; the bot looks the catalog id up with it while teamsCatalogAppId is empty (needs AppCatalog.Read.All).')
param teamsAppExternalId string

param tags object

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

var graphSettings = empty(teamsCatalogAppId)
  ? [
      { name: 'Graph__AppExternalId', value: teamsAppExternalId }
    ]
  : [
      { name: 'Graph__TeamsAppId', value: teamsCatalogAppId }
    ]

var appSettings = concat(
  [
    { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
    // The bot's identity: user-assigned managed identity, single tenant.
    { name: 'Bot__AppId', value: identityClientId }
    { name: 'Bot__TenantId', value: tenant().tenantId }
    { name: 'Bot__AuthType', value: 'UserAssignedMSI' }
    { name: 'Bot__AllowedTenants__0', value: tenant().tenantId }
    // The Teams service URLs the bot may call (each covers the URLs below it, e.g. .../emea/{tenant}/). A conversation
    // reference read from storage is only used when its service URL is on this list, so an instance that has not yet
    // received an activity (a restart at night, a second instance) still delivers alerts, and a tampered row cannot
    // send the bot's token anywhere else.
    { name: 'Bot__TrustedServiceUrls__0', value: 'https://smba.trafficmanager.net/teams/' }
    { name: 'Bot__TrustedServiceUrls__1', value: 'https://smba.trafficmanager.net/emea/' }
    { name: 'Bot__TrustedServiceUrls__2', value: 'https://smba.trafficmanager.net/amer/' }
    { name: 'Bot__TrustedServiceUrls__3', value: 'https://smba.trafficmanager.net/apac/' }
    // Storage through the same identity; there is no key to configure.
    { name: 'Storage__TableEndpoint', value: tableEndpoint }
    { name: 'Storage__ManagedIdentityClientId', value: identityClientId }
    { name: 'Evidence__BlobEndpoint', value: blobEndpoint }
    // Anything using DefaultAzureCredential picks the user-assigned identity.
    { name: 'AZURE_CLIENT_ID', value: identityClientId }
    // Links to the chart images on the review and training cards point here (files with personal data never get a link).
    { name: 'Documents__PublicBaseUrl', value: 'https://${siteName}.azurewebsites.net' }
    // Application Insights auto-instrumentation for .NET on Linux.
    { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
    { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
    // Local authentication is off on the component: telemetry goes with the identity's Entra token.
    { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD;ClientId=${identityClientId}' }
  ],
  graphSettings
)

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  tags: union(tags, { 'azd-service-name': 'bot' })
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: subnetId
    vnetRouteAllEnabled: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      use32BitWorkerProcess: false
      appSettings: appSettings
    }
  }
}

// Deployments authenticate with Entra (azd uses the signed-in user's token), never with basic credentials.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Console (the bot's JSON logs), HTTP and platform logs go to Log Analytics.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceAppLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [
      { category: 'AllMetrics', enabled: true }
    ]
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
