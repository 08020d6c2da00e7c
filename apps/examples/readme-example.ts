import { App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { GitOpsApp, GitOpsChart, MinioTenant, RestrictedNamespace } from 'minio-aks';

export function buildAnalyticsStore(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'analytics', { namespace: 'analytics' });
  new RestrictedNamespace(chart, 'analytics');

  const tenant = new MinioTenant(chart, 'lake', {
    // Only a reference: the Secret's config.env holds the root credentials.
    configuration: kplus.Secret.fromSecretName(chart, 'Config', 'lake-config'),
    pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(2) }],
  });

  // Existing pools never change shape; capacity grows by adding one.
  tenant.addPool({ name: 'pool-1', servers: 8, volumesPerServer: 2, volumeSize: Size.tebibytes(4) });
  return chart;
}
