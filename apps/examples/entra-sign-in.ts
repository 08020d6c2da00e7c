import { App, Size } from 'cdk8s';
import {
  EntraClaim, GitOpsApp, GitOpsChart, KeyVaultSecretStore, MinioTenant, SecretSetting, TenantConfigurationSecret,
  WorkloadIdentityServiceAccount,
} from 'minio-aks';

export function buildEntraSignIn(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'lake-sign-in', { namespace: 'lake' });
  const reader = new WorkloadIdentityServiceAccount(chart, 'VaultReader', {
    name: 'vault-reader',
    clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  });
  const store = new KeyVaultSecretStore(chart, 'Vault', {
    name: 'contoso-minio', vaultUrl: 'https://contoso-minio.vault.azure.net', identity: reader,
  });
  const configuration = new TenantConfigurationSecret(chart, 'Configuration', {
    name: 'lake-config', store, rootUser: 'lake-root-user', rootPassword: 'lake-root-password',
  });

  new MinioTenant(chart, 'lake', {
    configuration,
    pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(2) }],
    // Sign-in redirects to the console: register https://console.lake.contoso.com/oauth_callback in the app.
    domains: { console: 'https://console.lake.contoso.com' },
    signIn: {
      tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      clientId: '22222222-3333-4444-5555-666666666666',
      // Fetched into config.env by the TenantConfigurationSecret: MinIO has no _FILE variant for it.
      clientSecret: SecretSetting.fromKeyVault('lake-entra-client-secret'),
      // Each group object ID in the token names a MinIO policy (see TenantProvisioner).
      claim: EntraClaim.GROUPS,
    },
  });
  return chart;
}
