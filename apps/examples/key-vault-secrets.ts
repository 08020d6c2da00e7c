import { App, Size } from 'cdk8s';
import {
  GitOpsApp, GitOpsChart, KeyVaultSecretStore, MinioTenant, TenantConfigurationSecret, WorkloadIdentityServiceAccount,
} from 'minio-aks';

export function buildKeyVaultSecrets(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'lake-secrets', { namespace: 'lake' });

  // External Secrets requests this account's token itself: no pod runs as it. Role: Key Vault Secrets User.
  const reader = new WorkloadIdentityServiceAccount(chart, 'VaultReader', {
    name: 'vault-reader',
    clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  });
  const store = new KeyVaultSecretStore(chart, 'Vault', {
    name: 'contoso-minio', vaultUrl: 'https://contoso-minio.vault.azure.net', identity: reader,
  });

  // Only Key Vault secret names reach the manifests; External Secrets renders config.env from their values.
  const configuration = new TenantConfigurationSecret(chart, 'Configuration', {
    name: 'lake-config', store, rootUser: 'lake-root-user', rootPassword: 'lake-root-password',
  });
  new MinioTenant(chart, 'lake', {
    configuration,
    pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(2) }],
  });
  return chart;
}
