/** How MinIO exposes Prometheus metrics to scrapers that read pod annotations (e.g. Azure managed Prometheus). */
export interface TenantMetricsOptions {
  /**
   * Whether to put `prometheus.io/*` scrape annotations on the pool pods (through `poolsMetadata`, the only
   * place the operator copies pod annotations from).
   *
   * @default true
   */
  readonly podAnnotations?: boolean;
  /**
   * The metrics path to scrape.
   *
   * @default '/minio/v2/metrics/cluster'
   */
  readonly path?: string;
}

/** MinIO server logging. */
export interface TenantLoggingOptions {
  /** JSON log lines, for Azure Monitor Container insights queries. @default true */
  readonly json?: boolean;
  /** Hide sensitive information from logs. @default true */
  readonly anonymous?: boolean;
  /** Hide the startup banner. @default false */
  readonly quiet?: boolean;
}

/** S3 virtual-host and domain settings of a tenant. */
export interface TenantDomainOptions {
  /** Host names clients use for S3, e.g. `s3.example.com`. @default - none */
  readonly s3?: string[];
  /** The URL of the console, e.g. `https://console.example.com`. @default - none */
  readonly console?: string;
  /** Serve buckets as virtual hosts (`bucket.s3.example.com`). @default false */
  readonly bucketDns?: boolean;
}
