import * as pulumi from '@pulumi/pulumi';
import * as keyvault from '@pulumi/azure-native/keyvault';
import { ConfigurationError } from '../core/errors';
import { requireKeyVaultName, requireKeyVaultSecretName } from './azure-names';

/** Arguments of a {@link MinioKeyVault}. */
export interface MinioKeyVaultArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  /** @default - the resource group's location */
  readonly location?: pulumi.Input<string>;
  /** The Entra ID tenant the vault trusts. */
  readonly tenantId: pulumi.Input<string>;
  /**
   * The vault's name, unique across Azure.
   *
   * @default - the component name with a random suffix (Pulumi auto-naming)
   */
  readonly vaultName?: string;
  /**
   * Days a deleted secret or vault stays recoverable: 7 to 90. Fixed once the vault exists.
   *
   * @default 90
   */
  readonly softDeleteRetentionInDays?: number;
}

/**
 * The Key Vault that holds the platform's secrets: Azure RBAC authorization (so roles can be granted per secret),
 * soft delete, and purge protection, which Azure never lets anyone turn off again: a deleted key cannot be purged
 * while encrypted objects still need it.
 */
export class MinioKeyVault extends pulumi.ComponentResource {
  public readonly vault: keyvault.Vault;
  public readonly vaultName: pulumi.Output<string>;
  /** `https://NAME.vault.azure.net/`. */
  public readonly vaultUri: pulumi.Output<string>;
  public readonly vaultId: pulumi.Output<string>;
  private readonly resourceGroupName: pulumi.Input<string>;
  private readonly logicalName: string;
  private readonly protectSecrets: boolean;

  public constructor(name: string, args: MinioKeyVaultArgs, opts?: pulumi.ComponentResourceOptions) {
    super('minio-aks:azure:KeyVault', name, {}, opts);
    const path = `KeyVault ${name}`;
    if (args.vaultName !== undefined) requireKeyVaultName(path, 'vaultName', args.vaultName);
    const retention = args.softDeleteRetentionInDays ?? 90;
    if (!Number.isInteger(retention) || retention < 7 || retention > 90) {
      throw new ConfigurationError(path, 'softDeleteRetentionInDays', retention, 'must be a whole number of days from 7 to 90',
        'choose a retention Azure accepts (learn.microsoft.com/azure/key-vault/general/soft-delete-overview)');
    }
    this.resourceGroupName = args.resourceGroupName;
    this.logicalName = name;
    this.protectSecrets = opts?.protect ?? true;
    this.vault = new keyvault.Vault(name, {
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      vaultName: args.vaultName,
      properties: {
        tenantId: args.tenantId,
        sku: { family: 'A', name: 'standard' },
        enableRbacAuthorization: true,
        enableSoftDelete: true,
        enablePurgeProtection: true,
        softDeleteRetentionInDays: retention,
      },
    }, { parent: this, protect: opts?.protect ?? true });
    this.vaultName = this.vault.name;
    this.vaultId = this.vault.id;
    this.vaultUri = this.vault.properties.apply((properties) => properties.vaultUri ?? '');
    this.registerOutputs({ vaultUri: this.vaultUri, vaultId: this.vaultId });
  }

  /**
   * Stores `value` as the secret `secretName`. The value goes to Azure Resource Manager as a Pulumi secret and is
   * kept encrypted in the state; the returned resource ID is the scope for a role on this one secret.
   *
   * @throws ConfigurationError if Key Vault would refuse the name
   */
  public addSecret(secretName: string, value: pulumi.Input<string>): keyvault.Secret {
    requireKeyVaultSecretName(`KeyVault ${this.logicalName}`, 'secretName', secretName);
    return new keyvault.Secret(`${this.logicalName}-${secretName}`, {
      resourceGroupName: this.resourceGroupName,
      vaultName: this.vaultName,
      secretName,
      properties: { value: pulumi.secret(value) },
    }, { parent: this, protect: this.protectSecrets });
  }
}
