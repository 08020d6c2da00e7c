export * from './prometheus-token';
export * from './metric-catalog';
export * from './metrics-version';
export { LabelMatcher } from './label-matcher';
export * from './alert-severity';
export * from './alert-rule';
export * from './alert-rules';
export {
  AZURE_PROMETHEUS_RULE_GROUP_API_VERSION, AZURE_PROMETHEUS_RULE_GROUP_TYPE, azurePrometheusRuleGroup, azureRuleGroupArmTemplate,
} from './azure-rule-group';
export type { AzurePrometheusRule, AzurePrometheusRuleGroup, AzureRuleGroupOptions, AzureRuleGroupTargets } from './azure-rule-group';
export * from './prometheus-rule';
export * from './grafana-dashboard';
export { MetricsAuthentication } from './metrics-authentication';
export { AZURE_MONITOR_METRICS_AGENT } from './azure-metrics-agent';
export { ScrapeTarget } from './scrape-target';
export type {
  KmsClusterScrapeOptions, MinioMirrorScrapeOptions, MinioTenantScrapeOptions, ResolvedScrapeTarget, ScrapeClientCertificate, ScrapeTls,
} from './scrape-target';
export { ManagedPrometheusPodMonitor } from './managed-prometheus-pod-monitor';
export type { ManagedPrometheusPodMonitorProps } from './managed-prometheus-pod-monitor';
export { ManagedPrometheusScrapeConfig } from './managed-prometheus-scrape-config';
export type { ManagedPrometheusScrapeConfigProps, ScrapeCredentialFile } from './managed-prometheus-scrape-config';
export type { TenantAuditWebhookOptions } from './audit-webhook';
export { AUDIT_FIELDS_REMOVED, AuditLogCollector } from './audit-log-collector';
export type { AuditLogCollectorProps } from './audit-log-collector';
export { FluentBitImage } from './fluent-bit-image';
