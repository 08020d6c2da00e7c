import { ConfigurationError } from '../core/errors';
import { vaultNameProblem } from '../secrets/key-vault-names';

/**
 * Azure's naming rules for the resources this package creates, checked before anything is sent to Azure
 * (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules): a wrong name otherwise
 * fails in the middle of `pulumi up`, after other resources were created.
 */

const STORAGE_ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
const BLOB_CONTAINER_NAME = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;
/** Data collection endpoints: at most 44 characters (azure-native monitor docs), letters, digits and hyphens. */
const DATA_COLLECTION_ENDPOINT_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,42}[A-Za-z0-9]$/;

/** Rejects a Key Vault name Azure would refuse: 3 to 24 letters, digits and single hyphens, starting with a letter. */
export function requireKeyVaultName(path: string, field: string, name: string): string {
  const problem = vaultNameProblem(name);
  if (problem !== undefined) {
    throw new ConfigurationError(path, field, name, problem,
      'use 3 to 24 letters, digits and single hyphens, starting with a letter and ending with a letter or digit');
  }
  return name;
}

const KEY_VAULT_OBJECT_NAME = /^[0-9A-Za-z-]{1,127}$/;

/** Rejects a Key Vault secret name Azure would refuse: 1 to 127 letters, digits and hyphens. */
export function requireKeyVaultSecretName(path: string, field: string, name: string): string {
  if (!KEY_VAULT_OBJECT_NAME.test(name)) {
    throw new ConfigurationError(path, field, name, 'is not a valid Key Vault secret name',
      'use 1 to 127 letters, digits and hyphens (Key Vault names have no underscores, dots or slashes)');
  }
  return name;
}

/** Rejects a storage account name Azure would refuse: 3 to 24 lower-case letters and digits. */
export function requireStorageAccountName(path: string, field: string, name: string): string {
  if (!STORAGE_ACCOUNT_NAME.test(name)) {
    throw new ConfigurationError(path, field, name, 'is not a valid storage account name', 'use 3 to 24 lower-case letters and digits');
  }
  return name;
}

/** Rejects a blob container name Azure would refuse: 3 to 63 lower-case letters, digits and single hyphens. */
export function requireBlobContainerName(path: string, field: string, name: string): string {
  if (!BLOB_CONTAINER_NAME.test(name)) {
    throw new ConfigurationError(path, field, name, 'is not a valid blob container name',
      'use 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit');
  }
  return name;
}

/** Rejects a data collection endpoint name longer than Azure's 44 characters. */
export function requireDataCollectionEndpointName(path: string, field: string, name: string): string {
  if (!DATA_COLLECTION_ENDPOINT_NAME.test(name)) {
    throw new ConfigurationError(path, field, name, 'is not a valid data collection endpoint name',
      'use 2 to 44 letters, digits and hyphens, starting and ending with a letter or digit');
  }
  return name;
}
