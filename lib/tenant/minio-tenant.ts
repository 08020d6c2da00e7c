import { ApiObjectMetadata, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { compareOrdinal } from '../core/ordinal-order';
import { requireDns1035Label, requireDnsLabel, requireDnsSubdomain } from '../core/names';
import { requireAnnotations, requireLabels } from '../core/object-metadata';
import { KeyVaultSecretProviderClass } from '../secrets/key-vault-secret-provider-class';
import { assertUsableAsTenantConfiguration } from './tenant-configuration';
import { Tenant, TenantSpec, TenantSpecEnv } from '../imports/minio.min.io';
import { MinioImage } from './minio-image';
import { PinnedImage } from '../core/pinned-image';
import { renderPool } from './pool-render';
import { validatePool } from './pool-validation';
import { ServiceExposure, ServiceMetadataSettings } from './service-exposure';
import { renderTenantEnvVar } from './tenant-env';
import { serversThatMayBeDown } from './erasure-layout';
import { PoolDisruptionBudget } from './pool-disruption-budget';
import { parseStandardParity, poolParities, requireParityFits, STANDARD_STORAGE_CLASS } from './pool-parity';
import { SecretSetting } from './secret-setting';
import { TenantConfigurationSecret } from './tenant-configuration-secret';
import { CONSOLE_TLS_PORT, S3_SERVICE_PORT, TenantNetworkPolicy } from './tenant-network-policy';
import { TenantDomainOptions, TenantLoggingOptions, TenantMetricsOptions } from './tenant-options';
import { AUDIT_WEBHOOK_AUTH_TOKEN, renderAuditWebhook, TenantAuditWebhookOptions } from '../observability/audit-webhook';
import { PROMETHEUS_AUTH_TYPE } from './tenant-env';
import { TenantEncryption, TenantEncryptionSpec } from './tenant-encryption';
import { TenantPoolOptions } from './tenant-pool';
import { CertificateSecretReference, TenantTls } from './tenant-tls';
import { validateDomains } from './domain-validation';
import { claimIndirectObject, claimObjectIdentity } from '../core/unique-objects';
import { ISecretReference } from '../core/secret-value';
import { namespaceOf } from '../core/namespace';
import { IMinioTenant, ImportedMinioTenant, MAX_TENANT_NAME, MinioTenantAttributes, tenantS3Endpoint } from './minio-tenant-reference';
import { tenantPodLabels } from './tenant-labels';
import { EntraClaim, EntraIdSignInOptions, renderEntraIdSignIn } from './entra-id-sign-in';


/** Properties of a {@link MinioTenant}. */
export interface MinioTenantProps {
  /**
   * Name of the Tenant; the operator derives its StatefulSets, Services and Secrets from it.
   *
   * @default - the construct id
   */
  readonly name?: string;
  /** Namespace of the Tenant. @default - the chart's namespace */
  readonly namespace?: string;
  /**
   * The Secret holding `config.env` (`export MINIO_ROOT_USER=...` lines): a `TenantConfigurationSecret` rendering
   * it from Key Vault through External Secrets, or an existing Secret (`Secret.fromSecretName`). Only a reference:
   * credentials never appear in the synthesized manifests. A Secrets Store CSI class is refused: its Secret exists
   * only while a pod mounts it, and the operator reads the configuration before any pod starts.
   */
  readonly configuration: ISecretReference;
  /** The tenant's pools; more can be added with `addPool()`. At least one is required. @default - none */
  readonly pools?: TenantPoolOptions[];
  /** The MinIO server image, one for all pools. @default MinioImage.DEFAULT */
  readonly image?: PinnedImage;
  /** Where the server certificate comes from. @default TenantTls.operatorAutoCert() */
  readonly tls?: TenantTls;
  /**
   * Secrets with CA certificates MinIO must trust (e.g. a KMS's CA, an identity provider's private CA).
   *
   * @default - none
   */
  readonly trustedCertificateAuthorities?: CertificateSecretReference[];
  /**
   * How objects are encrypted: a MinIO KMS cluster, KES with Azure Key Vault, or a static key; exactly one.
   *
   * @default - no KMS: server-side encryption is unavailable
   */
  readonly encryption?: TenantEncryption;
  /** How the S3 Service is reached. @default ServiceExposure.clusterIp() */
  readonly s3Exposure?: ServiceExposure;
  /** How the console Service is reached. @default ServiceExposure.clusterIp() */
  readonly consoleExposure?: ServiceExposure;
  /**
   * Who may read the metrics. Scraping itself is a `ManagedPrometheusPodMonitor` (or `ManagedPrometheusScrapeConfig`)
   * with `ScrapeTarget.minioTenant(...)`.
   *
   * @default - metrics need a bearer token
   */
  readonly metrics?: TenantMetricsOptions;
  /**
   * Send the audit log (every S3 and admin call) to a webhook, e.g. an `AuditLogCollector`.
   *
   * @default - no audit log
   */
  readonly auditWebhook?: TenantAuditWebhookOptions;
  /** Server logging. @default - JSON, anonymized */
  readonly logging?: TenantLoggingOptions;
  /** S3 domains, console URL and bucket DNS. @default - none */
  readonly domains?: TenantDomainOptions;
  /**
   * Extra environment for MinIO, literal values only: the operator passes Secret references to MinIO as empty
   * strings, so they are refused, and so are secret-looking names (use `secretEnv`), `MINIO_UPDATE`, root
   * credentials, `MINIO_KMS_*` and values with line breaks or surrounding whitespace or quotes.
   *
   * @default - none
   */
  readonly env?: Record<string, kplus.EnvValue>;
  /**
   * Secret settings for MinIO (OpenID client secret, audit webhook token...), each delivered through the
   * configuration Secret's config.env, e.g. `{ MINIO_IDENTITY_OPENID_CLIENT_SECRET: SecretSetting.fromKeyVault('entra-secret') }`.
   *
   * @default - none
   */
  readonly secretEnv?: Record<string, SecretSetting>;
  /**
   * Console sign-in with Entra ID (MinIO's OpenID provider): its settings go to `env`, the client secret to
   * `secretEnv`. Needs `domains.console`, which is the redirect target.
   *
   * @default - no OpenID sign-in
   */
  readonly signIn?: EntraIdSignInOptions;
  /** The ServiceAccount the pool pods run as. @default - the operator's default */
  readonly serviceAccountName?: string;
  /** PriorityClass of the pool pods. @default - none */
  readonly priorityClassName?: string;
  /**
   * Whether to add a NetworkPolicy admitting only internode, operator and S3/console traffic.
   *
   * @default true
   */
  readonly networkPolicy?: boolean;
  /** Namespace of the MinIO Operator, admitted by the NetworkPolicy. @default 'minio-operator' */
  readonly operatorNamespace?: string;
}

/**
 * A MinIO Operator Tenant (minio.min.io/v2) hardened for AKS: pinned image, restricted security contexts,
 * servers spread across zones and nodes on Premium SSD, TLS always on, credentials only by reference.
 *
 * The operator creates the StatefulSets and Services; this construct adds a NetworkPolicy and one
 * PodDisruptionBudget per pool, which operator v7 no longer creates (minio/operator PR 2338).
 *
 * Every input is checked when the construct is created, and the props are copied then: changing the props object
 * afterwards does not change the output. `addPool()`, `addEnv()` and `addSecretEnv()` check their input the same way.
 */
export class MinioTenant extends Construct implements IMinioTenant {
  /** A tenant defined in another app, e.g. for `kms.allowClients(tenant)` in the app that defines the KMS. */
  public static fromTenantAttributes(scope: Construct, id: string, attributes: MinioTenantAttributes): IMinioTenant {
    return new ImportedMinioTenant(scope, id, attributes);
  }

  /** Name of the Tenant. */
  public readonly name: string;
  /** Namespace of the Tenant. */
  public readonly namespace: string;
  /** Labels the operator puts on every pod of the tenant. */
  public readonly podLabels: Record<string, string>;
  /** The S3 endpoint inside the cluster (see {@link IMinioTenant.s3Endpoint}). */
  public readonly s3Endpoint: string;
  /** Whether the metrics are served without authentication (`metrics.public`). */
  public readonly publicMetrics: boolean;
  /** The Tenant API object. */
  public readonly resource: Tenant;
  /**
   * The claim whose values name the policies of users signing in (`signIn`), or undefined without claim-based
   * sign-in. A `TenantProvisioner` checks its Entra group and app role policies against it.
   */
  public readonly signInClaim: EntraClaim | undefined;

  private readonly configuration: ISecretReference;
  private readonly pools: TenantPoolOptions[] = [];
  private readonly tls: TenantTls;
  private readonly trustedCas: CertificateSecretReference[] = [];
  private readonly env = new Map<string, TenantSpecEnv>();
  private readonly secretVariables = new Set<string>();
  private readonly encryption: TenantEncryptionSpec | undefined;
  private readonly fixedSpec: Omit<TenantSpec, 'pools' | 'env' | 'externalCaCertSecret'>;

  public constructor(scope: Construct, id: string, props: MinioTenantProps) {
    super(scope, id);
    // The operator names Services <tenant>-console and <tenant>-hl: Service names are DNS-1035 labels.
    this.name = requireDns1035Label(this, 'name', props.name ?? id, MAX_TENANT_NAME,
      ', as the operator names the Services <tenant>-hl and <tenant>-console after it');
    this.namespace = namespaceOf(this, 'namespace', props.namespace);
    this.podLabels = tenantPodLabels(this.name);
    this.s3Endpoint = tenantS3Endpoint(this.namespace);
    if (!props.configuration?.name) {
      reject(this, 'configuration', props.configuration, 'must name the Secret holding config.env',
        'pass the Secret with the root credentials, e.g. Secret.fromSecretName(this, "Config", "tenant-config")');
    }
    if (props.configuration instanceof KeyVaultSecretProviderClass || 'presentBeforePodsStart' in props.configuration) {
      assertUsableAsTenantConfiguration(this, 'configuration', props.configuration, this.namespace);
    }
    requireDnsSubdomain(this, 'configuration.name', props.configuration.name);
    // The operator names every tenant's S3 Service 'minio' (names.go: MinIOCIServiceName), so a namespace holds one.
    claimIndirectObject(this, 'v1', 'Service', this.namespace, 'minio', (owner) => reject(this, 'namespace', this.namespace,
      `already holds tenant ${owner}, and the MinIO Operator names the S3 Service of every tenant 'minio'`,
      'put each tenant in a namespace of its own'));
    this.configuration = props.configuration;
    this.tls = props.tls ?? TenantTls.operatorAutoCert();
    for (const secret of this.tls.certificateSecrets) requireDnsSubdomain(this, 'tls.secrets[].name', secret.name);
    for (const ca of props.trustedCertificateAuthorities ?? []) this.addTrustedCertificateAuthority(ca);
    if (props.domains) validateDomains(this, props.domains);
    this.encryption = props.encryption?._render(this, { name: this.name, namespace: this.namespace });
    for (const ca of this.encryption?.trustedCas ?? []) this.addTrustedCertificateAuthority(ca);
    for (const { name, setting, field } of this.encryption?.secretEnv ?? []) this.wireSecretSetting(name, setting, field);
    const signIn = props.signIn && renderEntraIdSignIn(this, 'signIn', props.signIn, props.domains?.console);
    this.signInClaim = signIn?.claim;
    for (const [name, value] of Object.entries(signIn?.env ?? {})) this.addEnv(name, kplus.EnvValue.fromValue(value));
    for (const [name, setting] of Object.entries(signIn?.secretEnv ?? {})) this.addSecretEnv(name, setting);
    for (const [name, setting] of Object.entries(props.secretEnv ?? {})) this.addSecretEnv(name, setting);
    for (const [name, value] of Object.entries(props.env ?? {})) this.addEnv(name, value);
    this.publicMetrics = props.metrics?.public ?? false;
    if (this.publicMetrics) this.env.set(PROMETHEUS_AUTH_TYPE, { name: PROMETHEUS_AUTH_TYPE, value: 'public' });
    if (props.auditWebhook !== undefined) this.wireAuditWebhook(props.auditWebhook);
    this.fixedSpec = this.renderFixedSpec(props);
    for (const pool of props.pools ?? []) this.addPool(pool);

    this.resource = new Tenant(this, 'Resource', {
      metadata: { name: this.name, namespace: this.namespace } satisfies ApiObjectMetadata,
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    claimObjectIdentity(this, this.resource);
    if (props.networkPolicy ?? true) {
      new TenantNetworkPolicy(this, 'NetworkPolicy', {
        tenantName: this.name,
        namespace: this.namespace,
        operatorNamespace: requireDnsLabel(this, 'operatorNamespace', props.operatorNamespace ?? 'minio-operator'),
      });
    }
    this.node.addValidation({ validate: () => (this.pools.length === 0 ? [`${this.node.path}: pools must hold at least one pool (received none): pass pools or call addPool()`] : []) });
  }

  /**
   * Adds a pool. Existing pools cannot change their `servers` or `volumesPerServer`, so this is how a tenant grows.
   * Also adds the pool's PodDisruptionBudget.
   */
  public addPool(pool: TenantPoolOptions): void {
    const field = `pools[${this.pools.length}]`;
    validatePool(this, field, this.name, pool);
    if (this.pools.some((existing) => existing.name === pool.name)) {
      reject(this, `${field}.name`, pool.name, 'is already used by another pool of this tenant', 'give every pool a unique name');
    }
    requireParityFits(this, 'pools', [...this.pools, pool], this.configuredParity());
    const copy = copyPool(pool);
    this.pools.push(copy);
    const index = this.pools.length - 1;
    new PoolDisruptionBudget(this, `Disruptions-${copy.name}`, {
      tenantName: this.name,
      namespace: this.namespace,
      poolName: copy.name,
      maxUnavailable: () => serversThatMayBeDown(copy.servers, copy.volumesPerServer, poolParities(this.pools, this.configuredParity())[index]),
    });
  }

  /** Adds an environment variable for the MinIO servers (see `env` for what is refused). */
  public addEnv(name: string, value: kplus.EnvValue): void {
    if (this.env.has(name)) reject(this, `env.${name}`, name, 'is already set', 'set each variable once');
    if (this.secretVariables.has(name) || this.configurationSets(name)) {
      reject(this, `env.${name}`, name, 'is set by the configuration Secret\'s config.env, which the operator prefers over env',
        'set it in one place only');
    }
    const rendered = renderTenantEnvVar(this, name, value);
    if (name === STANDARD_STORAGE_CLASS) {
      requireParityFits(this, 'pools', this.pools, parseStandardParity(this, `env.${name}`, rendered.value ?? ''));
    }
    this.env.set(name, rendered);
  }

  /**
   * Adds a secret setting for the MinIO servers, delivered through the configuration Secret's config.env (see
   * {@link SecretSetting}).
   */
  public addSecretEnv(name: string, setting: SecretSetting): void {
    const field = `secretEnv.${name}`;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      reject(this, field, name, 'is not a valid environment variable name', 'use letters, digits and underscores, not starting with a digit');
    }
    if (/^MINIO_KMS_/.test(name) || /^MINIO_(ROOT_USER|ROOT_PASSWORD|ACCESS_KEY|SECRET_KEY)$/.test(name)) {
      reject(this, field, name, 'is owned by the encryption option or the configuration Secret\'s root credentials',
        'use encryption for MINIO_KMS_*, and the TenantConfigurationSecret\'s rootUser and rootPassword');
    }
    this.wireSecretSetting(name, setting, field);
  }

  /** Makes MinIO trust the CA certificate in `secret` (mounted under /tmp/certs/CAs). */
  public addTrustedCertificateAuthority(secret: CertificateSecretReference): void {
    requireDnsSubdomain(this, 'trustedCertificateAuthorities[].name', secret.name);
    if (!this.trustedCas.some((ca) => ca.name === secret.name)) this.trustedCas.push({ name: secret.name, type: secret.type });
  }

  /** The names of the pools, in order. */
  public get poolNames(): string[] {
    return this.pools.map((pool) => pool.name);
  }

  private wireSecretSetting(name: string, setting: SecretSetting, field: string): void {
    if (!(setting instanceof SecretSetting)) {
      reject(this, field, setting, 'must be a SecretSetting', 'use SecretSetting.fromKeyVault(...) or SecretSetting.inConfigurationSecret()');
    }
    if (this.secretVariables.has(name) || this.env.has(name)) {
      reject(this, field, name, 'is already set', 'set each variable once');
    }
    setting._wire(this, field, name, { configuration: this.configuration });
    this.secretVariables.add(name);
  }

  private wireAuditWebhook(options: TenantAuditWebhookOptions): void {
    const rendered = renderAuditWebhook(this, 'auditWebhook', options);
    for (const [name, value] of Object.entries(rendered.env)) {
      if (this.env.has(name) || this.secretVariables.has(name) || this.configurationSets(name)) {
        reject(this, `env.${name}`, name, 'is also set by auditWebhook', 'configure the audit webhook in auditWebhook only');
      }
      this.env.set(name, { name, value });
    }
    if (rendered.authToken !== undefined) this.wireSecretSetting(AUDIT_WEBHOOK_AUTH_TOKEN, rendered.authToken, 'auditWebhook.authToken');
  }

  private configurationSets(name: string): boolean {
    return this.configuration instanceof TenantConfigurationSecret && this.configuration.variables.includes(name);
  }

  private configuredParity(): number | undefined {
    const value = this.env.get(STANDARD_STORAGE_CLASS)?.value;
    return value === undefined ? undefined : parseStandardParity(this, `env.${STANDARD_STORAGE_CLASS}`, value);
  }

  /** Everything but pools, env and trusted CAs, which can still be added: rendered and checked once, now. */
  private renderFixedSpec(props: MinioTenantProps): Omit<TenantSpec, 'pools' | 'env' | 'externalCaCertSecret'> {
    const s3 = exposureMetadata(this, props.s3Exposure ?? ServiceExposure.clusterIp(), S3_SERVICE_PORT, 's3Exposure');
    const console = exposureMetadata(this, props.consoleExposure ?? ServiceExposure.clusterIp(), CONSOLE_TLS_PORT, 'consoleExposure');
    const domains = props.domains;
    if (props.serviceAccountName !== undefined) requireDnsSubdomain(this, 'serviceAccountName', props.serviceAccountName);
    if (props.priorityClassName !== undefined) requireDnsSubdomain(this, 'priorityClassName', props.priorityClassName);
    return {
      image: PinnedImage.reference(this, 'image', props.image ?? MinioImage.DEFAULT),
      configuration: { name: this.configuration.name },
      requestAutoCert: this.tls.requestAutoCert,
      externalCertSecret: nonEmpty(this.tls.certificateSecrets.map((s) => ({ name: s.name, type: s.type.value }))),
      exposeServices: { minio: s3.isLoadBalancer, console: console.isLoadBalancer },
      serviceMetadata: nonEmptyServiceMetadata({
        minioServiceAnnotations: nonEmptyMap(s3.metadata.annotations),
        minioServiceLabels: nonEmptyMap(s3.metadata.labels),
        consoleServiceAnnotations: nonEmptyMap(console.metadata.annotations),
        consoleServiceLabels: nonEmptyMap(console.metadata.labels),
      }),
      logging: {
        json: props.logging?.json ?? true,
        anonymous: props.logging?.anonymous ?? true,
        quiet: props.logging?.quiet ?? false,
      },
      features: domains ? {
        bucketDns: domains.bucketDns,
        domains: { minio: domains.s3 === undefined ? undefined : [...domains.s3], console: domains.console },
      } : undefined,
      kes: this.encryption?.kes,
      additionalVolumes: this.encryption?.volumes,
      additionalVolumeMounts: this.encryption?.volumeMounts,
      serviceAccountName: props.serviceAccountName,
      priorityClassName: props.priorityClassName,
      podManagementPolicy: 'Parallel',
    };
  }

  private renderSpec(): TenantSpec {
    const env = [...this.env.values(), ...this.encryption?.env ?? []].sort((a, b) => compareOrdinal(a.name, b.name));
    return {
      ...this.fixedSpec,
      pools: this.pools.map((pool) => renderPool(this.name, pool)),
      externalCaCertSecret: nonEmpty(this.trustedCas.map((s) => ({ name: s.name, type: s.type.value }))),
      env: nonEmpty(env),
    };
  }
}

/** The Service settings of an exposure, validated as the operator will copy them onto the Service. */
function exposureMetadata(scope: Construct, exposure: ServiceExposure, port: number, field: string): { isLoadBalancer: boolean; metadata: ServiceMetadataSettings } {
  const metadata = exposure.metadataFor(scope, [port], field);
  requireLabels(scope, `${field}.labels`, metadata.labels);
  requireAnnotations(scope, `${field}.annotations`, metadata.annotations);
  return { isLoadBalancer: exposure.isLoadBalancer, metadata };
}

/** A copy of the pool's options, so that changing the caller's object later does not change the output. */
function copyPool(pool: TenantPoolOptions): TenantPoolOptions {
  return {
    ...pool,
    nodeSelector: pool.nodeSelector && { ...pool.nodeSelector },
    tolerations: pool.tolerations?.map((toleration) => ({ ...toleration })),
    labels: pool.labels && { ...pool.labels },
    annotations: pool.annotations && { ...pool.annotations },
  };
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length === 0 ? undefined : items;
}

function nonEmptyServiceMetadata<T extends object>(metadata: T): T | undefined {
  return Object.values(metadata).some((value) => value !== undefined) ? metadata : undefined;
}

function nonEmptyMap(map: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(map).length === 0 ? undefined : sortKeys(map);
}

function sortKeys(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(map).sort().map((key) => [key, map[key]]));
}
