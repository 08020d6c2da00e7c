import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { PinnedImage } from '../core/pinned-image';
import { IAzureWorkloadIdentity, WorkloadIdentityKeys } from '../identity/azure-workload-identity';
import { TenantSpecAdditionalVolumeMounts, TenantSpecAdditionalVolumes, TenantSpecEnv, TenantSpecKes } from '../imports/minio.min.io';
import { IKmsEndpoint } from '../kms/kms-endpoint';
import { ISecretReference, requireSecretName, SecretValue } from '../core/secret-value';
import { TlsCertificate } from '../tls/certificate';
import { poolContainerSecurityContext, poolPodSecurityContext } from './pod-security';
import { SecretSetting } from './secret-setting';
import { tenantPodLabels } from './tenant-labels';
import { CertificateSecretReference, CertificateSecretType } from './tenant-tls';

/** Options of {@link TenantEncryption.kms}. */
export interface KmsEncryptionOptions {
  /**
   * The MinIO KMS cluster: a `MinioKmsCluster`, or `MinioKmsCluster.fromClusterAttributes()` for one defined in
   * another app. MinIO reaches it through its client Service (MINIO_KMS_SERVER). The tenant does not change the
   * cluster: admit the tenant on the KMS side with `kms.allowClients(tenant)`.
   */
  readonly cluster: IKmsEndpoint;
  /** The KMS enclave holding the tenant's keys (MINIO_KMS_ENCLAVE). */
  readonly enclave: string;
  /** The default SSE key in that enclave (MINIO_KMS_SSE_KEY). */
  readonly defaultKey: string;
  /**
   * The tenant's KMS API key (MINIO_KMS_API_KEY, a `k1:` key), which reaches MinIO through the configuration
   * Secret's config.env: `SecretSetting.fromKeyVault('<Key Vault secret>')` with a TenantConfigurationSecret, or
   * `SecretSetting.inConfigurationSecret()` when your own config.env carries the line.
   */
  readonly apiKey: SecretSetting;
  /**
   * The KMS CA for MinIO to trust, as a Secret in the tenant's namespace.
   *
   * @default - the cluster's own TLS Secret when in the same namespace; else a Certificate from the KMS's
   * ClusterIssuer in the tenant's namespace, whose `ca.crt` is that CA
   */
  readonly caSecret?: CertificateSecretReference;
}

/** Options of {@link TenantEncryption.kesWithKeyVault}. */
export interface KesKeyVaultOptions {
  /** The pinned KES image, e.g. `KesImage.release('2025-03-12T09-35-18Z')`. */
  readonly image: PinnedImage;
  /**
   * The Secret with `server-config.yaml`: `keystore.azure.keyvault.endpoint` and, for AKS workload identity, no
   * credentials (KES then uses the default Azure credential chain). A cdk8s-plus Secret, or any construct that
   * names one (e.g. a `KeyVaultExternalSecret`'s `secret`).
   */
  readonly configSecret: ISecretReference;
  /** The default key MinIO asks KES for (MINIO_KMS_KES_KEY_NAME). */
  readonly keyName: string;
  /** The workload identity KES runs as (Key Vault Secrets Officer on the vault: KES stores keys as secrets). */
  readonly identity: IAzureWorkloadIdentity;
  /** Number of KES pods. @default 2 */
  readonly replicas?: number;
}

/** Options of {@link TenantEncryption.staticKey}. */
export interface StaticKeyOptions {
  /** The Secret value holding `name:base64-of-32-bytes`. */
  readonly secret: SecretValue;
  /** Absolute path the key file is mounted at; MinIO reads it through MINIO_KMS_SECRET_KEY_FILE. @default '/etc/minio/kms/secret-key' */
  readonly mountPath?: string;
}

/** What an encryption mode adds to a Tenant. @internal */
export interface TenantEncryptionSpec {
  readonly env: TenantSpecEnv[];
  readonly trustedCas: CertificateSecretReference[];
  /** Secret settings the mode needs in config.env, with the field that configures each. */
  readonly secretEnv?: EncryptionSecretSetting[];
  readonly kes?: TenantSpecKes;
  readonly volumes?: TenantSpecAdditionalVolumes[];
  readonly volumeMounts?: TenantSpecAdditionalVolumeMounts[];
}

/** A secret setting of an encryption mode. @internal */
export interface EncryptionSecretSetting {
  readonly name: string;
  readonly setting: SecretSetting;
  readonly field: string;
}

/** The tenant the encryption applies to. @internal */
export interface EncryptedTenant {
  readonly name: string;
  readonly namespace: string;
}

/** Variables that select a KMS; only the chosen mode sets them. */
export const KMS_VARIABLES = /^MINIO_KMS_/;

/**
 * How a tenant encrypts objects (SSE-KMS, SSE-S3): exactly one of a MinIO KMS cluster, KES with Azure Key Vault,
 * or a static key. The mode sets every `MINIO_KMS_*` variable itself; setting them in `env` as well is refused.
 */
export abstract class TenantEncryption {
  /** A MinIO KMS (minkms) cluster, trusted through its CA. */
  public static kms(options: KmsEncryptionOptions): TenantEncryption {
    return new KmsClusterEncryption(options);
  }

  /** KES run by the operator next to the tenant, keeping keys in Azure Key Vault through workload identity. */
  public static kesWithKeyVault(options: KesKeyVaultOptions): TenantEncryption {
    return new KesEncryption(options);
  }

  /**
   * A single static key from a Secret, mounted as a file. For development and small setups: there is no key
   * rotation. MinIO no longer accepts a bare key name in MINIO_KMS_SECRET_KEY_FILE, so the path is absolute.
   */
  public static staticKey(options: StaticKeyOptions): TenantEncryption {
    return new StaticKeyEncryption(options);
  }

  /** @internal */
  public abstract _render(scope: Construct, tenant: EncryptedTenant): TenantEncryptionSpec;
}

class KmsClusterEncryption extends TenantEncryption {
  public constructor(private readonly options: KmsEncryptionOptions) {
    super();
  }

  public _render(scope: Construct, tenant: EncryptedTenant): TenantEncryptionSpec {
    const { cluster, enclave, defaultKey, apiKey } = this.options;
    if (typeof cluster?.admitsClient !== 'function' || typeof cluster.clientEndpoint !== 'string') {
      reject(scope, 'encryption.cluster', typeof cluster, 'must be a KMS endpoint',
        'pass a MinioKmsCluster, or MinioKmsCluster.fromClusterAttributes(...) for one defined in another app');
    }
    requireKmsName(scope, 'encryption.enclave', enclave);
    requireKmsName(scope, 'encryption.defaultKey', defaultKey);
    if (!(apiKey instanceof SecretSetting)) {
      reject(scope, 'encryption.apiKey', apiKey, 'must be a SecretSetting',
        'the operator passes Secret references in env to MinIO as empty strings: use SecretSetting.fromKeyVault(...) or SecretSetting.inConfigurationSecret()');
    }
    requireAdmission(scope, cluster, tenant);
    return {
      env: [
        { name: 'MINIO_KMS_ENCLAVE', value: enclave },
        // The client Service: it routes only to nodes that have joined (MinioKmsCluster.clientEndpoint).
        { name: 'MINIO_KMS_SERVER', value: cluster.clientEndpoint },
        { name: 'MINIO_KMS_SSE_KEY', value: defaultKey },
      ],
      trustedCas: [this.options.caSecret ?? this.kmsCa(scope, tenant)],
      secretEnv: [{ name: 'MINIO_KMS_API_KEY', setting: apiKey, field: 'encryption.apiKey' }],
    };
  }

  private kmsCa(scope: Construct, tenant: EncryptedTenant): CertificateSecretReference {
    const { cluster } = this.options;
    if (!cluster.tls.hasCa) {
      reject(scope, 'encryption.caSecret', undefined, 'is required: the KMS TLS Secret carries no ca.crt',
        'pass the Secret holding the KMS CA in the tenant\'s namespace');
    }
    if (cluster.namespace === tenant.namespace) {
      return { name: cluster.tls.secretName, type: CertificateSecretType.CERT_MANAGER };
    }
    const issuer = cluster.tls.issuer;
    if (issuer === undefined || !issuer.kind.isClusterScoped) {
      reject(scope, 'encryption.caSecret', undefined,
        `is required: the KMS in namespace '${cluster.namespace}' is not issued by a ClusterIssuer, so its CA cannot be fetched into '${tenant.namespace}'`,
        'issue the KMS certificate from a ClusterIssuer (e.g. PrivateCa) or pass the CA Secret');
    }
    // A Secret cannot be read across namespaces: a certificate from the same CA in the tenant's namespace carries
    // that CA as ca.crt, which is all MinIO needs to trust the KMS nodes.
    const trust = new TlsCertificate(scope, 'KmsCaTrust', {
      name: `${cluster.name}-ca-trust`,
      namespace: tenant.namespace,
      issuer,
      dnsNames: [`${cluster.name}-ca-trust.${tenant.namespace}.svc`],
    });
    return { name: trust.secretName, type: CertificateSecretType.CERT_MANAGER };
  }
}

class KesEncryption extends TenantEncryption {
  public constructor(private readonly options: KesKeyVaultOptions) {
    super();
  }

  public _render(scope: Construct, tenant: EncryptedTenant): TenantEncryptionSpec {
    const { keyName, identity } = this.options;

    const image = PinnedImage.reference(scope, 'encryption.image', this.options.image);
    const configSecretName = requireSecretName(scope, 'encryption.configSecret.name', this.options.configSecret);
    requireKmsName(scope, 'encryption.keyName', keyName);
    if (identity.namespace !== tenant.namespace) {
      reject(scope, 'encryption.identity', identity.namespace, `must be a ServiceAccount in the tenant's namespace '${tenant.namespace}'`,
        'create the WorkloadIdentityServiceAccount for KES in the tenant\'s namespace');
    }
    const replicas = this.options.replicas ?? 2;
    if (!Number.isInteger(replicas) || replicas < 1) {
      reject(scope, 'encryption.replicas', replicas, 'must be a whole number of at least 1', 'use 2 or more KES pods');
    }
    return {
      env: [],
      trustedCas: [],
      kes: {
        image,
        replicas,
        kesSecret: { name: configSecretName },
        keyName,
        serviceAccountName: identity.serviceAccountName,
        labels: { [WorkloadIdentityKeys.USE_LABEL]: 'true' },
        // The same restricted contexts as the MinIO pods.
        securityContext: poolPodSecurityContext(),
        containerSecurityContext: poolContainerSecurityContext(),
      },
    };
  }
}

class StaticKeyEncryption extends TenantEncryption {
  public constructor(private readonly options: StaticKeyOptions) {
    super();
  }

  public _render(scope: Construct): TenantEncryptionSpec {
    const { secret } = this.options;
    const path = this.options.mountPath ?? '/etc/minio/kms/secret-key';
    if (!path.startsWith('/') || path.endsWith('/') || path.split('/').includes('..')) {
      reject(scope, 'encryption.mountPath', path, 'must be an absolute file path',
        'MinIO reads MINIO_KMS_SECRET_KEY_FILE as a path since RELEASE.2024-07-26 and no longer resolves a bare name: use e.g. /etc/minio/kms/secret-key');
    }
    SecretValue.validate(scope, 'encryption.secret', secret);
    const directory = path.slice(0, path.lastIndexOf('/')) || '/';
    const file = path.slice(path.lastIndexOf('/') + 1);
    return {
      env: [{ name: 'MINIO_KMS_SECRET_KEY_FILE', value: path }],
      trustedCas: [],
      volumes: [{ name: 'kms-secret-key', secret: { secretName: secret.secretName, items: [{ key: secret.key, path: file }] } }],
      volumeMounts: [{ name: 'kms-secret-key', mountPath: directory, readOnly: true }],
    };
  }
}

/**
 * A KMS in this app must admit the tenant's pods, or MinIO cannot reach it. The admission is the KMS side's own
 * call and may come after the tenant is created, so it is checked when the app is synthesized.
 */
function requireAdmission(scope: Construct, cluster: IKmsEndpoint, tenant: EncryptedTenant): void {
  const client = { namespace: tenant.namespace, podLabels: tenantPodLabels(tenant.name) };
  scope.node.addValidation({
    validate: () => (cluster.admitsClient(client) === false
      ? [`${scope.node.path}: encryption.cluster does not admit this tenant's pods to the KMS port (received '${cluster.namespace}/${cluster.name}'): call allowClients(tenant) on the KMS cluster`]
      : []),
  });
}

function requireKmsName(scope: Construct, field: string, value: string): void {
  if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/.test(value)) {
    reject(scope, field, value, 'is not a valid KMS name', 'use letters, digits, \'-\', \'_\' and \'.\', starting with a letter or digit');
  }
}
