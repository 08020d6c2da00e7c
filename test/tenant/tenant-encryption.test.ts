import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  CertificateIssuer,
  CertificateSecretType,
  GitOpsChart,
  HsmKeySource,
  KmsTls,
  MinioKmsCluster,
  MinioTenant,
  TenantEncryption,
  WorkloadIdentityServiceAccount,
} from '../../lib';
import { expectValidManifests } from '../support/strict-validator';
import { ADMIN_IDENTITY, find, IMAGE, kmsChart } from '../kms/kms-fixtures';
import { tenantChart, tenantOf, VALID_POOL } from './tenant-fixtures';

const API_KEY = { secretName: 'store-kms', key: 'api-key' };

describe('TenantEncryption.kms', () => {
  test('in the KMS namespace: every node, enclave, key, API key by reference, and the CA trusted', () => {
    const { chart, cluster } = kmsChart();
    new MinioTenant(chart, 'store', {
      configuration: { name: 'store-config' },
      pools: [VALID_POOL],
      encryption: TenantEncryption.kms({ cluster, enclave: 'lake', defaultKey: 'lake-default', apiKey: API_KEY }),
    });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const spec = tenantOf(manifests).spec;
    expect(spec.env).toEqual([
      { name: 'MINIO_KMS_API_KEY', valueFrom: { secretKeyRef: { name: 'store-kms', key: 'api-key' } } },
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
    new MinioTenant(chart, 'store', {
      namespace: 'objects',
      configuration: { name: 'store-config' },
      pools: [VALID_POOL],
      encryption: TenantEncryption.kms({ cluster, enclave: 'lake', defaultKey: 'lake-default', apiKey: API_KEY }),
    });
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
    const { chart, cluster } = kmsChart({ tls: KmsTls.fromSecret('kms-tls-existing', { hasCa: false }) });
    new MinioTenant(chart, 'store', {
      configuration: { name: 'store-config' },
      pools: [VALID_POOL],
      encryption: TenantEncryption.kms({
        cluster, enclave: 'lake', defaultKey: 'k', apiKey: API_KEY, caSecret: { name: 'kms-ca-bundle', type: CertificateSecretType.OPAQUE },
      }),
    });
    expect(tenantOf(Testing.synth(chart)).spec.externalCaCertSecret).toEqual([{ name: 'kms-ca-bundle', type: 'Opaque' }]);
  });

  test('a KMS CA that cannot reach the tenant namespace is refused', () => {
    const chart = new GitOpsChart(Testing.app(), 'x', { namespace: 'minio-kms' });
    const cluster = new MinioKmsCluster(chart, 'kms', {
      image: IMAGE, hsmKey: HsmKeySource.fromSecret('h'), adminIdentity: ADMIN_IDENTITY, adminApiKey: API_KEY,
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
    const { chart } = tenantChart();
    const identity = new WorkloadIdentityServiceAccount(chart, 'Kes', {
      name: 'store-kes', namespace: 'objects', clientId: '11111111-2222-3333-4444-555555555555',
    });
    const tenant = new MinioTenant(chart, 'kes-store', {
      configuration: { name: 'store-config' },
      pools: [VALID_POOL],
      encryption: TenantEncryption.kesWithKeyVault({
        image: 'quay.io/minio/kes:2025-03-12T09-35-18Z', configSecretName: 'store-kes-config', keyName: 'store-default', identity,
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
    const { chart } = tenantChart();
    const identity = new WorkloadIdentityServiceAccount(chart, 'Kes', { name: 'kes', namespace: 'elsewhere', clientId: '11111111-2222-3333-4444-555555555555' });
    const options = { configSecretName: 'c', keyName: 'k', identity };
    expect(() => new MinioTenant(chart, 'a', {
      configuration: { name: 'c' }, pools: [VALID_POOL], encryption: TenantEncryption.kesWithKeyVault({ ...options, image: 'quay.io/minio/kes:latest' }),
    })).toThrow(/test\/a: encryption\.image must be pinned to a tag or digest \(received 'quay.io\/minio\/kes:latest'\)/);
    expect(() => new MinioTenant(chart, 'b', {
      configuration: { name: 'c' }, pools: [VALID_POOL], encryption: TenantEncryption.kesWithKeyVault({ ...options, image: 'quay.io/minio/kes:2025-03-12T09-35-18Z' }),
    })).toThrow(/test\/b: encryption\.identity must be a ServiceAccount in the tenant's namespace 'objects' \(received 'elsewhere'\)/);
  });
});

describe('TenantEncryption.staticKey', () => {
  test('mounts the key file and points MINIO_KMS_SECRET_KEY_FILE at its absolute path', () => {
    const { chart } = tenantChart({ encryption: TenantEncryption.staticKey({ secret: { secretName: 'store-sse', key: 'key' } }) });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const spec = tenantOf(manifests).spec;
    expect(spec.env).toEqual([{ name: 'MINIO_KMS_SECRET_KEY_FILE', value: '/etc/minio/kms/secret-key' }]);
    expect(spec.additionalVolumes).toEqual([{ name: 'kms-secret-key', secret: { secretName: 'store-sse', items: [{ key: 'key', path: 'secret-key' }] } }]);
    expect(spec.additionalVolumeMounts).toEqual([{ name: 'kms-secret-key', mountPath: '/etc/minio/kms', readOnly: true }]);
  });

  test('a bare key name is refused', () => {
    expect(() => tenantChart({ encryption: TenantEncryption.staticKey({ secret: { secretName: 's', key: 'k' }, mountPath: 'secret-key' }) }))
      .toThrow(/test\/store: encryption\.mountPath must be an absolute file path \(received 'secret-key'\): MinIO reads MINIO_KMS_SECRET_KEY_FILE as a path/);
  });
});

describe('a tenant uses exactly one KMS', () => {
  test('KMS variables in env beside an encryption mode are refused', () => {
    expect(() => tenantChart({
      encryption: TenantEncryption.staticKey({ secret: { secretName: 's', key: 'k' } }),
      env: { MINIO_KMS_KES_ENDPOINT: kplus.EnvValue.fromValue('https://kes:7373') },
    })).toThrow(/test\/store: env\.MINIO_KMS_KES_ENDPOINT selects a KMS, which the encryption option owns \(received 'https:\/\/kes:7373'\)/);
  });

  test('KMS variables in env without an encryption mode are refused too', () => {
    expect(() => tenantChart({ env: { MINIO_KMS_SECRET_KEY_FILE: kplus.EnvValue.fromValue('/k') } }))
      .toThrow(/env\.MINIO_KMS_SECRET_KEY_FILE selects a KMS.*use encryption: TenantEncryption\.kms\(\), kesWithKeyVault\(\) or staticKey\(\)/);
  });
});
