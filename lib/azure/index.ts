export * from './built-in-roles';
export * from './azure-names';
export * from './aks-cluster';
export * from './key-vault';
export * from './generated-kms-keys';
export * from './workload-identity';
export * from './managed-prometheus';
export * from './tiering-storage';
