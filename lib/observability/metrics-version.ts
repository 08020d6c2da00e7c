import { MetricDefinition, MINIO_V2_METRICS, MINIO_V3_METRICS } from './metric-catalog';

/** The KMS request counters of a metrics version (MinIO's view of its KMS). */
export interface KmsRequestMetrics {
  /** Requests the KMS answered. */
  readonly succeeded: string;
  /** Requests that failed with a client error or never reached the KMS (connection errors count here). */
  readonly errored: string;
  /** Requests the KMS answered with a server error. */
  readonly failed: string;
}

/** The metric and label names one MinIO metrics version uses for what the alerts and the dashboard look at. */
export interface MinioMetricNames {
  readonly nodesOffline: string;
  readonly nodesOnline: string;
  readonly drivesOffline: string;
  readonly drivesOnline: string;
  /** 1 while an erasure set has at least its write quorum of drives online, else 0. */
  readonly erasureSetWritable: string;
  readonly erasureSetOnlineDrives: string;
  readonly erasureSetWriteQuorum: string;
  readonly erasureSetHealingDrives: string;
  /** The labels that name an erasure set: pool, then set. */
  readonly erasureSetLabels: readonly [string, string];
  readonly capacityUsableFree: string;
  readonly capacityUsableTotal: string;
  readonly requests: string;
  readonly requestErrors: string;
  readonly requests4xx: string;
  readonly requests5xx: string;
  /** Time to first byte, one cumulative series per `le` bucket. */
  readonly timeToFirstByte: string;
  /** The label that names the S3 API call. */
  readonly apiLabel: string;
  /** The labels a request metric carries besides the bucket `le`; used to keep series apart before summing. */
  readonly requestLabels: readonly string[];
  /** @default - none: this version exports no KMS metrics */
  readonly kms?: KmsRequestMetrics;
}

/**
 * Which of MinIO's two metrics APIs the alerts and dashboard read.
 *
 * The scrape configuration must collect the same version: the metric names differ
 * ({@link MinioMetricsVersion.catalog} lists them with their endpoints).
 */
export class MinioMetricsVersion {
  /** Metrics v2, `/minio/v2/metrics/cluster`: the default, and the only one with KMS metrics. */
  public static readonly V2 = new MinioMetricsVersion('v2', MINIO_V2_METRICS, {
    nodesOffline: 'minio_cluster_nodes_offline_total',
    nodesOnline: 'minio_cluster_nodes_online_total',
    drivesOffline: 'minio_cluster_drive_offline_total',
    drivesOnline: 'minio_cluster_drive_online_total',
    erasureSetWritable: 'minio_cluster_health_erasure_set_status',
    erasureSetOnlineDrives: 'minio_cluster_health_erasure_set_online_drives',
    erasureSetWriteQuorum: 'minio_cluster_health_erasure_set_write_quorum',
    erasureSetHealingDrives: 'minio_cluster_health_erasure_set_healing_drives',
    erasureSetLabels: ['pool', 'set'],
    capacityUsableFree: 'minio_cluster_capacity_usable_free_bytes',
    capacityUsableTotal: 'minio_cluster_capacity_usable_total_bytes',
    requests: 'minio_s3_requests_total',
    requestErrors: 'minio_s3_requests_errors_total',
    requests4xx: 'minio_s3_requests_4xx_errors_total',
    requests5xx: 'minio_s3_requests_5xx_errors_total',
    timeToFirstByte: 'minio_s3_requests_ttfb_seconds_distribution',
    apiLabel: 'api',
    requestLabels: ['server', 'api'],
    kms: {
      succeeded: 'minio_cluster_kms_request_success',
      errored: 'minio_cluster_kms_request_error',
      failed: 'minio_cluster_kms_request_failure',
    },
  });

  /**
   * Metrics v3, `/minio/metrics/v3/...`: needs the `/cluster/health`, `/cluster/erasure-set` and `/api/requests`
   * collectors. It has no KMS metrics, so the KMS alerts and panels are left out.
   */
  public static readonly V3 = new MinioMetricsVersion('v3', MINIO_V3_METRICS, {
    nodesOffline: 'minio_cluster_health_nodes_offline_count',
    nodesOnline: 'minio_cluster_health_nodes_online_count',
    drivesOffline: 'minio_cluster_health_drives_offline_count',
    drivesOnline: 'minio_cluster_health_drives_online_count',
    erasureSetWritable: 'minio_cluster_erasure_set_health',
    erasureSetOnlineDrives: 'minio_cluster_erasure_set_online_drives_count',
    erasureSetWriteQuorum: 'minio_cluster_erasure_set_write_quorum',
    erasureSetHealingDrives: 'minio_cluster_erasure_set_healing_drives_count',
    erasureSetLabels: ['pool_id', 'set_id'],
    capacityUsableFree: 'minio_cluster_health_capacity_usable_free_bytes',
    capacityUsableTotal: 'minio_cluster_health_capacity_usable_total_bytes',
    requests: 'minio_api_requests_total',
    requestErrors: 'minio_api_requests_errors_total',
    requests4xx: 'minio_api_requests_4xx_errors_total',
    requests5xx: 'minio_api_requests_5xx_errors_total',
    timeToFirstByte: 'minio_api_requests_ttfb_seconds_distribution',
    apiLabel: 'name',
    requestLabels: ['server', 'name', 'type'],
  });

  private constructor(
    /** `v2` or `v3`. */
    public readonly id: string,
    /** Every MinIO metric this version's alerts and dashboard may read, with its endpoint and source. */
    public readonly catalog: readonly MetricDefinition[],
    /** The names behind each concept the alerts and dashboard use. */
    public readonly names: MinioMetricNames,
  ) {}

  /** The endpoints that must be scraped for the alerts and dashboard of this version, sorted. */
  public get endpoints(): string[] {
    return [...new Set(this.catalog.map((m) => m.endpoint))].sort();
  }

  /**
   * Labels that the metrics themselves carry; grouping or matching on them is the library's job, not the caller's.
   */
  public get exporterLabels(): string[] {
    return [...new Set(this.catalog.flatMap((m) => m.labels))].sort();
  }
}
