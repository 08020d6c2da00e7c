import { Testing } from 'cdk8s';
import {
  GitOpsChart, KeyVaultExternalSecret, KeyVaultSecretStore, PrivateCa, TenantCertificate, WorkloadIdentityServiceAccount,
} from '../../lib';
import { kmsChart } from '../kms/kms-fixtures';
import { tenantChart } from '../tenant/tenant-fixtures';

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

/** Every namespaced object of the chart, by kind and namespace. */
function namespaces(chart: GitOpsChart): string[] {
  return Testing.synth(chart).filter((m) => m.metadata.namespace !== undefined).map((m) => `${m.kind} ${m.metadata.namespace}`);
}

describe('one namespace rule: a construct lives in its chart\'s namespace unless its props say otherwise', () => {
  test('tenants, KMS clusters, identities, tenant certificates and ExternalSecrets of a ClusterSecretStore', () => {
    expect(tenantChart().tenant.namespace).toBe('objects');
    expect(kmsChart().cluster.namespace).toBe('minio-kms');
    const chart = new GitOpsChart(Testing.app(), 'lake', { namespace: 'lake' });
    const identity = new WorkloadIdentityServiceAccount(chart, 'Reader', { name: 'reader', clientId: CLIENT_ID, tenantId: TENANT_ID });
    expect(identity.namespace).toBe('lake');
    expect(identity.federatedSubject).toBe('system:serviceaccount:lake:reader');
    const ca = new PrivateCa(chart, 'Ca', { name: 'lake-ca' });
    new TenantCertificate(chart, 'Certificate', { tenantName: 'store', issuer: ca });
    const shared = KeyVaultSecretStore.fromStoreAttributes(chart, 'Shared', { name: 'shared', allowedNamespaces: ['lake'] });
    new KeyVaultExternalSecret(chart, 'Copy', { name: 'copy', store: shared, data: [{ secretKey: 'v', keyVaultSecret: 'v' }] });
    // The named exceptions: the CA lives in cert-manager's namespace, which its ClusterIssuer reads.
    expect(namespaces(chart).sort()).toEqual([
      'Certificate cert-manager', 'Certificate lake', 'ExternalSecret lake', 'Issuer cert-manager', 'ServiceAccount lake',
    ]);
  });

  test('props override the chart, and a construct without either is refused with its path', () => {
    const chart = new GitOpsChart(Testing.app(), 'bare');
    const identity = new WorkloadIdentityServiceAccount(chart, 'Reader', { name: 'reader', namespace: 'other', clientId: CLIENT_ID });
    expect(identity.namespace).toBe('other');
    expect(() => new WorkloadIdentityServiceAccount(chart, 'Nowhere', { name: 'reader', clientId: CLIENT_ID }))
      .toThrow(/bare\/Nowhere: namespace is required \(received nothing\): set namespace on the construct or on its chart/);
    expect(() => new TenantCertificate(chart, 'Certificate', { tenantName: 'store', issuer: new PrivateCa(chart, 'Ca') }))
      .toThrow(/bare\/Certificate: namespace is required \(received nothing\)/);
  });
});
