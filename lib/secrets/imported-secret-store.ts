import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { requireDnsLabel, requireDnsSubdomain } from '../core/names';
import type { IKeyVaultSecretStore } from './key-vault-secret-store';

/** A SecretStore or ClusterSecretStore that exists already, as `KeyVaultSecretStore.fromStoreAttributes()` takes it. */
export interface KeyVaultSecretStoreAttributes {
  /** Name of the store. */
  readonly name: string;
  /** Namespace of a namespaced SecretStore. @default - none: give allowedNamespaces for a ClusterSecretStore */
  readonly namespace?: string;
  /** Namespaces a ClusterSecretStore serves. @default - none: give namespace for a SecretStore */
  readonly allowedNamespaces?: readonly string[];
}

/** A Key Vault secret store defined elsewhere, checked when imported. */
export class ImportedKeyVaultSecretStore extends Construct implements IKeyVaultSecretStore {
  public readonly name: string;
  public readonly clusterScoped: boolean;
  public readonly namespace?: string;
  public readonly allowedNamespaces?: readonly string[];

  public constructor(scope: Construct, id: string, attributes: KeyVaultSecretStoreAttributes) {
    super(scope, id);
    this.name = requireDnsSubdomain(this, 'name', attributes.name);
    if ((attributes.namespace === undefined) === (attributes.allowedNamespaces === undefined)) {
      reject(this, 'namespace', attributes.namespace, 'or allowedNamespaces must be given, not both nor neither',
        'give namespace for a SecretStore, allowedNamespaces for a ClusterSecretStore');
    }
    this.clusterScoped = attributes.allowedNamespaces !== undefined;
    if (attributes.namespace !== undefined) this.namespace = requireDnsLabel(this, 'namespace', attributes.namespace);
    if (attributes.allowedNamespaces !== undefined) {
      if (attributes.allowedNamespaces.length === 0) {
        reject(this, 'allowedNamespaces', attributes.allowedNamespaces, 'must name at least one namespace', 'list the namespaces the ClusterSecretStore serves');
      }
      attributes.allowedNamespaces.forEach((ns, i) => requireDnsLabel(this, `allowedNamespaces[${i}]`, ns));
      this.allowedNamespaces = [...attributes.allowedNamespaces];
    }
  }
}
