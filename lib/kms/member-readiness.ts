import { shellQuote } from '../core/shell-script';

/** Options of {@link memberReadinessScript}. */
export interface MemberReadinessOptions {
  /** This node's address as peers know it, with `$POD_NAME` standing for the pod, e.g. `$POD_NAME.kms-hl.ns.svc.cluster.local:7373`. */
  readonly selfAddress: string;
  /** Node 0's address, `HOST:PORT`: the seed every member's cluster contains. */
  readonly seedAddress: string;
  /** File holding the API key that may read the cluster status. */
  readonly apiKeyFile: string;
  /** CA certificate that verifies the node, or undefined for the system store. */
  readonly caFile?: string;
}

/**
 * The readiness check of a KMS node: ready only when the cluster the node belongs to contains node 0.
 *
 * A new StatefulSet pod starts as a single-node cluster of its own and answers `/v1/health/ready` before the join
 * Job adds it; a client reaching it then would find none of its enclaves or keys (kms-go retries another endpoint
 * only on connection errors, not on such answers). Tenants therefore use the client Service, which routes only
 * to ready pods, and a node becomes ready once `minkms stat --json` on it names node 0 (kms-go
 * `ClusterStatusResponse`, with the node's `Host` in `NodesUp` or its address in `NodesDown`). Node 0 always names
 * itself. Only shell built-ins and minkms run, the same assumptions as the membership Jobs.
 */
export function memberReadinessScript(options: MemberReadinessOptions): string {
  const ca = options.caFile === undefined ? '' : `SSL_CERT_FILE=${shellQuote(options.caFile)}\nexport SSL_CERT_FILE\n`;
  return `key=
read -r key <${shellQuote(options.apiKeyFile)} || [ -n "$key" ] || exit 1
MINIO_KMS_API_KEY=$key
export MINIO_KMS_API_KEY
${ca}status=$(MINIO_KMS_SERVER="https://${options.selfAddress}" minkms stat --json </dev/null 2>/dev/null) || exit 1
case $status in
  *${shellQuote(`"${options.seedAddress}"`)}* | *${shellQuote(`"https://${options.seedAddress}"`)}*) exit 0 ;;
esac
exit 1
`;
}
