// A private endpoint for one service of one resource (Storage's table service, Key Vault), with the private DNS zone
// that makes the service's usual host name resolve to the endpoint's private address inside the bot's network.

@description('Name of the private endpoint.')
param name string

@description('Azure region.')
param location string

@description('The subnet the endpoint takes its private address from.')
param subnetId string

@description('The virtual network whose resolver must see the private DNS zone.')
param vnetId string

@description('Resource id of the storage account or key vault.')
param targetId string

@description('The sub-resource: "table" for Table storage, "vault" for Key Vault.')
param groupId string

@description('The private DNS zone of that service, e.g. privatelink.table.core.windows.net.')
param dnsZoneName string

param tags object

resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: dnsZoneName
  location: 'global'
  tags: tags
}

resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: zone
  name: 'bot-network'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnetId
    }
  }
}

resource endpoint 'Microsoft.Network/privateEndpoints@2024-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: targetId
          groupIds: [
            groupId
          ]
        }
      }
    ]
  }
}

resource dns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-01-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: groupId
        properties: {
          privateDnsZoneId: zone.id
        }
      }
    ]
  }
}

output id string = endpoint.id
