export { BuiltInRole, roleDefinitionId } from './built-in-roles';
export type { BuiltInRoleId } from './built-in-roles';
export * from './cluster-network';
export * from './aks-cluster';
export * from './key-vault';
export { GeneratedHsmKey, GeneratedKmsApiKey } from './generated-kms-keys';
export * from './workload-identity';
export * from './managed-prometheus';
export * from './tiering-storage';
