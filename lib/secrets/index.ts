export { AzureCloud } from './azure-cloud';
export type { KeyVaultSecretStoreAttributes } from './imported-secret-store';
export { KeyVaultExternalSecret } from './key-vault-external-secret';
export type { ExternalSecretTemplate, KeyVaultExternalSecretProps, KeyVaultSecretReference } from './key-vault-external-secret';
export type { VaultLocation } from './key-vault-names';
export { KeyVaultObjectType, KeyVaultSecretProviderClass } from './key-vault-secret-provider-class';
export type {
  CsiMountOptions, KeyVaultObject, KeyVaultSecretProviderClassProps, SyncedSecret, SyncedSecretKey,
} from './key-vault-secret-provider-class';
export { KeyVaultSecretStore } from './key-vault-secret-store';
export type { ClusterSecretStoreOptions, IKeyVaultSecretStore, KeyVaultSecretStoreProps } from './key-vault-secret-store';
