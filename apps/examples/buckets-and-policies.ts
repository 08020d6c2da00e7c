import { App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AccessPolicy, GitOpsApp, GitOpsChart, MinioEndpoint, MinioTenant, PolicyResource, RetentionMode, S3Action, SecretValue,
  TenantProvisioner,
} from 'minio-aks';

export function buildBucketsAndPolicies(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'lake-data', { namespace: 'lake' });
  const tenant = MinioTenant.fromTenantAttributes(chart, 'Lake', { name: 'lake', namespace: 'lake' });

  new TenantProvisioner(chart, 'Provisioner', {
    tenant,
    // The root user's access-key and secret-key, in a Secret; mc gets them only through MC_HOST_target.
    credentials: MinioEndpoint.credentialsFromSecret(kplus.Secret.fromSecretName(chart, 'Admin', 'lake-admin')),
    trustedCa: SecretValue.fromSecretName('lake-tls', 'ca.crt'),
    buckets: [
      {
        name: 'reports',
        versioning: true,
        quota: Size.tebibytes(5),
        encryptionKey: 'lake-reports',
        lifecycle: [{ prefix: 'scratch/', expireAfterDays: 7, expireNoncurrentAfterDays: 30 }],
      },
      { name: 'audit-trail', objectLock: { defaultRetention: { mode: RetentionMode.COMPLIANCE, years: 7 } } },
    ],
    policies: [new AccessPolicy({
      // Members of this Entra ID group read the reports bucket.
      entraGroup: '0b6f4e0c-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
      statements: [{ actions: S3Action.READ, resources: [PolicyResource.bucket('reports'), PolicyResource.objects('reports')] }],
    })],
  });
  return chart;
}
