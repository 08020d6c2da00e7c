import { ConfigurationError } from '../core/errors';
import { isDnsSubdomain } from '../core/names';
import { shellScript } from '../core/shell-script';

/**
 * Which half of a membership change a script performs. Removing must happen before the StatefulSet deletes the
 * pods of the nodes that go (writes need every member, and `minkms rm` needs the node to answer), adding after it
 * creates the pods of the nodes that come (`minkms add` needs the new node to answer).
 */
export enum MembershipStep {
  /** Remove every member that is not desired, and add nothing: runs before the StatefulSet changes. */
  LEAVE = 'leave',
  /** Wait for every desired node, remove what is not desired, add what is missing: runs with the StatefulSet. */
  JOIN = 'join',
}

/** What the membership script reconciles, and how patiently. */
export interface MembershipScriptOptions {
  /**
   * Stable DNS names of the nodes that must be members, node 0 first, e.g.
   * `kms-0.kms-hl.ns.svc.cluster.local`. Node 0 is the seed the script reads the cluster status from and adds
   * and removes nodes through: a StatefulSet removes its highest ordinals first, so node 0 outlives every
   * scale-down.
   *
   * Members to remove need no list of their own: `minkms stat --json` names every member, and every member whose
   * host is not listed here is removed.
   */
  readonly desiredHosts: string[];
  /** The port every node listens on, 7373 unless the server's `--address` says otherwise. */
  readonly port: number;
  /** Which half of the change to perform. @default MembershipStep.JOIN */
  readonly step?: MembershipStep;
  /**
   * How long to wait in all for the nodes to answer before giving up: every desired node for
   * {@link MembershipStep.JOIN}, the seed for {@link MembershipStep.LEAVE}.
   *
   * @default 600
   */
  readonly readinessTimeoutSeconds?: number;
  /**
   * How many times the whole reconcile runs before the script fails; the pauses between attempts double from 1 s
   * up to 60 s.
   *
   * @default 8
   */
  readonly maxAttempts?: number;
  /**
   * Absolute path, inside the Job's container, of the CA certificate that issued the nodes' TLS certificates.
   * The script never skips verification (`-k`); without this the image's system trust store must verify the nodes.
   *
   * @default - the system trust store
   */
  readonly caFile?: string;
}

const DEFAULT_READINESS_TIMEOUT_SECONDS = 600;
const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * The POSIX `sh` script that makes the MinIO KMS cluster's members exactly `desiredHosts`: kms/scripts/membership.sh
 * with the validated options in its header.
 *
 * Scaling the StatefulSet alone does not change membership, so Jobs run this around every change of node count
 * (see {@link MembershipStep}). The script reads the cluster from the seed with `minkms stat --json` (kms-go
 * `ClusterStatusResponse`: `NodesUp` ID -> status with `Host`, `NodesDown` ID -> address), edits lost members
 * out of every member that answers (`minkms edit HOST --rm ID`), removes live members that are not desired with
 * `minkms rm` through the seed, adds missing nodes through the seed, verifies the result and retries the whole
 * reconcile with exponential backoff. It is idempotent and prints what it does. The API key comes from
 * `MINIO_KMS_API_KEY` and never appears on a command line or in the output.
 *
 * Sources: docs.min.io/enterprise/aistor-key-manager, reference/minkms-server/cli/cluster-server/minkms-add, -rm,
 * -edit and -stat (`HOST[:PORT]`, `--rm ID`, `--json`), operations/scaling/linux (add from an existing node; writes
 * need every node); github.com/minio/kms-go kms/response.go and kms/protobuf/response.pb.go (the status shape).
 *
 * @throws ConfigurationError when a host is not a DNS name, a number is out of range or `caFile` is not absolute
 */
export function membershipScript(options: MembershipScriptOptions): string {
  const hosts = validHosts(options.desiredHosts);
  const port = validInteger('port', options.port, 1, 65_535, 'use the port the KMS nodes listen on, normally 7373');
  const timeout = validInteger('readinessTimeoutSeconds',
    options.readinessTimeoutSeconds ?? DEFAULT_READINESS_TIMEOUT_SECONDS, 1, 86_400,
    'give a whole number of seconds between 1 and 86400');
  const attempts = validInteger('maxAttempts', options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, 1, 100,
    'give a whole number between 1 and 100');
  const step = options.step ?? MembershipStep.JOIN;
  if (!Object.values(MembershipStep).includes(step)) {
    throw new ConfigurationError('membershipScript', 'step', step, 'is not a membership step',
      'use MembershipStep.LEAVE or MembershipStep.JOIN');
  }
  const nodes = hosts.map((host) => `${host}:${port}`);
  return shellScript('kms/scripts/membership.sh', {
    STEP: step,
    DESIRED: nodes.join(' '),
    SEED: nodes[0],
    PORT: port,
    READINESS_TIMEOUT: timeout,
    MAX_ATTEMPTS: attempts,
    // Empty: the system trust store verifies the nodes.
    CA_FILE: options.caFile === undefined ? '' : validCaFile(options.caFile),
  });
}

function validHosts(hosts: string[]): string[] {
  if (!Array.isArray(hosts) || hosts.length === 0) {
    throw new ConfigurationError('membershipScript', 'desiredHosts', hosts, 'must name at least one node',
      'list the stable DNS name of every KMS node, node 0 first');
  }
  hosts.forEach((host, index) => {
    if (typeof host !== 'string' || !isDnsSubdomain(host)) {
      throw new ConfigurationError('membershipScript', `desiredHosts[${index}]`, host, 'must be a DNS name',
        'give the node\'s stable DNS name without scheme or port, e.g. kms-0.kms-hl.ns.svc.cluster.local');
    }
    if (hosts.indexOf(host) !== index) {
      throw new ConfigurationError('membershipScript', `desiredHosts[${index}]`, host,
        `must not repeat desiredHosts[${hosts.indexOf(host)}]`, 'list every node once');
    }
  });
  return hosts;
}

function validInteger(field: string, value: number, min: number, max: number, fix: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError('membershipScript', field, value, `must be a whole number from ${min} to ${max}`, fix);
  }
  return value;
}

function validCaFile(caFile: string): string {
  if (typeof caFile !== 'string' || !caFile.startsWith('/') || /[\u0000-\u001f\u007f]/.test(caFile)) {
    throw new ConfigurationError('membershipScript', 'caFile', caFile,
      'must be an absolute path without control characters',
      'give the path where the Job mounts the CA certificate, e.g. /etc/minkms/ca/ca.crt');
  }
  return caFile;
}
