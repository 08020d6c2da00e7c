import { Testing } from 'cdk8s';
import { ConfigurationError, GitOpsChart, KeyVaultExternalSecret, KeyVaultSecretStore, WorkloadIdentityServiceAccount } from '../../lib';
import { expectValidManifests } from '../support/strict-validator';

const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

describe('imports of stores and identities defined elsewhere', () => {
  test('an imported identity feeds a store, and an imported store an ExternalSecret', () => {
    const chart = new GitOpsChart(Testing.app(), 'lake', { namespace: 'lake' });
    const identity = WorkloadIdentityServiceAccount.fromServiceAccountAttributes(chart, 'Reader', {
      serviceAccountName: 'vault-reader', namespace: 'lake', clientId: CLIENT_ID, tenantId: TENANT_ID,
    });
    new KeyVaultSecretStore(chart, 'Vault', { name: 'vault', vaultUrl: 'https://contoso.vault.azure.net', identity });
    const shared = KeyVaultSecretStore.fromStoreAttributes(chart, 'Shared', { name: 'shared-vault', allowedNamespaces: ['lake'] });
    new KeyVaultExternalSecret(chart, 'Copy', { name: 'copy', namespace: 'lake', store: shared, data: [{ secretKey: 'value', keyVaultSecret: 'value' }] });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(manifests.map((m) => m.kind)).not.toContain('ServiceAccount');
    expect(manifests.find((m) => m.kind === 'SecretStore').spec.provider.azurekv.serviceAccountRef).toEqual({ name: 'vault-reader' });
    expect(manifests.find((m) => m.kind === 'ExternalSecret').spec.secretStoreRef).toEqual({ name: 'shared-vault', kind: 'ClusterSecretStore' });
  });

  test.each([
    ['a client ID that is not a GUID', { serviceAccountName: 'r', namespace: 'lake', clientId: 'nope' }, /x\/Reader: clientId must be a GUID/],
    ['a bad namespace', { serviceAccountName: 'r', namespace: 'Lake', clientId: CLIENT_ID }, /x\/Reader: namespace must be a DNS-1123 label/],
  ])('an identity import with %s', (_what, attributes, message) => {
    const chart = new GitOpsChart(Testing.app(), 'x');
    expect(() => WorkloadIdentityServiceAccount.fromServiceAccountAttributes(chart, 'Reader', attributes)).toThrow(ConfigurationError);
    expect(() => WorkloadIdentityServiceAccount.fromServiceAccountAttributes(new GitOpsChart(Testing.app(), 'x'), 'Reader', attributes)).toThrow(message);
  });

  test.each([
    ['neither a namespace nor allowed namespaces', { name: 'vault' }, /x\/Store: namespace or allowedNamespaces must be given/],
    ['both', { name: 'vault', namespace: 'lake', allowedNamespaces: ['lake'] }, /x\/Store: namespace or allowedNamespaces must be given/],
    ['no allowed namespace', { name: 'vault', allowedNamespaces: [] }, /x\/Store: allowedNamespaces must name at least one namespace/],
    ['a bad name', { name: 'Vault', namespace: 'lake' }, /x\/Store: name must be a DNS-1123 subdomain/],
  ])('a store import with %s', (_what, attributes, message) => {
    expect(() => KeyVaultSecretStore.fromStoreAttributes(new GitOpsChart(Testing.app(), 'x'), 'Store', attributes)).toThrow(message);
  });
});
