import { App, Size } from 'cdk8s';
import {
  GitOpsApp, GitOpsChart, HsmKeySource, KmsTls, MinioKmsCluster, MinioTenant, MinkmsImage, PrivateCa, SecretSetting,
  SecretValue, TenantEncryption,
} from 'minio-aks';

export function buildEncryptedStore(app: App = new GitOpsApp()): GitOpsChart {
  const chart = new GitOpsChart(app, 'vault', { namespace: 'vault' });
  const ca = new PrivateCa(chart, 'Ca', { name: 'vault-ca' });

  const kms = new MinioKmsCluster(chart, 'kms', {
    image: MinkmsImage.release('RELEASE.2026-07-17T11-53-00Z'),
    replicas: 3, // change it and the Jobs kms-leave-<n>-… and kms-join-<n>-… remove or add nodes
    // Secrets created outside this app: the one MINIO_KMS_HSM_KEY of every node, and the admin k1: key.
    hsmKey: HsmKeySource.fromSecret(SecretValue.fromSecretName('kms-hsm-key', 'hsm-key')),
    adminApiKey: SecretValue.fromSecretName('kms-admin', 'api-key'),
    adminIdentity: 'h1:J23aac6Xcu3NUDAo2E7NT-XUt_CDmoXgRPlg3Ie0MdE', // public: the admin key's identity
    tls: KmsTls.fromIssuer(ca),
  });

  const tenant = new MinioTenant(chart, 'records', {
    configuration: { name: 'records-config' },
    pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 2, volumeSize: Size.gibibytes(512) }],
    encryption: TenantEncryption.kms({
      cluster: kms, enclave: 'records', defaultKey: 'records-sse',
      // records-config's config.env carries `export MINIO_KMS_API_KEY="k1:..."`: only config.env reaches MinIO.
      apiKey: SecretSetting.inConfigurationSecret(),
    }),
  });
  kms.allowClients(tenant); // the KMS NetworkPolicy admits the tenant's pods: a tenant never changes the KMS
  return chart;
}
