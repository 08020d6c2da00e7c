import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  CertificateIssuer,
  ConfigurationError,
  GitOpsChart,
  MinioKmsCluster,
  MinioTenant,
  SecretSetting,
  TenantEncryption,
} from '../../lib';
import { find, kmsChart } from '../kms/kms-fixtures';
import { expectValidManifests } from '../support/strict-validator';
import { tenantOf, VALID_POOL } from './tenant-fixtures';

const KMS_OPTIONS = { enclave: 'lake', defaultKey: 'lake-sse', apiKey: SecretSetting.inConfigurationSecret() };

/** A chart in namespace `objects` of its own app, with a tenant `store` using `cluster`. */
function tenantApp(cluster: (chart: GitOpsChart) => Parameters<typeof TenantEncryption.kms>[0]['cluster']) {
  const chart = new GitOpsChart(Testing.app(), 'objects', { namespace: 'objects' });
  const tenant = new MinioTenant(chart, 'store', {
    configuration: kplus.Secret.fromSecretName(chart, 'Config', 'store-config'),
    pools: [VALID_POOL],
    encryption: TenantEncryption.kms({ cluster: cluster(chart), ...KMS_OPTIONS }),
  });
  return { chart, tenant };
}

describe('a tenant uses a KMS cluster through IKmsEndpoint', () => {
  test('a cluster defined in another app: the same endpoint and CA trust, admitted by the KMS app', () => {
    const kms = kmsChart();
    const tenantSide = tenantApp((chart) => MinioKmsCluster.fromClusterAttributes(chart, 'Kms', {
      name: 'kms', namespace: 'minio-kms', issuer: CertificateIssuer.fromClusterIssuerName('kms-ca'),
    }));
    // The KMS app admits the tenant it knows only by name.
    kms.cluster.allowClients(MinioTenant.fromTenantAttributes(kms.chart, 'Store', { name: 'store', namespace: 'objects' }));

    const tenantManifests = Testing.synth(tenantSide.chart);
    expectValidManifests(tenantManifests);
    const spec = tenantOf(tenantManifests).spec;
    expect(spec.env).toContainEqual({ name: 'MINIO_KMS_SERVER', value: kms.cluster.clientEndpoint });
    const trust = find(tenantManifests, 'Certificate', 'kms-ca-trust');
    expect(trust.metadata.namespace).toBe('objects');
    expect(trust.spec.issuerRef).toEqual({ name: 'kms-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' });
    expect(spec.externalCaCertSecret).toEqual([{ name: trust.spec.secretName, type: 'cert-manager.io/v1' }]);
    expect(tenantManifests.filter((m) => m.kind === 'NetworkPolicy').map((m) => m.metadata.name)).toEqual(['store-minio']);

    const kmsManifests = Testing.synth(kms.chart);
    expectValidManifests(kmsManifests);
    expect(find(kmsManifests, 'NetworkPolicy', 'kms').spec.ingress[0].from).toContainEqual({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'objects' } },
      podSelector: { matchLabels: { 'v1.min.io/tenant': 'store' } },
    });
  });

  test('the imported and the defined cluster give the tenant the same Tenant', () => {
    const local = kmsChart();
    const tenant = new MinioTenant(local.chart, 'store', {
      namespace: 'objects',
      configuration: kplus.Secret.fromSecretName(local.chart, 'Config', 'store-config'),
      pools: [VALID_POOL],
      encryption: TenantEncryption.kms({ cluster: local.cluster, ...KMS_OPTIONS }),
    });
    local.cluster.allowClients(tenant);
    const imported = tenantApp((chart) => MinioKmsCluster.fromClusterAttributes(chart, 'Kms', {
      name: 'kms', namespace: 'minio-kms', issuer: CertificateIssuer.fromClusterIssuerName('kms-ca'),
    }));
    // The charts differ, and so do the recommended part-of and instance labels; everything else must match.
    const withoutLabels = ({ metadata: { labels: _labels, ...metadata }, ...rest }: any) => ({ ...rest, metadata });
    expect(withoutLabels(tenantOf(Testing.synth(imported.chart)))).toEqual(withoutLabels(tenantOf(Testing.synth(local.chart))));
  });

  test('the tenant does not change the cluster: without allowClients the app fails to synthesize', () => {
    const { chart, cluster } = kmsChart();
    const tenant = new MinioTenant(chart, 'store', {
      configuration: kplus.Secret.fromSecretName(chart, 'Config', 'store-config'),
      pools: [VALID_POOL],
      encryption: TenantEncryption.kms({ cluster, ...KMS_OPTIONS }),
    });
    expect(cluster.admitsClient(tenant)).toBe(false);
    expect(() => Testing.synth(chart)).toThrow(
      /test\/store: encryption\.cluster does not admit this tenant's pods to the KMS port \(received 'minio-kms\/kms'\): call allowClients\(tenant\)/);
    cluster.allowClients(tenant);
    expect(cluster.admitsClient(tenant)).toBe(true);
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('admitting a client twice adds one policy peer', () => {
    const { chart, cluster } = kmsChart();
    const tenant = MinioTenant.fromTenantAttributes(chart, 'Store', { name: 'store', namespace: 'objects' });
    cluster.allowClients(tenant, tenant);
    const from = find(Testing.synth(chart), 'NetworkPolicy', 'kms').spec.ingress[0].from;
    expect(from.filter((peer: any) => peer.podSelector?.matchLabels?.['v1.min.io/tenant'] === 'store')).toHaveLength(1);
  });

  test('an imported tenant exposes what other constructs need', () => {
    const chart = new GitOpsChart(Testing.app(), 'x');
    const tenant = MinioTenant.fromTenantAttributes(chart, 'Store', { name: 'store', namespace: 'objects' });
    expect(tenant).toMatchObject({
      name: 'store', namespace: 'objects', podLabels: { 'v1.min.io/tenant': 'store' }, s3Endpoint: 'https://minio.objects.svc',
    });
  });
});

describe('imports and admissions reject bad values when created', () => {
  const chart = () => new GitOpsChart(Testing.app(), 'x');

  test.each([
    ['name', { name: 'Kms', namespace: 'minio-kms' }, /x\/Kms: name must be a DNS-1123 label/],
    ['name starting with a digit', { name: '1kms', namespace: 'minio-kms' }, /x\/Kms: name must start with a letter/],
    ['namespace', { name: 'kms', namespace: 'minio_kms' }, /x\/Kms: namespace must be a DNS-1123 label/],
    ['ACME issuer', { name: 'kms', namespace: 'minio-kms', issuer: CertificateIssuer.fromClusterIssuerName('le', { isAcme: true }) },
      /x\/Kms: issuer is an ACME issuer, .*\(received 'le'\)/],
  ])('a KMS cluster import with a bad %s', (_what, attributes, message) => {
    expect(() => MinioKmsCluster.fromClusterAttributes(chart(), 'Kms', attributes)).toThrow(ConfigurationError);
    expect(() => MinioKmsCluster.fromClusterAttributes(chart(), 'Kms', attributes)).toThrow(message);
  });

  test('a tenant import with a bad name', () => {
    expect(() => MinioTenant.fromTenantAttributes(chart(), 'Store', { name: 'Store', namespace: 'objects' }))
      .toThrow(/x\/Store: name must be a DNS-1035 label of at most 55 characters/);
  });

  test('a client in a bad namespace or without pod labels', () => {
    const { cluster } = kmsChart();
    expect(() => cluster.allowClients({ namespace: 'Objects', podLabels: { app: 'x' } }))
      .toThrow(/test\/kms: clients\[0\]\.namespace must be a DNS-1123 label/);
    expect(() => cluster.allowClients({ namespace: 'objects', podLabels: {} }))
      .toThrow(/test\/kms: clients\[0\]\.podLabels must select the client pods/);
  });
});
