import { Testing } from 'cdk8s';
import {
  GitOpsChart,
  KeyVaultSecretProviderClass,
  KeyVaultSecretStore,
  MinioTenant,
  TenantConfigurationSecret,
  WorkloadIdentityServiceAccount,
} from '../../lib';
import { expectValidManifests } from '../support/strict-validator';
import { tenantOf, VALID_POOL } from './tenant-fixtures';

const CLIENT_ID = '00000000-0000-0000-0000-000000000001';
const TENANT_ID = '00000000-0000-0000-0000-0000000000aa';

function keyVaultChart() {
  const chart = new GitOpsChart(Testing.app(), 'kv', { namespace: 'objects' });
  const identity = new WorkloadIdentityServiceAccount(chart, 'Reader', { name: 'vault-reader', namespace: 'objects', clientId: CLIENT_ID, tenantId: TENANT_ID });
  const store = new KeyVaultSecretStore(chart, 'Store', { name: 'vault', vaultUrl: 'https://storage-kv.vault.azure.net', identity });
  return { chart, identity, store };
}

describe('MinioTenant configuration from Key Vault', () => {
  test('a TenantConfigurationSecret rendered by External Secrets is the Tenant configuration', () => {
    const { chart, store } = keyVaultChart();
    const configuration = new TenantConfigurationSecret(chart, 'Config', {
      name: 'store-config', store, rootUser: 'minio-root-user', rootPassword: 'minio-root-password',
    });
    new MinioTenant(chart, 'store', { configuration, pools: [VALID_POOL] });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(tenantOf(manifests).spec.configuration).toEqual({ name: configuration.secretName });
    expect(manifests.map((m) => m.kind)).toEqual(['NetworkPolicy', 'ServiceAccount', 'SecretStore', 'ExternalSecret', 'PodDisruptionBudget', 'Tenant']);
  });

  test('a TenantConfigurationSecret in another namespace is refused', () => {
    const { chart, store } = keyVaultChart();
    const configuration = new TenantConfigurationSecret(chart, 'Config', {
      name: 'store-config', store, rootUser: 'u', rootPassword: 'p',
    });
    expect(() => new MinioTenant(chart, 'store', { namespace: 'elsewhere', configuration, pools: [VALID_POOL] }))
      .toThrow(/kv\/store: configuration must be in the Tenant's namespace 'elsewhere'.*\(received 'objects'\)/);
  });

  test('a Secrets Store CSI class is refused as configuration', () => {
    const { chart, identity } = keyVaultChart();
    const csi = new KeyVaultSecretProviderClass(chart, 'Csi', {
      name: 'store-csi', vaultUrl: 'https://storage-kv.vault.azure.net', identity, objects: [{ name: 'minio-root-user' }],
    });
    expect(() => new MinioTenant(chart, 'store', { configuration: csi, pools: [VALID_POOL] }))
      .toThrow(/kv\/store: configuration is a Secrets Store CSI class, whose Secret exists only while a pod mounts it.*render config.env with TenantConfigurationSecret/);
  });
});
