import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import {
  AzureBlobTier, AzureTierCredentials, ConfigurationError, GitOpsChart, MinioEndpoint, MinioMirror, MinioMirrorProps,
  MinioTenant, MirrorMode, SecretValue,
} from '../../lib';
import { expectValidManifests } from '../support/strict-validator';

const OLD = { accessKey: SecretValue.fromSecretName('old-cluster', 'access-key'), secretKey: SecretValue.fromSecretName('old-cluster', 'secret-key') };
const NEW = { accessKey: SecretValue.fromSecretName('lake-admin', 'access-key'), secretKey: SecretValue.fromSecretName('lake-admin', 'secret-key') };

function mirrorChart(overrides: Partial<MinioMirrorProps> = {}) {
  const chart = new GitOpsChart(Testing.app(), 'migration', { namespace: 'lake' });
  const tenant = MinioTenant.fromTenantAttributes(chart, 'Tenant', { name: 'lake', namespace: 'lake' });
  const mirror = new MinioMirror(chart, 'from-old-cluster', {
    source: MinioEndpoint.external('https://s3.old.contoso.com', {
      credentials: OLD, trustedCa: SecretValue.fromSecretName('old-cluster-ca', 'ca.crt'), allowedCidrs: ['10.20.0.0/16'],
    }),
    target: MinioEndpoint.tenant(tenant, { credentials: NEW, trustedCa: SecretValue.fromSecretName('lake-ca', 'ca.crt') }),
    buckets: { source: 'reports', target: 'reports' },
    exclude: ['*.tmp'],
    dryRunFirst: true,
    verify: true,
    ...overrides,
  });
  return { chart, tenant, mirror, manifests: Testing.synth(chart) };
}

describe('MinioMirror', () => {
  const { mirror, manifests } = mirrorChart();
  const deployment = manifests.find((m) => m.kind === 'Deployment');
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];

  test('everything it synthesizes passes strict schema validation', () => {
    expectValidManifests(manifests);
  });

  test('runs exactly one pod, replaced with Recreate, so two mirrors never race', () => {
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
  });

  test('runs mc mirror --watch with JSON logs, the options and a metrics endpoint, after a dry run', () => {
    expect(container.command.slice(3)).toEqual([
      'mc', '--json', 'mirror', '--watch', '--retry', '--exclude', '*.tmp', '--monitoring-address', '0.0.0.0:8081', 'source/reports', 'target/reports',
    ]);
    expect(container.command.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(container.args).toBeUndefined();
    expect(pod.initContainers[0].command.slice(3)).toEqual(['mc', '--json', 'mirror', '--dry-run', '--retry', '--exclude', '*.tmp', 'source/reports', 'target/reports']);
  });

  test('probes liveness on the metrics endpoint and leaves scraping to a scrape job, not pod annotations', () => {
    expect(container.ports).toEqual([{ name: 'metrics', containerPort: 8081, protocol: 'TCP' }]);
    expect(container.livenessProbe.httpGet).toEqual({ path: '/metrics', port: 'metrics' });
    // Azure managed Prometheus ignores prometheus.io/* unless pod-annotation scraping is on for the namespace.
    expect(deployment.spec.template.metadata.annotations).toBeUndefined();
    expect(mirror.metrics).toEqual({ podLabels: deployment.spec.template.metadata.labels, portName: 'metrics', port: 8081, path: '/metrics' });
  });

  test('builds both aliases from Secrets and trusts both CAs; no credential in commands or arguments', () => {
    expect(container.env).toEqual(expect.arrayContaining([
      { name: 'MC_HOST_source', value: 'https://$(SOURCE_ACCESS_KEY):$(SOURCE_SECRET_KEY)@s3.old.contoso.com' },
      { name: 'MC_HOST_target', value: 'https://$(TARGET_ACCESS_KEY):$(TARGET_SECRET_KEY)@minio.lake.svc' },
    ]));
    expect(container.volumeMounts.map((m: any) => m.mountPath)).toEqual(['/tmp', '/tmp/mc/certs/CAs/source.crt', '/tmp/mc/certs/CAs/target.crt']);
    const commands = JSON.stringify(manifests.flatMap((m) => [...m.spec?.template?.spec?.containers ?? [], ...m.spec?.template?.spec?.initContainers ?? []]).map((c: any) => [c.command, c.args]));
    for (const secretish of ['old-cluster', 'lake-admin', 'access-key', 'secret-key']) expect(commands).not.toContain(secretish);
    expect(manifests.filter((m) => m.kind === 'ConfigMap')).toEqual([]);
  });

  test('runs "restricted" with a writable emptyDir for mc\'s configuration and no API token', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(container.env).toContainEqual({ name: 'MC_CONFIG_DIR', value: '/tmp/mc' });
    expect(pod.volumes[0]).toEqual({ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(container.resources.limits).toEqual({ cpu: '2', memory: '1Gi' });
  });

  test('lets the pod reach only DNS and both endpoints, and admits only the Azure metrics agent to the metrics port', () => {
    const policy = manifests.find((m) => m.kind === 'NetworkPolicy');
    expect(policy.spec.egress.slice(1)).toEqual([
      { to: [{ ipBlock: { cidr: '10.20.0.0/16' } }], ports: [{ port: 443, protocol: 'TCP' }] },
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'lake' } }, podSelector: { matchLabels: { 'v1.min.io/tenant': 'lake' } } }],
        ports: [{ port: 9000, protocol: 'TCP' }] },
    ]);
    expect(policy.spec.ingress).toEqual([{
      ports: [{ port: 8081, protocol: 'TCP' }],
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { rsName: 'ama-metrics' } } }],
    }]);
  });

  test('verifies with mc diff in a Job named after the mirror\'s settings', () => {
    const job = manifests.find((m) => m.kind === 'Job');
    expect(job.metadata.name).toBe(mirror.verifyJobName);
    expect(mirror.verifyJobName).toMatch(/^from-old-cluster-verify-[0-9a-f]{8}$/);
    expect(mirrorChart({ overwrite: true }).mirror.verifyJobName).not.toBe(mirror.verifyJobName);
    expect(job.spec.template.spec.containers[0].command[2]).toContain("SOURCE='source/reports'");
  });

  test('waits for a tenant it mirrors to or from, so an apply that awaits workloads creates the tenant first', () => {
    const { tenant, mirror: waiting } = mirrorChart();
    expect(waiting.node.findChild('Resource').node.dependencies).toEqual([tenant]);
    const external = mirrorChart({ target: MinioEndpoint.external('https://s3.new.contoso.com', { credentials: NEW, allowedCidrs: ['10.30.0.0/16'] }) });
    expect(external.mirror.node.findChild('Resource').node.dependencies).toEqual([]);
  });

  test('active-active mode for a cut-over', () => {
    const { manifests: m } = mirrorChart({ mode: MirrorMode.ACTIVE_ACTIVE, dryRunFirst: false });
    const args = m.find((o) => o.kind === 'Deployment').spec.template.spec.containers[0].command;
    expect(args).toContain('--active-active');
    expect(args).not.toContain('--watch');
  });
});

describe('MinioMirror refuses', () => {
  const refused = (overrides: Partial<MinioMirrorProps>) => {
    try {
      mirrorChart(overrides);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigurationError');
  };
  const external = (url: string) => MinioEndpoint.external(url, { credentials: OLD, allowedCidrs: ['10.20.0.0/16'] });

  test('a target that is the source', () => {
    expect(refused({ target: external('https://s3.old.contoso.com:443') })).toBe(
      "migration/from-old-cluster: target is the source itself (received 'https://s3.old.contoso.com'): mirror to another server, or to another bucket of it");
  });

  test.each([
    ['http://s3.old.contoso.com', 'source.url is not an https URL'],
    ['https://s3.old.contoso.com/bucket', 'source.url must not have a path, query or fragment'],
    ['https://user:pass@s3.old.contoso.com', "source.url must not carry credentials (received '<a URL with credentials>')"],
    ['s3.old.contoso.com', 'source.url is not an https URL'],
  ])('a malformed endpoint %s', (url, message) => {
    expect(refused({ source: external(url) })).toContain(message);
  });

  test('an external endpoint without address ranges, or with host bits set', () => {
    expect(refused({ source: MinioEndpoint.external('https://s3.old.contoso.com', { credentials: OLD, allowedCidrs: [] }) })).toContain(
      'source.allowedCidrs must name at least one address range');
    for (const cidr of ['10.20.1.0/16', '010.20.0.0/16', '10.20.0.0/33', 'fd00::/8', '10.20.0.0']) {
      expect(refused({ source: MinioEndpoint.external('https://s3.old.contoso.com', { credentials: OLD, allowedCidrs: [cidr] }) })).toContain(
        `source.allowedCidrs[0] is not an IPv4 CIDR without host bits (received '${cidr}')`);
    }
  });

  test('a target that is the storage of the source\'s own tier', () => {
    const chart = new GitOpsChart(Testing.app(), 'tiers', { namespace: 'lake' });
    const tier = new AzureBlobTier(chart, 'Cold', {
      name: 'COLD', storageAccount: 'contosocold', container: 'tier',
      credentials: AzureTierCredentials.accountKeyFromSecret(SecretValue.fromSecretName('tier', 'key')),
    });
    expect(refused({ target: external('https://contosocold.blob.core.windows.net'), sourceTiers: [tier] })).toContain(
      "target is the storage of the source's tier COLD (received 'https://contosocold.blob.core.windows.net')");
  });

  test('remove in active-active mode, a bad bucket and a privileged metrics port', () => {
    expect(refused({ mode: MirrorMode.ACTIVE_ACTIVE, remove: true })).toContain('remove cannot be combined with active-active mode');
    expect(refused({ buckets: { source: 'Reports', target: 'reports' } })).toContain("buckets.source is not a valid bucket name (received 'Reports')");
    expect(refused({ metricsPort: 80 })).toContain('metricsPort must be a port from 1024 to 65535');
  });
});

describe('the mirror scripts against a fake mc', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mirror-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function run(command: string[], env: Record<string, string>, mcOutput = '', mcStatus = 0) {
    writeFileSync(path.join(dir, 'mc'), `#!/bin/sh\nprintf '%s\\n' "$*" >"${dir}/calls"\nprintf '%s' '${mcOutput}'\nexit ${mcStatus}\n`, { mode: 0o755 });
    const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', env: { PATH: `${dir}:/usr/bin:/bin`, ...env } });
    return result;
  }

  const { manifests } = mirrorChart();
  const mirrorCommand = manifests.find((m) => m.kind === 'Deployment').spec.template.spec.containers[0].command;
  const verifyCommand = manifests.find((m) => m.kind === 'Job').spec.template.spec.containers[0].command;
  const keys = { SOURCE_SECRET_KEY: 'abc', TARGET_SECRET_KEY: 'def' };

  test('the mirror hands its arguments to mc unchanged', () => {
    const result = run(mirrorCommand, keys);
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, 'calls'), 'utf8').trim()).toBe(
      '--json mirror --watch --retry --exclude *.tmp --monitoring-address 0.0.0.0:8081 source/reports target/reports');
  });

  test('the mirror refuses a secret key with a colon or an empty one before mc runs', () => {
    const colon = run(mirrorCommand, { ...keys, TARGET_SECRET_KEY: 'a:b' });
    expect(colon.status).not.toBe(0);
    expect(colon.stderr).toContain("TARGET_SECRET_KEY holds ':'");
    expect(run(mirrorCommand, { SOURCE_SECRET_KEY: 'abc' }).stderr).toContain('TARGET_SECRET_KEY is empty');
  });

  const diff = (kind: number) => `{\n "status": "success",\n "first": "source/reports/a",\n "second": "target/reports/a",\n "diff": ${kind}\n}\n`;

  test('the verification passes when only extra target objects differ (no --remove)', () => {
    const result = run(verifyCommand, {}, diff(6));
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('mirror-verify: source/reports and target/reports match (1 objects only in the target)');
  });

  test('the verification fails on objects missing or different on the target', () => {
    const result = run(verifyCommand, {}, diff(5) + diff(2));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('mirror-verify: error: 2 objects differ between source/reports and target/reports');
  });

  test('the verification fails when mc diff fails or could not compare objects', () => {
    expect(run(verifyCommand, {}, 'boom', 1).stderr).toContain('mirror-verify: error: mc diff failed: boom');
    expect(run(verifyCommand, {}, '{\n "status": "error"\n}').stderr).toContain('could not compare every object');
  });
});
