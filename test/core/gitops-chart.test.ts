import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ApiObject, App, Size, Testing, Yaml, YamlOutputType } from 'cdk8s';
import { Construct } from 'constructs';
import * as kplus from 'cdk8s-plus-28';
import { GitOpsApp, GitOpsChart, MinioTenant, RestrictedNamespace } from '../../lib';
import { sortForApply } from '../../lib/core/apply-order';
import { expectValidManifests } from '../support/strict-validator';

describe('GitOpsChart', () => {
  test('orders objects for kubectl apply: namespaces first, jobs last, construct order within a kind', () => {
    const chart = new GitOpsChart(Testing.app(), 'ordered', { namespace: 'apps' });
    new ApiObject(chart, 'job', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'job' } });
    new ApiObject(chart, 'svc-b', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'b' } });
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    new ApiObject(chart, 'svc-a', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' } });
    new ApiObject(chart, 'custom', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } });
    new RestrictedNamespace(chart, 'apps');
    const kinds = Testing.synth(chart).map((m) => `${m.kind}/${m.metadata.name}`);
    expect(kinds).toEqual(['Namespace/apps', 'ConfigMap/cm', 'Service/b', 'Service/a', 'Job/job', 'Widget/w']);
  });

  test('keeps the chart namespace off cluster-scoped objects', () => {
    const chart = new GitOpsChart(Testing.app(), 'scoped', { namespace: 'apps' });
    new RestrictedNamespace(chart, 'apps');
    new kplus.ConfigMap(chart, 'cm', { metadata: { name: 'settings' } });
    const [namespace, configMap] = Testing.synth(chart);
    expect(namespace.metadata.namespace).toBeUndefined();
    expect(configMap.metadata.namespace).toBe('apps');
  });

  test('generates names without hash suffixes', () => {
    const chart = new GitOpsChart(Testing.app(), 'named');
    new kplus.ConfigMap(chart, 'settings');
    expect(Testing.synth(chart)[0].metadata.name).toBe('named-settings');
  });

  test('refuses a chart id that would give a hashed file name, and suggests a readable one', () => {
    expect(() => new GitOpsChart(Testing.app(), 'Prod_Storage'))
      .toThrow("Prod_Storage: id must be at most 63 lower-case letters, digits and '-', or cdk8s adds a hash to the chart's file name (received 'Prod_Storage'): use a readable id such as 'prod-storage'");
    expect(() => new GitOpsChart(Testing.app(), 'ProdStorage')).toThrow(/use a readable id such as 'prod-storage'/);
    expect(() => new GitOpsChart(Testing.app(), 'a'.repeat(64))).toThrow(/id must be at most 63/);
    expect(() => new GitOpsChart(Testing.app(), 'prod-storage-2')).not.toThrow();
  });

  test('refuses a chart nested in another construct, whose file name would carry a hash', () => {
    const group = new Construct(Testing.app(), 'estate');
    expect(() => new GitOpsChart(group, 'storage')).toThrow(/^estate\/storage: scope must be the app itself/);
  });

  test('the file of a chart is named after its id', () => {
    const app = new GitOpsApp({ outdir: mkdtempSync(join(tmpdir(), 'named-')) });
    new kplus.ConfigMap(new GitOpsChart(app, 'prod-storage'), 'settings');
    app.synth();
    expect(readdirSync(app.outdir)).toEqual(['prod-storage.k8s.yaml']);
  });

  test('puts the recommended labels on every object, keeping labels it already has', () => {
    const chart = new GitOpsChart(Testing.app(), 'lake', { namespace: 'lake' });
    new RestrictedNamespace(chart, 'lake');
    new kplus.ConfigMap(chart, 'settings', { metadata: { name: 'settings', labels: { 'app.kubernetes.io/name': 'mine' } } });
    const [namespace, configMap] = Testing.synth(chart);
    expect(namespace.metadata.labels).toMatchObject({
      'app.kubernetes.io/name': 'lake',
      'app.kubernetes.io/instance': 'lake-lake',
      'app.kubernetes.io/component': 'restricted-namespace',
      'app.kubernetes.io/part-of': 'lake',
      'app.kubernetes.io/managed-by': 'minio-aks',
    });
    expect(configMap.metadata.labels).toEqual({
      'app.kubernetes.io/component': 'config-map',
      'app.kubernetes.io/instance': 'lake-settings',
      'app.kubernetes.io/managed-by': 'minio-aks',
      'app.kubernetes.io/name': 'mine',
      'app.kubernetes.io/part-of': 'lake',
    });
  });

  test('labels objects of a tenant after the tenant, on metadata only: selectors and pod templates keep theirs', () => {
    const chart = new GitOpsChart(Testing.app(), 'lake', { namespace: 'lake', partOf: 'data-platform' });
    new MinioTenant(chart, 'store', {
      configuration: { name: 'store-config' },
      pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(1) }],
    });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    for (const manifest of manifests) {
      expect([manifest.kind, manifest.metadata.labels]).toEqual([manifest.kind, expect.objectContaining({
        'app.kubernetes.io/name': 'store',
        'app.kubernetes.io/instance': 'lake-store',
        'app.kubernetes.io/component': 'minio-tenant',
        'app.kubernetes.io/part-of': 'data-platform',
      })]);
      const { metadata: _metadata, ...rest } = manifest;
      expect(JSON.stringify(rest)).not.toContain('app.kubernetes.io/');
    }
  });

  test('rejects a part-of value that is not a label value', () => {
    expect(() => new GitOpsChart(Testing.app(), 'lake', { partOf: 'data platform' }))
      .toThrow(/lake: partOf is not a label value \(received 'data platform'\)/);
  });

  test('sortForApply is stable', () => {
    const input = [{ kind: 'Job', n: 1 }, { kind: 'Secret', n: 2 }, { kind: 'Secret', n: 3 }, { kind: 'Namespace', n: 4 }];
    expect(sortForApply(input).map((m) => m.n)).toEqual([4, 2, 3, 1]);
  });
});

describe('RestrictedNamespace', () => {
  test('enforces, audits and warns Pod Security "restricted" at a pinned version', () => {
    const chart = new GitOpsChart(Testing.app(), 'ns');
    new RestrictedNamespace(chart, 'storage', { labels: { team: 'platform' } });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(manifests[0].metadata).toEqual({
      name: 'storage',
      labels: {
        'app.kubernetes.io/component': 'restricted-namespace',
        'app.kubernetes.io/instance': 'ns-storage',
        'app.kubernetes.io/managed-by': 'minio-aks',
        'app.kubernetes.io/name': 'storage',
        'app.kubernetes.io/part-of': 'ns',
        'team': 'platform',
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'v1.30',
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/audit-version': 'v1.30',
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/warn-version': 'v1.30',
      },
    });
  });

  test('rejects an invalid name', () => {
    const chart = new GitOpsChart(Testing.app(), 'ns');
    expect(() => new RestrictedNamespace(chart, 'Storage')).toThrow(/ns\/Storage: name must be a DNS-1123 label of at most 63 characters \(received 'Storage'\)/);
  });

  test('rejects an invalid Pod Security version', () => {
    const chart = new GitOpsChart(Testing.app(), 'ns');
    expect(() => new RestrictedNamespace(chart, 'storage', { podSecurityVersion: '1.30' }))
      .toThrow(/ns\/storage: podSecurityVersion is not a Pod Security Standards version \(received '1.30'\): use a Kubernetes minor version/);
  });
});

describe('GitOpsApp', () => {
  function estate<T extends App>(app: T): T {
    for (const name of ['alpha', 'beta']) {
      const chart = new GitOpsChart(app, name, { namespace: name });
      new kplus.ConfigMap(chart, 'settings', { metadata: { name: 'settings' }, data: { owner: name } });
      new RestrictedNamespace(chart, name);
    }
    return app;
  }

  function readFiles(dir: string): Record<string, string> {
    return Object.fromEntries(readdirSync(dir).sort().map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
  }

  function synthFiles(app: App): Record<string, string> {
    app.synth();
    return readFiles(app.outdir);
  }

  test('writes exactly what a plain cdk8s App writes', () => {
    const plain = new App({ outdir: mkdtempSync(join(tmpdir(), 'plain-')) });
    const fast = new GitOpsApp({ outdir: mkdtempSync(join(tmpdir(), 'fast-')) });
    estate(plain);
    estate(fast);
    // cdk8s's per-chart path re-prepares the whole app; GitOpsApp must not take it.
    const perChartPreparation = jest.spyOn(App as any, '_synthChart');
    const files = synthFiles(fast);
    expect(perChartPreparation).not.toHaveBeenCalled();
    expect(files).toEqual(synthFiles(plain));
    expect(perChartPreparation).toHaveBeenCalledTimes(2);
    perChartPreparation.mockRestore();
    expect(files['alpha.k8s.yaml']).toMatch(/^apiVersion: v1\nkind: Namespace\n/);
  });

  test('writes manifests with the fast writer, in every output layout, and gives Yaml.save back', () => {
    const save = jest.spyOn(Yaml, 'save');
    try {
      for (const yamlOutputType of [YamlOutputType.FILE_PER_CHART, YamlOutputType.FILE_PER_APP,
        YamlOutputType.FILE_PER_RESOURCE, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE]) {
        const app = estate(new GitOpsApp({ outdir: mkdtempSync(join(tmpdir(), 'writer-')), yamlOutputType }));
        app.synth();
        expect(save).not.toHaveBeenCalled();
        expect(Yaml.save).toBe(save);
      }
      const plain = estate(new App({ outdir: mkdtempSync(join(tmpdir(), 'plain-')) }));
      plain.synth();
      expect(save).toHaveBeenCalledTimes(2);
    } finally {
      save.mockRestore();
    }
  });

  test('gives Yaml.save back when synth fails', () => {
    const save = Yaml.save;
    const app = estate(new GitOpsApp({ outdir: mkdtempSync(join(tmpdir(), 'failing-')) }));
    const failing = jest.spyOn(App.prototype, 'synth').mockImplementation(() => { throw new Error('synth failed'); });
    try {
      expect(() => app.synth()).toThrow('synth failed');
    } finally {
      failing.mockRestore();
    }
    expect(Yaml.save).toBe(save);
  });

  test('keeps cdk8s\'s dependency order when objects depend on each other', () => {
    function dependent(app: App): App {
      const chart = new GitOpsChart(app, 'ordered', { namespace: 'ordered' });
      const first = new kplus.ConfigMap(chart, 'first', { metadata: { name: 'first' } });
      const second = new kplus.ConfigMap(chart, 'second', { metadata: { name: 'second' } });
      first.node.addDependency(second);
      return app;
    }
    const plain = synthFiles(dependent(new App({ outdir: mkdtempSync(join(tmpdir(), 'plain-')) })));
    const fast = synthFiles(dependent(new GitOpsApp({ outdir: mkdtempSync(join(tmpdir(), 'fast-')) })));
    expect(fast).toEqual(plain);
    expect(fast['ordered.k8s.yaml'].indexOf('name: second')).toBeLessThan(fast['ordered.k8s.yaml'].indexOf('name: first'));
  });

  test('removes the manifests of charts that no longer exist and keeps other files', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'stale-'));
    estate(new GitOpsApp({ outdir })).synth();
    writeFileSync(join(outdir, 'README.md'), 'applied by Argo CD\n');
    expect(readdirSync(outdir).sort()).toEqual(['README.md', 'alpha.k8s.yaml', 'beta.k8s.yaml']);

    const smaller = new GitOpsApp({ outdir });
    new kplus.ConfigMap(new GitOpsChart(smaller, 'alpha', { namespace: 'alpha' }), 'settings');
    smaller.synth();

    expect(readdirSync(outdir).sort()).toEqual(['README.md', 'alpha.k8s.yaml']);
    expect(readdirSync(dirname(outdir)).filter((name) => name.startsWith(`.${basename(outdir)}-synth-`))).toEqual([]);
  });

  test('writes added files beside the manifests and removes them when the app no longer adds them', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'files-'));
    const app = estate(new GitOpsApp({ outdir }));
    app.addFile('minio-alerts.arm.json', '{"a":1}\n');
    app.addFile('minio.dashboard.json', '{"b":2}\n');
    app.synth();
    writeFileSync(join(outdir, 'notes.json'), '{}\n');
    expect(readdirSync(outdir).sort()).toEqual(['alpha.k8s.yaml', 'beta.k8s.yaml', 'minio-alerts.arm.json', 'minio.dashboard.json', 'notes.json']);
    expect(readFileSync(join(outdir, 'minio-alerts.arm.json'), 'utf8')).toBe('{"a":1}\n');

    const smaller = estate(new GitOpsApp({ outdir }));
    smaller.addFile('minio.dashboard.json', '{"b":3}\n');
    smaller.synth();
    expect(readdirSync(outdir).sort()).toEqual(['alpha.k8s.yaml', 'beta.k8s.yaml', 'minio.dashboard.json', 'notes.json']);
    expect(readFileSync(join(outdir, 'minio.dashboard.json'), 'utf8')).toBe('{"b":3}\n');
  });

  test('refuses file names it could not recognize as its own later, and a file added twice', () => {
    const app = new GitOpsApp({ outdir: mkdtempSync(join(tmpdir(), 'names-')) });
    expect(() => app.addFile('alerts.json', '{}')).toThrow(/addFile\.fileName must be a lower-case file name ending in \.arm\.json or \.dashboard\.json \(received 'alerts\.json'\)/);
    expect(() => app.addFile('../x.arm.json', '{}')).toThrow(/addFile\.fileName must be a lower-case file name/);
    app.addFile('x.arm.json', '{}');
    expect(() => app.addFile('x.arm.json', '{}')).toThrow(/addFile\.fileName is already added/);
  });

  test('removes a deleted chart\'s folder in the folder-per-chart layout, and never looks deeper than it writes', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'folders-'));
    const layout = { outdir, yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE };
    estate(new GitOpsApp(layout)).synth();
    expect(readdirSync(outdir).sort()).toEqual(['alpha', 'beta']);
    const smaller = new GitOpsApp(layout);
    new kplus.ConfigMap(new GitOpsChart(smaller, 'alpha', { namespace: 'alpha' }), 'settings');
    smaller.synth();
    expect(readdirSync(outdir)).toEqual(['alpha']);

    const flat = mkdtempSync(join(tmpdir(), 'flat-'));
    mkdirSync(join(flat, 'vendored'));
    writeFileSync(join(flat, 'vendored', 'crds.k8s.yaml'), 'kind: CustomResourceDefinition\n');
    estate(new GitOpsApp({ outdir: flat })).synth();
    expect(readdirSync(join(flat, 'vendored'))).toEqual(['crds.k8s.yaml']);
  });

  test('leaves the previous output untouched when synth fails', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'failed-'));
    const before = synthFiles(estate(new GitOpsApp({ outdir })));

    const broken = new GitOpsApp({ outdir });
    new MinioTenant(new GitOpsChart(broken, 'c', { namespace: 'n' }), 'store', { configuration: { name: 'config' } });
    expect(() => broken.synth()).toThrow(/pools must hold at least one pool/);
    expect(readFiles(outdir)).toEqual(before);
    expect(broken.outdir).toBe(outdir);
  });

  test('still runs every construct validation', () => {
    const app = new GitOpsApp({ outdir: mkdtempSync(join(tmpdir(), 'invalid-')) });
    const chart = new GitOpsChart(app, 'c', { namespace: 'n' });
    new MinioTenant(chart, 'store', { configuration: { name: 'config' } });
    expect(() => app.synth()).toThrow(/c\/store: pools must hold at least one pool/);
  });
});
