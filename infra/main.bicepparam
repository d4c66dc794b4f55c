// What `azd up` deploys. Each azd environment (`azd env new alingsas-test`, `azd env new alingsas-prod`) has its
// own values: set TRYGG_PROFILE=prod in the production one (`azd env set TRYGG_PROFILE prod`). The files in
// environments/ are the same choices spelled out per environment, for deploying without azd.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'trygg')
param location = readEnvironmentVariable('AZURE_LOCATION', 'swedencentral')
param profile = readEnvironmentVariable('TRYGG_PROFILE', 'test')
param teamsCatalogAppId = readEnvironmentVariable('TEAMS_CATALOG_APP_ID', '')
param teamsAppId = readEnvironmentVariable('TEAMS_APP_ID', '')
param deployKeyVault = bool(readEnvironmentVariable('TRYGG_DEPLOY_KEY_VAULT', 'false'))
