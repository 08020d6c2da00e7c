import { Duration } from 'cdk8s';
import { mintPrometheusToken } from 'minio-aks';

/** A token for the MinIO user `metrics-reader`, which needs the admin:Prometheus action. */
export function mintMetricsToken(secretKey: string): string {
  // Store the result in a Secret next to the PodMonitor (e.g. in Key Vault, through External Secrets), never in a manifest.
  return mintPrometheusToken({ accessKey: 'metrics-reader', secretKey, lifetime: Duration.days(365) });
}
