import { App } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AzureBlobTier, AzureTierCredentials, GitOpsApp, GitOpsChart, KeyVaultSecretStore, MinioEndpoint, MinioTenant,
  TenantProvisioner, WorkloadIdentityServiceAccount,
} from 'minio-aks';

export function buildAzureBlobTier(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'lake-tiering', { namespace: 'lake' });
  const reader = new WorkloadIdentityServiceAccount(chart, 'VaultReader', {
    name: 'vault-reader',
    clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  });
  const store = new KeyVaultSecretStore(chart, 'Vault', {
    name: 'contoso-minio', vaultUrl: 'https://contoso-minio.vault.azure.net', identity: reader,
  });

  // A service principal with Storage Blob Data Contributor on the container; its secret stays in Key Vault.
  const cold = new AzureBlobTier(chart, 'Cold', {
    name: 'AZURE-COLD',
    storageAccount: 'contosominiocold',
    container: 'lake-tier',
    prefix: 'lake/',
    credentials: AzureTierCredentials.servicePrincipal(store,
      'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', '33333333-4444-5555-6666-777777777777', 'lake-tier-client-secret'),
  });

  new TenantProvisioner(chart, 'Provisioner', {
    tenant: MinioTenant.fromTenantAttributes(chart, 'Lake', { name: 'lake', namespace: 'lake' }),
    credentials: MinioEndpoint.credentialsFromSecret(kplus.Secret.fromSecretName(chart, 'Admin', 'lake-admin')),
    tiers: [cold],
    buckets: [{
      name: 'telemetry',
      versioning: true,
      lifecycle: [
        // Raw data moves after 30 days, tagged exports after 7; replaced versions after 14.
        { prefix: 'raw/', transition: { tier: cold, afterDays: 30 }, noncurrentTransition: { tier: cold, afterDays: 14 } },
        { prefix: 'exports/', tags: { format: 'parquet', stage: 'final' }, transition: { tier: cold, afterDays: 7 } },
      ],
    }],
  });
  return chart;
}
