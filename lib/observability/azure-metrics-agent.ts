import type { IKmsClient } from '../kms/kms-endpoint';

/**
 * The pods of Azure Monitor's metrics add-on that run PodMonitor, ServiceMonitor and ConfigMap scrape jobs: the
 * `ama-metrics` Deployment in kube-system, whose pods carry `rsName: ama-metrics` (Azure/prometheus-collector,
 * the add-on chart's ama-metrics Deployment). Pass it to `kms.allowClients(...)` so the KMS NetworkPolicy admits
 * the scrape; a `MinioMirror` admits it to its metrics port by itself; tenants admit their port 9000 to everyone
 * already.
 */
export const AZURE_MONITOR_METRICS_AGENT: IKmsClient = Object.freeze({
  namespace: 'kube-system',
  podLabels: Object.freeze({ rsName: 'ama-metrics' }) as Record<string, string>,
});
