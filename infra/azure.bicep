// One Linux App Service (Node 20) that serves the tab (tabs/dist) and the API (/api) from one origin.
@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@description('App Service plan SKU, e.g. B1 or P0v3')
param webAppSku string = 'B1'

param location string = resourceGroup().location

@description('Microsoft Entra app (SSO + on-behalf-of) written by aadApp/create')
param aadAppClientId string
param aadAppTenantId string
param aadAppOauthAuthorityHost string
@secure()
param aadAppClientSecret string

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      // The deploy step has already built tabs/dist, so start the API directly (it serves the built tab).
      appCommandLine: 'node --import tsx api/src/server.ts'
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'NODE_ENV', value: 'production' }
        { name: 'AUTH_MODE', value: 'entra' }
        { name: 'ENTRA_CLIENT_ID', value: aadAppClientId }
        { name: 'ENTRA_CLIENT_SECRET', value: aadAppClientSecret }
        { name: 'ENTRA_TENANT_ID', value: aadAppTenantId }
        { name: 'ENTRA_AUTHORITY_HOST', value: aadAppOauthAuthorityHost }
        // App Service's front end is one proxy hop: the client IP (per-IP rate limit, logs) comes from X-Forwarded-For.
        { name: 'TRUST_PROXY', value: '1' }
        // /home is persistent storage on Linux App Service; set DATABASE_URL to use a PostgreSQL server instead.
        { name: 'DATA_DIR', value: '/home/bookings-invoicing/data' }
      ]
    }
  }
}

// Output names become environment variables in env/.env.{env} (arm/deploy).
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
