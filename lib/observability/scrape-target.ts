import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { ISecretReference, SecretValue } from '../core/secret-value';
import { KMS_CLUSTER_LABEL, KMS_PORT } from '../kms/kms-constants';
import type { MinioKmsCluster } from '../kms/minio-kms-cluster';
import type { MinioMirror } from '../mirror/minio-mirror';
import type { IMinioTenant } from '../tenant/minio-tenant-reference';
import { MINIO_PORT } from '../tenant/tenant-network-policy';
import { MetricsAuthentication, requireMetricsAuthentication } from './metrics-authentication';
import { MinioMetricsVersion } from './metrics-version';

/**
 * The MinIO container's port name (minio/operator pkg/apis/minio.min.io/v2/constants.go `MinIOPortName`,
 * used by pkg/resources/statefulsets/minio-statefulset.go for port 9000).
 */
export const MINIO_CONTAINER_PORT_NAME = 'minio-port';

/** The minkms container's port name, as MinioKmsCluster declares it. */
const KMS_CONTAINER_PORT_NAME = 'https';

/**
 * minkms serves OpenMetrics here (AIStor KMS documentation, Operations > Monitoring,
 * https://docs.min.io/kms/operations/monitoring/).
 */
const KMS_METRICS_PATH = '/v1/health/metrics';

/** Azure recommends these limits for PodMonitors and ServiceMonitors, or series may be dropped (Azure Monitor docs, prometheus-metrics-scrape-crd). */
export const AZURE_LABEL_LIMITS = Object.freeze({ labelLimit: 63, labelNameLengthLimit: 511, labelValueLengthLimit: 1023 });

const DEFAULT_INTERVAL = Duration.seconds(30);

/** A client certificate a scrape presents, from a `kubernetes.io/tls` Secret. */
export interface ScrapeClientCertificate {
  /** The certificate, `tls.crt`. */
  readonly certificate: SecretValue;
  /** Its private key, `tls.key`. */
  readonly key: SecretValue;
}

/** The TLS settings of an HTTPS scrape. */
export interface ScrapeTls {
  /** The name the certificate is checked against: pods are scraped by IP, which no certificate names. */
  readonly serverName: string;
  /** The CA certificate the scrape trusts. */
  readonly ca: SecretValue;
  /** The client certificate presented. @default - none */
  readonly clientCertificate?: ScrapeClientCertificate;
}

/** A scrape target with its options checked: everything a PodMonitor or a ConfigMap scrape job is made from. */
export interface ResolvedScrapeTarget {
  /** Name of the monitor; `<namespace>/<name>` becomes the `job` label. */
  readonly name: string;
  /** Namespace of the scraped pods, and of the Secrets the scrape reads. */
  readonly namespace: string;
  /** Labels that select the scraped pods. */
  readonly podLabels: Readonly<Record<string, string>>;
  /** Name of the container port scraped. */
  readonly portName: string;
  /** Number of that port. */
  readonly port: number;
  /** The metrics paths scraped, sorted. */
  readonly paths: readonly string[];
  /** How the scrape checks the server, and what it presents. @default - none: plain HTTP (a `MinioMirror`) */
  readonly tls?: ScrapeTls;
  /** The bearer token. @default - none: public metrics, or a client certificate */
  readonly bearerToken?: SecretValue;
  /** Go duration, e.g. `30s`. */
  readonly interval: string;
  /** The metrics version the alerts must use for this target. @default - none: not a MinIO tenant */
  readonly metricsVersion?: MinioMetricsVersion;
}

/** What to scrape on a MinIO tenant. */
export interface MinioTenantScrapeOptions {
  /** The tenant; every one of its pods is scraped (metrics v2 keeps KMS counters per node). */
  readonly tenant: IMinioTenant;
  /**
   * The CA certificate that signed the tenant's certificate, in a Secret in the tenant's namespace: for a
   * `TenantCertificate` from a CA issuer, its `caSecret`.
   */
  readonly ca: SecretValue;
  /** A bearer token, or explicitly public metrics. */
  readonly authentication: MetricsAuthentication;
  /**
   * The metrics version to collect; use the same one for `minioAlertRules` and `minioGrafanaDashboard`.
   *
   * @default MinioMetricsVersion.V2
   */
  readonly metricsVersion?: MinioMetricsVersion;
  /** How often to scrape. @default Duration.seconds(30) */
  readonly interval?: Duration;
}

/** What to scrape on a MinIO KMS cluster. */
export interface KmsClusterScrapeOptions {
  /** The cluster; every node is scraped. */
  readonly cluster: MinioKmsCluster;
  /**
   * The CA certificate of the nodes' certificate, in a Secret in the cluster's namespace.
   *
   * @default - `ca.crt` of the cluster's TLS Secret (refused when that Secret carries no CA)
   */
  readonly ca?: SecretValue;
  /**
   * A `kubernetes.io/tls` Secret in the cluster's namespace whose certificate the scrape presents, as the AIStor KMS
   * documentation's scrape job does. Whether minkms requires it for `/v1/health/metrics` is not documented.
   *
   * @default - none; then `withoutClientCertificate` must be true
   */
  readonly clientCertificate?: ISecretReference;
  /**
   * Scrape without a client certificate: states that your minkms release serves metrics without one.
   *
   * @default false
   */
  readonly withoutClientCertificate?: boolean;
  /** How often to scrape. @default Duration.seconds(30) */
  readonly interval?: Duration;
}

/** What to scrape on a `mc mirror`. */
export interface MinioMirrorScrapeOptions {
  /** The mirror; its one pod is scraped. */
  readonly mirror: MinioMirror;
  /** How often to scrape. @default Duration.seconds(30) */
  readonly interval?: Duration;
}

/**
 * Something Azure managed Prometheus scrapes: a MinIO tenant or a MinIO KMS cluster over HTTPS, or a `mc mirror`
 * over plain HTTP.
 */
export abstract class ScrapeTarget {
  /** Every pod of a MinIO tenant, on the endpoints that the alerts and dashboard of `metricsVersion` read. */
  public static minioTenant(options: MinioTenantScrapeOptions): ScrapeTarget {
    return new TenantScrapeTarget({ ...options });
  }

  /** Every node of a MinIO KMS cluster, on `/v1/health/metrics`. */
  public static kmsCluster(options: KmsClusterScrapeOptions): ScrapeTarget {
    return new KmsScrapeTarget({ ...options });
  }

  /**
   * The pod of a `MinioMirror`, on `/metrics` (`mc_mirror_failed_s3ops` and the other `mc_mirror_*` series), over
   * plain HTTP without a credential: `mc mirror --monitoring-address` serves its metrics with Go's plain
   * `http.ListenAndServe`, with neither TLS nor authentication (minio/mc cmd/mirror-main.go at
   * RELEASE.2025-08-13T08-35-41Z, the pinned image). Its series are counters and a duration histogram labelled
   * only by object size (no object names, no credentials), and the mirror's NetworkPolicy admits that port only
   * from the Azure metrics agent.
   */
  public static minioMirror(options: MinioMirrorScrapeOptions): ScrapeTarget {
    return new MirrorScrapeTarget({ ...options });
  }

  /** Checks the options for `scope` and returns the target. @internal */
  public abstract _resolve(scope: IConstruct, field: string): ResolvedScrapeTarget;
}

class TenantScrapeTarget extends ScrapeTarget {
  public constructor(private readonly options: MinioTenantScrapeOptions) {
    super();
  }

  public _resolve(scope: IConstruct, field: string): ResolvedScrapeTarget {
    const { tenant } = this.options;
    if (typeof tenant?.name !== 'string' || typeof tenant.namespace !== 'string') {
      reject(scope, `${field}.tenant`, typeof tenant, 'must be a MinIO tenant', 'pass a MinioTenant or MinioTenant.fromTenantAttributes(...)');
    }
    const authentication = requireMetricsAuthentication(scope, `${field}.authentication`, this.options.authentication);
    const bearerToken = authentication._token(scope, `${field}.authentication`);
    const isPublic = (tenant as { readonly publicMetrics?: boolean }).publicMetrics;
    if (bearerToken === undefined && isPublic === false) {
      reject(scope, `${field}.authentication`, 'MetricsAuthentication.publicMetrics()',
        `does not match tenant ${tenant.name}, whose metrics need a bearer token (MinIO answers 403 without one)`,
        'pass MetricsAuthentication.bearerToken(...), or set metrics: { public: true } on the tenant');
    }
    const version = this.options.metricsVersion ?? MinioMetricsVersion.V2;
    if (!(version instanceof MinioMetricsVersion)) {
      reject(scope, `${field}.metricsVersion`, version, 'must be a MinioMetricsVersion', 'use MinioMetricsVersion.V2 or MinioMetricsVersion.V3');
    }
    return {
      name: `${tenant.name}-metrics`,
      namespace: tenant.namespace,
      podLabels: { ...tenant.podLabels },
      portName: MINIO_CONTAINER_PORT_NAME,
      port: MINIO_PORT,
      paths: version.endpoints,
      tls: {
        // The tenant certificates name the S3 Service `minio.<namespace>.svc` (lib/tenant/tenant-dns-names.ts).
        serverName: `minio.${tenant.namespace}.svc`,
        ca: SecretValue.validate(scope, `${field}.ca`, this.options.ca),
      },
      bearerToken,
      interval: intervalOf(scope, `${field}.interval`, this.options.interval),
      metricsVersion: version,
    };
  }
}

class KmsScrapeTarget extends ScrapeTarget {
  public constructor(private readonly options: KmsClusterScrapeOptions) {
    super();
  }

  public _resolve(scope: IConstruct, field: string): ResolvedScrapeTarget {
    const { cluster } = this.options;
    if (typeof cluster?.name !== 'string' || cluster.tls === undefined || typeof cluster.serviceName !== 'string') {
      reject(scope, `${field}.cluster`, typeof cluster, 'must be a MinioKmsCluster', 'pass the MinioKmsCluster defined in this app');
    }
    let ca = this.options.ca;
    if (ca === undefined) {
      if (!cluster.tls.hasCa) {
        reject(scope, `${field}.ca`, undefined, `is required: the TLS Secret '${cluster.tls.secretName}' of KMS ${cluster.name} carries no ca.crt`,
          'pass the CA certificate as a SecretValue in the cluster\'s namespace');
      }
      ca = SecretValue.fromSecretName(cluster.tls.secretName, 'ca.crt');
    }
    const secret = this.options.clientCertificate;
    if (secret === undefined && this.options.withoutClientCertificate !== true) {
      reject(scope, `${field}.clientCertificate`, undefined,
        'is required: the documented minkms scrape presents a client certificate, and whether minkms serves metrics without one is not documented',
        'pass a kubernetes.io/tls Secret in the KMS namespace, or set withoutClientCertificate: true if your release serves metrics without one');
    }
    if (secret !== undefined && this.options.withoutClientCertificate === true) {
      reject(scope, `${field}.withoutClientCertificate`, true, 'contradicts clientCertificate', 'set one of them');
    }
    return {
      name: `${cluster.name}-metrics`,
      namespace: cluster.namespace,
      podLabels: { [KMS_CLUSTER_LABEL]: cluster.name },
      portName: KMS_CONTAINER_PORT_NAME,
      port: KMS_PORT,
      paths: [KMS_METRICS_PATH],
      tls: {
        // The KMS certificate names the client Service (lib/kms/minio-kms-cluster.ts, certificate DNS names).
        serverName: `${cluster.serviceName}.${cluster.namespace}.svc.${cluster.clusterDomain}`,
        ca: SecretValue.validate(scope, `${field}.ca`, ca),
        clientCertificate: secret === undefined ? undefined : {
          certificate: SecretValue.validate(scope, `${field}.clientCertificate`, SecretValue.fromSecret(secret, 'tls.crt')),
          key: SecretValue.fromSecret(secret, 'tls.key'),
        },
      },
      interval: intervalOf(scope, `${field}.interval`, this.options.interval),
    };
  }
}

class MirrorScrapeTarget extends ScrapeTarget {
  public constructor(private readonly options: MinioMirrorScrapeOptions) {
    super();
  }

  public _resolve(scope: IConstruct, field: string): ResolvedScrapeTarget {
    const { mirror } = this.options;
    if (typeof mirror?.name !== 'string' || typeof mirror.namespace !== 'string' || mirror.metrics === undefined) {
      reject(scope, `${field}.mirror`, typeof mirror, 'must be a MinioMirror', 'pass the MinioMirror defined in this app');
    }
    return {
      name: `${mirror.name}-metrics`,
      namespace: mirror.namespace,
      podLabels: { ...mirror.metrics.podLabels },
      portName: mirror.metrics.portName,
      port: mirror.metrics.port,
      paths: [mirror.metrics.path],
      interval: intervalOf(scope, `${field}.interval`, this.options.interval),
    };
  }
}

function intervalOf(scope: IConstruct, field: string, interval: Duration | undefined): string {
  const millis = (interval ?? DEFAULT_INTERVAL).toMilliseconds();
  if (!Number.isInteger(millis / 1000) || millis < 1000 || millis > 3_600_000) {
    reject(scope, field, `${millis}ms`, 'must be whole seconds from 1 s to 1 h', 'use e.g. Duration.seconds(30)');
  }
  return `${millis / 1000}s`;
}
