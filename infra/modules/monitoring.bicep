// Log Analytics (where every log ends up) and a workspace-based Application Insights.

param logAnalyticsName string
param appInsightsName string

@description('Azure region.')
param location string

@description('Days logs are kept. Reports never reach the logs: the bot logs ids and statuses, not what members write.')
@minValue(30)
@maxValue(730)
param retentionInDays int

param tags object

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
  }
}

output workspaceId string = workspace.id
output appInsightsName string = appInsights.name
