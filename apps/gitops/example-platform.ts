import { ApiObject, ApiObjectProps, App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AccessPolicy,
  AlertRuleSet,
  AuditLogCollector,
  AZURE_MONITOR_METRICS_AGENT,
  AzureBlobTier,
  AzureLoadBalancer,
  azureRuleGroupArmTemplate,
  AzureTierCredentials,
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
  MinioEndpoint,
  minioGrafanaDashboard,
  MinioKmsCluster,
  MinioMetricsVersion,
  MinioMirror,
  MinioTenant,
  MinkmsImage,
  OperatorCaTrust,
  PolicyResource,
  PrivateCa,
  prometheusRuleManifest,
  RestrictedNamespace,
  S3Action,
  S3Credentials,
  ScrapeTarget,
  SecretSetting,
  SecretValue,
  ServiceExposure,
  TenantCertificate,
  TenantConfigurationSecret,
  TenantEncryption,
  TenantProvisioner,
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
  /** The app registration users sign in to the console with. */
  readonly signInClientId: string;
  /** The Entra ID group whose members read the reports bucket. */
  readonly analystsGroupId: string;
  /** The public identity (`h1:`) of the KMS admin API key kept in Key Vault as minkms-admin-api-key. */
  readonly kmsAdminIdentity: string;
  /** The storage account the archive tier writes to; its account key is in Key Vault as minio-tiering-account-key. */
  readonly tierStorageAccount: string;
  /** The blob container of the archive tier in that account. */
  readonly tierContainer: string;
}

export const EXAMPLE_AZURE_INPUTS: ExampleAzureInputs = {
  tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  vaultUrl: 'https://contoso-minio.vault.azure.net',
  tenantSecretsClientId: '11111111-2222-3333-4444-555555555555',
  kmsSecretsClientId: '11111111-2222-3333-4444-666666666666',
  loadBalancerSubnet: 'snet-minio-frontend',
  signInClientId: '22222222-3333-4444-5555-666666666666',
  analystsGroupId: '0b6f4e0c-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
  // `minio-aks kms identity -` of the example's admin key.
  kmsAdminIdentity: 'h1:J23aac6Xcu3NUDAo2E7NT-XUt_CDmoXgRPlg3Ie0MdE',
  tierStorageAccount: 'contosominiotier',
  tierContainer: 'minio-production',
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
 * - the tenant, the KMS nodes and the mirror scraped by Azure managed Prometheus, the alert rules as an ARM
 *   template and a Grafana dashboard written beside the manifests (when `app` is a GitOpsApp), and the audit log
 *   delivered to Log Analytics by Fluent Bit;
 * - console sign-in with Entra ID, a reports bucket readable by an Entra ID group, older reports tiered to Azure
 *   Blob, and a mirror from the older cluster the tenant replaces.
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
    domains: { console: 'https://console.minio.contoso.com' },
    // Users sign in with Entra ID; the groups claim names their policies (see the provisioner below).
    signIn: {
      tenantId: azure.tenantId,
      clientId: azure.signInClientId,
      clientSecret: SecretSetting.fromKeyVault('minio-production-entra-client-secret'),
    },
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

  // The root credentials again, as two values mc combines into MC_HOST_<alias>.
  const credentials = s3Credentials(storage, 'Admin', 'production-admin', tenantVault, 'minio-production-root-user', 'minio-production-root-password');
  const archive = new AzureBlobTier(storage, 'Archive', {
    name: 'AZURE-ARCHIVE',
    storageAccount: azure.tierStorageAccount,
    container: azure.tierContainer,
    credentials: AzureTierCredentials.accountKey(tenantVault, 'minio-tiering-account-key'),
  });
  new TenantProvisioner(storage, 'Provisioner', {
    tenant,
    credentials,
    trustedCa: certificate.caSecret,
    tiers: [archive],
    buckets: [{
      name: 'reports',
      versioning: true,
      quota: Size.tebibytes(2),
      encryptionKey: 'production-sse',
      // Reports older than 90 days move to Azure Blob; replaced versions go after a year.
      lifecycle: [{ prefix: 'monthly/', transition: { tier: archive, afterDays: 90 }, expireNoncurrentAfterDays: 365 }],
    }],
    policies: [new AccessPolicy({
      entraGroup: azure.analystsGroupId,
      statements: [{ actions: S3Action.READ, resources: [PolicyResource.bucket('reports'), PolicyResource.objects('reports')] }],
    })],
  });

  // The older cluster this tenant replaces, mirrored until DNS points at the new one.
  const legacy = s3Credentials(storage, 'Legacy', 'legacy-minio-credentials', tenantVault, 'legacy-minio-access-key', 'legacy-minio-secret-key');
  const mirror = new MinioMirror(storage, 'from-legacy', {
    source: MinioEndpoint.external('https://s3.legacy.contoso.com', {
      credentials: legacy,
      trustedCa: SecretValue.fromSecretName('legacy-minio-ca', 'ca.crt'),
      allowedCidrs: ['10.40.0.0/16'],
    }),
    target: MinioEndpoint.tenant(tenant, { credentials, trustedCa: certificate.caSecret }),
    buckets: { source: 'reports', target: 'reports' },
    overwrite: true,
    verify: true,
  });
  // mc serves its metrics over plain HTTP; the mirror admits only the Azure metrics agent to that port.
  new ManagedPrometheusPodMonitor(storage, 'MirrorMetrics', { target: ScrapeTarget.minioMirror({ mirror }) });

  const alerts = exampleAlertRules();
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

/**
 * The example's alert rules: written beside the manifests as an ARM template, and created as Azure rule groups by the
 * Pulumi program, from this one definition so that both carry the same selectors.
 */
export function exampleAlertRules(): AlertRuleSet {
  return minioAlertRules({
    metricsVersion: EXAMPLE_METRICS_VERSION,
    minioSelector: [LabelMatcher.equals('namespace', 'minio-production')],
    certificateSelector: [LabelMatcher.matches('exported_namespace', 'minio-production|minio-kms|cert-manager')],
    // The mirror's scrape job, `<namespace>/<monitor>` as PodMonitors name it: this adds the failed-mirror alert.
    mirrorSelector: [LabelMatcher.equals('job', 'minio-production/from-legacy-metrics')],
  });
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

/** An access key and a secret key from Key Vault, in one Secret. */
function s3Credentials(chart: GitOpsChart, id: string, name: string, store: KeyVaultSecretStore, accessKey: string, secretKey: string): S3Credentials {
  const [accessKeyField, secretKeyField] = ['access-key', 'secret-key'];
  const secret = new KeyVaultExternalSecret(chart, id, {
    name,
    store,
    data: [{ secretKey: accessKeyField, keyVaultSecret: accessKey }, { secretKey: secretKeyField, keyVaultSecret: secretKey }],
  });
  return { accessKey: secret.value(accessKeyField), secretKey: secret.value(secretKeyField) };
}
