// The Azure Bot registration: the managed identity IS the bot (msaAppType UserAssignedMSI), with the Teams channel.

param name string

@description('Display name shown in the Bot Framework portal (members see the Teams app\'s name).')
param displayName string

@description('F0 is enough: messages on the Teams channel are not billed.')
@allowed([
  'F0'
  'S1'
])
param skuName string

@description('https://<host>/api/messages')
param endpoint string

param identityId string
param identityClientId string

@description('Tenant of the managed identity (the bot is single-tenant).')
param tenantId string
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: identityClientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output name string = bot.name
output teamsChannel string = teams.name
