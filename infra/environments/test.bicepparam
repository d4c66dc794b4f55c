// A test environment: one B1 instance, locally redundant storage, 30 days of logs.
//   az deployment sub create --location swedencentral --template-file infra/main.bicep --parameters infra/environments/test.bicepparam
using '../main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'trygg-test')
param location = readEnvironmentVariable('AZURE_LOCATION', 'swedencentral')
param profile = 'test'
param teamsCatalogAppId = readEnvironmentVariable('TEAMS_CATALOG_APP_ID', '')
param teamsAppId = readEnvironmentVariable('TEAMS_APP_ID', '')
param deployKeyVault = false
