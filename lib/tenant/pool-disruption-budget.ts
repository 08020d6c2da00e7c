import { Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { poolSelector } from './tenant-labels';
import { claimObjectIdentity } from '../core/unique-objects';

/** Properties of a {@link PoolDisruptionBudget}. */
export interface PoolDisruptionBudgetProps {
  /** Name of the Tenant, part of the budget's name `<tenant>-<pool>` and of its selector. */
  readonly tenantName: string;
  /** Namespace of the Tenant. */
  readonly namespace: string;
  /** Name of the pool. */
  readonly poolName: string;
  /** How many of the pool's pods may be evicted at once, read at synth (parity may be set after the pool). */
  readonly maxUnavailable: () => number;
}

/**
 * A PodDisruptionBudget for one tenant pool, selecting the pool's pods by the labels the MinIO Operator gives them.
 *
 * The operator creates none (minio/operator PR 2338 removed them), so without this a node drain may evict enough
 * MinIO servers to take a pool below its write quorum. Evictions beyond `maxUnavailable` wait; with 0 (a pool that
 * cannot lose a server and keep writing) a drain waits until the pool is deliberately taken down.
 */
export class PoolDisruptionBudget extends Construct {
  public constructor(scope: Construct, id: string, props: PoolDisruptionBudgetProps) {
    super(scope, id);
    const budget = new k8s.KubePodDisruptionBudget(this, 'Resource', {
      metadata: { name: `${props.tenantName}-${props.poolName}`, namespace: props.namespace },
      spec: {
        maxUnavailable: Lazy.any({ produce: () => k8s.IntOrString.fromNumber(props.maxUnavailable()) }),
        selector: { matchLabels: poolSelector(props.tenantName, props.poolName) },
      },
    });
    claimObjectIdentity(this, budget);
  }
}
