import { shellScript } from '../core/shell-script';

/** Options of {@link memberReadinessScript}. */
export interface MemberReadinessOptions {
  /**
   * The domain below which every node has its stable name, `<headless service>.<namespace>.svc.<cluster domain>`:
   * the node checks itself as `$POD_NAME.<nodeDomain>`, `POD_NAME` coming from the container's environment, which
   * exec probes run with (containerd and CRI-O start exec processes with the container process's environment, as
   * the descriptions of containerd/containerd PR 13637 and cri-o/cri-o PR 9956 state).
   */
  readonly nodeDomain: string;
  /** The port every node listens on. */
  readonly port: number;
  /** Node 0's host name: the seed every member's cluster contains. */
  readonly seedHost: string;
  /** File holding the API key that may read the cluster status. */
  readonly apiKeyFile: string;
  /** CA certificate that verifies the node, or undefined for the system store. */
  readonly caFile?: string;
}

/**
 * The readiness check of a KMS node (kms/scripts/member-ready.sh): ready only when the cluster the node belongs to
 * contains node 0.
 *
 * A new StatefulSet pod starts as a single-node cluster of its own and answers `/v1/health/ready` before the join
 * Job adds it; a client reaching it then would find none of its enclaves or keys (kms-go retries another endpoint
 * only on connection errors, not on such answers). Tenants therefore use the client Service, which routes only
 * to ready pods, and a node becomes ready once `minkms stat --json` on it names node 0 (kms-go
 * `ClusterStatusResponse`, with the node's `Host` in `NodesUp` or its address in `NodesDown`). Node 0 always names
 * itself. Only shell built-ins and minkms run, the same assumptions as the membership Jobs.
 */
export function memberReadinessScript(options: MemberReadinessOptions): string {
  return shellScript('kms/scripts/member-ready.sh', {
    NODE_DOMAIN: options.nodeDomain,
    PORT: options.port,
    SEED_HOST: options.seedHost,
    API_KEY_FILE: options.apiKeyFile,
    // Empty: the system trust store verifies the node.
    CA_FILE: options.caFile ?? '',
  });
}
