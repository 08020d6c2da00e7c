export { AccessPolicy, PolicyClaim, PolicyEffect } from './access-policy';
export type { AccessPolicyProps, PolicyStatement } from './access-policy';
export { RetentionMode } from './bucket';
export type { BucketOptions, DefaultRetention, ObjectLockOptions } from './bucket';
export type { LifecycleRule, TierTransition } from './lifecycle-rule';
export { PolicyResource } from './policy-resource';
export { ActionScope, S3Action } from './s3-action';
export { TenantProvisioner } from './tenant-provisioner';
export type { TenantProvisionerProps } from './tenant-provisioner';
