import { App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AzureLoadBalancer, GitOpsApp, GitOpsChart, HealthProbeProtocol, MinioTenant, PrivateLinkVisibility, ServiceExposure,
} from 'minio-aks';

export function buildInternalS3Endpoint(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'lake-network', { namespace: 'lake' });

  const s3LoadBalancer = AzureLoadBalancer.internal({
    subnet: 'snet-minio-frontend',
    // Pooled S3 client connections often sit idle between batches for longer than the 4-minute default.
    idleTimeoutMinutes: 30,
    // Take a node out when MinIO stops answering, not merely when its port stops accepting.
    healthProbe: { protocol: HealthProbeProtocol.HTTPS, requestPath: '/minio/health/live' },
    // Analytics teams in another subscription reach S3 through a private endpoint.
    privateLinkService: {
      name: 'pls-lake-s3',
      visibility: PrivateLinkVisibility.subscriptions(['99999999-8888-7777-6666-555555555555']),
    },
  });

  new MinioTenant(chart, 'lake', {
    configuration: kplus.Secret.fromSecretName(chart, 'Configuration', 'lake-config'),
    pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(2) }],
    // The operator creates the Service; the load balancer settings reach it as validated annotations.
    s3Exposure: ServiceExposure.azureLoadBalancer(s3LoadBalancer),
  });
  return chart;
}
