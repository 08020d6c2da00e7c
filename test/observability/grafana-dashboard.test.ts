import {
  LabelMatcher, minioAlertRules, minioGrafanaDashboard, MinioDashboardOptions, MinioMetricsVersion,
} from '../../lib/observability';
import { metricNames, parsePromql } from './promql-tree';

/** Grafana replaces these before the query reaches Prometheus; the parser sees what Prometheus would. */
function asPrometheusSees(expr: string): string {
  return expr.replace(/\$__rate_interval/g, '5m');
}

function queries(dashboard: any): Array<{ panel: string; expr: string }> {
  return dashboard.panels.flatMap((p: any) => (p.targets ?? []).map((t: any) => ({ panel: p.title, expr: t.expr })));
}

describe.each([MinioMetricsVersion.V2, MinioMetricsVersion.V3].map((v) => [v.id, v] as const))('minioGrafanaDashboard for metrics %s', (_id, version) => {
  const dashboard = minioGrafanaDashboard({ metricsVersion: version, minioSelector: [LabelMatcher.equals('tenant', 'lake')] }) as any;
  const all = queries(dashboard);

  test.each(all.map((q) => [q.panel, q.expr]))('%s: %s parses', (_panel, expr) => {
    expect(parsePromql(asPrometheusSees(expr)).errors).toEqual([]);
  });

  test('queries only metrics listed for this version', () => {
    const catalog = new Set(version.catalog.map((m) => m.name));
    const used = [...new Set(all.flatMap((q) => metricNames(asPrometheusSees(q.expr))))];

    expect(used.filter((name) => !catalog.has(name))).toEqual([]);
  });

  test('shows every MinIO metric the alert rules use', () => {
    const catalog = new Set(version.catalog.map((m) => m.name));
    const alerted = minioAlertRules({ metricsVersion: version }).rules
      .flatMap((r) => metricNames(r.expression)).filter((name) => catalog.has(name));
    const shown = new Set(all.flatMap((q) => metricNames(asPrometheusSees(q.expr))));

    expect([...new Set(alerted)].filter((name) => !shown.has(name))).toEqual([]);
  });

  test('filters every series by the fixed selector and the dashboard variables', () => {
    for (const q of all) {
      for (const selector of parsePromql(asPrometheusSees(q.expr)).selectors) {
        expect(selector.matchers).toEqual(['tenant="lake"', 'cluster=~"$cluster"', 'namespace=~"$namespace"', 'job=~"$job"']);
      }
    }
  });

  test('picks its data source through a prometheus data source variable', () => {
    const [datasource, ...labels] = dashboard.templating.list;

    expect(datasource).toMatchObject({ name: 'datasource', type: 'datasource', query: 'prometheus' });
    expect(labels.map((v: any) => [v.name, v.allValue, v.includeAll])).toEqual([['cluster', '.*', true], ['namespace', '.*', true], ['job', '.*', true]]);
    for (const panel of dashboard.panels.filter((p: any) => p.targets !== undefined)) {
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets.every((t: any) => t.datasource.uid === '${datasource}')).toBe(true);
    }
  });

  test('has a section for capacity, requests and errors, latency, drives, healing and KMS', () => {
    expect(dashboard.panels.filter((p: any) => p.type === 'row').map((p: any) => p.title))
      .toEqual(['Capacity', 'Requests and errors', 'Latency', 'Drives and nodes', 'Healing and erasure sets', 'KMS']);
  });

  test('lays panels out on the 24-column grid without overlap, with unique ids', () => {
    const cells = new Set<string>();
    for (const panel of dashboard.panels) {
      const { x, y, w, h } = panel.gridPos;
      expect(x + w).toBeLessThanOrEqual(24);
      for (let row = y; row < y + h; row++) {
        for (let column = x; column < x + w; column++) {
          const cell = `${row}:${column}`;
          expect(cells.has(cell)).toBe(false);
          cells.add(cell);
        }
      }
    }
    const ids = dashboard.panels.map((p: any) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('is deterministic JSON', () => {
    const text = JSON.stringify(dashboard);
    expect(JSON.stringify(minioGrafanaDashboard({ metricsVersion: version, minioSelector: [LabelMatcher.equals('tenant', 'lake')] }))).toBe(text);
    expect(JSON.parse(text)).toEqual(dashboard);
  });
});

test('v2 charts KMS requests; v3 says it has no KMS metrics', () => {
  const v2 = minioGrafanaDashboard() as any;
  const v3 = minioGrafanaDashboard({ metricsVersion: MinioMetricsVersion.V3 }) as any;

  expect(v2.panels.at(-1).targets.map((t: any) => t.legendFormat)).toEqual(['succeeded', 'client or connection errors', 'server errors']);
  expect(v3.panels.at(-1)).toMatchObject({ type: 'text', options: { content: expect.stringContaining('no KMS metrics') } });
});

test('takes a title, uid and other variables', () => {
  const dashboard = minioGrafanaDashboard({ title: 'Lake storage', uid: 'lake_storage-1', groupBy: ['namespace'] }) as any;

  expect([dashboard.title, dashboard.uid]).toEqual(['Lake storage', 'lake_storage-1']);
  expect(dashboard.templating.list.map((v: any) => v.name)).toEqual(['datasource', 'namespace']);
  expect(dashboard.templating.list[1].query.query).toBe('label_values(minio_cluster_nodes_online_total, namespace)');
});

test.each<[string, MinioDashboardOptions, RegExp]>([
  ['an empty title', { title: ' ' }, /minioGrafanaDashboard: title must not be empty/],
  ['a uid over 40 characters', { uid: 'x'.repeat(41) }, /uid must be 1 to 40 letters, digits, dashes or underscores/],
  ['a uid with a slash', { uid: 'a/b' }, /uid must be 1 to 40 letters/],
  ['an exporter label as variable', { groupBy: ['server'] }, /groupBy\[0\] is a label MinIO v2 metrics carry themselves/],
  ['a duplicate variable', { groupBy: ['job', 'job'] }, /groupBy\[1\] is listed twice/],
  ['a variable that is no label name', { groupBy: ['1job'] }, /groupBy\[0\] must be a Prometheus label name/],
])('minioGrafanaDashboard refuses %s', (_name, options, message) => {
  expect(() => minioGrafanaDashboard(options)).toThrow(message);
});
