import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { requireDnsLabel, requireDnsSubdomain } from '../core/names';
import { IAzureWorkloadIdentity } from '../identity/azure-workload-identity';
import { requireGuid } from '../identity/guid';
import {
  ClusterSecretStore,
  ClusterSecretStoreSpecProviderAzurekvAuthType,
  ClusterSecretStoreSpecProviderAzurekvEnvironmentType,
  SecretStore,
  SecretStoreSpecProviderAzurekvAuthType,
  SecretStoreSpecProviderAzurekvEnvironmentType,
} from '../imports/external-secrets.io';
import { parseVaultUrl, VaultLocation } from './key-vault-names';

import { ImportedKeyVaultSecretStore, KeyVaultSecretStoreAttributes } from './imported-secret-store';
/**
 * An External Secrets store that ExternalSecrets can reference: a namespaced SecretStore or a
 * ClusterSecretStore.
 */
export interface IKeyVaultSecretStore {
  /** Name of the store object. */
  readonly name: string;

  /** Whether the store is a ClusterSecretStore rather than a namespaced SecretStore. */
  readonly clusterScoped: boolean;

  /**
   * Namespace of a namespaced store: only ExternalSecrets of that namespace can use it.
   *
   * @default - undefined for a ClusterSecretStore
   */
  readonly namespace?: string;

  /**
   * Namespaces whose ExternalSecrets a ClusterSecretStore serves.
   *
   * @default - undefined for a namespaced store
   */
  readonly allowedNamespaces?: readonly string[];
}

/**
 * Options that make a {@link KeyVaultSecretStore} cluster-wide.
 */
export interface ClusterSecretStoreOptions {
  /**
   * Namespaces whose ExternalSecrets may read through the store.
   *
   * Required because a ClusterSecretStore without conditions lets every namespace read every secret the
   * identity can read.
   */
  readonly allowedNamespaces: string[];
}

/**
 * Properties of a {@link KeyVaultSecretStore}.
 */
export interface KeyVaultSecretStoreProps {
  /** Name of the SecretStore (or ClusterSecretStore). */
  readonly name: string;

  /**
   * URL of the vault, as Azure reports it (`properties.vaultUri`), e.g. `https://kv-minio.vault.azure.net/`.
   *
   * Vaults of the sovereign clouds (`vault.azure.cn`, `vault.usgovcloudapi.net`, `vault.microsoftazure.de`)
   * are accepted and set the store's `environmentType` accordingly.
   */
  readonly vaultUrl: string;

  /**
   * The workload identity External Secrets exchanges a token of for Key Vault access.
   *
   * External Secrets requests that token for the ServiceAccount itself, so no pod needs to run as it; the
   * identity needs the role Key Vault Secrets User on the vault.
   */
  readonly identity: IAzureWorkloadIdentity;

  /**
   * Tenant of the identity, when the ServiceAccount does not carry the `azure.workload.identity/tenant-id`
   * annotation. External Secrets refuses a tenant given twice, so set this only when `identity.tenantId`
   * is undefined.
   *
   * @default - the tenant annotated on the identity's ServiceAccount
   */
  readonly tenantId?: string;

  /**
   * Makes this a ClusterSecretStore serving the listed namespaces.
   *
   * @default - a namespaced SecretStore in the identity's namespace
   */
  readonly clusterScope?: ClusterSecretStoreOptions;
}

/**
 * An External Secrets store (external-secrets.io/v1) reading Azure Key Vault with AKS workload identity.
 *
 * A namespaced store lives in the identity's namespace, since External Secrets looks the ServiceAccount up
 * there; a ClusterSecretStore names the account's namespace explicitly and is limited to the namespaces given.
 */
export class KeyVaultSecretStore extends Construct implements IKeyVaultSecretStore {
  /** A SecretStore or ClusterSecretStore defined elsewhere (another app), checked when imported. */
  public static fromStoreAttributes(scope: Construct, id: string, attributes: KeyVaultSecretStoreAttributes): IKeyVaultSecretStore {
    return new ImportedKeyVaultSecretStore(scope, id, attributes);
  }

  /** Name of the store object. */
  public readonly name: string;

  /** @see IKeyVaultSecretStore.clusterScoped */
  public readonly clusterScoped: boolean;

  /** @see IKeyVaultSecretStore.namespace */
  public readonly namespace?: string;

  /** @see IKeyVaultSecretStore.allowedNamespaces */
  public readonly allowedNamespaces?: readonly string[];

  /** The vault this store reads. */
  public readonly vault: VaultLocation;

  public constructor(scope: Construct, id: string, props: KeyVaultSecretStoreProps) {
    super(scope, id);
    this.name = requireDnsSubdomain(this, 'name', props.name);
    this.vault = parseVaultUrl(this, 'vaultUrl', props.vaultUrl);
    const identity = props.identity;
    requireDnsSubdomain(this, 'identity.serviceAccountName', identity.serviceAccountName);
    requireDnsLabel(this, 'identity.namespace', identity.namespace);
    const tenantId = this.storeTenant(props);

    if (props.clusterScope === undefined) {
      this.clusterScoped = false;
      this.namespace = identity.namespace;
      new SecretStore(this, 'Resource', {
        metadata: { name: this.name, namespace: this.namespace },
        spec: {
          provider: {
            azurekv: {
              vaultUrl: this.vault.vaultUrl,
              environmentType: this.vault.cloud.externalSecretsEnvironment as SecretStoreSpecProviderAzurekvEnvironmentType,
              authType: SecretStoreSpecProviderAzurekvAuthType.WORKLOAD_IDENTITY,
              serviceAccountRef: { name: identity.serviceAccountName },
              tenantId,
            },
          },
        },
      });
    } else {
      this.clusterScoped = true;
      this.allowedNamespaces = this.requireAllowedNamespaces(props.clusterScope.allowedNamespaces);
      new ClusterSecretStore(this, 'Resource', {
        metadata: { name: this.name },
        spec: {
          conditions: [{ namespaces: [...this.allowedNamespaces] }],
          provider: {
            azurekv: {
              vaultUrl: this.vault.vaultUrl,
              environmentType: this.vault.cloud.externalSecretsEnvironment as ClusterSecretStoreSpecProviderAzurekvEnvironmentType,
              authType: ClusterSecretStoreSpecProviderAzurekvAuthType.WORKLOAD_IDENTITY,
              serviceAccountRef: { name: identity.serviceAccountName, namespace: identity.namespace },
              tenantId,
            },
          },
        },
      });
    }
  }

  private storeTenant(props: KeyVaultSecretStoreProps): string | undefined {
    const annotated = props.identity.tenantId;
    if (props.tenantId === undefined) {
      if (annotated === undefined) {
        reject(this, 'tenantId', undefined,
          'must be given when the identity\'s ServiceAccount has no tenant annotation',
          'set tenantId here or tenantId on the WorkloadIdentityServiceAccount');
      }
      requireGuid(this, 'identity.tenantId', annotated);
      return undefined;
    }
    if (annotated !== undefined) {
      reject(this, 'tenantId', props.tenantId,
        'must not be set when the identity\'s ServiceAccount already carries a tenant annotation, as External Secrets refuses a tenant given twice',
        'drop tenantId from the store');
    }
    return requireGuid(this, 'tenantId', props.tenantId);
  }

  private requireAllowedNamespaces(namespaces: string[]): string[] {
    if (namespaces.length === 0) {
      reject(this, 'clusterScope.allowedNamespaces', namespaces, 'must name at least one namespace',
        'list the namespaces whose ExternalSecrets may read this vault, or use a namespaced store');
    }
    namespaces.forEach((ns, i) => requireDnsLabel(this, `clusterScope.allowedNamespaces[${i}]`, ns));
    const duplicate = namespaces.find((ns, i) => namespaces.indexOf(ns) !== i);
    if (duplicate !== undefined) {
      reject(this, 'clusterScope.allowedNamespaces', duplicate, 'must not list a namespace twice', 'remove the duplicate');
    }
    return [...namespaces];
  }
}
