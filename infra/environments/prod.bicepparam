// Production: two P0v3 instances, zone-redundant storage, 90 days of logs.
//   az deployment sub create --location swedencentral --template-file infra/main.bicep --parameters infra/environments/prod.bicepparam
using '../main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'trygg-prod')
param location = readEnvironmentVariable('AZURE_LOCATION', 'swedencentral')
param profile = 'prod'
param teamsCatalogAppId = readEnvironmentVariable('TEAMS_CATALOG_APP_ID', '')
param teamsAppId = readEnvironmentVariable('TEAMS_APP_ID', '')
param deployKeyVault = false
