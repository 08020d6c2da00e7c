import { Duration, Testing } from 'cdk8s';
import { GitOpsChart } from '../../lib/core/gitops-chart';
import { WorkloadIdentityServiceAccount } from '../../lib/identity/workload-identity-service-account';
import { KeyVaultExternalSecret, KeyVaultExternalSecretProps } from '../../lib/secrets/key-vault-external-secret';
import { IKeyVaultSecretStore, KeyVaultSecretStore } from '../../lib/secrets/key-vault-secret-store';
import { expectValidManifests } from '../support/strict-validator';

const CLIENT_ID = '0b9e5e1c-6d0e-4c43-9a3e-2f1f4b7b8c11';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const VERSION = '4387e9f3d6e14c459867679a90fd0f79';

interface Fixture {
  readonly chart: GitOpsChart;
  readonly store: KeyVaultSecretStore;
}

function fixture(clusterScoped = false): Fixture {
  const chart = new GitOpsChart(Testing.app(), 'test');
  const identity = new WorkloadIdentityServiceAccount(chart, 'Identity', {
    name: 'eso-reader', namespace: 'minio', clientId: CLIENT_ID, tenantId: TENANT_ID,
  });
  const store = new KeyVaultSecretStore(chart, 'Store', {
    name: 'key-vault',
    vaultUrl: 'https://kv-minio.vault.azure.net',
    identity,
    clusterScope: clusterScoped ? { allowedNamespaces: ['minio', 'minio-kms'] } : undefined,
  });
  return { chart, store };
}

function externalSecret(f: Fixture, props: Partial<KeyVaultExternalSecretProps> = {}): KeyVaultExternalSecret {
  return new KeyVaultExternalSecret(f.chart, 'Secret', {
    name: 'kms-api-key',
    store: f.store,
    data: [{ secretKey: 'api-key', keyVaultSecret: 'minio-kms-api-key' }],
    ...props,
  });
}

function rendered(f: Fixture): any {
  const manifests = Testing.synth(f.chart);
  expectValidManifests(manifests);
  return manifests.find(m => m.kind === 'ExternalSecret');
}

describe('KeyVaultExternalSecret', () => {
  test('renders a v1 ExternalSecret owning its Secret, refreshed hourly', () => {
    const f = fixture();
    const es = externalSecret(f);
    expect(rendered(f)).toEqual({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'kms-api-key', namespace: 'minio', labels: expect.objectContaining({ 'app.kubernetes.io/managed-by': 'minio-aks' }) },
      spec: {
        refreshInterval: '1h',
        secretStoreRef: { name: 'key-vault', kind: 'SecretStore' },
        target: { name: 'kms-api-key', creationPolicy: 'Owner' },
        data: [{ secretKey: 'api-key', remoteRef: { key: 'minio-kms-api-key' } }],
      },
    });
    expect(es.secretName).toBe('kms-api-key');
    expect(es.namespace).toBe('minio');
  });

  test('pins versions, names the Secret and renders a template', () => {
    const f = fixture();
    externalSecret(f, {
      secretName: 'kms-client',
      refreshInterval: Duration.minutes(90),
      data: [
        { secretKey: 'tls.crt', keyVaultSecret: 'kms-client-cert', version: VERSION },
        { secretKey: 'tls.key', keyVaultSecret: 'kms-client-key' },
      ],
      template: { type: 'kubernetes.io/tls', data: { 'tls.crt': '{{ index . "tls.crt" }}', 'tls.key': '{{ index . "tls.key" }}' } },
    });
    const spec = rendered(f).spec;
    expect(spec.refreshInterval).toBe('1h30m');
    expect(spec.target).toEqual({
      name: 'kms-client',
      creationPolicy: 'Owner',
      template: {
        engineVersion: 'v2',
        type: 'kubernetes.io/tls',
        data: { 'tls.crt': '{{ index . "tls.crt" }}', 'tls.key': '{{ index . "tls.key" }}' },
      },
    });
    expect(spec.data[0].remoteRef).toEqual({ key: 'kms-client-cert', version: VERSION });
  });

  test.each([
    [Duration.seconds(0), '0s'],
    [Duration.seconds(45), '45s'],
    [Duration.seconds(3725), '1h2m5s'],
    [Duration.days(1), '24h'],
  ])('writes %s as a Go duration', (duration, expected) => {
    const f = fixture();
    externalSecret(f, { refreshInterval: duration });
    expect(rendered(f).spec.refreshInterval).toBe(expected);
  });

  test('references a ClusterSecretStore from an allowed namespace', () => {
    const f = fixture(true);
    externalSecret(f, { namespace: 'minio-kms' });
    const manifest = rendered(f);
    expect(manifest.metadata.namespace).toBe('minio-kms');
    expect(manifest.spec.secretStoreRef).toEqual({ name: 'key-vault', kind: 'ClusterSecretStore' });
  });

  test('manifests carry Key Vault secret names only', () => {
    const f = fixture();
    externalSecret(f);
    const yaml = JSON.stringify(Testing.synth(f.chart));
    expect(yaml).toContain('minio-kms-api-key');
    expect(yaml).not.toMatch(/"stringData"|"data":\{"api-key"/);
  });

  describe('rejects', () => {
    test('a name that is not a DNS subdomain', () => {
      expect(() => externalSecret(fixture(), { name: 'KMS' })).toThrow(/test\/Secret: name must be a DNS-1123 subdomain .*received 'KMS'/);
    });

    test('a Secret name that is not a DNS subdomain', () => {
      expect(() => externalSecret(fixture(), { secretName: 'kms_key' })).toThrow(/secretName must be a DNS-1123 subdomain .*received 'kms_key'/);
    });

    test('a namespace other than the SecretStore\'s', () => {
      expect(() => externalSecret(fixture(), { namespace: 'tools' })).toThrow(/namespace must be 'minio', the namespace of SecretStore 'key-vault'.*received 'tools'/);
    });

    test('a namespaced store that names no namespace', () => {
      const f = fixture();
      const broken: IKeyVaultSecretStore = { name: 'key-vault', clusterScoped: false };
      expect(() => externalSecret(f, { store: broken })).toThrow(/store.namespace must be set, as SecretStore 'key-vault' is namespaced \(received nothing\)/);
    });

    test('no namespace with a ClusterSecretStore, in a chart without one', () => {
      expect(() => externalSecret(fixture(true))).toThrow(/test\/Secret: namespace is required \(received nothing\): set namespace on the construct or on its chart/);
    });

    test('a namespace that is not a DNS label with a ClusterSecretStore', () => {
      expect(() => externalSecret(fixture(true), { namespace: 'Minio' })).toThrow(/namespace must be a DNS-1123 label .*received 'Minio'/);
    });

    test('a namespace the ClusterSecretStore does not serve', () => {
      expect(() => externalSecret(fixture(true), { namespace: 'tools' })).toThrow(/namespace is not among the namespaces ClusterSecretStore 'key-vault' serves \(minio, minio-kms\) \(received 'tools'\)/);
    });

    test('no data', () => {
      expect(() => externalSecret(fixture(), { data: [] })).toThrow(/data must name at least one Key Vault secret \(received \[\]\)/);
    });

    test('a Secret key with a slash', () => {
      expect(() => externalSecret(fixture(), { data: [{ secretKey: 'keys/api', keyVaultSecret: 'x' }] })).toThrow(/data\[0\].secretKey must be a Secret key .*received 'keys\/api'/);
    });

    test('a Secret key used twice', () => {
      expect(() => externalSecret(fixture(), {
        data: [{ secretKey: 'a', keyVaultSecret: 'x' }, { secretKey: 'a', keyVaultSecret: 'y' }],
      })).toThrow(/data\[1\].secretKey is used twice \(received 'a'\)/);
    });

    test('a Key Vault secret name with an underscore', () => {
      expect(() => externalSecret(fixture(), { data: [{ secretKey: 'a', keyVaultSecret: 'minio_root' }] })).toThrow(/data\[0\].keyVaultSecret may contain only letters, digits and hyphens \(received 'minio_root'\)/);
    });

    test('an empty Key Vault secret name', () => {
      expect(() => externalSecret(fixture(), { data: [{ secretKey: 'a', keyVaultSecret: '' }] })).toThrow(/data\[0\].keyVaultSecret must be 1 to 127 characters long \(received ''\)/);
    });

    test('a Key Vault secret name longer than 127 characters', () => {
      const long = 'a'.repeat(128);
      expect(() => externalSecret(fixture(), { data: [{ secretKey: 'a', keyVaultSecret: long }] })).toThrow(/data\[0\].keyVaultSecret must be 1 to 127 characters long/);
    });

    test('a version that is not 32 hexadecimal digits', () => {
      expect(() => externalSecret(fixture(), { data: [{ secretKey: 'a', keyVaultSecret: 'x', version: 'latest' }] })).toThrow(/data\[0\].version must be 32 hexadecimal digits \(received 'latest'\)/);
    });

    test('a refresh interval with milliseconds', () => {
      expect(() => externalSecret(fixture(), { refreshInterval: Duration.millis(1500) })).toThrow(/refreshInterval must be a whole, non-negative number of seconds \(received '1500ms'\)/);
    });

    test('a template that renders nothing', () => {
      expect(() => externalSecret(fixture(), { template: { data: {} } })).toThrow(/template.data must render at least one key/);
    });

    test('a template key that is not a Secret key', () => {
      expect(() => externalSecret(fixture(), { template: { data: { 'config env': 'x' } } })).toThrow(/template.data\['config env'\] must be a Secret key .*received 'config env'/);
    });
  });
});
