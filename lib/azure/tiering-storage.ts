import * as pulumi from '@pulumi/pulumi';
import * as storage from '@pulumi/azure-native/storage';
import { ConfigurationError } from '../core/errors';
import { requireBlobContainerName, requireStorageAccountName } from './azure-names';

/** Arguments of a {@link TieringStorage}. */
export interface TieringStorageArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  /** @default - the resource group's location */
  readonly location?: pulumi.Input<string>;
  /** Storage account name, unique across Azure; `mc ilm tier add` cannot change it later. @default - auto-named */
  readonly accountName?: string;
  /** One private container per tier. */
  readonly containers: readonly string[];
}

/**
 * A storage account and private containers that MinIO tiers objects to. `mc ilm tier add azure` authenticates with
 * the account key or a service principal, never a managed identity, so the account keeps shared-key access; the
 * key is read here as a Pulumi secret, for the program to keep in Key Vault.
 */
export class TieringStorage extends pulumi.ComponentResource {
  public readonly accountName: pulumi.Output<string>;
  public readonly accountId: pulumi.Output<string>;
  /** `https://ACCOUNT.blob.core.windows.net/`. */
  public readonly blobEndpoint: pulumi.Output<string>;
  /** The first account key, a Pulumi secret. */
  public readonly accountKey: pulumi.Output<string>;
  /** Container resource IDs by name: the scopes for roles on one container. */
  public readonly containerIds: Record<string, pulumi.Output<string>>;

  public constructor(name: string, args: TieringStorageArgs, opts?: pulumi.ComponentResourceOptions) {
    super('minio-aks:azure:TieringStorage', name, {}, opts);
    const path = `TieringStorage ${name}`;
    if (args.accountName !== undefined) requireStorageAccountName(path, 'accountName', args.accountName);
    if (args.containers.length === 0) {
      throw new ConfigurationError(path, 'containers', [], 'must name at least one container', 'name one container per tier');
    }
    args.containers.forEach((container, index) => requireBlobContainerName(path, `containers[${index}]`, container));
    const account = new storage.StorageAccount(name, {
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      accountName: args.accountName,
      kind: 'StorageV2',
      sku: { name: 'Standard_ZRS' },
      accessTier: 'Cool',
      enableHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
    }, { parent: this, protect: opts?.protect ?? true });
    this.containerIds = Object.fromEntries(args.containers.map((container) => [container, new storage.BlobContainer(`${name}-${container}`, {
      resourceGroupName: args.resourceGroupName,
      accountName: account.name,
      containerName: container,
      publicAccess: 'None',
    }, { parent: this, protect: opts?.protect ?? true }).id]));
    const keys = storage.listStorageAccountKeysOutput({ resourceGroupName: args.resourceGroupName, accountName: account.name }, { parent: this });
    this.accountKey = pulumi.secret(keys.keys.apply((list) => list[0]?.value ?? ''));
    this.accountName = account.name;
    this.accountId = account.id;
    this.blobEndpoint = account.primaryEndpoints.apply((endpoints) => endpoints.blob);
    this.registerOutputs({ accountName: this.accountName, blobEndpoint: this.blobEndpoint });
  }
}
