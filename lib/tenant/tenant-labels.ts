/** Labels the MinIO Operator puts on every pod of a tenant and of a pool. */
export const TENANT_LABEL = 'v1.min.io/tenant';
export const POOL_LABEL = 'v1.min.io/pool';

/** The labels that select one pool's pods. */
export function poolSelector(tenantName: string, poolName: string): Record<string, string> {
  return { [TENANT_LABEL]: tenantName, [POOL_LABEL]: poolName };
}

/** The labels that select every pod of a tenant. */
export function tenantPodLabels(tenantName: string): Record<string, string> {
  return { [TENANT_LABEL]: tenantName };
}
