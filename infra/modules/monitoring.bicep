// Log Analytics (where every log ends up) and a workspace-based Application Insights that takes telemetry only with
// an Entra token (local authentication, i.e. the instrumentation key alone, is off). The bot's identity gets the one
// role that sends telemetry.

param logAnalyticsName string
param appInsightsName string

@description('Azure region.')
param location string

@description('Days logs are kept. Reports never reach the logs: the bot logs ids and statuses, not what members write.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Name of the bot\'s managed identity in this resource group.')
param identityName string

param tags object

// Monitoring Metrics Publisher: send telemetry to Application Insights with an Entra token.
var metricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    RetentionInDays: retentionInDays
    DisableLocalAuth: true
  }
}

resource telemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, metricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output workspaceId string = workspace.id
output appInsightsName string = appInsights.name
