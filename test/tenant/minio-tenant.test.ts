import { Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AzureLoadBalancer,
  CertificateSecretType,
  HealthProbeProtocol,
  PrivateCa,
  TenantCertificate,
  MinioImage,
  PoolSpread,
  ServiceExposure,
  TenantTls,
} from '../../lib';
import { expectValidManifests } from '../support/strict-validator';
import { synthWithPool, tenantChart, tenantOf, VALID_POOL } from './tenant-fixtures';

describe('MinioTenant defaults', () => {
  const { chart } = tenantChart();
  const manifests = Testing.synth(chart);
  const tenant = tenantOf(manifests);
  const pool = tenant.spec.pools[0];

  test('everything it synthesizes passes strict schema validation', () => {
    expectValidManifests(manifests);
  });

  test('matches the snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('pins the image to a MinIO release', () => {
    expect(tenant.spec.image).toBe('quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z');
    expect(tenant.spec.image).not.toMatch(/latest/);
  });

  test('references the configuration Secret and writes no credentials', () => {
    expect(tenant.spec.configuration).toEqual({ name: 'store-config' });
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    expect(JSON.stringify(manifests)).not.toMatch(/MINIO_ROOT_(USER|PASSWORD)/);
  });

  test('runs pool pods under Pod Security "restricted"', () => {
    expect(pool.securityContext).toEqual({
      runAsUser: 1000, runAsGroup: 1000, runAsNonRoot: true, fsGroup: 1000, fsGroupChangePolicy: 'OnRootMismatch',
    });
    expect(pool.containerSecurityContext).toEqual({
      runAsUser: 1000,
      runAsGroup: 1000,
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  test('puts volumes on AKS premium SSD with ReadWriteOnce and the requested size', () => {
    expect(pool.volumeClaimTemplate.spec).toEqual({
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'managed-csi-premium',
      resources: { requests: { storage: '1Ti' } },
    });
  });

  test('spreads servers across zones and one per node', () => {
    const selector = { matchLabels: { 'v1.min.io/tenant': 'store', 'v1.min.io/pool': 'pool-0' } };
    expect(pool.topologySpreadConstraints).toEqual([{
      maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: selector,
    }]);
    expect(pool.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toEqual([
      { labelSelector: selector, topologyKey: 'kubernetes.io/hostname' },
    ]);
  });

  test('sets requests and limits', () => {
    expect(pool.resources).toEqual({ requests: { cpu: '2', memory: '8Gi' }, limits: { cpu: '4', memory: '8Gi' } });
  });

  test('writes no prometheus.io annotations, which no scraper of this library reads, and keeps metrics behind a token', () => {
    expect(tenant.metadata.annotations).toBeUndefined();
    expect(tenant.spec.poolsMetadata).toBeUndefined();
    expect(JSON.stringify(manifests)).not.toContain('prometheus.io/');
    expect(JSON.stringify(tenant.spec.env ?? [])).not.toContain('MINIO_PROMETHEUS_AUTH_TYPE');
  });

  test('logs JSON, uses operator auto-cert TLS and ClusterIP services', () => {
    expect(tenant.spec.logging).toEqual({ json: true, anonymous: true, quiet: false });
    expect(tenant.spec.requestAutoCert).toBe(true);
    expect(tenant.spec.exposeServices).toEqual({ minio: false, console: false });
    expect(tenant.spec.serviceMetadata).toBeUndefined();
  });

  test('never sets MINIO_UPDATE', () => {
    expect(JSON.stringify(manifests)).not.toMatch(/MINIO_UPDATE/);
  });

  test('admits internode, operator and client traffic through a NetworkPolicy', () => {
    const policy = manifests.find((m) => m.kind === 'NetworkPolicy');
    expect(policy.metadata).toEqual({ name: 'store-minio', namespace: 'objects', labels: expect.objectContaining({ 'app.kubernetes.io/managed-by': 'minio-aks' }) });
    expect(policy.spec.podSelector).toEqual({ matchLabels: { 'v1.min.io/tenant': 'store' } });
    expect(policy.spec.ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { 'v1.min.io/tenant': 'store' } } }] },
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'minio-operator' } } }] },
      { ports: [{ port: 9000, protocol: 'TCP' }, { port: 9443, protocol: 'TCP' }] },
    ]);
  });

  test('adds a PodDisruptionBudget per pool, which operator v7 no longer creates', () => {
    expect(manifests.filter((m) => m.kind === 'PodDisruptionBudget')).toEqual([{
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'store-pool-0', namespace: 'objects', labels: expect.objectContaining({ 'app.kubernetes.io/component': 'minio-tenant' }) },
      // 16 drives in one set, parity 4, write quorum 12: each server holds 4 drives of the set, so one may be down.
      spec: { maxUnavailable: 1, selector: { matchLabels: { 'v1.min.io/tenant': 'store', 'v1.min.io/pool': 'pool-0' } } },
    }]);
  });
});

describe('MinioTenant options', () => {
  test('addPool after construction lands in the spec', () => {
    const { chart, tenant } = tenantChart();
    tenant.addPool({ ...VALID_POOL, name: 'pool-1', servers: 8, volumeSize: Size.gibibytes(512) });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(tenantOf(manifests).spec.pools.map((p: any) => [p.name, p.servers])).toEqual([['pool-0', 4], ['pool-1', 8]]);
    expect(tenant.poolNames).toEqual(['pool-0', 'pool-1']);
  });

  test('external certificates turn auto-cert off and carry their type; CAs are trusted', () => {
    const { chart } = tenantChart({
      tls: TenantTls.fromSecrets({ name: 'store-tls', type: CertificateSecretType.CERT_MANAGER }),
      trustedCertificateAuthorities: [{ name: 'kms-ca', type: CertificateSecretType.KUBERNETES_TLS }],
    });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const spec = tenantOf(manifests).spec;
    expect(spec.requestAutoCert).toBe(false);
    expect(spec.externalCertSecret).toEqual([{ name: 'store-tls', type: 'cert-manager.io/v1' }]);
    expect(spec.externalCaCertSecret).toEqual([{ name: 'kms-ca', type: 'kubernetes.io/tls' }]);
  });

  test('a cert-manager certificate from a private CA is served with its CA', () => {
    const { chart } = tenantChart();
    const ca = new PrivateCa(chart, 'Ca', { name: 'storage-ca' });
    const certificate = new TenantCertificate(chart, 'Cert', { tenantName: 'lake', namespace: 'objects', issuer: ca });
    const { chart: tenantChartWithCert } = tenantChart({ tls: TenantTls.fromCertificates(certificate) });
    const spec = tenantOf(Testing.synth(tenantChartWithCert)).spec;
    expect(spec.requestAutoCert).toBe(false);
    expect(spec.externalCertSecret).toEqual([{ name: certificate.secretName, type: 'cert-manager.io/v1' }]);
  });

  test('a LoadBalancer exposure open to the internet on purpose sets the service type and metadata', () => {
    const { chart } = tenantChart({
      s3Exposure: ServiceExposure.loadBalancer({ annotations: { 'b': '2', 'a': '1' }, labels: { tier: 'edge' }, allowFromAnywhere: true }),
    });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const spec = tenantOf(manifests).spec;
    expect(spec.exposeServices).toEqual({ minio: true, console: false });
    expect(spec.serviceMetadata).toEqual({ minioServiceAnnotations: { a: '1', b: '2' }, minioServiceLabels: { tier: 'edge' } });
    expect(Object.keys(spec.serviceMetadata.minioServiceAnnotations)).toEqual(['a', 'b']);
  });

  test('an Azure load balancer puts its validated annotations on the operator-created Services', () => {
    const { chart } = tenantChart({
      s3Exposure: ServiceExposure.azureLoadBalancer(AzureLoadBalancer.internal({ subnet: 'storage', ipv4Address: '10.240.0.50' }), { exposure: 's3' }),
    });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const spec = tenantOf(manifests).spec;
    expect(spec.exposeServices).toEqual({ minio: true, console: false });
    expect(spec.serviceMetadata.minioServiceLabels).toEqual({ exposure: 's3' });
    expect(spec.serviceMetadata.minioServiceAnnotations).toEqual({
      'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
      'service.beta.kubernetes.io/azure-load-balancer-internal-subnet': 'storage',
      'service.beta.kubernetes.io/azure-load-balancer-ipv4': '10.240.0.50',
    });
  });

  test('an Azure load balancer validates per-port probes against the S3 service port', () => {
    const lb = AzureLoadBalancer.internal({ healthProbe: { ports: [{ port: 9000, protocol: HealthProbeProtocol.TCP }] } });
    expect(() => tenantChart({ s3Exposure: ServiceExposure.azureLoadBalancer(lb) }))
      .toThrow(/test\/store: s3Exposure\.healthProbe\.ports\[0\]\.port .*9000/);
  });

  test('source ranges cannot reach the Services the operator creates', () => {
    const lb = AzureLoadBalancer.internal({ sourceRanges: ['10.0.0.0/8'] });
    expect(() => tenantChart({ consoleExposure: ServiceExposure.azureLoadBalancer(lb) }))
      .toThrow(/test\/store: consoleExposure\.sourceRanges cannot be applied to the Services the MinIO Operator creates \(received \["10.0.0.0\/8"\]\): use allowedIpRanges/);
  });

  test('extra env is sorted and literal', () => {
    const { chart, tenant } = tenantChart({ env: { MINIO_BROWSER: kplus.EnvValue.fromValue('on') } });
    tenant.addEnv('MINIO_AUDIT_WEBHOOK_ENABLE', kplus.EnvValue.fromValue('on'));
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(tenantOf(manifests).spec.env).toEqual([
      { name: 'MINIO_AUDIT_WEBHOOK_ENABLE', value: 'on' },
      { name: 'MINIO_BROWSER', value: 'on' },
    ]);
  });

  test('extra env is in code unit order, whatever the machine\'s locale', () => {
    // Locale collation would put MINIO_A_B first ('_' before letters); cdk8s orders keys by code unit.
    const { chart, tenant } = tenantChart({ env: { MINIO_A_B: kplus.EnvValue.fromValue('1') } });
    tenant.addEnv('MINIO_AB', kplus.EnvValue.fromValue('2'));
    expect(tenantOf(Testing.synth(chart)).spec.env.map((variable: { name: string }) => variable.name)).toEqual(['MINIO_AB', 'MINIO_A_B']);
  });

  test('pool scheduling, custom image, domains and public metrics', () => {
    const { chart } = tenantChart({
      image: MinioImage.fromRepository('myregistry.azurecr.io/minio/minio', 'RELEASE.2025-09-07T16-13-09Z'),
      domains: { s3: ['s3.example.com'], console: 'https://console.example.com', bucketDns: true },
      metrics: { public: true },
      pools: [{
        ...VALID_POOL,
        spread: PoolSpread.acrossHosts(),
        nodeSelector: { agentpool: 'minio' },
        tolerations: [{ key: 'dedicated', value: 'minio', effect: kplus.TaintEffect.NO_SCHEDULE }],
        storageClassName: 'managed-csi',
      }],
    });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const spec = tenantOf(manifests).spec;
    expect(spec.image).toBe('myregistry.azurecr.io/minio/minio:RELEASE.2025-09-07T16-13-09Z');
    expect(spec.features).toEqual({ bucketDNS: true, domains: { minio: ['s3.example.com'], console: 'https://console.example.com' } });
    expect(spec.env).toContainEqual({ name: 'MINIO_PROMETHEUS_AUTH_TYPE', value: 'public' });
    expect(spec.pools[0].topologySpreadConstraints).toBeUndefined();
    expect(spec.pools[0].nodeSelector).toEqual({ agentpool: 'minio' });
    expect(spec.pools[0].tolerations).toEqual([{ key: 'dedicated', value: 'minio', effect: 'NoSchedule' }]);
  });

  test('an image pinned by digest', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const { chart } = tenantChart({ image: MinioImage.fromRepository('quay.io/minio/minio', digest) });
    expect(tenantOf(Testing.synth(chart)).spec.image).toBe(`quay.io/minio/minio@${digest}`);
  });

  test('the network policy can be left out', () => {
    const { chart } = tenantChart({ networkPolicy: false });
    expect(Testing.synth(chart).map((m) => m.kind)).toEqual(['PodDisruptionBudget', 'Tenant']);
  });
});

describe('MinioTenant accepts the smallest layouts the operator accepts', () => {
  test.each([
    [1, 1], [1, 4], [2, 2], [3, 2], [4, 1], [16, 1], [32, 4],
  ])('%i servers x %i volumes', (servers, volumesPerServer) => {
    expect(() => synthWithPool({ servers, volumesPerServer })).not.toThrow();
  });
});
