/** Whether a metric only grows (rate() and increase() apply) or goes up and down. */
export enum MetricKind {
  /** A value that goes up and down. */
  GAUGE = 'gauge',
  /** A value that only grows, except when the process restarts. */
  COUNTER = 'counter',
}

/** One metric that the alert rules or the dashboard read, with where its name was verified. */
export interface MetricDefinition {
  /** The metric name exactly as the exporter writes it. */
  readonly name: string;
  /** Gauge or counter, as the exporter declares it. */
  readonly kind: MetricKind;
  /** The path the exporter serves the metric on. */
  readonly endpoint: string;
  /** Labels the exporter itself puts on the metric; the scrape adds its own (`job`, `instance`, ...). */
  readonly labels: readonly string[];
  /** Repository, release and file the name was read from. */
  readonly source: string;
}

const MINIO_RELEASE = 'minio/minio RELEASE.2025-09-07T16-13-09Z';
const V2_CLUSTER = '/minio/v2/metrics/cluster';
const V2_SOURCE = `${MINIO_RELEASE} cmd/metrics-v2.go`;

function metric(name: string, kind: MetricKind, endpoint: string, labels: readonly string[], source: string): MetricDefinition {
  return { name, kind, endpoint, labels, source };
}

/**
 * The metrics v2 names this library uses. MinIO writes them as `<namespace>_<subsystem>_<name>` from the
 * MetricDescription values in cmd/metrics-v2.go; every one is served by the cluster endpoint, where each node reports
 * its own series and those of its peers, all labelled `server`.
 */
export const MINIO_V2_METRICS: readonly MetricDefinition[] = [
  metric('minio_cluster_nodes_offline_total', MetricKind.GAUGE, V2_CLUSTER, ['server'], V2_SOURCE),
  metric('minio_cluster_nodes_online_total', MetricKind.GAUGE, V2_CLUSTER, ['server'], V2_SOURCE),
  metric('minio_cluster_drive_offline_total', MetricKind.GAUGE, V2_CLUSTER, ['server'], V2_SOURCE),
  metric('minio_cluster_drive_online_total', MetricKind.GAUGE, V2_CLUSTER, ['server'], V2_SOURCE),
  metric('minio_cluster_health_erasure_set_status', MetricKind.GAUGE, V2_CLUSTER, ['pool', 'set', 'server'], V2_SOURCE),
  metric('minio_cluster_health_erasure_set_online_drives', MetricKind.GAUGE, V2_CLUSTER, ['pool', 'set', 'server'], V2_SOURCE),
  metric('minio_cluster_health_erasure_set_write_quorum', MetricKind.GAUGE, V2_CLUSTER, ['pool', 'set', 'server'], V2_SOURCE),
  metric('minio_cluster_health_erasure_set_healing_drives', MetricKind.GAUGE, V2_CLUSTER, ['pool', 'set', 'server'], V2_SOURCE),
  metric('minio_cluster_capacity_usable_free_bytes', MetricKind.GAUGE, V2_CLUSTER, ['server'], V2_SOURCE),
  metric('minio_cluster_capacity_usable_total_bytes', MetricKind.GAUGE, V2_CLUSTER, ['server'], V2_SOURCE),
  metric('minio_s3_requests_total', MetricKind.COUNTER, V2_CLUSTER, ['api', 'server'], V2_SOURCE),
  metric('minio_s3_requests_errors_total', MetricKind.COUNTER, V2_CLUSTER, ['api', 'server'], V2_SOURCE),
  metric('minio_s3_requests_4xx_errors_total', MetricKind.COUNTER, V2_CLUSTER, ['api', 'server'], V2_SOURCE),
  metric('minio_s3_requests_5xx_errors_total', MetricKind.COUNTER, V2_CLUSTER, ['api', 'server'], V2_SOURCE),
  // A histogram written as one cumulative series per bucket (`le`), without the _bucket suffix (collectMetric).
  metric('minio_s3_requests_ttfb_seconds_distribution', MetricKind.COUNTER, V2_CLUSTER, ['api', 'le', 'server'], V2_SOURCE),
  // KMS request counters (getKMSMetrics); connection failures count as errors (internal/kms/kms.go updateMetrics).
  metric('minio_cluster_kms_request_success', MetricKind.COUNTER, V2_CLUSTER, ['server'], V2_SOURCE),
  metric('minio_cluster_kms_request_error', MetricKind.COUNTER, V2_CLUSTER, ['server'], V2_SOURCE),
  metric('minio_cluster_kms_request_failure', MetricKind.COUNTER, V2_CLUSTER, ['server'], V2_SOURCE),
];

const V3_BASE = '/minio/metrics/v3';

function v3(name: string, kind: MetricKind, collector: string, labels: readonly string[], file: string): MetricDefinition {
  return metric(name, kind, `${V3_BASE}${collector}`, labels, `${MINIO_RELEASE} ${file}`);
}

/**
 * The metrics v3 names this library uses. MinIO writes them as `minio_` + the collector path in snake case + the
 * metric name (cmd/metrics-v3-types.go `metricPrefix`). Cluster metrics carry no `server` label and every node
 * reports the same values; the others are per node and carry `server` (cmd/metrics-v3.go). Metrics v3 has no KMS
 * metrics at this release.
 */
export const MINIO_V3_METRICS: readonly MetricDefinition[] = [
  v3('minio_cluster_health_nodes_offline_count', MetricKind.GAUGE, '/cluster/health', [], 'cmd/metrics-v3-cluster-health.go'),
  v3('minio_cluster_health_nodes_online_count', MetricKind.GAUGE, '/cluster/health', [], 'cmd/metrics-v3-cluster-health.go'),
  v3('minio_cluster_health_drives_offline_count', MetricKind.GAUGE, '/cluster/health', [], 'cmd/metrics-v3-cluster-health.go'),
  v3('minio_cluster_health_drives_online_count', MetricKind.GAUGE, '/cluster/health', [], 'cmd/metrics-v3-cluster-health.go'),
  v3('minio_cluster_health_capacity_usable_free_bytes', MetricKind.GAUGE, '/cluster/health', [], 'cmd/metrics-v3-cluster-health.go'),
  v3('minio_cluster_health_capacity_usable_total_bytes', MetricKind.GAUGE, '/cluster/health', [], 'cmd/metrics-v3-cluster-health.go'),
  v3('minio_cluster_erasure_set_health', MetricKind.GAUGE, '/cluster/erasure-set', ['pool_id', 'set_id'], 'cmd/metrics-v3-cluster-erasure-set.go'),
  v3('minio_cluster_erasure_set_online_drives_count', MetricKind.GAUGE, '/cluster/erasure-set', ['pool_id', 'set_id'], 'cmd/metrics-v3-cluster-erasure-set.go'),
  v3('minio_cluster_erasure_set_write_quorum', MetricKind.GAUGE, '/cluster/erasure-set', ['pool_id', 'set_id'], 'cmd/metrics-v3-cluster-erasure-set.go'),
  v3('minio_cluster_erasure_set_healing_drives_count', MetricKind.GAUGE, '/cluster/erasure-set', ['pool_id', 'set_id'], 'cmd/metrics-v3-cluster-erasure-set.go'),
  v3('minio_api_requests_total', MetricKind.COUNTER, '/api/requests', ['name', 'type', 'server'], 'cmd/metrics-v3-api.go'),
  v3('minio_api_requests_errors_total', MetricKind.COUNTER, '/api/requests', ['name', 'type', 'server'], 'cmd/metrics-v3-api.go'),
  v3('minio_api_requests_4xx_errors_total', MetricKind.COUNTER, '/api/requests', ['name', 'type', 'server'], 'cmd/metrics-v3-api.go'),
  v3('minio_api_requests_5xx_errors_total', MetricKind.COUNTER, '/api/requests', ['name', 'type', 'server'], 'cmd/metrics-v3-api.go'),
  v3('minio_api_requests_ttfb_seconds_distribution', MetricKind.COUNTER, '/api/requests', ['name', 'type', 'le', 'server'], 'cmd/metrics-v3-api.go'),
];

/** cert-manager's controller metrics (cert-manager/cert-manager pkg/metrics/metrics.go). */
export const CERT_MANAGER_METRICS: readonly MetricDefinition[] = [
  metric('certmanager_certificate_expiration_timestamp_seconds', MetricKind.GAUGE, '/metrics',
    ['name', 'namespace', 'issuer_name', 'issuer_kind', 'issuer_group'], 'cert-manager/cert-manager pkg/metrics/metrics.go'),
];

/** `mc mirror --monitoring-address` metrics (minio/mc RELEASE.2025-08-13T08-35-41Z cmd/mirror-main.go). */
export const MC_MIRROR_METRICS: readonly MetricDefinition[] = [
  metric('mc_mirror_failed_s3ops', MetricKind.COUNTER, '/metrics', [], 'minio/mc RELEASE.2025-08-13T08-35-41Z cmd/mirror-main.go'),
];

/** The series Prometheus writes for every scrape target (prometheus/prometheus scrape/scrape.go, `up`). */
export const SCRAPE_METRICS: readonly MetricDefinition[] = [
  metric('up', MetricKind.GAUGE, '(written by Prometheus)', [], 'prometheus/prometheus scrape/scrape.go'),
];
