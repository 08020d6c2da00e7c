import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject, App, Testing } from 'cdk8s';
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
  function estate(app: App) {
    for (const name of ['alpha', 'beta']) {
      const chart = new GitOpsChart(app, name, { namespace: name });
      new kplus.ConfigMap(chart, 'settings', { metadata: { name: 'settings' }, data: { owner: name } });
      new RestrictedNamespace(chart, name);
    }
  }

  function synthFiles(app: App): Record<string, string> {
    app.synth();
    return Object.fromEntries(readdirSync(app.outdir).sort().map((file) => [file, readFileSync(join(app.outdir, file), 'utf8')]));
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

  test('still runs every construct validation', () => {
    const app = new GitOpsApp({ outdir: mkdtempSync(join(tmpdir(), 'invalid-')) });
    const chart = new GitOpsChart(app, 'c', { namespace: 'n' });
    new MinioTenant(chart, 'store', { configuration: { name: 'config' } });
    expect(() => app.synth()).toThrow(/c\/store: pools must hold at least one pool/);
  });
});
