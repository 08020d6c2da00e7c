import { MINIO_V2_METRICS, MINIO_V3_METRICS, MinioMetricsVersion } from '../../lib/observability';

describe.each([MinioMetricsVersion.V2, MinioMetricsVersion.V3].map((v) => [v.id, v] as const))('MinioMetricsVersion %s', (_id, version) => {
  test('lists each metric once, with a source file and an endpoint of its version', () => {
    const names = version.catalog.map((m) => m.name);

    expect(new Set(names).size).toBe(names.length);
    for (const metric of version.catalog) {
      expect(metric.source).toMatch(/^minio\/minio RELEASE\.2025-09-07T16-13-09Z cmd\/metrics-v[23][-a-z]*\.go$/);
      expect(metric.endpoint.startsWith(version.id === 'v2' ? '/minio/v2/metrics/' : '/minio/metrics/v3/')).toBe(true);
    }
  });

  test('names only metrics of its own catalog', () => {
    const catalog = new Set(version.catalog.map((m) => m.name));
    const { kms, erasureSetLabels: _labels, apiLabel: _api, requestLabels: _request, ...metrics } = version.names;
    const used = [...Object.values(metrics), ...Object.values(kms ?? {})];

    expect(used.filter((name) => !catalog.has(name))).toEqual([]);
  });

  test('uses labels its metrics carry for erasure sets and requests', () => {
    const labels = new Set(version.exporterLabels);

    expect([...version.names.erasureSetLabels, version.names.apiLabel, ...version.names.requestLabels].filter((l) => !labels.has(l))).toEqual([]);
  });
});

test('v2 reads everything from the cluster endpoint; v3 needs three collectors', () => {
  expect(MinioMetricsVersion.V2.endpoints).toEqual(['/minio/v2/metrics/cluster']);
  expect(MinioMetricsVersion.V3.endpoints).toEqual([
    '/minio/metrics/v3/api/requests', '/minio/metrics/v3/cluster/erasure-set', '/minio/metrics/v3/cluster/health',
  ]);
});

test('the two versions share no metric name', () => {
  const v2 = new Set(MINIO_V2_METRICS.map((m) => m.name));

  expect(MINIO_V3_METRICS.filter((m) => v2.has(m.name))).toEqual([]);
});
