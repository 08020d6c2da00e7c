import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { isDnsLabel, requireDnsLabel, requireDnsSubdomain } from '../core/names';
import { IAzureWorkloadIdentity } from '../identity/azure-workload-identity';
import { requireGuid } from '../identity/guid';
import { SecretProviderClass } from '../imports/secrets-store.csi.x-k8s.io';
import { renderCsiObjects } from './csi-objects';
import { parseVaultUrl, requireKeyVaultObjectName, requireKeyVaultObjectVersion, VaultLocation } from './key-vault-names';

/** The kind of a Key Vault object the CSI driver fetches. */
export class KeyVaultObjectType {
  /** A secret's value (for a certificate's backing secret: the certificate with its private key). */
  public static readonly SECRET = new KeyVaultObjectType('secret');

  /** The public part of a key, as PEM. */
  public static readonly KEY = new KeyVaultObjectType('key');

  /** The public certificate, without its private key. */
  public static readonly CERTIFICATE = new KeyVaultObjectType('cert');

  private constructor(
    /** The provider's `objectType` value. */
    public readonly value: string,
  ) {}
}

/** One Key Vault object to mount as a file. */
export interface KeyVaultObject {
  /** Name of the object in Key Vault (1 to 127 letters, digits and hyphens). */
  readonly name: string;

  /**
   * Kind of the object.
   *
   * @default KeyVaultObjectType.SECRET
   */
  readonly type?: KeyVaultObjectType;

  /**
   * File name in the mount (letters, digits, '.', '_' and '-').
   *
   * @default - the object's name
   */
  readonly alias?: string;

  /**
   * Version of the object (32 hexadecimal digits).
   *
   * @default - the latest version
   */
  readonly version?: string;
}

/** One key of a Kubernetes Secret synced from mounted objects. */
export interface SyncedSecretKey {
  /** Key in the Kubernetes Secret. */
  readonly key: string;

  /** File name of the mounted object to copy: its alias, or its name when it has none. */
  readonly object: string;
}

/**
 * A Kubernetes Secret the CSI driver creates from mounted objects.
 *
 * The driver creates it only once a pod mounts the volume and deletes it when no pod does; use it for
 * consumers that run beside such a pod (e.g. an Ingress TLS secret), never for anything needed first.
 */
export interface SyncedSecret {
  /** Name of the Kubernetes Secret. */
  readonly secretName: string;

  /**
   * Type of the Kubernetes Secret, e.g. `kubernetes.io/tls`.
   *
   * @default 'Opaque'
   */
  readonly type?: string;

  /** The keys of the Secret. */
  readonly data: SyncedSecretKey[];
}

/** Options of {@link KeyVaultSecretProviderClass.mountOn}. */
export interface CsiMountOptions {
  /**
   * Name of the pod volume.
   *
   * @default - the class's name
   */
  readonly volumeName?: string;
}

/**
 * Properties of a {@link KeyVaultSecretProviderClass}.
 */
export interface KeyVaultSecretProviderClassProps {
  /** Name of the SecretProviderClass; pods refer to it from their CSI volume. */
  readonly name: string;

  /**
   * URL of the vault, as Azure reports it (`properties.vaultUri`), e.g. `https://kv-minio.vault.azure.net/`;
   * its domain selects the cloud.
   */
  readonly vaultUrl: string;

  /**
   * The workload identity to read the vault as. Pods mounting the volume must run as its ServiceAccount:
   * the driver exchanges the pod's own service account token, with the identity's client ID.
   */
  readonly identity: IAzureWorkloadIdentity;

  /**
   * Tenant of the vault.
   *
   * @default - the identity's tenant
   */
  readonly tenantId?: string;

  /** The objects to mount. */
  readonly objects: KeyVaultObject[];

  /**
   * Kubernetes Secrets to sync from the mounted objects while a pod mounts the volume.
   *
   * @default - none
   */
  readonly secretObjects?: SyncedSecret[];
}

const CSI_DRIVER = 'secrets-store.csi.k8s.io';
const FILE_NAME = /^[A-Za-z0-9._-]+$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * A SecretProviderClass (secrets-store.csi.x-k8s.io/v1) that mounts Azure Key Vault objects into pods through
 * the Secrets Store CSI driver and the Azure provider, authenticating with AKS workload identity.
 *
 * Files appear only in pods that mount the volume ({@link mountOn}), and synced Secrets
 * (`secretObjects`) exist only while such a pod runs. That rules the CSI driver out for any Secret a controller
 * must read before a pod starts: use External Secrets ({@link KeyVaultExternalSecret}) for that.
 */
export class KeyVaultSecretProviderClass extends Construct {
  /** Name of the SecretProviderClass. */
  public readonly name: string;

  /** Namespace of the SecretProviderClass, the identity's: pods mounting it run there. */
  public readonly namespace: string;

  /** The vault this class reads. */
  public readonly vault: VaultLocation;

  /** The identity pods mounting this class must run as. */
  public readonly identity: IAzureWorkloadIdentity;

  private readonly volumes = new Map<string, kplus.Volume>();

  public constructor(scope: Construct, id: string, props: KeyVaultSecretProviderClassProps) {
    super(scope, id);
    this.name = requireDnsSubdomain(this, 'name', props.name);
    this.vault = parseVaultUrl(this, 'vaultUrl', props.vaultUrl);
    this.identity = props.identity;
    requireGuid(this, 'identity.clientId', props.identity.clientId);
    requireDnsSubdomain(this, 'identity.serviceAccountName', props.identity.serviceAccountName);
    this.namespace = requireDnsLabel(this, 'identity.namespace', props.identity.namespace);
    const tenantId = this.resolveTenant(props);
    const fileNames = this.validateObjects(props.objects);
    const secretObjects = (props.secretObjects ?? []).map((synced, i) => this.validateSyncedSecret(synced, i, fileNames));
    const duplicate = secretObjects.find((s, i) => secretObjects.findIndex(o => o.secretName === s.secretName) !== i);
    if (duplicate !== undefined) {
      reject(this, 'secretObjects', duplicate.secretName, 'must not sync the same Secret twice', 'merge the entries into one');
    }

    new SecretProviderClass(this, 'Resource', {
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        provider: 'azure',
        parameters: {
          keyvaultName: this.vault.vaultName,
          cloudName: this.vault.cloud.csiCloudName,
          tenantID: tenantId,
          clientID: props.identity.clientId,
          usePodIdentity: 'false',
          useVMManagedIdentity: 'false',
          objects: renderCsiObjects(props.objects.map(object => ({
            objectName: object.name,
            objectType: (object.type ?? KeyVaultObjectType.SECRET).value,
            objectAlias: object.alias,
            objectVersion: object.version,
          }))),
        },
        secretObjects: secretObjects.length === 0 ? undefined : secretObjects.map(synced => ({
          secretName: synced.secretName,
          type: synced.type ?? 'Opaque',
          data: synced.data.map(entry => ({ key: entry.key, objectName: entry.object })),
        })),
      },
    });
  }

  /**
   * The CSI volume for this class (driver `secrets-store.csi.k8s.io`, read-only), for cdk8s-plus pods.
   * Calls with the same name return the same volume.
   *
   * @param name volume name in the pod; defaults to the class's name
   */
  public volume(name?: string): kplus.Volume {
    const volumeName = this.volumeName(name);
    let volume = this.volumes.get(volumeName);
    if (volume === undefined) {
      volume = kplus.Volume.fromCsi(this, `Volume-${volumeName}`, CSI_DRIVER, {
        name: volumeName,
        readOnly: true,
        attributes: { secretProviderClass: this.name },
      });
      this.volumes.set(volumeName, volume);
    }
    return volume;
  }

  /**
   * The same volume as {@link volume}, as a plain `spec.volumes[]` entry for pod templates rendered by hand.
   *
   * @param name volume name in the pod; defaults to the class's name
   */
  public volumeSpec(name?: string): k8s.Volume {
    return {
      name: this.volumeName(name),
      csi: { driver: CSI_DRIVER, readOnly: true, volumeAttributes: { secretProviderClass: this.name } },
    };
  }

  /**
   * Mounts the objects read-only at `path`.
   *
   * Given a pod or workload, checks that it runs as the class's identity in the class's namespace (the
   * driver uses the pod's own service account token) and mounts into each of its containers present now.
   * Given a single container, mounts into it alone; its pod cannot be checked then.
   */
  public mountOn(target: kplus.AbstractPod | kplus.Container, path: string, options: CsiMountOptions = {}): void {
    if (!path.startsWith('/') || path.includes(':')) {
      reject(this, 'mountOn.path', path, 'must be an absolute path without \':\'', 'use a path such as /mnt/secrets');
    }
    const volume = this.volume(options.volumeName);
    if (target instanceof kplus.Container) {
      target.mount(path, volume, { readOnly: true });
      return;
    }
    this.checkPod(target);
    if (target.containers.length === 0) {
      reject(target, 'containers', 0, 'must hold at least one container to mount Key Vault objects into',
        'add the containers before calling mountOn');
    }
    for (const container of target.containers) container.mount(path, volume, { readOnly: true });
  }

  private checkPod(pod: kplus.AbstractPod): void {
    const namespace = pod.metadata.namespace;
    if (namespace !== this.namespace) {
      reject(pod, 'metadata.namespace', namespace,
        `must be '${this.namespace}' to mount SecretProviderClass '${this.name}', which lives there`,
        `create the workload in namespace '${this.namespace}'`);
    }
    const account = pod.serviceAccount?.name ?? 'default';
    if (account !== this.identity.serviceAccountName) {
      reject(pod, 'serviceAccount', account,
        `must be '${this.identity.serviceAccountName}', the identity of SecretProviderClass '${this.name}', as the CSI driver authenticates with the pod's own service account`,
        'bind the workload first with WorkloadIdentityServiceAccount.bindTo()');
    }
  }

  private volumeName(name: string | undefined): string {
    const volumeName = name ?? this.name;
    if (!isDnsLabel(volumeName)) {
      reject(this, 'volumeName', volumeName, 'must be a DNS-1123 label of at most 63 characters',
        'pass a volume name of lower-case letters, digits and \'-\'');
    }
    return volumeName;
  }

  private resolveTenant(props: KeyVaultSecretProviderClassProps): string {
    const fromIdentity = props.identity.tenantId;
    if (props.tenantId !== undefined && fromIdentity !== undefined && props.tenantId !== fromIdentity) {
      reject(this, 'tenantId', props.tenantId, `must match the identity's tenant '${fromIdentity}'`,
        'drop tenantId to use the identity\'s tenant');
    }
    const tenantId = props.tenantId ?? fromIdentity;
    if (tenantId === undefined) {
      reject(this, 'tenantId', undefined, 'must be given when the identity names no tenant',
        'set tenantId here or on the WorkloadIdentityServiceAccount');
    }
    return requireGuid(this, 'tenantId', tenantId);
  }

  private validateObjects(objects: KeyVaultObject[]): Set<string> {
    if (objects.length === 0) {
      reject(this, 'objects', objects, 'must list at least one Key Vault object', 'add a { name } entry');
    }
    const fileNames = new Set<string>();
    objects.forEach((object, i) => {
      requireKeyVaultObjectName(this, `objects[${i}].name`, object.name);
      if (object.version !== undefined) requireKeyVaultObjectVersion(this, `objects[${i}].version`, object.version);
      if (object.alias !== undefined && (!FILE_NAME.test(object.alias) || object.alias === '.' || object.alias === '..' || object.alias.length > 255)) {
        reject(this, `objects[${i}].alias`, object.alias,
          'must be a file name of at most 255 letters, digits, \'.\', \'_\' and \'-\'', 'use a name such as tls.crt');
      }
      const fileName = object.alias ?? object.name;
      if (fileNames.has(fileName)) {
        reject(this, `objects[${i}]`, fileName, 'would be written to a file another object already uses',
          'give one of them a distinct alias');
      }
      fileNames.add(fileName);
    });
    return fileNames;
  }

  private validateSyncedSecret(synced: SyncedSecret, index: number, fileNames: Set<string>): SyncedSecret {
    const field = `secretObjects[${index}]`;
    requireDnsSubdomain(this, `${field}.secretName`, synced.secretName);
    if (synced.data.length === 0) {
      reject(this, `${field}.data`, synced.data, 'must hold at least one key', 'add a { key, object } entry');
    }
    synced.data.forEach((entry, i) => {
      if (entry.key === 'config.env') {
        reject(this, `${field}.data[${i}].key`, entry.key,
          'would make a MinIO Tenant configuration Secret that exists only while a pod mounts this class, but the operator reads it before any pod starts',
          'render config.env with TenantConfigurationSecret (External Secrets) instead');
      }
      if (!SECRET_KEY.test(entry.key) || entry.key.length > 253) {
        reject(this, `${field}.data[${i}].key`, entry.key,
          'must be a Secret key of at most 253 letters, digits, \'-\', \'_\' and \'.\'', 'rename the key, e.g. tls.crt');
      }
      if (!fileNames.has(entry.object)) {
        reject(this, `${field}.data[${i}].object`, entry.object,
          `must be the file name of a mounted object (${[...fileNames].join(', ')})`,
          'use the object\'s alias, or its name when it has none');
      }
    });
    return synced;
  }
}
