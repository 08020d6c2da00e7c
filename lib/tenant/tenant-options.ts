/** Who may read the tenant's Prometheus metrics. */
export interface TenantMetricsOptions {
  /**
   * Serve metrics without authentication (`MINIO_PROMETHEUS_AUTH_TYPE=public`): anyone who reaches port 9000 can
   * read them. By default MinIO requires a bearer token (`mintPrometheusToken`) and answers 403 without one.
   *
   * @default false
   */
  readonly public?: boolean;
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
