// The bot's own network. App Service sends all its outbound traffic into the "app" subnet (VNet integration) and
// reaches Storage, and Key Vault when deployed, through private endpoints in the "endpoints" subnet: neither accepts
// a connection from the internet. Teams still reaches the bot's public HTTPS endpoint; nothing else is public.

@description('Name of the virtual network.')
param name string

@description('Azure region.')
param location string

param tags object

// One small private range is plenty: the app subnet needs an address per instance, the endpoints one per endpoint.
var addressSpace = '10.40.0.0/24'
var appPrefix = '10.40.0.0/26'
var endpointsPrefix = '10.40.0.64/26'

resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressSpace
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appPrefix
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: 'endpoints'
        properties: {
          addressPrefix: endpointsPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

resource appSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-01-01' existing = {
  parent: vnet
  name: 'app'
}

resource endpointsSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-01-01' existing = {
  parent: vnet
  name: 'endpoints'
}

output vnetId string = vnet.id
output appSubnetId string = appSubnet.id
output endpointsSubnetId string = endpointsSubnet.id
