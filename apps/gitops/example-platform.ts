import { ApiObject, ApiObjectProps, App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AuditLogCollector,
  AZURE_MONITOR_METRICS_AGENT,
  AzureLoadBalancer,
  azureRuleGroupArmTemplate,
  GitOpsApp,
  GitOpsChart,
  HsmKeySource,
  KeyVaultExternalSecret,
  KeyVaultSecretStore,
  KmsTls,
  LabelMatcher,
  ManagedPrometheusPodMonitor,
  MetricsAuthentication,
  minioAlertRules,
  minioGrafanaDashboard,
  MinioKmsCluster,
  MinioMetricsVersion,
  MinioTenant,
  MinkmsImage,
  OperatorCaTrust,
  PrivateCa,
  prometheusRuleManifest,
  RestrictedNamespace,
  ScrapeTarget,
  SecretSetting,
  ServiceExposure,
  TenantCertificate,
  TenantConfigurationSecret,
  TenantEncryption,
  TenantTls,
  TlsCertificate,
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
}

export const EXAMPLE_AZURE_INPUTS: ExampleAzureInputs = {
  tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  vaultUrl: 'https://contoso-minio.vault.azure.net',
  tenantSecretsClientId: '11111111-2222-3333-4444-555555555555',
  kmsSecretsClientId: '11111111-2222-3333-4444-666666666666',
  loadBalancerSubnet: 'snet-minio-frontend',
};

/** What the example writes besides the manifests. */
export interface ExampleObservabilityOptions {
  /**
   * Also write a prometheus-operator PrometheusRule (in the `monitoring` namespace) for teams that run their own
   * Prometheus next to Azure managed Prometheus.
   *
   * @default false
   */
  readonly prometheusRule?: boolean;
}

/** The metrics version the example scrapes; its alerts and dashboard read the same one. */
export const EXAMPLE_METRICS_VERSION = MinioMetricsVersion.V2;

/**
 * The built-in example: a production tenant on AKS with
 * - root credentials rendered from Key Vault by External Secrets, authenticated with workload identity;
 * - one pool of 4 servers x 4 volumes spread across availability zones, in a restricted namespace;
 * - S3 on an internal Azure load balancer in a named subnet;
 * - certificates from a private CA run by cert-manager, trusted by the MinIO Operator;
 * - objects encrypted through a 3-node MinIO KMS cluster whose HSM key also lives in Key Vault;
 * - the tenant and the KMS nodes scraped by Azure managed Prometheus, the alert rules as an ARM template and a
 *   Grafana dashboard written beside the manifests (when `app` is a GitOpsApp), and the audit log delivered to
 *   Log Analytics by Fluent Bit.
 */
export function buildExamplePlatform(
  app: App,
  azure: ExampleAzureInputs = EXAMPLE_AZURE_INPUTS,
  observability: ExampleObservabilityOptions = {},
): GitOpsChart[] {
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
    // The public identity of the admin key kept in Key Vault as minkms-admin-api-key (`minio-aks kms identity -`).
    adminIdentity: 'h1:J23aac6Xcu3NUDAo2E7NT-XUt_CDmoXgRPlg3Ie0MdE',
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

  // Receives the audit log (every S3 call) and writes it to stdout, where Container Insights collects it.
  const auditCollector = new AuditLogCollector(storage, 'minio-audit');
  const tenant = new MinioTenant(storage, 'production', {
    configuration,
    auditWebhook: auditCollector.webhook(),
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
  auditCollector.allowTenants(tenant);

  // The metrics token (`minio-aks prometheus token`) is kept in Key Vault; the PodMonitor reads it in its namespace.
  const metricsToken = new KeyVaultExternalSecret(storage, 'MetricsToken', {
    name: 'production-metrics-token',
    store: tenantVault,
    data: [{ secretKey: 'token', keyVaultSecret: 'minio-production-prometheus-token' }],
  });
  new ManagedPrometheusPodMonitor(storage, 'Metrics', {
    target: ScrapeTarget.minioTenant({
      tenant,
      ca: certificate.caSecret!,
      authentication: MetricsAuthentication.bearerToken(metricsToken.value()),
      metricsVersion: EXAMPLE_METRICS_VERSION,
    }),
  });
  // The AIStor KMS docs scrape with a client certificate; this one comes from the same private CA.
  const kmsScrapeCertificate = new TlsCertificate(kms, 'MetricsClient', {
    name: 'kms-metrics-client',
    issuer: internalCa,
    commonName: 'azure-monitor-metrics',
    dnsNames: ['azure-monitor-metrics'],
    clientAuth: true,
  });
  kmsCluster.allowClients(AZURE_MONITOR_METRICS_AGENT);
  new ManagedPrometheusPodMonitor(kms, 'Metrics', {
    target: ScrapeTarget.kmsCluster({ cluster: kmsCluster, clientCertificate: { name: kmsScrapeCertificate.secretName } }),
  });

  const alerts = minioAlertRules({
    metricsVersion: EXAMPLE_METRICS_VERSION,
    minioSelector: [LabelMatcher.equals('namespace', 'minio-production')],
    certificateSelector: [LabelMatcher.matches('exported_namespace', 'minio-production|minio-kms|cert-manager')],
  });
  if (app instanceof GitOpsApp) {
    app.addFile('minio-alerts.arm.json', `${JSON.stringify(azureRuleGroupArmTemplate(alerts), null, 2)}\n`);
    app.addFile('minio.dashboard.json', `${JSON.stringify(minioGrafanaDashboard({ metricsVersion: EXAMPLE_METRICS_VERSION }), null, 2)}\n`);
  }
  const charts = [ca, kms, storage];
  if (observability.prometheusRule === true) {
    const monitoring = new GitOpsChart(app, 'minio-monitoring', { namespace: 'monitoring' });
    new ApiObject(monitoring, 'Alerts', prometheusRuleManifest(alerts, { namespace: 'monitoring' }) as ApiObjectProps);
    charts.push(monitoring);
  }
  return charts;
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
