export * from './core';
export * from './tenant';
export * from './kms';
export * from './tls';
export * from './secrets';
export * from './identity';
export * from './network';
export * from './observability';
