import { ApiObjectMetadata, Chart, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { requireDnsLabel, requireDnsSubdomain } from '../core/names';
import { KeyVaultSecretProviderClass } from '../secrets/key-vault-secret-provider-class';
import { assertUsableAsTenantConfiguration } from '../secrets/tenant-configuration';
import { Tenant, TenantSpec } from '../imports/minio.min.io';
import { MinioImage } from './minio-image';
import { renderPool } from './pool-render';
import { validatePool } from './pool-validation';
import { ServiceExposure } from './service-exposure';
import { renderTenantEnv } from './tenant-env';
import { CONSOLE_TLS_PORT, MINIO_PORT, S3_SERVICE_PORT, TenantNetworkPolicy } from './tenant-network-policy';
import { TenantDomainOptions, TenantLoggingOptions, TenantMetricsOptions } from './tenant-options';
import { TenantEncryption, TenantEncryptionSpec } from './tenant-encryption';
import { TenantPoolOptions } from './tenant-pool';
import { CertificateSecretReference, TenantTls } from './tenant-tls';
import { validateDomains } from './domain-validation';

/** The longest tenant name whose derived names (`<tenant>-console`, `<tenant>-hl`) stay DNS labels. */
const MAX_TENANT_NAME = 55;

/** Anything that names a Secret: a cdk8s-plus `Secret`, `Secret.fromSecretName(...)`, or a library construct. */
export interface ISecretReference {
  /** Name of the Secret. */
  readonly name: string;
}

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
  readonly image?: MinioImage;
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
  /** Prometheus scraping of the pool pods. @default - annotations for `/minio/v2/metrics/cluster` */
  readonly metrics?: TenantMetricsOptions;
  /** Server logging. @default - JSON, anonymized */
  readonly logging?: TenantLoggingOptions;
  /** S3 domains, console URL and bucket DNS. @default - none */
  readonly domains?: TenantDomainOptions;
  /**
   * Extra environment for MinIO. Values that are secret material must reference a Secret;
   * `MINIO_UPDATE` and root credentials are refused.
   *
   * @default - none
   */
  readonly env?: Record<string, kplus.EnvValue>;
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
 * The operator creates the StatefulSets, Services and PodDisruptionBudgets (one per pool) itself; this
 * construct adds a NetworkPolicy and never a second PodDisruptionBudget, which would block evictions.
 */
export class MinioTenant extends Construct {
  /** Name of the Tenant. */
  public readonly name: string;
  /** Namespace of the Tenant. */
  public readonly namespace: string;
  /** The Tenant API object. */
  public readonly resource: Tenant;

  private readonly pools: TenantPoolOptions[] = [];
  private readonly tls: TenantTls;
  private readonly trustedCas: CertificateSecretReference[] = [];
  private readonly env: Record<string, kplus.EnvValue> = {};
  private readonly encryption: TenantEncryptionSpec | undefined;

  public constructor(scope: Construct, id: string, private readonly props: MinioTenantProps) {
    super(scope, id);
    this.name = requireDnsLabel(this, 'name', props.name ?? id, MAX_TENANT_NAME);
    const namespace = props.namespace ?? Chart.of(this).namespace;
    if (namespace === undefined) {
      reject(this, 'namespace', namespace, 'is required', 'set namespace on the tenant or on its chart');
    }
    this.namespace = requireDnsLabel(this, 'namespace', namespace);
    if (!props.configuration?.name) {
      reject(this, 'configuration', props.configuration, 'must name the Secret holding config.env',
        'pass the Secret with the root credentials, e.g. Secret.fromSecretName(this, "Config", "tenant-config")');
    }
    if (props.configuration instanceof KeyVaultSecretProviderClass || 'presentBeforePodsStart' in props.configuration) {
      assertUsableAsTenantConfiguration(this, 'configuration', props.configuration, this.namespace);
    }
    requireDnsSubdomain(this, 'configuration.name', props.configuration.name);
    this.tls = props.tls ?? TenantTls.operatorAutoCert();
    for (const secret of this.tls.certificateSecrets) requireDnsLabel(this, 'tls.secrets[].name', secret.name, 253);
    for (const ca of props.trustedCertificateAuthorities ?? []) this.addTrustedCertificateAuthority(ca);
    for (const [name, value] of Object.entries(props.env ?? {})) this.addEnv(name, value);
    if (props.domains) validateDomains(this, props.domains);
    this.encryption = props.encryption?._render(this, { name: this.name, namespace: this.namespace });
    for (const ca of this.encryption?.trustedCas ?? []) this.addTrustedCertificateAuthority(ca);
    for (const pool of props.pools ?? []) this.addPool(pool);

    this.resource = new Tenant(this, 'Resource', {
      metadata: { name: this.name, namespace: this.namespace } satisfies ApiObjectMetadata,
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
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
   */
  public addPool(pool: TenantPoolOptions): void {
    const field = `pools[${this.pools.length}]`;
    validatePool(this, field, this.name, pool);
    if (this.pools.some((existing) => existing.name === pool.name)) {
      reject(this, `${field}.name`, pool.name, 'is already used by another pool of this tenant', 'give every pool a unique name');
    }
    this.pools.push(pool);
  }

  /** Adds an environment variable for the MinIO servers (see `env` for what is refused). */
  public addEnv(name: string, value: kplus.EnvValue): void {
    if (name in this.env) reject(this, `env.${name}`, name, 'is already set', 'set each variable once');
    renderTenantEnv(this, { [name]: value });
    this.env[name] = value;
  }

  /** Makes MinIO trust the CA certificate in `secret` (mounted under /tmp/certs/CAs). */
  public addTrustedCertificateAuthority(secret: CertificateSecretReference): void {
    requireDnsLabel(this, 'trustedCertificateAuthorities[].name', secret.name, 253);
    if (!this.trustedCas.some((ca) => ca.name === secret.name)) this.trustedCas.push(secret);
  }

  /** The names of the pools, in order. */
  public get poolNames(): string[] {
    return this.pools.map((pool) => pool.name);
  }

  private renderSpec(): TenantSpec {
    const props = this.props;
    const s3 = props.s3Exposure ?? ServiceExposure.clusterIp();
    const console = props.consoleExposure ?? ServiceExposure.clusterIp();
    const s3Metadata = s3.metadataFor(this, [S3_SERVICE_PORT], 's3Exposure');
    const consoleMetadata = console.metadataFor(this, [CONSOLE_TLS_PORT], 'consoleExposure');
    const metrics = props.metrics ?? {};
    const env = [...renderTenantEnv(this, this.env), ...this.encryption?.env ?? []].sort((a, b) => a.name.localeCompare(b.name));
    return {
      image: (props.image ?? MinioImage.DEFAULT).render(this, 'image'),
      configuration: { name: props.configuration.name },
      pools: this.pools.map((pool) => renderPool(this.name, pool)),
      requestAutoCert: this.tls.requestAutoCert,
      externalCertSecret: nonEmpty(this.tls.certificateSecrets.map((s) => ({ name: s.name, type: s.type.value }))),
      externalCaCertSecret: nonEmpty(this.trustedCas.map((s) => ({ name: s.name, type: s.type.value }))),
      exposeServices: { minio: s3.isLoadBalancer, console: console.isLoadBalancer },
      serviceMetadata: nonEmptyServiceMetadata({
        minioServiceAnnotations: nonEmptyMap(s3Metadata.annotations),
        minioServiceLabels: nonEmptyMap(s3Metadata.labels),
        consoleServiceAnnotations: nonEmptyMap(consoleMetadata.annotations),
        consoleServiceLabels: nonEmptyMap(consoleMetadata.labels),
      }),
      poolsMetadata: (metrics.podAnnotations ?? true) ? {
        annotations: {
          'prometheus.io/scrape': 'true',
          'prometheus.io/path': metrics.path ?? '/minio/v2/metrics/cluster',
          'prometheus.io/port': String(MINIO_PORT),
          'prometheus.io/scheme': 'https',
        },
      } : undefined,
      logging: {
        json: props.logging?.json ?? true,
        anonymous: props.logging?.anonymous ?? true,
        quiet: props.logging?.quiet ?? false,
      },
      features: props.domains ? {
        bucketDns: props.domains.bucketDns,
        domains: { minio: props.domains.s3, console: props.domains.console },
      } : undefined,
      env: nonEmpty(env),
      kes: this.encryption?.kes,
      additionalVolumes: this.encryption?.volumes,
      additionalVolumeMounts: this.encryption?.volumeMounts,
      serviceAccountName: props.serviceAccountName,
      priorityClassName: props.priorityClassName,
      podManagementPolicy: 'Parallel',
    };
  }
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
