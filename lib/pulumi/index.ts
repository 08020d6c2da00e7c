export * from '../azure';
export { planApply } from './apply-plan';
export type { PlannedObject } from './apply-plan';
export * from './kubernetes-objects';
export * from './workload-identity-subjects';
