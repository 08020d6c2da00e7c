import { App } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { GitOpsApp, GitOpsChart, MinioEndpoint, MinioMirror, MinioTenant, SecretValue } from 'minio-aks';

export function buildMigrationMirror(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'lake-migration', { namespace: 'lake' });
  const tenant = MinioTenant.fromTenantAttributes(chart, 'Lake', { name: 'lake', namespace: 'lake' });

  new MinioMirror(chart, 'from-legacy', {
    // The older cluster, behind an internal load balancer in 10.40.0.0/16, with a private CA.
    source: MinioEndpoint.external('https://s3.legacy.contoso.com', {
      credentials: MinioEndpoint.credentialsFromSecret(kplus.Secret.fromSecretName(chart, 'Legacy', 'legacy-minio')),
      trustedCa: SecretValue.fromSecretName('legacy-minio-ca', 'ca.crt'),
      allowedCidrs: ['10.40.0.0/16'],
    }),
    target: MinioEndpoint.tenant(tenant, {
      credentials: MinioEndpoint.credentialsFromSecret(kplus.Secret.fromSecretName(chart, 'Admin', 'lake-admin')),
      trustedCa: SecretValue.fromSecretName('lake-tls', 'ca.crt'),
    }),
    overwrite: true,
    exclude: ['*.partial'],
    // Logs what the first pass would copy before the mirror starts; a Job compares both sides with mc diff.
    dryRunFirst: true,
    verify: true,
  });
  return chart;
}
