// One Linux App Service (Node 20) that serves the tab (tabs/dist) and the API (/api) from one origin, an Azure Database
// for PostgreSQL flexible server as its store (so the app can scale out), and a Key Vault holding every secret the app
// reads: the App Service resolves them through Key Vault references with its system-assigned identity.
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

@description('PostgreSQL flexible server compute, e.g. Standard_B1ms (Burstable) or Standard_D2ds_v5 (GeneralPurpose)')
param postgresSkuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@minValue(32)
param postgresStorageSizeGB int = 32

param postgresAdminLogin string = 'bookingsadmin'

@secure()
@minLength(12)
@description('PostgreSQL administrator password; generated once per environment by scripts/ensureSecrets.mjs (teamsapp.yml)')
param postgresAdminPassword string

var postgresDatabaseName = 'bookings_invoicing'
// Key Vault and PostgreSQL server names are global; a base name of up to 20 characters leaves room for the suffixes.
var keyVaultName = '${resourceBaseName}-kv'
var postgresServerName = toLower('${resourceBaseName}-pg')

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

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresServerName
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: postgresStorageSizeGB
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    // Public access limited by the firewall rule below; TLS is required by the server (require_secure_transport).
    network: {
      publicNetworkAccess: 'Enabled'
    }
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
  }
}

// 0.0.0.0–0.0.0.0 is Azure's "allow public access from any Azure service within Azure to this server".
resource postgresAllowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: postgresDatabaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  // A flexible server takes one change at a time: concurrent child updates fail with ServerIsBusy.
  dependsOn: [
    postgresAllowAzure
  ]
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

// TLS with the certificate and host name checked (libpq's verify-full; pg 8 reads "require" so too, with a warning, and
// pg 9 will not): the server's certificate chains to a public root that Node trusts.
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2022-07-01' = {
  parent: keyVault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${postgresDatabase.name}?sslmode=verify-full'
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
    // One database for every instance: the app holds no state on the instance, so the plan can scale out.
    DATABASE_URL: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecret.properties.secretUri})'
    // App Service's front end is one proxy hop: the client IP (per-IP rate limit, logs) comes from X-Forwarded-For.
    TRUST_PROXY: '1'
  }
  dependsOn: [
    webAppSecretsAccess
  ]
}

// Output names become environment variables in env/.env.{env} (arm/deploy).
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
