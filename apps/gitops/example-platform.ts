import { App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AzureLoadBalancer,
  GitOpsChart,
  HsmKeySource,
  KeyVaultExternalSecret,
  KeyVaultSecretStore,
  KmsTls,
  MinioKmsCluster,
  MinioTenant,
  MinkmsImage,
  OperatorCaTrust,
  PrivateCa,
  RestrictedNamespace,
  SecretSetting,
  ServiceExposure,
  TenantCertificate,
  TenantConfigurationSecret,
  TenantEncryption,
  TenantTls,
  WorkloadIdentityServiceAccount,
} from '../../lib';

/**
 * Values that come from Azure. A Pulumi program feeds real outputs into the same constructs; here they are the
 * example's fixed placeholders, so that the example synthesizes without a cloud account.
 */
export interface ExampleAzureInputs {
  readonly tenantId: string;
  readonly vaultUrl: string;
  readonly tenantSecretsClientId: string;
  readonly kmsSecretsClientId: string;
  readonly loadBalancerSubnet: string;
  /** The public identity (`h1:`) of the KMS admin API key kept in Key Vault as minkms-admin-api-key. */
  readonly kmsAdminIdentity: string;
}

export const EXAMPLE_AZURE_INPUTS: ExampleAzureInputs = {
  tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  vaultUrl: 'https://contoso-minio.vault.azure.net',
  tenantSecretsClientId: '11111111-2222-3333-4444-555555555555',
  kmsSecretsClientId: '11111111-2222-3333-4444-666666666666',
  loadBalancerSubnet: 'snet-minio-frontend',
  // `minio-aks kms identity -` of the example's admin key.
  kmsAdminIdentity: 'h1:J23aac6Xcu3NUDAo2E7NT-XUt_CDmoXgRPlg3Ie0MdE',
};

/**
 * The built-in example: a production tenant on AKS with
 * - root credentials rendered from Key Vault by External Secrets, authenticated with workload identity;
 * - one pool of 4 servers x 4 volumes spread across availability zones, in a restricted namespace;
 * - S3 on an internal Azure load balancer in a named subnet;
 * - certificates from a private CA run by cert-manager, trusted by the MinIO Operator;
 * - objects encrypted through a 3-node MinIO KMS cluster whose HSM key also lives in Key Vault.
 */
export function buildExamplePlatform(app: App, azure: ExampleAzureInputs = EXAMPLE_AZURE_INPUTS): GitOpsChart[] {
  const ca = new GitOpsChart(app, 'minio-ca');
  const internalCa = new PrivateCa(ca, 'InternalCa', { name: 'minio-internal-ca' });
  new OperatorCaTrust(ca, 'OperatorTrust', { issuer: internalCa });

  const kms = new GitOpsChart(app, 'minio-kms', { namespace: 'minio-kms' });
  new RestrictedNamespace(kms, 'minio-kms');
  const kmsVault = keyVaultStore(kms, azure.kmsSecretsClientId, azure);
  const adminApiKey = new KeyVaultExternalSecret(kms, 'AdminApiKey', {
    name: 'kms-admin-api-key',
    store: kmsVault,
    data: [{ secretKey: 'api-key', keyVaultSecret: 'minkms-admin-api-key' }],
  });
  const kmsCluster = new MinioKmsCluster(kms, 'kms', {
    // Pin the AIStor release you have validated; mirror it to your registry if nodes cannot reach quay.io.
    image: MinkmsImage.release('RELEASE.2026-07-17T11-53-00Z'),
    replicas: 3,
    hsmKey: HsmKeySource.fromKeyVault({ store: kmsVault, keyVaultSecret: 'minkms-hsm-key' }),
    adminIdentity: azure.kmsAdminIdentity,
    adminApiKey: adminApiKey.value(),
    tls: KmsTls.fromIssuer(internalCa),
  });

  const storage = new GitOpsChart(app, 'minio-production', { namespace: 'minio-production' });
  new RestrictedNamespace(storage, 'minio-production');
  const tenantVault = keyVaultStore(storage, azure.tenantSecretsClientId, azure);
  const configuration = new TenantConfigurationSecret(storage, 'Configuration', {
    name: 'production-config',
    store: tenantVault,
    rootUser: 'minio-production-root-user',
    rootPassword: 'minio-production-root-password',
  });
  const certificate = new TenantCertificate(storage, 'Certificate', {
    tenantName: 'production',
    issuer: internalCa,
  });

  const tenant = new MinioTenant(storage, 'production', {
    configuration,
    tls: TenantTls.fromCertificates(certificate),
    s3Exposure: ServiceExposure.azureLoadBalancer(AzureLoadBalancer.internal({ subnet: azure.loadBalancerSubnet })),
    encryption: TenantEncryption.kms({
      cluster: kmsCluster,
      enclave: 'production',
      defaultKey: 'production-sse',
      // Fetched into the configuration's config.env: the operator passes only literal env values to MinIO.
      apiKey: SecretSetting.fromKeyVault('minio-production-kms-api-key'),
    }),
    pools: [{
      name: 'pool-0',
      servers: 4,
      volumesPerServer: 4,
      volumeSize: Size.tebibytes(1),
      nodeSelector: { agentpool: 'minio' },
      tolerations: [{ key: 'dedicated', value: 'minio', effect: kplus.TaintEffect.NO_SCHEDULE }],
    }],
  });
  // The KMS admits the tenant's pods itself: a tenant never changes the cluster it uses.
  kmsCluster.allowClients(tenant);
  return [ca, kms, storage];
}

function keyVaultStore(chart: GitOpsChart, clientId: string, azure: ExampleAzureInputs): KeyVaultSecretStore {
  // In the chart's namespace, like every construct that names no other.
  const identity = new WorkloadIdentityServiceAccount(chart, 'VaultReader', {
    name: 'key-vault-reader',
    clientId,
    tenantId: azure.tenantId,
  });
  return new KeyVaultSecretStore(chart, 'Vault', { name: 'key-vault', vaultUrl: azure.vaultUrl, identity });
}
