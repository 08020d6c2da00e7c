export * from '../azure';
export * from './apply-plan';
export * from './kubernetes-objects';
export * from './resource-classes';
export * from './workload-identity-subjects';
