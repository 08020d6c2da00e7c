import { ConfigurationError } from '../core/errors';
import { checkLabelName, LabelMatcher } from './label-matcher';
import { MinioMetricsVersion } from './metrics-version';
import { by, selector } from './promql';

/** Options of {@link minioGrafanaDashboard}. */
export interface MinioDashboardOptions {
  /**
   * The MinIO metrics version the scrape collects.
   *
   * @default MinioMetricsVersion.V2
   */
  readonly metricsVersion?: MinioMetricsVersion;

  /**
   * Dashboard title.
   *
   * @default 'MinIO'
   */
  readonly title?: string;

  /**
   * Dashboard uid: importing again with the same uid replaces the dashboard. 1 to 40 letters, digits, `-` or `_`.
   *
   * @default 'minio-aks'
   */
  readonly uid?: string;

  /**
   * Labels offered as dashboard variables to pick one deployment (multi-select, "All" by default).
   *
   * @default ['cluster', 'namespace', 'job']
   */
  readonly groupBy?: string[];

  /**
   * Matchers added to every query, as for the alert rules.
   *
   * @default - none
   */
  readonly minioSelector?: LabelMatcher[];
}

/** Grafana's uid limit (grafana/grafana pkg/util `IsValidShortUID`, at most 40 characters). */
const UID = /^[a-zA-Z0-9_-]{1,40}$/;
const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

interface PanelSpec {
  readonly title: string;
  readonly type: string;
  readonly unit: string;
  readonly width: number;
  readonly queries: ReadonlyArray<readonly [legend: string, expr: string]>;
  readonly text?: string;
}

/**
 * A Grafana dashboard (JSON model) over the metrics the alert rules use: capacity, requests and errors, latency,
 * drives and nodes, healing and erasure-set spare drives, and KMS requests (metrics v2; v3 has no KMS metrics).
 * The first variable picks a Prometheus data source, such as the Azure Monitor workspace in Azure Managed Grafana.
 */
export function minioGrafanaDashboard(options: MinioDashboardOptions = {}): Record<string, unknown> {
  const version = options.metricsVersion ?? MinioMetricsVersion.V2;
  const title = options.title ?? 'MinIO';
  if (typeof title !== 'string' || title.trim() === '') {
    fail('title', title, 'must not be empty', 'pass a title such as MinIO');
  }
  const uid = options.uid ?? 'minio-aks';
  if (typeof uid !== 'string' || !UID.test(uid)) {
    fail('uid', uid, 'must be 1 to 40 letters, digits, dashes or underscores', 'choose a uid such as minio-aks');
  }
  const groupBy = options.groupBy ?? ['cluster', 'namespace', 'job'];
  const reserved = new Set([...version.exporterLabels, '__name__']);
  groupBy.forEach((label, index) => {
    checkLabelName('minioGrafanaDashboard', `groupBy[${index}]`, label);
    if (reserved.has(label)) fail(`groupBy[${index}]`, label, `is a label MinIO ${version.id} metrics carry themselves`, 'pick labels the scrape adds');
    if (groupBy.indexOf(label) !== index) fail(`groupBy[${index}]`, label, 'is listed twice', 'list each label once');
  });
  const fixed = options.minioSelector ?? [];
  const variableMatchers = groupBy.map((label) => LabelMatcher.matches(label, `$${label}`));
  const sections = dashboardSections(version, groupBy, [...fixed, ...variableMatchers]);

  return {
    uid,
    title,
    tags: ['minio', 'minio-aks'],
    timezone: 'utc',
    editable: true,
    graphTooltip: 1,
    refresh: '1m',
    time: { from: 'now-6h', to: 'now' },
    schemaVersion: 39,
    version: 1,
    annotations: { list: [] },
    templating: { list: [datasourceVariable(), ...groupBy.map((label) => labelVariable(label, version.names.nodesOnline, fixed))] },
    panels: layout(sections),
  };
}

function dashboardSections(version: MinioMetricsVersion, groupBy: readonly string[], matchers: readonly LabelMatcher[]): Array<[string, PanelSpec[]]> {
  const n = version.names;
  const m = (metric: string) => selector(metric, matchers);
  const group = by(groupBy);
  const rate = (metric: string) => `rate(${m(metric)}[$__rate_interval])`;
  // Every node's v2 cluster endpoint repeats its peers' series: keep one per exporter label set before summing.
  const perSeries = (metric: string, labels: readonly string[]) => `max ${by([...groupBy, ...labels])} (${rate(metric)})`;
  const requestsBy = (metric: string) => `sum by (${n.apiLabel}) (${perSeries(metric, n.requestLabels)})`;
  const total = (metric: string) => `sum ${group} (${perSeries(metric, n.requestLabels)})`;
  const quantile = (q: number) => `histogram_quantile(${q}, sum by (le) (${perSeries(n.timeToFirstByte, [...n.requestLabels, 'le'])}))`;
  const setLabels = n.erasureSetLabels;
  const setLegend = `pool {{${setLabels[0]}}} set {{${setLabels[1]}}}`;

  const kms: PanelSpec = n.kms === undefined
    ? { title: 'KMS requests', type: 'text', unit: 'none', width: 24, queries: [],
      text: `MinIO metrics ${version.id} export no KMS metrics; scrape metrics v2 to see KMS requests here.` }
    : { title: 'KMS requests per second', type: 'timeseries', unit: 'reqps', width: 24, queries: [
      ['succeeded', `sum ${group} (${rate(n.kms.succeeded)})`],
      ['client or connection errors', `sum ${group} (${rate(n.kms.errored)})`],
      ['server errors', `sum ${group} (${rate(n.kms.failed)})`],
    ] };

  return [
    ['Capacity', [
      { title: 'Usable capacity used', type: 'stat', unit: 'percentunit', width: 6, queries: [
        ['used', `1 - min ${group} (${m(n.capacityUsableFree)}) / max ${group} (${m(n.capacityUsableTotal)})`]] },
      { title: 'Usable capacity', type: 'timeseries', unit: 'bytes', width: 18, queries: [
        ['free', `min ${group} (${m(n.capacityUsableFree)})`],
        ['total', `max ${group} (${m(n.capacityUsableTotal)})`]] },
    ]],
    ['Requests and errors', [
      { title: 'S3 requests per second by API', type: 'timeseries', unit: 'reqps', width: 12, queries: [
        [`{{${n.apiLabel}}}`, requestsBy(n.requests)]] },
      { title: 'S3 errors per second', type: 'timeseries', unit: 'reqps', width: 12, queries: [
        ['all errors', total(n.requestErrors)],
        ['4xx', total(n.requests4xx)],
        ['5xx', total(n.requests5xx)]] },
    ]],
    ['Latency', [
      { title: 'Time to first byte', type: 'timeseries', unit: 's', width: 24, queries: [
        ['p50', quantile(0.5)],
        ['p90', quantile(0.9)],
        ['p99', quantile(0.99)]] },
    ]],
    ['Drives and nodes', [
      { title: 'Drives online', type: 'stat', unit: 'none', width: 6, queries: [['online', `max ${group} (${m(n.drivesOnline)})`]] },
      { title: 'Drives offline', type: 'stat', unit: 'none', width: 6, queries: [['offline', `max ${group} (${m(n.drivesOffline)})`]] },
      { title: 'Nodes online', type: 'stat', unit: 'none', width: 6, queries: [['online', `max ${group} (${m(n.nodesOnline)})`]] },
      { title: 'Nodes offline', type: 'stat', unit: 'none', width: 6, queries: [['offline', `max ${group} (${m(n.nodesOffline)})`]] },
    ]],
    ['Healing and erasure sets', [
      { title: 'Erasure sets without write quorum', type: 'stat', unit: 'none', width: 6, queries: [
        ['sets', `sum ${group} (1 - min ${by([...groupBy, ...setLabels])} (${m(n.erasureSetWritable)}))`]] },
      { title: 'Healing drives per erasure set', type: 'timeseries', unit: 'none', width: 18, queries: [
        [setLegend, `max ${by([...groupBy, ...setLabels])} (${m(n.erasureSetHealingDrives)})`]] },
      { title: 'Drives each erasure set can still lose before writes stop', type: 'timeseries', unit: 'none', width: 24, queries: [
        [setLegend, `min ${by([...groupBy, ...setLabels])} (${m(n.erasureSetOnlineDrives)} - ${m(n.erasureSetWriteQuorum)})`]] },
    ]],
    ['KMS', [kms]],
  ];
}

function layout(sections: Array<[string, PanelSpec[]]>): Array<Record<string, unknown>> {
  const panels: Array<Record<string, unknown>> = [];
  let id = 1;
  let y = 0;
  for (const [title, specs] of sections) {
    panels.push({ id: id++, type: 'row', title, collapsed: false, gridPos: { h: 1, w: 24, x: 0, y }, panels: [] });
    y += 1;
    let x = 0;
    for (const spec of specs) {
      if (x + spec.width > 24) {
        x = 0;
        y += 8;
      }
      panels.push(panel(id++, spec, { h: 8, w: spec.width, x, y }));
      x += spec.width;
    }
    y += 8;
  }
  return panels;
}

function panel(id: number, spec: PanelSpec, gridPos: Record<string, number>): Record<string, unknown> {
  if (spec.type === 'text') {
    return { id, type: 'text', title: spec.title, gridPos, options: { mode: 'markdown', content: spec.text } };
  }
  return {
    id,
    type: spec.type,
    title: spec.title,
    datasource: DATASOURCE,
    gridPos,
    fieldConfig: { defaults: { unit: spec.unit }, overrides: [] },
    options: spec.type === 'stat'
      ? { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'value', graphMode: 'area' }
      : { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi', sort: 'desc' } },
    targets: spec.queries.map(([legend, expr], index) => ({
      refId: String.fromCharCode(65 + index),
      datasource: DATASOURCE,
      expr,
      legendFormat: legend,
      range: true,
    })),
  };
}

function datasourceVariable(): Record<string, unknown> {
  return {
    name: 'datasource',
    label: 'Data source',
    type: 'datasource',
    query: 'prometheus',
    hide: 0,
    refresh: 1,
    regex: '',
    current: {},
    options: [],
  };
}

function labelVariable(label: string, metric: string, matchers: readonly LabelMatcher[]): Record<string, unknown> {
  return {
    name: label,
    label,
    type: 'query',
    datasource: DATASOURCE,
    query: { query: `label_values(${selector(metric, matchers)}, ${label})`, refId: `${label}-values` },
    definition: `label_values(${selector(metric, matchers)}, ${label})`,
    includeAll: true,
    multi: true,
    // Matches series that lack the label too, so "All" works where the scrape adds no such label.
    allValue: '.*',
    current: { selected: true, text: ['All'], value: ['$__all'] },
    hide: 0,
    refresh: 2,
    sort: 1,
    regex: '',
    options: [],
  };
}

function fail(field: string, received: unknown, problem: string, fix: string): never {
  throw new ConfigurationError('minioGrafanaDashboard', field, received, problem, fix);
}
