export { federatedSubjectOf, WorkloadIdentityKeys } from './azure-workload-identity';
export type { IAzureWorkloadIdentity } from './azure-workload-identity';
export type { WorkloadIdentityAttributes } from './imported-workload-identity';
export { WorkloadIdentityServiceAccount } from './workload-identity-service-account';
export type { WorkloadIdentityServiceAccountProps } from './workload-identity-service-account';
