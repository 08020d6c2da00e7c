import { Testing } from 'cdk8s';
import { GitOpsChart } from '../../lib/core/gitops-chart';
import { IAzureWorkloadIdentity } from '../../lib/identity/azure-workload-identity';
import { WorkloadIdentityServiceAccount } from '../../lib/identity/workload-identity-service-account';
import { AzureCloud } from '../../lib/secrets/azure-cloud';
import { KeyVaultSecretStore, KeyVaultSecretStoreProps } from '../../lib/secrets/key-vault-secret-store';
import { expectValidManifests } from '../support/strict-validator';

const CLIENT_ID = '0b9e5e1c-6d0e-4c43-9a3e-2f1f4b7b8c11';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function chart(): GitOpsChart {
  return new GitOpsChart(Testing.app(), 'test');
}

function identityIn(c: GitOpsChart, withTenant = true): WorkloadIdentityServiceAccount {
  const tenantId = withTenant ? TENANT_ID : undefined;
  return new WorkloadIdentityServiceAccount(c, 'Identity', { name: 'eso-reader', namespace: 'minio', clientId: CLIENT_ID, tenantId });
}

function store(c: GitOpsChart, props: Partial<KeyVaultSecretStoreProps> = {}): KeyVaultSecretStore {
  return new KeyVaultSecretStore(c, 'Store', {
    name: 'key-vault',
    vaultUrl: 'https://kv-minio-prod.vault.azure.net/',
    identity: props.identity ?? identityIn(c),
    ...props,
  });
}

function storeManifest(c: GitOpsChart): any {
  const manifests = Testing.synth(c);
  expectValidManifests(manifests);
  return manifests.find(m => m.kind === 'SecretStore' || m.kind === 'ClusterSecretStore');
}

describe('KeyVaultSecretStore', () => {
  test('renders a namespaced v1 SecretStore using workload identity', () => {
    const c = chart();
    const s = store(c);
    expect(storeManifest(c)).toEqual({
      apiVersion: 'external-secrets.io/v1',
      kind: 'SecretStore',
      metadata: { name: 'key-vault', namespace: 'minio', labels: expect.objectContaining({ 'app.kubernetes.io/managed-by': 'minio-aks' }) },
      spec: {
        provider: {
          azurekv: {
            vaultUrl: 'https://kv-minio-prod.vault.azure.net',
            environmentType: 'PublicCloud',
            authType: 'WorkloadIdentity',
            serviceAccountRef: { name: 'eso-reader' },
          },
        },
      },
    });
    expect(s.clusterScoped).toBe(false);
    expect(s.namespace).toBe('minio');
    expect(s.vault.vaultName).toBe('kv-minio-prod');
  });

  test('names the tenant in the store when the ServiceAccount carries none', () => {
    const c = chart();
    store(c, { identity: identityIn(c, false), tenantId: TENANT_ID });
    expect(storeManifest(c).spec.provider.azurekv.tenantId).toBe(TENANT_ID);
  });

  test('renders a ClusterSecretStore limited to the allowed namespaces', () => {
    const c = chart();
    const s = store(c, { clusterScope: { allowedNamespaces: ['minio', 'minio-kms'] } });
    const manifest = storeManifest(c);
    expect(manifest.kind).toBe('ClusterSecretStore');
    expect(manifest.metadata).toEqual({ name: 'key-vault', labels: expect.objectContaining({ 'app.kubernetes.io/managed-by': 'minio-aks' }) });
    expect(manifest.spec.conditions).toEqual([{ namespaces: ['minio', 'minio-kms'] }]);
    expect(manifest.spec.provider.azurekv.serviceAccountRef).toEqual({ name: 'eso-reader', namespace: 'minio' });
    expect(s.clusterScoped).toBe(true);
    expect(s.namespace).toBeUndefined();
    expect(s.allowedNamespaces).toEqual(['minio', 'minio-kms']);
  });

  test.each([
    ['https://kv-minio.vault.azure.cn', 'ChinaCloud', AzureCloud.CHINA],
    ['https://kv-minio.vault.usgovcloudapi.net/', 'USGovernmentCloud', AzureCloud.US_GOVERNMENT],
    ['https://kv-minio.vault.microsoftazure.de', 'GermanCloud', AzureCloud.GERMANY],
    ['https://KV-Minio.Vault.Azure.Net', 'PublicCloud', AzureCloud.PUBLIC],
  ])('derives the cloud from %s', (vaultUrl, environmentType, cloud) => {
    const c = chart();
    const s = store(c, { vaultUrl });
    const azurekv = storeManifest(c).spec.provider.azurekv;
    expect(azurekv.environmentType).toBe(environmentType);
    expect(azurekv.vaultUrl).toBe(cloud.vaultUrl(s.vault.vaultName));
    expect(s.vault.cloud).toBe(cloud);
  });

  test('accepts an identity described by a plain object', () => {
    const c = chart();
    const external: IAzureWorkloadIdentity = { clientId: CLIENT_ID, serviceAccountName: 'external-secrets', namespace: 'external-secrets' };
    store(c, { identity: external, tenantId: TENANT_ID, clusterScope: { allowedNamespaces: ['minio'] } });
    expect(storeManifest(c).spec.provider.azurekv.serviceAccountRef).toEqual({ name: 'external-secrets', namespace: 'external-secrets' });
  });

  describe('rejects', () => {
    test('a store name that is not a DNS subdomain', () => {
      expect(() => store(chart(), { name: 'Key_Vault' })).toThrow(/test\/Store: name must be a DNS-1123 subdomain .*received 'Key_Vault'/);
    });

    test('a vault URL over plain HTTP', () => {
      expect(() => store(chart(), { vaultUrl: 'http://kv-minio.vault.azure.net' })).toThrow(/vaultUrl must start with https:\/\/ \(received 'http:\/\/kv-minio.vault.azure.net'\)/);
    });

    test('a vault URL with a path', () => {
      expect(() => store(chart(), { vaultUrl: 'https://kv-minio.vault.azure.net/secrets/x' })).toThrow(/vaultUrl must be the vault's base URL without path.*received 'https:\/\/kv-minio.vault.azure.net\/secrets\/x'/);
    });

    test('a vault URL with a port', () => {
      expect(() => store(chart(), { vaultUrl: 'https://kv-minio.vault.azure.net:443' })).toThrow(/vaultUrl must be the vault's base URL without path, port/);
    });

    test('a URL outside the Key Vault domains', () => {
      expect(() => store(chart(), { vaultUrl: 'https://kv-minio.managedhsm.azure.net' })).toThrow(/vaultUrl must be a Key Vault URL ending in one of vault.azure.net, vault.azure.cn, vault.usgovcloudapi.net, vault.microsoftazure.de \(received 'https:\/\/kv-minio.managedhsm.azure.net'\)/);
    });

    test('a URL that only contains a vault domain', () => {
      expect(() => store(chart(), { vaultUrl: 'https://kv-minio.vault.azure.net.example.com' })).toThrow(/vaultUrl must be a Key Vault URL ending in one of/);
    });

    test.each([
      ['kv', 'must be 3 to 24 characters long'],
      ['kv-minio-production-westeu', 'must be 3 to 24 characters long'],
      ['kv_minio', 'may contain only letters, digits and hyphens'],
      ['1kv-minio', 'must start with a letter'],
      ['kv--minio', 'must not contain consecutive hyphens'],
      ['kv-minio-', 'must end with a letter or digit'],
    ])('vault name %s', (vaultName, problem) => {
      const url = `https://${vaultName}.vault.azure.net`;
      expect(() => store(chart(), { vaultUrl: url })).toThrow(`test/Store: vaultUrl names vault '${vaultName}', whose name ${problem} (received '${url}')`);
    });

    test('no tenant at all', () => {
      const c = chart();
      expect(() => store(c, { identity: identityIn(c, false) })).toThrow(/tenantId must be given when the identity's ServiceAccount has no tenant annotation \(received nothing\)/);
    });

    test('a tenant given twice', () => {
      expect(() => store(chart(), { tenantId: TENANT_ID })).toThrow(/tenantId must not be set when the identity's ServiceAccount already carries a tenant annotation/);
    });

    test('a store tenant that is not a GUID', () => {
      const c = chart();
      expect(() => store(c, { identity: identityIn(c, false), tenantId: 'contoso' })).toThrow(/test\/Store: tenantId must be a GUID .*received 'contoso'/);
    });

    test('an identity tenant that is not a GUID', () => {
      const identity: IAzureWorkloadIdentity = { clientId: CLIENT_ID, tenantId: 'contoso', serviceAccountName: 'eso', namespace: 'minio' };
      expect(() => store(chart(), { identity })).toThrow(/identity.tenantId must be a GUID .*received 'contoso'/);
    });

    test('an identity whose namespace is not a DNS label', () => {
      const identity: IAzureWorkloadIdentity = { clientId: CLIENT_ID, tenantId: TENANT_ID, serviceAccountName: 'eso', namespace: 'Minio' };
      expect(() => store(chart(), { identity })).toThrow(/identity.namespace must be a DNS-1123 label .*received 'Minio'/);
    });

    test('an identity whose account name is not a DNS subdomain', () => {
      const identity: IAzureWorkloadIdentity = { clientId: CLIENT_ID, tenantId: TENANT_ID, serviceAccountName: 'ESO', namespace: 'minio' };
      expect(() => store(chart(), { identity })).toThrow(/identity.serviceAccountName must be a DNS-1123 subdomain .*received 'ESO'/);
    });

    test('a cluster store open to no namespace', () => {
      expect(() => store(chart(), { clusterScope: { allowedNamespaces: [] } })).toThrow(/clusterScope.allowedNamespaces must name at least one namespace \(received \[\]\)/);
    });

    test('a cluster store namespace that is not a DNS label', () => {
      expect(() => store(chart(), { clusterScope: { allowedNamespaces: ['minio', 'Tools'] } })).toThrow(/clusterScope.allowedNamespaces\[1\] must be a DNS-1123 label .*received 'Tools'/);
    });

    test('a cluster store namespace listed twice', () => {
      expect(() => store(chart(), { clusterScope: { allowedNamespaces: ['minio', 'minio'] } })).toThrow(/clusterScope.allowedNamespaces must not list a namespace twice \(received 'minio'\)/);
    });
  });
});
