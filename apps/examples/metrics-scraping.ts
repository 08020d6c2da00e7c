import { App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  GitOpsApp, GitOpsChart, ManagedPrometheusPodMonitor, MetricsAuthentication, MinioMetricsVersion, MinioTenant, PrivateCa,
  RestrictedNamespace, ScrapeTarget, SecretValue, TenantCertificate, TenantTls,
} from 'minio-aks';

export function buildScrapedStore(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'lake', { namespace: 'data' });
  new RestrictedNamespace(chart, 'data');
  const ca = new PrivateCa(chart, 'Ca', { name: 'lake-ca' });
  const certificate = new TenantCertificate(chart, 'Certificate', { tenantName: 'lake', issuer: ca });
  const tenant = new MinioTenant(chart, 'lake', {
    configuration: kplus.Secret.fromSecretName(chart, 'Config', 'lake-config'),
    tls: TenantTls.fromCertificates(certificate),
    pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(2) }],
  });

  // Azure managed Prometheus scrapes every tenant pod over HTTPS, checking the certificate against the tenant CA.
  // The token (`minio-aks prometheus token`) is in a Secret of the tenant's namespace: the agent reads it there.
  new ManagedPrometheusPodMonitor(chart, 'Metrics', {
    target: ScrapeTarget.minioTenant({
      tenant,
      ca: certificate.caSecret!,
      authentication: MetricsAuthentication.bearerToken(SecretValue.fromSecretName('lake-metrics-token', 'token')),
      metricsVersion: MinioMetricsVersion.V2, // the alerts and the dashboard must read the same version
    }),
  });
  return chart;
}
