/**
 * How the servers of one pool are spread over the cluster.
 *
 * Losing a node or a zone should cost a pool as few servers as possible: MinIO keeps serving while each erasure set
 * has enough drives left, so the default places at most one server per node and balances servers across zones.
 */
export class PoolSpread {
  /**
   * One server per node (required) and servers balanced across `topology.kubernetes.io/zone` with a skew of at
   * most one (required). AKS labels every node with a zone, even in regions without availability zones.
   */
  public static acrossZonesAndHosts(): PoolSpread {
    return new PoolSpread(true, true);
  }

  /** One server per node, with no zone balancing: for node pools pinned to a single zone. */
  public static acrossHosts(): PoolSpread {
    return new PoolSpread(false, true);
  }

  private constructor(
    /** Whether servers are balanced across availability zones. */
    public readonly zones: boolean,
    /** Whether no two servers of the pool share a node. */
    public readonly hosts: boolean,
  ) {}
}
