import { App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { AuditLogCollector, GitOpsApp, GitOpsChart, MinioTenant, RestrictedNamespace } from 'minio-aks';

export function buildAuditedStore(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'lake', { namespace: 'data' });
  new RestrictedNamespace(chart, 'data');

  // Fluent Bit receives the audit webhook and writes each event as a JSON line to stdout (ContainerLogV2).
  const audit = new AuditLogCollector(chart, 'lake-audit');
  const tenant = new MinioTenant(chart, 'lake', {
    configuration: kplus.Secret.fromSecretName(chart, 'Config', 'lake-config'),
    pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(2) }],
    auditWebhook: audit.webhook(), // one event per request, the only batch Fluent Bit's http input accepts
  });
  audit.allowTenants(tenant); // its NetworkPolicy admits only this tenant's pods
  return chart;
}
