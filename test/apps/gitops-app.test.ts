import { isAscii } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Testing } from 'cdk8s';
import { buildExamplePlatform, EXAMPLE_METRICS_VERSION } from '../../apps/gitops/example-platform';
import { nodeChildEnv } from '../support/child-env';
import { renderMinioEnvironment } from '../support/operator-rendering';
import { validateManifests } from '../support/strict-validator';

const root = join(__dirname, '..', '..');

/** Runs the real main job (`npm run synth`'s script) into a fresh directory and reads back what it wrote. */
function synthToDirectory(staleFiles: string[] = []): { dir: string; files: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'synth-'));
  if (staleFiles.length > 0) mkdirSync(join(dir, 'dist'));
  for (const staleFile of staleFiles) writeFileSync(join(dir, 'dist', staleFile), 'kind: ConfigMap\n');
  execFileSync(process.execPath, [join(root, 'scripts', 'synth.cjs')], { cwd: dir, env: nodeChildEnv({ CDK8S_OUTDIR: join(dir, 'dist') }) });
  const out = join(dir, 'dist');
  const files = Object.fromEntries(readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name), 'utf8')]));
  return { dir, files };
}

describe('the GitOps example app', () => {
  const first = synthToDirectory();
  const manifests = Object.entries(first.files).filter(([name]) => name.endsWith('.k8s.yaml'))
    .flatMap(([, text]) => parseAllDocuments(text).map((doc) => doc.toJS()));

  test('writes manifests that the strict validator accepts with 0 errors, and the alerts and dashboard beside them', () => {
    expect(Object.keys(first.files)).toEqual([
      'minio-alerts.arm.json', 'minio-ca.k8s.yaml', 'minio-kms.k8s.yaml', 'minio-production.k8s.yaml', 'minio.dashboard.json',
    ]);
    expect(validateManifests(manifests)).toEqual([]);
  });

  test('the production tenant starts with every variable MinIO needs, from sources MinIO reads', () => {
    const keyVault = {
      'minio-production-root-user': 'admin',
      'minio-production-root-password': 'correct horse battery staple',
      'minio-production-kms-api-key': 'k1:AqwjUvaWEE9O83quGOkiO_2D1x37Za9gE4L5UHdq0Ag',
      'minio-production-entra-client-secret': 'entra secret',
    };
    const minio = renderMinioEnvironment(manifests, 'production', keyVault);
    for (const name of ['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD', 'MINIO_KMS_SERVER', 'MINIO_KMS_ENCLAVE', 'MINIO_KMS_SSE_KEY', 'MINIO_KMS_API_KEY']) {
      expect([name, minio.get(name)?.value ?? '']).toEqual([name, expect.stringMatching(/./)]);
    }
    expect(minio.get('MINIO_KMS_API_KEY')?.source).toBe('config.env');
    expect(minio.get('MINIO_IDENTITY_OPENID_CLIENT_SECRET')).toEqual({ value: 'entra secret', source: 'config.env' });
    expect(minio.get('MINIO_IDENTITY_OPENID_CLAIM_NAME')?.value).toBe('groups');
  });

  test('runs from one bundle that holds the packages it imports, so Node loads one file', () => {
    const bundle = join(root, '.build', 'apps_gitops_main.cjs');
    const inputs: string[] = JSON.parse(readFileSync(`${bundle}.inputs.json`, 'utf8'));
    for (const pkg of ['cdk8s', 'cdk8s-plus-28', 'constructs']) {
      expect(inputs.some((input) => input.startsWith(`node_modules/${pkg}/`))).toBe(true);
    }
    expect(readFileSync(bundle, 'utf8')).not.toMatch(/require\("(cdk8s|cdk8s-plus-28|constructs|yaml)"\)/);
    // ASCII only, even in the comments the packages bring, so that Node reads it as a one-byte string.
    expect(isAscii(readFileSync(bundle))).toBe(true);
  });

  test('is deterministic, and leaves no file of a chart that is gone from the app', () => {
    // The second synth finds the files of a retired chart in dist/, as after deleting a chart from the app.
    expect(synthToDirectory(['minio-retired.k8s.yaml', 'minio-retired.arm.json']).files).toEqual(first.files);
  });

  test('labels every object with the recommended labels, on its own metadata only', () => {
    for (const manifest of manifests) {
      expect(Object.keys(manifest.metadata.labels).filter((key) => key.startsWith('app.kubernetes.io/')).sort())
        .toEqual(['component', 'instance', 'managed-by', 'name', 'part-of'].map((key) => `app.kubernetes.io/${key}`));
      const { metadata: _metadata, ...rest } = manifest;
      expect([manifest.kind, JSON.stringify(rest)]).not.toEqual([manifest.kind, expect.stringContaining('app.kubernetes.io/managed-by')]);
    }
    const tenantLabels = manifests.find((m) => m.kind === 'Tenant').metadata.labels;
    expect(tenantLabels).toMatchObject({ 'app.kubernetes.io/component': 'minio-tenant', 'app.kubernetes.io/managed-by': 'minio-aks' });
  });

  test('puts each namespace before anything in it so kubectl apply -f works', () => {
    const created = new Set(['cert-manager', 'minio-operator']);
    for (const manifest of manifests) {
      if (manifest.kind === 'Namespace') created.add(manifest.metadata.name);
      else if (manifest.metadata.namespace !== undefined) expect([manifest.kind, created.has(manifest.metadata.namespace)]).toEqual([manifest.kind, true]);
    }
    const kinds = manifests.map((m) => m.kind);
    expect(kinds.lastIndexOf('Job')).toBeGreaterThan(kinds.indexOf('StatefulSet'));
  });

  test('names carry no hash suffix', () => {
    // KMS Jobs end in a fingerprint of their pod template on purpose: nothing refers to them, and a new template
    // must come with a new name.
    for (const manifest of manifests.filter((m) => m.kind !== 'Job')) expect(manifest.metadata.name).not.toMatch(/-[0-9a-f]{8}$/);
  });

  test('contains no Secret data, no key material and no floating image tag', () => {
    const text = Object.values(first.files).join('\n');
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    expect(text).not.toMatch(/:latest\b/);
    expect(text).not.toMatch(/\bstringData\b/);
    expect(text).not.toMatch(/hsm:(aes256|chacha20):|k1:|k2:/);
    for (const image of text.match(/image: \S+/g) ?? []) expect(image).toMatch(/:(RELEASE\.|v?\d+\.\d+\.\d+)|@sha256:/);
  });

  const tenant = manifests.find((m) => m.kind === 'Tenant');

  test('is the production layout: 4 servers x 4 volumes across zones in a restricted namespace', () => {
    expect(tenant.spec.pools).toHaveLength(1);
    expect(tenant.spec.pools[0]).toMatchObject({ servers: 4, volumesPerServer: 4 });
    expect(tenant.spec.pools[0].topologySpreadConstraints[0].topologyKey).toBe('topology.kubernetes.io/zone');
    const namespace = manifests.find((m) => m.kind === 'Namespace' && m.metadata.name === tenant.metadata.namespace);
    expect(namespace.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  test('takes the tenant configuration from Key Vault through External Secrets with workload identity', () => {
    const external = manifests.find((m) => m.kind === 'ExternalSecret' && m.spec.target.name === tenant.spec.configuration.name);
    expect(Object.keys(external.spec.target.template.data)).toEqual(['config.env']);
    const store = manifests.find((m) => m.kind === 'SecretStore' && m.metadata.name === external.spec.secretStoreRef.name && m.metadata.namespace === 'minio-production');
    expect(store.spec.provider.azurekv.authType).toBe('WorkloadIdentity');
    const account = manifests.find((m) => m.kind === 'ServiceAccount' && m.metadata.name === store.spec.provider.azurekv.serviceAccountRef.name && m.metadata.namespace === 'minio-production');
    expect(account.metadata.annotations['azure.workload.identity/client-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('exposes S3 on an internal Azure load balancer in a named subnet', () => {
    expect(tenant.spec.exposeServices.minio).toBe(true);
    expect(tenant.spec.serviceMetadata.minioServiceAnnotations).toEqual({
      'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
      'service.beta.kubernetes.io/azure-load-balancer-internal-subnet': 'snet-minio-frontend',
    });
  });

  test('serves a cert-manager certificate from the private CA, which the operator trusts', () => {
    expect(tenant.spec.requestAutoCert).toBe(false);
    const certificate = manifests.find((m) => m.kind === 'Certificate' && m.spec.secretName === tenant.spec.externalCertSecret[0].name);
    expect(certificate.spec.issuerRef.name).toBe('minio-internal-ca');
    expect(certificate.spec.dnsNames).toContain('*.production-hl.minio-production.svc.cluster.local');
    expect(manifests.some((m) => m.kind === 'Certificate' && m.metadata.namespace === 'minio-operator' && m.spec.secretName.startsWith('operator-ca-tls-'))).toBe(true);
  });

  test('encrypts through the 3-node KMS cluster, trusting its CA', () => {
    const env = Object.fromEntries(tenant.spec.env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
    expect(env.MINIO_KMS_SERVER).toBe('https://kms.minio-kms.svc.cluster.local:7373');
    const statefulSet = manifests.find((m) => m.kind === 'StatefulSet' && m.metadata.name === 'kms');
    expect(statefulSet.spec.replicas).toBe(3);
    expect(tenant.spec.externalCaCertSecret).toHaveLength(1);
    expect(manifests.some((m) => m.kind === 'Job' && /^kms-join-3-[0-9a-f]{8}$/.test(m.metadata.name))).toBe(true);
  });

  test('scrapes the tenant and the KMS nodes over HTTPS with a CA and a credential, on the endpoints its alerts read', () => {
    const allMonitors = manifests.filter((m) => m.kind === 'PodMonitor');
    expect(allMonitors.map((m) => `${m.metadata.namespace}/${m.metadata.name}`).sort())
      .toEqual(['minio-kms/kms-metrics', 'minio-production/from-legacy-metrics', 'minio-production/production-metrics']);
    const monitors = allMonitors.filter((m) => m.metadata.name !== 'from-legacy-metrics');
    for (const endpoint of monitors.flatMap((m) => m.spec.podMetricsEndpoints)) {
      expect(endpoint.scheme).toBe('https');
      expect(endpoint.tlsConfig.ca.secret.key).toBe('ca.crt');
      expect(endpoint.authorization ?? endpoint.tlsConfig.cert).toBeDefined();
    }
    const tenantMonitor = monitors.find((m) => m.metadata.name === 'production-metrics');
    expect(tenantMonitor.spec.podMetricsEndpoints.map((e: any) => e.path)).toEqual(EXAMPLE_METRICS_VERSION.endpoints);
    const token = manifests.find((m) => m.kind === 'ExternalSecret' && m.spec.target.name === tenantMonitor.spec.podMetricsEndpoints[0].authorization.credentials.name);
    expect(token.metadata.namespace).toBe('minio-production');
    const kmsPolicy = manifests.find((m) => m.kind === 'NetworkPolicy' && m.metadata.namespace === 'minio-kms' && JSON.stringify(m).includes('ama-metrics'));
    expect(kmsPolicy).toBeDefined();
  });

  test('scrapes its mirror over HTTP, admitting only the metrics agent, and alerts on failed mirror operations', () => {
    const monitor = manifests.find((m) => m.kind === 'PodMonitor' && m.metadata.name === 'from-legacy-metrics');
    expect(monitor.spec.podMetricsEndpoints).toEqual([{ port: 'metrics', path: '/metrics', scheme: 'http', interval: '30s' }]);
    const mirror = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'from-legacy');
    expect(mirror.spec.template.metadata.annotations).toBeUndefined();
    const policy = manifests.find((m) => m.kind === 'NetworkPolicy' && m.metadata.name === 'from-legacy');
    expect(policy.spec.ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { rsName: 'ama-metrics' } },
    }]);
    const rules = JSON.parse(first.files['minio-alerts.arm.json']).resources[0].properties.rules;
    const mirrorAlert = rules.find((r: any) => r.alert === 'MinioMirrorFailures');
    expect(mirrorAlert.expression).toContain('mc_mirror_failed_s3ops{job="minio-production/from-legacy-metrics"}');
  });

  test('writes the alert rules as an ARM template and a dashboard over the metrics it scrapes', () => {
    const template = JSON.parse(first.files['minio-alerts.arm.json']);
    expect(template.resources[0]).toMatchObject({ type: 'Microsoft.AlertsManagement/prometheusRuleGroups', apiVersion: '2023-03-01' });
    const scraped = new Set(EXAMPLE_METRICS_VERSION.catalog.map((m) => m.name));
    const used = (text: string) => new Set(text.match(/minio_[a-z0-9_]+/g) ?? []);
    for (const name of used(first.files['minio-alerts.arm.json'])) expect(scraped).toContain(name);
    const dashboard = JSON.parse(first.files['minio.dashboard.json']);
    expect(dashboard.uid).toBe('minio-aks');
    for (const name of used(first.files['minio.dashboard.json'])) expect(scraped).toContain(name);
  });

  test('sends the audit log to the Fluent Bit collector, which only the tenant may reach', () => {
    const env = Object.fromEntries(tenant.spec.env.map((e: any) => [e.name, e.value]));
    expect(env.MINIO_AUDIT_WEBHOOK_ENDPOINT).toBe('http://minio-audit.minio-production.svc.cluster.local:8080/minio-audit');
    expect(env.MINIO_AUDIT_WEBHOOK_BATCH_SIZE).toBe('1');
    const policy = manifests.find((m) => m.kind === 'NetworkPolicy' && m.metadata.name === 'minio-audit');
    expect(policy.spec.ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'minio-production' } },
      podSelector: { matchLabels: { 'v1.min.io/tenant': 'production' } },
    }]);
  });

  test('renders a PrometheusRule only when asked to', () => {
    expect(manifests.some((m) => m.kind === 'PrometheusRule')).toBe(false);
    const charts = buildExamplePlatform(Testing.app(), undefined, { prometheusRule: true });
    const rules = Testing.synth(charts[charts.length - 1]);
    expect(rules.map((m) => `${m.apiVersion} ${m.kind} ${m.metadata.namespace}`)).toEqual(['monitoring.coreos.com/v1 PrometheusRule monitoring']);
  });
});
