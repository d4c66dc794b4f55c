// Trygg in one resource group: the bot's managed identity (which IS the bot), App Service for Linux (.NET 10) in
// its own virtual network, Table storage without keys and without public network access (a private endpoint),
// Log Analytics + Application Insights (Entra-only ingestion), the Azure Bot with its Teams channel, and Key Vault
// (RBAC, private) only when something cannot use the managed identity. Local modules only.
targetScope = 'subscription'

@description('Name of the environment (azd: AZURE_ENV_NAME), e.g. alingsas-prod. Names every resource.')
@minLength(2)
@maxLength(32)
param environmentName string

@description('Azure region for every regional resource; swedencentral keeps data in Sweden.')
param location string

@description('test: one small instance, locally redundant storage. prod: two instances, zone-redundant storage, longer log retention.')
@allowed([
  'test'
  'prod'
])
param profile string

@description('The Teams app\'s id in the organisation\'s app catalog, known after the package is uploaded. Empty: the bot looks it up by the manifest id.')
param teamsCatalogAppId string = ''

@description('The manifest id (TEAMS_APP_ID of scripts/package-app.sh); empty = the bot\'s client id, the package script\'s default too.')
param teamsAppId string = ''

@description('Deploy a Key Vault (nothing in Trygg needs one; for a secret that cannot be a managed identity).')
param deployKeyVault bool = false

var sizes = {
  test: {
    appServiceSku: 'B1'
    instances: 1
    storageSku: 'Standard_LRS'
    logRetentionDays: 30
  }
  prod: {
    appServiceSku: 'P0v3'
    instances: 2
    storageSku: 'Standard_ZRS'
    logRetentionDays: 90
  }
}
var size = sizes[profile]
var token = toLower(uniqueString(subscription().id, environmentName, location))
var names = {
  identity: 'id-trygg-${environmentName}'
  network: 'vnet-trygg-${environmentName}'
  logAnalytics: 'log-trygg-${environmentName}'
  appInsights: 'appi-trygg-${environmentName}'
}
var tags = {
  'azd-env-name': environmentName
  application: 'trygg'
}

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  params: {
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    location: location
    retentionInDays: size.logRetentionDays
    identityName: names.identity
    tags: tags
  }
  dependsOn: [
    identity
  ]
}

module network 'modules/network.bicep' = {
  scope: group
  params: {
    name: names.network
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  scope: group
  params: {
    name: 'sttrygg${take(token, 17)}'
    location: location
    skuName: size.storageSku
    identityName: names.identity
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
  dependsOn: [
    identity
  ]
}

// The tables answer only here: the storage account's public network access is off.
module tableEndpoint 'modules/privateendpoint.bicep' = {
  scope: group
  params: {
    name: 'pe-trygg-${environmentName}-table'
    location: location
    subnetId: network.outputs.endpointsSubnetId
    vnetId: network.outputs.vnetId
    targetId: storage.outputs.id
    groupId: 'table'
    dnsZoneName: 'privatelink.table.${environment().suffixes.storage}'
    tags: tags
  }
}

// Evidence files likewise answer only here.
module blobEndpoint 'modules/privateendpoint.bicep' = {
  scope: group
  params: {
    name: 'pe-trygg-${environmentName}-blob'
    location: location
    subnetId: network.outputs.endpointsSubnetId
    vnetId: network.outputs.vnetId
    targetId: storage.outputs.id
    groupId: 'blob'
    dnsZoneName: 'privatelink.blob.${environment().suffixes.storage}'
    tags: tags
  }
}

module app 'modules/appservice.bicep' = {
  scope: group
  params: {
    planName: 'plan-trygg-${environmentName}'
    siteName: 'app-trygg-${environmentName}-${take(token, 6)}'
    location: location
    skuName: size.appServiceSku
    instanceCount: size.instances
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    subnetId: network.outputs.appSubnetId
    tableEndpoint: storage.outputs.tableEndpoint
    blobEndpoint: storage.outputs.blobEndpoint
    appInsightsName: names.appInsights
    workspaceId: monitoring.outputs.workspaceId
    teamsCatalogAppId: teamsCatalogAppId
    teamsAppExternalId: empty(teamsAppId) ? identity.outputs.clientId : teamsAppId
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  scope: group
  params: {
    name: 'bot-trygg-${environmentName}-${take(token, 6)}'
    displayName: 'Trygg'
    skuName: 'F0'
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: tenant().tenantId
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = if (deployKeyVault) {
  scope: group
  params: {
    name: 'kv-trygg-${take(token, 13)}'
    location: location
    identityName: names.identity
    tags: tags
  }
  dependsOn: [
    identity
  ]
}

module vaultEndpoint 'modules/privateendpoint.bicep' = if (deployKeyVault) {
  scope: group
  params: {
    name: 'pe-trygg-${environmentName}-vault'
    location: location
    subnetId: network.outputs.endpointsSubnetId
    vnetId: network.outputs.vnetId
    targetId: vault!.outputs.id
    groupId: 'vault'
    dnsZoneName: 'privatelink.vaultcore.azure.net'
    tags: tags
  }
}

// azd stores these in the environment; scripts/package-app.sh and scripts/grant-graph-permissions.sh read them.
// Ids and names only: there is no key or secret to output.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output BOT_ID string = identity.outputs.clientId
output BOT_DOMAIN string = app.outputs.defaultHostName
output BOT_PRINCIPAL_ID string = identity.outputs.principalId
output BOT_RESOURCE_NAME string = bot.outputs.name
output APP_SERVICE_NAME string = app.outputs.name
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output KEY_VAULT_NAME string = deployKeyVault ? vault!.outputs.name : ''
