// The bot's one identity: a user-assigned managed identity. It is the Azure Bot's app id (msaAppType
// UserAssignedMSI), reaches Storage through role assignments and Graph through application permissions.
// No secret or certificate exists anywhere, so nothing can expire.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
