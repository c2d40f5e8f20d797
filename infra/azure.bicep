// One Linux App Service (Node 20) that serves the tab (tabs/dist) and the API (/api) from one origin, and a Key Vault
// holding the secrets the app reads: the App Service resolves them through Key Vault references with its
// system-assigned identity.
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

@secure()
@minLength(64)
@maxLength(64)
@description('SECRETS_KEY: 32 random bytes as 64 hex digits; encrypts secrets the app stores. Generated once per environment by scripts/ensureSecrets.mjs (teamsapp.yml); never change it once set')
param secretsKey string

// Key Vault names are global; a base name of up to 20 characters leaves room for the suffix.
var keyVaultName = '${resourceBaseName}-kv'

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
  // Its identity reads the Key Vault secrets the app settings refer to.
  identity: {
    type: 'SystemAssigned'
  }
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
    }
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2022-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access policies rather than RBAC, so a deployer with Contributor alone can grant the web app its access.
    enableRbacAuthorization: false
    accessPolicies: []
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource webAppSecretsAccess 'Microsoft.KeyVault/vaults/accessPolicies@2022-07-01' = {
  parent: keyVault
  name: 'add'
  properties: {
    accessPolicies: [
      {
        tenantId: subscription().tenantId
        objectId: webApp.identity.principalId
        permissions: {
          secrets: [
            'get'
          ]
        }
      }
    ]
  }
}

resource secretsKeySecret 'Microsoft.KeyVault/vaults/secrets@2022-07-01' = {
  parent: keyVault
  name: 'secrets-key'
  properties: {
    value: secretsKey
  }
}

resource entraClientSecret 'Microsoft.KeyVault/vaults/secrets@2022-07-01' = {
  parent: keyVault
  name: 'entra-client-secret'
  properties: {
    value: aadAppClientSecret
  }
}

// The settings are a child resource, not siteConfig.appSettings: ENTRA_APP_ID_URI names the site's own host, and the
// Key Vault references must only be resolved once the site's identity may read the vault.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    NODE_ENV: 'production'
    AUTH_MODE: 'entra'
    ENTRA_CLIENT_ID: aadAppClientId
    ENTRA_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${entraClientSecret.properties.secretUri})'
    ENTRA_TENANT_ID: aadAppTenantId
    ENTRA_AUTHORITY_HOST: aadAppOauthAuthorityHost
    // The audience of v1 tokens: the identifier URI aad.manifest.json gives the app (api://<TAB_DOMAIN>/<client id>).
    ENTRA_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${aadAppClientId}'
    SECRETS_KEY: '@Microsoft.KeyVault(SecretUri=${secretsKeySecret.properties.secretUri})'
    // App Service's front end is one proxy hop: the client IP (per-IP rate limit, logs) comes from X-Forwarded-For.
    TRUST_PROXY: '1'
    // /home is persistent storage on Linux App Service; set DATABASE_URL to use a PostgreSQL server instead.
    DATA_DIR: '/home/bookings-invoicing/data'
  }
  dependsOn: [
    webAppSecretsAccess
  ]
}

// Output names become environment variables in env/.env.{env} (arm/deploy).
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
