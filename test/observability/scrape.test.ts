import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { parse } from 'yaml';
import {
  AZURE_MONITOR_METRICS_AGENT, GitOpsChart, ManagedPrometheusPodMonitor, ManagedPrometheusScrapeConfig, MetricsAuthentication,
  MinioEndpoint, MinioMetricsVersion, MinioMirror, MinioTenant, minioAlertRules, ScrapeTarget, SecretValue,
} from '../../lib';
import { expectValidManifests } from '../support/strict-validator';
import { VALID_POOL } from '../tenant/tenant-fixtures';
import { kmsChart } from '../kms/kms-fixtures';

const TOKEN = SecretValue.fromSecretName('metrics-token', 'token');
const CA = SecretValue.fromSecretName('store-tls', 'ca.crt');

function tenantIn(chart: GitOpsChart, publicMetrics = false): MinioTenant {
  return new MinioTenant(chart, 'store', {
    configuration: kplus.Secret.fromSecretName(chart, 'Config', 'store-config'),
    pools: [VALID_POOL],
    metrics: { public: publicMetrics },
  });
}

function chart(): GitOpsChart {
  return new GitOpsChart(Testing.app(), 'test', { namespace: 'objects' });
}

/** Every endpoint of every PodMonitor and every ConfigMap job: HTTPS with a CA and a server name, and a token unless public. */
function expectSecureScrapes(manifests: any[], publicAllowed: boolean): void {
  const endpoints = manifests.filter((m) => m.kind === 'PodMonitor').flatMap((m) => m.spec.podMetricsEndpoints);
  for (const endpoint of endpoints) {
    expect(endpoint.scheme).toBe('https');
    expect(endpoint.tlsConfig.ca.secret).toEqual({ name: expect.any(String), key: expect.any(String) });
    expect(endpoint.tlsConfig.serverName).toMatch(/\.svc/);
    expect(endpoint.tlsConfig.insecureSkipVerify).toBeUndefined();
    // MinIO takes a bearer token; minkms a client certificate.
    if (!publicAllowed && endpoint.tlsConfig.cert === undefined) {
      expect(endpoint.authorization).toEqual({ type: 'Bearer', credentials: expect.objectContaining({ key: expect.any(String) }) });
    }
  }
  const jobs = manifests.filter((m) => m.metadata?.name === 'ama-metrics-prometheus-config')
    .flatMap((m) => parse(m.data['prometheus-config']).scrape_configs);
  for (const job of jobs) {
    expect(job.scheme).toBe('https');
    expect(job.tls_config.ca_file).toMatch(/^\/etc\/prometheus\/certs\//);
    expect(job.tls_config.insecure_skip_verify).toBeUndefined();
    if (!publicAllowed && job.tls_config.cert_file === undefined) expect(job.authorization.credentials_file).toMatch(/^\/etc\/prometheus\/certs\//);
  }
  expect(endpoints.length + jobs.length).toBeGreaterThan(0);
}

describe('ManagedPrometheusPodMonitor for a tenant', () => {
  const c = chart();
  const tenant = tenantIn(c);
  const monitor = new ManagedPrometheusPodMonitor(c, 'Metrics', {
    target: ScrapeTarget.minioTenant({ tenant, ca: CA, authentication: MetricsAuthentication.bearerToken(TOKEN) }),
  });
  const manifests = Testing.synth(c);
  const podMonitor = manifests.find((m) => m.kind === 'PodMonitor');

  test('passes strict validation against the vendored azmonitoring CRD', () => {
    expectValidManifests(manifests);
    expect(podMonitor.apiVersion).toBe('azmonitoring.coreos.com/v1');
  });

  test('scrapes every pod of the tenant over HTTPS with the tenant CA and the bearer token from its own namespace', () => {
    expect(podMonitor.metadata).toMatchObject({ name: 'store-metrics', namespace: 'objects' });
    expect(podMonitor.spec.selector).toEqual({ matchLabels: { 'v1.min.io/tenant': 'store' } });
    expect(podMonitor.spec.podMetricsEndpoints).toEqual([{
      port: 'minio-port',
      path: '/minio/v2/metrics/cluster',
      scheme: 'https',
      interval: '30s',
      tlsConfig: { ca: { secret: { name: 'store-tls', key: 'ca.crt' } }, serverName: 'minio.objects.svc' },
      authorization: { type: 'Bearer', credentials: { name: 'metrics-token', key: 'token' } },
    }]);
    expect(podMonitor.spec).toMatchObject({ labelLimit: 63, labelNameLengthLimit: 511, labelValueLengthLimit: 1023 });
    expectSecureScrapes(manifests, false);
  });

  test('scrapes exactly the endpoints the alerts of its metrics version read, so every alert metric is collected', () => {
    const version = monitor.target.metricsVersion!;
    const scraped = new Set(podMonitor.spec.podMetricsEndpoints.map((e: any) => e.path));
    const metrics = new Set(version.catalog.filter((m) => scraped.has(m.endpoint)).map((m) => m.name));
    for (const rule of minioAlertRules({ metricsVersion: version }).rules) {
      const names = rule.expression.match(/minio_[a-z0-9_]+/g) ?? [];
      for (const name of names) expect(metrics).toContain(name);
    }
  });

  test('metrics v3 on request scrapes the v3 endpoints', () => {
    const c3 = chart();
    new ManagedPrometheusPodMonitor(c3, 'Metrics', {
      target: ScrapeTarget.minioTenant({
        tenant: tenantIn(c3), ca: CA, authentication: MetricsAuthentication.bearerToken(TOKEN),
        metricsVersion: MinioMetricsVersion.V3, interval: Duration.minutes(1),
      }),
    });
    const m = Testing.synth(c3);
    expectValidManifests(m);
    const endpoints = m.find((o) => o.kind === 'PodMonitor').spec.podMetricsEndpoints;
    expect(endpoints.map((e: any) => e.path)).toEqual(MinioMetricsVersion.V3.endpoints);
    expect(endpoints.every((e: any) => e.interval === '60s' && e.authorization)).toBe(true);
  });
});

describe('public metrics are explicit', () => {
  test('a public tenant may be scraped without a token', () => {
    const c = chart();
    new ManagedPrometheusPodMonitor(c, 'Metrics', {
      target: ScrapeTarget.minioTenant({ tenant: tenantIn(c, true), ca: CA, authentication: MetricsAuthentication.publicMetrics() }),
    });
    const manifests = Testing.synth(c);
    expectValidManifests(manifests);
    expect(manifests.find((m) => m.kind === 'PodMonitor').spec.podMetricsEndpoints[0].authorization).toBeUndefined();
    expect(manifests.find((m) => m.kind === 'Tenant').spec.env).toContainEqual({ name: 'MINIO_PROMETHEUS_AUTH_TYPE', value: 'public' });
  });

  test('a tenant whose metrics need a token refuses a scrape without one', () => {
    const c = chart();
    const tenant = tenantIn(c);
    expect(() => new ManagedPrometheusPodMonitor(c, 'Metrics', {
      target: ScrapeTarget.minioTenant({ tenant, ca: CA, authentication: MetricsAuthentication.publicMetrics() }),
    })).toThrow(/test\/Metrics: target\.authentication does not match tenant store, whose metrics need a bearer token .*set metrics: \{ public: true \}/);
  });

  test('MINIO_PROMETHEUS_AUTH_TYPE cannot be set through env', () => {
    const c = chart();
    expect(() => new MinioTenant(c, 'store', {
      configuration: kplus.Secret.fromSecretName(c, 'Config', 'store-config'),
      pools: [VALID_POOL],
      env: { MINIO_PROMETHEUS_AUTH_TYPE: kplus.EnvValue.fromValue('public') },
    })).toThrow(/env\.MINIO_PROMETHEUS_AUTH_TYPE is owned by the metrics option .*metrics: \{ public: true \}/);
  });

  test('a missing authentication and a bad token reference are refused with the field', () => {
    const c = chart();
    const tenant = tenantIn(c);
    expect(() => new ManagedPrometheusPodMonitor(c, 'A', {
      target: ScrapeTarget.minioTenant({ tenant, ca: CA, authentication: undefined as never }),
    })).toThrow(/test\/A: target\.authentication must be a MetricsAuthentication/);
    expect(() => new ManagedPrometheusPodMonitor(c, 'B', {
      target: ScrapeTarget.minioTenant({ tenant, ca: CA, authentication: MetricsAuthentication.bearerToken(SecretValue.fromSecretName('Bad_Name', 'token')) }),
    })).toThrow(/test\/B: target\.authentication\.token\.secretName/);
  });
});

describe('KMS nodes', () => {
  test('are scraped on /v1/health/metrics with the KMS CA and a client certificate', () => {
    const { chart: c, cluster } = kmsChart();
    cluster.allowClients(AZURE_MONITOR_METRICS_AGENT);
    new ManagedPrometheusPodMonitor(c, 'KmsMetrics', {
      target: ScrapeTarget.kmsCluster({ cluster, clientCertificate: kplus.Secret.fromSecretName(c, 'Client', 'kms-metrics-client') }),
    });
    const manifests = Testing.synth(c);
    expectValidManifests(manifests);
    const monitor = manifests.find((m) => m.kind === 'PodMonitor');
    expect(monitor.metadata).toMatchObject({ name: 'kms-metrics', namespace: 'minio-kms' });
    expect(monitor.spec.podMetricsEndpoints).toEqual([{
      port: 'https', path: '/v1/health/metrics', scheme: 'https', interval: '30s',
      tlsConfig: {
        ca: { secret: { name: 'kms-tls', key: 'ca.crt' } },
        serverName: 'kms.minio-kms.svc.cluster.local',
        cert: { secret: { name: 'kms-metrics-client', key: 'tls.crt' } },
        keySecret: { name: 'kms-metrics-client', key: 'tls.key' },
      },
    }]);
    const policy = manifests.find((m) => m.kind === 'NetworkPolicy' && JSON.stringify(m).includes('ama-metrics'));
    expect(JSON.stringify(policy.spec.ingress)).toContain('"kubernetes.io/metadata.name":"kube-system"');
  });

  test('need a client certificate or an explicit statement that none is needed', () => {
    const { chart: c, cluster } = kmsChart();
    expect(() => new ManagedPrometheusPodMonitor(c, 'KmsMetrics', { target: ScrapeTarget.kmsCluster({ cluster }) }))
      .toThrow(/test\/KmsMetrics: target\.clientCertificate is required: the documented minkms scrape presents a client certificate/);
    new ManagedPrometheusPodMonitor(c, 'Unauthenticated', { target: ScrapeTarget.kmsCluster({ cluster, withoutClientCertificate: true }) });
    expectValidManifests(Testing.synth(c));
  });
});

function mirrorIn(c: GitOpsChart): MinioMirror {
  const credentials = { accessKey: SecretValue.fromSecretName('old', 'access-key'), secretKey: SecretValue.fromSecretName('old', 'secret-key') };
  return new MinioMirror(c, 'from-old', {
    source: MinioEndpoint.external('https://s3.old.contoso.com', { credentials, allowedCidrs: ['10.20.0.0/16'] }),
    target: MinioEndpoint.external('https://s3.new.contoso.com', { credentials, allowedCidrs: ['10.30.0.0/16'] }),
  });
}

describe('mc mirror', () => {
  test('is scraped on /metrics over plain HTTP without a credential, as mc serves it', () => {
    const c = chart();
    const mirror = mirrorIn(c);
    const monitor = new ManagedPrometheusPodMonitor(c, 'MirrorMetrics', { target: ScrapeTarget.minioMirror({ mirror, interval: Duration.seconds(60) }) });
    const manifests = Testing.synth(c);
    expectValidManifests(manifests);
    expect(monitor.target.tls).toBeUndefined();
    const podMonitor = manifests.find((m) => m.kind === 'PodMonitor');
    expect(podMonitor.metadata).toMatchObject({ name: 'from-old-metrics', namespace: 'objects' });
    expect(podMonitor.spec.selector).toEqual({ matchLabels: mirror.metrics.podLabels });
    expect(podMonitor.spec.podMetricsEndpoints).toEqual([{ port: 'metrics', path: '/metrics', scheme: 'http', interval: '60s' }]);
  });

  test('goes into the ConfigMap as an HTTP job without TLS or credential files, beside HTTPS targets', () => {
    const c = chart();
    const config = new ManagedPrometheusScrapeConfig(c, 'Scrape', {
      targets: [
        ScrapeTarget.minioTenant({ tenant: tenantIn(c), ca: CA, authentication: MetricsAuthentication.bearerToken(TOKEN) }),
        ScrapeTarget.minioMirror({ mirror: mirrorIn(c) }),
      ],
    });
    const manifests = Testing.synth(c);
    expectValidManifests(manifests);
    const configMap = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'ama-metrics-prometheus-config');
    const job = parse(configMap.data['prometheus-config']).scrape_configs.find((j: any) => j.job_name === 'objects/from-old-metrics');
    expect(job).toMatchObject({ scheme: 'http', metrics_path: '/metrics', scrape_interval: '30s' });
    expect(job.tls_config).toBeUndefined();
    expect(job.authorization).toBeUndefined();
    expect(job.relabel_configs).toContainEqual({ source_labels: ['__meta_kubernetes_pod_container_port_name'], regex: 'metrics', action: 'keep' });
    expect(config.credentialFiles.map((f) => f.key)).toEqual(['objects-store-metrics-ca.crt', 'objects-store-metrics-token']);
  });

  test('refuses anything but a MinioMirror', () => {
    const c = chart();
    expect(() => new ManagedPrometheusPodMonitor(c, 'Bad', { target: ScrapeTarget.minioMirror({ mirror: {} as MinioMirror }) }))
      .toThrow(/test\/Bad: target\.mirror must be a MinioMirror \(received 'object'\): pass the MinioMirror defined in this app/);
  });
});

describe('ManagedPrometheusScrapeConfig', () => {
  const { chart: c, cluster } = kmsChart();
  const tenant = tenantIn(c);
  const config = new ManagedPrometheusScrapeConfig(c, 'Scrape', {
    targets: [
      ScrapeTarget.minioTenant({ tenant, ca: CA, authentication: MetricsAuthentication.bearerToken(TOKEN), metricsVersion: MinioMetricsVersion.V3 }),
      ScrapeTarget.kmsCluster({ cluster, clientCertificate: kplus.Secret.fromSecretName(c, 'Client', 'kms-metrics-client') }),
    ],
  });
  const manifests = Testing.synth(c);
  const configMap = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'ama-metrics-prometheus-config');
  const jobs = parse(configMap.data['prometheus-config']).scrape_configs;

  test('is the kube-system ConfigMap the add-on reads, with only scrape_configs', () => {
    expectValidManifests(manifests);
    expect(configMap.metadata.namespace).toBe('kube-system');
    expect(Object.keys(parse(configMap.data['prometheus-config']))).toEqual(['scrape_configs']);
  });

  test('one job per path, pod discovery kept to the target pods and port, one job label per target', () => {
    expect(jobs.map((j: any) => j.metrics_path)).toEqual([...MinioMetricsVersion.V3.endpoints, '/v1/health/metrics']);
    expect(new Set(jobs.map((j: any) => j.job_name)).size).toBe(jobs.length);
    const first = jobs[0];
    expect(first.kubernetes_sd_configs).toEqual([{ role: 'pod', namespaces: { names: ['minio-kms'] } }]);
    expect(first.relabel_configs).toContainEqual({ source_labels: ['__meta_kubernetes_pod_label_v1_min_io_tenant'], regex: 'store', action: 'keep' });
    expect(first.relabel_configs).toContainEqual({ source_labels: ['__meta_kubernetes_pod_container_port_name'], regex: 'minio-port', action: 'keep' });
    expect(first.relabel_configs).toContainEqual({ target_label: 'job', replacement: 'minio-kms/store-metrics', action: 'replace' });
    expect(first.tls_config.server_name).toBe('minio.minio-kms.svc');
    expectSecureScrapes(manifests, false);
  });

  test('lists the credential files ama-metrics-mtls-secret must hold, never their values', () => {
    expect(config.credentialFiles.map((f) => f.key)).toEqual([
      'minio-kms-kms-metrics-ca.crt', 'minio-kms-kms-metrics-tls.crt', 'minio-kms-kms-metrics-tls.key',
      'minio-kms-store-metrics-ca.crt', 'minio-kms-store-metrics-token',
    ]);
    expect(config.credentialFiles.find((f) => f.key.endsWith('token'))!.source).toBe(TOKEN);
    expect(manifests.some((m) => m.kind === 'Secret')).toBe(false);
  });

  test('refuses an empty target list and the same target twice', () => {
    const { chart: other, cluster: kms } = kmsChart();
    expect(() => new ManagedPrometheusScrapeConfig(other, 'Empty', { targets: [] })).toThrow(/test\/Empty: targets must hold at least one ScrapeTarget/);
    const target = ScrapeTarget.kmsCluster({ cluster: kms, withoutClientCertificate: true });
    expect(() => new ManagedPrometheusScrapeConfig(other, 'Twice', { targets: [target, target] })).toThrow(/test\/Twice: targets\[1\] is scraped twice/);
  });
});
