import { App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { GitOpsChart, MinioTenant, RestrictedNamespace } from '../../lib';

/**
 * The built-in example: a production tenant in a restricted namespace, one pool of 4 servers x 4 volumes spread
 * across availability zones, root credentials from a Secret that is referenced, never written here.
 */
export function buildExamplePlatform(app: App): GitOpsChart {
  const chart = new GitOpsChart(app, 'minio-production', { namespace: 'minio-production' });
  new RestrictedNamespace(chart, 'minio-production');

  new MinioTenant(chart, 'production', {
    configuration: kplus.Secret.fromSecretName(chart, 'Configuration', 'production-config'),
    pools: [{
      name: 'pool-0',
      servers: 4,
      volumesPerServer: 4,
      volumeSize: Size.tebibytes(1),
      nodeSelector: { agentpool: 'minio' },
      tolerations: [{ key: 'dedicated', value: 'minio', effect: kplus.TaintEffect.NO_SCHEDULE }],
    }],
  });
  return chart;
}
