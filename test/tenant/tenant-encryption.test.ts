import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  CertificateIssuer,
  CertificateSecretType,
  GitOpsChart,
  HsmKeySource,
  KesImage,
  KeyVaultSecretStore,
  KmsTls,
  MinioKmsCluster,
  MinioTenant,
  SecretSetting,
  SecretValue,
  TenantConfigurationSecret,
  TenantEncryption,
  WorkloadIdentityServiceAccount,
} from '../../lib';
import { mountedSecretFile, renderMinioEnvironment } from '../support/operator-rendering';
import { expectValidManifests } from '../support/strict-validator';
import { ADMIN_IDENTITY, find, IMAGE, kmsChart } from '../kms/kms-fixtures';
import { tenantChart, tenantOf, VALID_POOL } from './tenant-fixtures';

/** The tenant's own config.env carries the key (an existing Secret the library does not render). */
const API_KEY = SecretSetting.inConfigurationSecret();
/** What Key Vault holds in the tests that render config.env. */
const KEY_VAULT = {
  'store-root-user': 'admin',
  'store-root-password': 'correct horse battery staple',
  'store-kms-api-key': 'k1:AqwjUvaWEE9O83quGOkiO_2D1x37Za9gE4L5UHdq0Ag',
};

/** A TenantConfigurationSecret `store-config` in `chart`'s namespace `namespace`, reading Key Vault. */
function configurationSecret(chart: GitOpsChart, namespace: string): TenantConfigurationSecret {
  const reader = new WorkloadIdentityServiceAccount(chart, 'Reader', {
    name: 'vault-reader', namespace, clientId: '11111111-2222-3333-4444-555555555555', tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  });
  const store = new KeyVaultSecretStore(chart, 'Vault', { name: 'vault', vaultUrl: 'https://contoso.vault.azure.net', identity: reader });
  return new TenantConfigurationSecret(chart, 'Configuration', {
    name: 'store-config', store, rootUser: 'store-root-user', rootPassword: 'store-root-password',
  });
}

/** Every variable MinIO needs for a minkms-encrypted tenant, with a non-empty value from a source it reads. */
const KMS_VARIABLES = ['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD', 'MINIO_KMS_SERVER', 'MINIO_KMS_ENCLAVE', 'MINIO_KMS_SSE_KEY', 'MINIO_KMS_API_KEY'];

describe('TenantEncryption.kms', () => {
  test('the API key reaches MinIO through config.env, with every other variable MinIO needs', () => {
    const { chart, cluster } = kmsChart();
    const configuration = configurationSecret(chart, 'minio-kms');
    cluster.allowClients(new MinioTenant(chart, 'store', {
      configuration,
      pools: [VALID_POOL],
      encryption: TenantEncryption.kms({
        cluster, enclave: 'lake', defaultKey: 'lake-default', apiKey: SecretSetting.fromKeyVault('store-kms-api-key'),
      }),
    }));
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const minio = renderMinioEnvironment(manifests, 'store', KEY_VAULT);
    for (const name of KMS_VARIABLES) expect([name, minio.get(name)?.value]).toEqual([name, expect.stringMatching(/./)]);
    expect(minio.get('MINIO_KMS_API_KEY')).toEqual({ value: KEY_VAULT['store-kms-api-key'], source: 'config.env' });
    expect(find(manifests, 'ExternalSecret', 'store-config').spec.data).toContainEqual({
      secretKey: 'MINIO_KMS_API_KEY', remoteRef: { key: 'store-kms-api-key' },
    });
    // Nothing refers to a Secret from spec.env: the operator would hand MinIO an empty string.
    expect(tenantOf(manifests).spec.env.filter((e: any) => e.valueFrom !== undefined)).toEqual([]);
    expect(JSON.stringify(manifests)).not.toMatch(/k1:|hsm:aes256:/);
  });

  test('the operator rendering shows a Secret reference in spec.env as the empty string MinIO would get', () => {
    const minio = renderMinioEnvironment([{
      kind: 'Tenant', metadata: { name: 't', namespace: 'n' },
      spec: { configuration: { name: 'c' }, env: [{ name: 'MINIO_KMS_API_KEY', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] },
    }], 't', {}, 'export MINIO_ROOT_USER="admin"\n');
    expect(minio.get('MINIO_KMS_API_KEY')).toEqual({ value: '', source: 'spec.env' });
  });

  test('an API key from Key Vault needs a configuration the library renders', () => {
    const { chart, cluster } = kmsChart();
    expect(() => new MinioTenant(chart, 'store', {
      configuration: { name: 'store-config' },
      pools: [VALID_POOL],
      encryption: TenantEncryption.kms({ cluster, enclave: 'lake', defaultKey: 'k', apiKey: SecretSetting.fromKeyVault('store-kms-api-key') }),
    })).toThrow(/test\/store: encryption\.apiKey cannot reach MinIO: the tenant's configuration 'store-config' is an existing Secret .* cannot add MINIO_KMS_API_KEY \(received 'store-kms-api-key'\): pass a TenantConfigurationSecret/);
  });

  test('an API key promised in a TenantConfigurationSecret that does not render it is refused', () => {
    const { chart, cluster } = kmsChart();
    const configuration = configurationSecret(chart, 'minio-kms');
    expect(() => new MinioTenant(chart, 'store', {
      configuration, pools: [VALID_POOL],
      encryption: TenantEncryption.kms({ cluster, enclave: 'lake', defaultKey: 'k', apiKey: SecretSetting.inConfigurationSecret() }),
    })).toThrow(/encryption\.apiKey cannot reach MinIO: TenantConfigurationSecret 'store-config' renders config\.env without MINIO_KMS_API_KEY/);
  });

  test('a Secret key reference as the API key (the old wiring) is refused', () => {
    const { chart, cluster } = kmsChart();
    expect(() => new MinioTenant(chart, 'store', {
      configuration: { name: 'c' }, pools: [VALID_POOL],
      encryption: TenantEncryption.kms({ cluster, enclave: 'lake', defaultKey: 'k', apiKey: SecretValue.fromSecretName('s', 'k') as any }),
    })).toThrow(/encryption\.apiKey must be a SecretSetting .*Secret references in env to MinIO as empty strings/);
  });

  test('in the KMS namespace: every node, enclave and key in env, and the CA trusted', () => {
    const { chart, cluster } = kmsChart();
    cluster.allowClients(new MinioTenant(chart, 'store', {
      configuration: { name: 'store-config' },
      pools: [VALID_POOL],
      encryption: TenantEncryption.kms({ cluster, enclave: 'lake', defaultKey: 'lake-default', apiKey: API_KEY }),
    }));
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const spec = tenantOf(manifests).spec;
    expect(spec.env).toEqual([
      { name: 'MINIO_KMS_ENCLAVE', value: 'lake' },
      { name: 'MINIO_KMS_SERVER', value: 'https://kms.minio-kms.svc.cluster.local:7373' },
      { name: 'MINIO_KMS_SSE_KEY', value: 'lake-default' },
    ]);
    expect(spec.externalCaCertSecret).toEqual([{ name: 'kms-tls', type: 'cert-manager.io/v1' }]);
    expect(find(manifests, 'NetworkPolicy', 'kms').spec.ingress[0].from).toContainEqual({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'minio-kms' } },
      podSelector: { matchLabels: { 'v1.min.io/tenant': 'store' } },
    });
    expect(JSON.stringify(manifests)).not.toMatch(/k1:|hsm:aes256:/);
  });

  test('in another namespace: the CA arrives through a certificate from the same ClusterIssuer', () => {
    const { chart, cluster } = kmsChart();
    cluster.allowClients(new MinioTenant(chart, 'store', {
      namespace: 'objects',
      configuration: { name: 'store-config' },
      pools: [VALID_POOL],
      encryption: TenantEncryption.kms({ cluster, enclave: 'lake', defaultKey: 'lake-default', apiKey: API_KEY }),
    }));
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const trust = find(manifests, 'Certificate', 'kms-ca-trust');
    expect(trust.metadata.namespace).toBe('objects');
    expect(trust.spec.issuerRef).toEqual({ name: 'kms-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' });
    expect(tenantOf(manifests).spec.externalCaCertSecret).toEqual([{ name: trust.spec.secretName, type: 'cert-manager.io/v1' }]);
    expect(find(manifests, 'NetworkPolicy', 'kms').spec.ingress[0].from).toContainEqual({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'objects' } },
      podSelector: { matchLabels: { 'v1.min.io/tenant': 'store' } },
    });
  });

  test('an explicit CA Secret is trusted as given', () => {
    const { chart, cluster } = kmsChart({ tls: KmsTls.fromSecret({ name: 'kms-tls-existing' }, { hasCa: false }) });
    cluster.allowClients(new MinioTenant(chart, 'store', {
      configuration: { name: 'store-config' },
      pools: [VALID_POOL],
      encryption: TenantEncryption.kms({
        cluster, enclave: 'lake', defaultKey: 'k', apiKey: API_KEY, caSecret: { name: 'kms-ca-bundle', type: CertificateSecretType.OPAQUE },
      }),
    }));
    expect(tenantOf(Testing.synth(chart)).spec.externalCaCertSecret).toEqual([{ name: 'kms-ca-bundle', type: 'Opaque' }]);
  });

  test('a KMS CA that cannot reach the tenant namespace is refused', () => {
    const chart = new GitOpsChart(Testing.app(), 'x', { namespace: 'minio-kms' });
    const cluster = new MinioKmsCluster(chart, 'kms', {
      image: IMAGE, hsmKey: HsmKeySource.fromSecret(SecretValue.fromSecretName('h', 'hsm-key')), adminIdentity: ADMIN_IDENTITY, adminApiKey: SecretValue.fromSecretName('kms-admin', 'api-key'),
      tls: KmsTls.fromIssuer(CertificateIssuer.fromIssuerName('local-ca', { namespace: 'minio-kms' })),
    });
    expect(() => new MinioTenant(chart, 'store', {
      namespace: 'objects', configuration: { name: 'c' }, pools: [VALID_POOL],
      encryption: TenantEncryption.kms({ cluster, enclave: 'lake', defaultKey: 'k', apiKey: API_KEY }),
    })).toThrow(/x\/store: encryption\.caSecret is required: the KMS in namespace 'minio-kms' is not issued by a ClusterIssuer/);
  });

  test('an invalid enclave name', () => {
    const { chart, cluster } = kmsChart();
    expect(() => new MinioTenant(chart, 'store', {
      configuration: { name: 'c' }, pools: [VALID_POOL],
      encryption: TenantEncryption.kms({ cluster, enclave: 'my enclave', defaultKey: 'k', apiKey: API_KEY }),
    })).toThrow(/test\/store: encryption\.enclave is not a valid KMS name \(received 'my enclave'\)/);
  });
});

describe('TenantEncryption.kesWithKeyVault', () => {
  test('runs KES under the workload identity with its config Secret and key', () => {
    const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'objects' });
    const identity = new WorkloadIdentityServiceAccount(chart, 'Kes', {
      name: 'store-kes', namespace: 'objects', clientId: '11111111-2222-3333-4444-555555555555',
    });
    const tenant = new MinioTenant(chart, 'kes-store', {
      configuration: { name: 'store-config' },
      pools: [VALID_POOL],
      encryption: TenantEncryption.kesWithKeyVault({
        image: KesImage.release('2025-03-12T09-35-18Z'), configSecret: { name: 'store-kes-config' }, keyName: 'store-default', identity,
      }),
    });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const kes = manifests.find((m) => m.kind === 'Tenant' && m.metadata.name === tenant.name).spec.kes;
    expect(kes).toMatchObject({
      image: 'quay.io/minio/kes:2025-03-12T09-35-18Z',
      replicas: 2,
      kesSecret: { name: 'store-kes-config' },
      keyName: 'store-default',
      serviceAccountName: 'store-kes',
      labels: { 'azure.workload.identity/use': 'true' },
      containerSecurityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
    });
  });

  test('an unpinned KES image and an identity in another namespace are refused', () => {
    const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'objects' });
    const identity = new WorkloadIdentityServiceAccount(chart, 'Kes', { name: 'kes', namespace: 'elsewhere', clientId: '11111111-2222-3333-4444-555555555555' });
    const options = { configSecret: { name: 'c' }, keyName: 'k', identity };
    expect(() => new MinioTenant(chart, 'a', {
      configuration: { name: 'c' }, pools: [VALID_POOL], encryption: TenantEncryption.kesWithKeyVault({ ...options, image: KesImage.release('latest') }),
    })).toThrow(/test\/a: encryption\.image\.tag must pin a release \(received 'latest'\)/);
    expect(() => new MinioTenant(new GitOpsChart(Testing.app(), 'test', { namespace: 'objects' }), 'b', {
      configuration: { name: 'c' }, pools: [VALID_POOL], encryption: TenantEncryption.kesWithKeyVault({ ...options, image: KesImage.release('2025-03-12T09-35-18Z') }),
    })).toThrow(/test\/b: encryption\.identity must be a ServiceAccount in the tenant's namespace 'objects' \(received 'elsewhere'\)/);
  });
});

describe('TenantEncryption.staticKey', () => {
  test('mounts the key file and points MINIO_KMS_SECRET_KEY_FILE at its absolute path', () => {
    const { chart } = tenantChart({ encryption: TenantEncryption.staticKey({ secret: SecretValue.fromSecretName('store-sse', 'key') }) });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const spec = tenantOf(manifests).spec;
    const minio = renderMinioEnvironment(manifests, 'store', {}, 'export MINIO_ROOT_USER="a"\nexport MINIO_ROOT_PASSWORD="b"\n');
    const path = minio.get('MINIO_KMS_SECRET_KEY_FILE')!.value;
    expect(mountedSecretFile(tenantOf(manifests), path)).toEqual({ secretName: 'store-sse', key: 'key' });
    expect(spec.env).toEqual([{ name: 'MINIO_KMS_SECRET_KEY_FILE', value: '/etc/minio/kms/secret-key' }]);
    expect(spec.additionalVolumes).toEqual([{ name: 'kms-secret-key', secret: { secretName: 'store-sse', items: [{ key: 'key', path: 'secret-key' }] } }]);
    expect(spec.additionalVolumeMounts).toEqual([{ name: 'kms-secret-key', mountPath: '/etc/minio/kms', readOnly: true }]);
  });

  test('a bare key name is refused', () => {
    expect(() => tenantChart({ encryption: TenantEncryption.staticKey({ secret: SecretValue.fromSecretName('s', 'k'), mountPath: 'secret-key' }) }))
      .toThrow(/test\/store: encryption\.mountPath must be an absolute file path \(received 'secret-key'\): MinIO reads MINIO_KMS_SECRET_KEY_FILE as a path/);
  });
});

describe('a tenant uses exactly one KMS', () => {
  test('KMS variables in env beside an encryption mode are refused', () => {
    expect(() => tenantChart({
      encryption: TenantEncryption.staticKey({ secret: SecretValue.fromSecretName('s', 'k') }),
      env: { MINIO_KMS_KES_ENDPOINT: kplus.EnvValue.fromValue('https://kes:7373') },
    })).toThrow(/test\/store: env\.MINIO_KMS_KES_ENDPOINT selects a KMS, which the encryption option owns \(received 'https:\/\/kes:7373'\)/);
  });

  test('KMS variables in env without an encryption mode are refused too', () => {
    expect(() => tenantChart({ env: { MINIO_KMS_SECRET_KEY_FILE: kplus.EnvValue.fromValue('/k') } }))
      .toThrow(/env\.MINIO_KMS_SECRET_KEY_FILE selects a KMS.*use encryption: TenantEncryption\.kms\(\), kesWithKeyVault\(\) or staticKey\(\)/);
  });
});
