import { Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { GitOpsChart, MinioTenant, MinioTenantProps, TenantPoolOptions } from '../../lib';

/** A pool that passes every rule, to vary one field at a time. */
export const VALID_POOL: TenantPoolOptions = {
  name: 'pool-0',
  servers: 4,
  volumesPerServer: 4,
  volumeSize: Size.tebibytes(1),
};

/** A chart in namespace `objects` and a tenant `store` built from `overrides`. */
export function tenantChart(overrides: Partial<MinioTenantProps> = {}) {
  const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'objects' });
  const tenant = new MinioTenant(chart, 'store', {
    configuration: kplus.Secret.fromSecretName(chart, 'Config', 'store-config'),
    pools: [VALID_POOL],
    ...overrides,
  });
  return { chart, tenant };
}

/** The synthesized Tenant object of `chart`. */
export function tenantOf(manifests: any[]): any {
  return manifests.find((m) => m.kind === 'Tenant');
}

/** Builds a tenant with one pool made of VALID_POOL and `pool`, and synthesizes it. */
export function synthWithPool(pool: Partial<TenantPoolOptions>): any[] {
  const { chart } = tenantChart({ pools: [{ ...VALID_POOL, ...pool }] });
  return Testing.synth(chart);
}
