import { ConfigurationError } from '../core/errors';
import { isDnsLabel, isDnsSubdomain } from '../core/names';

/** What the membership script reconciles, and how patiently. */
export interface MembershipScriptOptions {
  /**
   * Stable DNS names of the nodes that must be members, node 0 first, e.g.
   * `kms-0.kms-hl.ns.svc.cluster.local`. Node 0 is the seed the script reads the member list from and adds
   * new nodes through: a StatefulSet removes its highest ordinals first, so node 0 outlives every scale-down.
   *
   * Members to remove need no list of their own: `minkms ls` names every member's host, and every member whose
   * host is not listed here is removed.
   */
  readonly desiredHosts: string[];
  /** The port every node listens on, 7373 unless the server's `--address` says otherwise. */
  readonly port: number;
  /**
   * How long to wait in all for every desired node to answer `minkms stat` before giving up.
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
const MAX_BACKOFF_SECONDS = 60;
const MAX_READINESS_INTERVAL_SECONDS = 5;

/**
 * Generates the POSIX `sh` script that makes the MinIO KMS cluster's members exactly `desiredHosts`.
 *
 * Scaling the StatefulSet alone does not change membership, so a Job runs this after every change of node count.
 * The script waits until every desired node answers, removes members that are no longer desired (`minkms rm`,
 * or `minkms edit --rm ID` on each remaining node when the removed pod is already gone), adds the missing ones
 * through node 0, verifies the result and retries the whole reconcile with exponential backoff. It is
 * idempotent and prints what it does. The API key comes from `MINIO_KMS_API_KEY` and never appears on a command
 * line or in the output.
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
  const nodes = hosts.map((host) => `${host}:${port}`);
  return render({
    desired: nodes.join(' '),
    seed: nodes[0],
    readinessTimeout: timeout,
    readinessInterval: Math.min(MAX_READINESS_INTERVAL_SECONDS, timeout),
    maxAttempts: attempts,
    caFile: options.caFile === undefined ? undefined : validCaFile(options.caFile),
  });
}

/**
 * The name of the Job that runs the membership script for `desiredNodes` nodes: `<clusterName>-members-<n>`.
 *
 * A Job's pod template is immutable, and a GitOps engine creates a Job again only when its name changes; putting
 * the node count in the name makes every scale a new Job, and leaves an unchanged count alone.
 *
 * @throws ConfigurationError when the name would not be a DNS label of at most 63 characters
 */
export function membershipJobName(clusterName: string, desiredNodes: number): string {
  const count = validInteger('desiredNodes', desiredNodes, 1, 999_999, 'give the number of KMS nodes, at least 1',
    'membershipJobName');
  const name = `${clusterName}-members-${count}`;
  if (!isDnsLabel(clusterName) || !isDnsLabel(name)) {
    throw new ConfigurationError('membershipJobName', 'clusterName', clusterName,
      `must make '${name}' a DNS-1123 label of at most 63 characters`,
      `use lower-case letters, digits and '-', at most ${63 - `-members-${count}`.length} characters`);
  }
  return name;
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

function validInteger(field: string, value: number, min: number, max: number, fix: string,
  where = 'membershipScript'): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(where, field, value, `must be a whole number from ${min} to ${max}`, fix);
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

/** Single-quotes `value` for sh; a quote inside becomes `'\''`. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, "'\\''")}'`;
}

interface ScriptValues {
  readonly desired: string;
  readonly seed: string;
  readonly readinessTimeout: number;
  readonly readinessInterval: number;
  readonly maxAttempts: number;
  readonly caFile?: string;
}

function render(values: ScriptValues): string {
  return `#!/bin/sh
# Makes the MinIO KMS cluster's members exactly DESIRED (generated by membershipScript; edit the generator).
# Needs MINIO_KMS_API_KEY in the environment; it is never put on a command line nor printed.
set -eu
# Member lines are split into words below; no word may expand as a file name pattern.
set -f

DESIRED=${shellQuote(values.desired)}
SEED=${shellQuote(values.seed)}
READINESS_TIMEOUT=${values.readinessTimeout}
READINESS_INTERVAL=${values.readinessInterval}
MAX_ATTEMPTS=${values.maxAttempts}
MAX_BACKOFF=${MAX_BACKOFF_SECONDS}

log() { printf 'membership: %s\\n' "$*"; }
warn() { printf 'membership: %s\\n' "$*" >&2; }
fail() { printf 'membership: error: %s\\n' "$*" >&2; exit 1; }

[ -n "\${MINIO_KMS_API_KEY:-}" ] || fail 'MINIO_KMS_API_KEY is empty: give the Job the API key from its Secret'
${values.caFile === undefined ? '' : caSetup(values.caFile)}
# Runs minkms against node $1 (HOST:PORT); every other argument goes to minkms.
kms() {
  kms_node=$1
  shift
  MINIO_KMS_SERVER="https://$kms_node" minkms "$@" </dev/null
}

# Succeeds when the space-separated list $1 holds the word $2.
contains() {
  case " $1 " in
    *" $2 "*) return 0 ;;
  esac
  return 1
}

# Prints the members as node $1 sees them, one "ID HOST:PORT" pair per line.
# UNCONFIRMED: MinIO documents what 'minkms ls' shows (ID, status, role, uptime, host) but not its layout, and ls
# has no --json. This assumes one line per node with the ID as first field and the host as a later field,
# HOST:PORT or https://HOST:PORT; a header line has no such field and is skipped. If the real layout differs,
# change this function only.
members() {
  members_out=$(kms "$1" ls) || return 1
  printf '%s\\n' "$members_out" | while IFS= read -r members_line; do
    # shellcheck disable=SC2086 # splitting the line into fields is the point
    set -- $members_line
    [ $# -ge 2 ] || continue
    members_id=$1
    shift
    for members_field do
      members_field=\${members_field#https://}
      members_field=\${members_field%/}
      members_host=\${members_field%:*}
      # A port, and a host of DNS name or IPv4 characters with a letter or a dot: not a time such as 12:30.
      case \${members_field##*:} in ''|*[!0-9]*) continue ;; esac
      case $members_host in ''|*[!a-z0-9.-]*) continue ;; esac
      case $members_host in *[a-z.]*) ;; *) continue ;; esac
      printf '%s %s\\n' "$members_id" "$members_field"
      break
    done
  done
}

# Prints the hosts (second words) of "ID HOST" lines in $1 as one space-separated list.
hosts_of() {
  # shellcheck disable=SC2086
  set -- $1
  hosts_of_list=
  while [ $# -ge 2 ]; do
    hosts_of_list="$hosts_of_list $2"
    shift 2
  done
  printf '%s\\n' "\${hosts_of_list# }"
}

# Removes member $1 (its ID) at host $2; $3 lists every member's host, where a lost node is edited out.
remove_member() {
  remove_id=$1
  remove_host=$2
  log "removing $remove_host (ID $remove_id) through $SEED"
  if kms "$SEED" rm "https://$remove_host"; then
    return 0
  fi
  # rm needs every member up. A node that still answers may only be blocked by another lost member, which this
  # attempt edits out, so the next attempt's rm succeeds; force-removing a live node would split the cluster.
  if kms "$remove_host" stat >/dev/null 2>&1; then
    warn "could not remove $remove_host, which still answers; retrying later"
    return 1
  fi
  log "$remove_host does not answer: editing ID $remove_id out of every remaining node's cluster definition"
  for remove_node in $3; do
    [ "$remove_node" != "$remove_host" ] || continue
    # Members on their way out are edited too while they run: each live member must drop the lost node.
    if contains "$DESIRED" "$remove_node" || kms "$remove_node" stat >/dev/null 2>&1; then
      log "editing $remove_node: --rm $remove_id"
      kms "$remove_node" edit "https://$remove_node" --rm "$remove_id" || return 1
    fi
  done
}

# Adds host $1 through the seed: minkms add must run against an existing member, never the new node.
add_member() {
  log "adding $1 through $SEED"
  kms "$SEED" add "https://$1"
}

# Succeeds when the members read from the seed are exactly DESIRED, each once.
verify() {
  verify_members=$(members "$SEED") || { warn "could not list the members from $SEED"; return 1; }
  verify_hosts=$(hosts_of "$verify_members")
  # shellcheck disable=SC2086
  set -- $verify_hosts
  verify_count=$#
  # shellcheck disable=SC2086
  set -- $DESIRED
  verify_ok=yes
  [ "$verify_count" -eq $# ] || verify_ok=no
  for verify_host in $DESIRED; do
    contains "$verify_hosts" "$verify_host" || verify_ok=no
  done
  if [ "$verify_ok" = no ]; then
    warn "members are [$verify_hosts], want [$DESIRED]"
    return 1
  fi
}

# One pass: remove what is not desired, add what is missing, verify. Runs as an if-condition, where set -e
# does not apply, so every step checks its own result.
reconcile() {
  current=$(members "$SEED") || { warn "could not list the members from $SEED"; return 1; }
  current_hosts=$(hosts_of "$current")
  if ! contains "$current_hosts" "$SEED"; then
    warn "the members read from $SEED do not include $SEED itself, so 'minkms ls' output is not what members() expects:"
    printf '%s\\n' "$current" >&2
    return 1
  fi
  log "members: [$current_hosts]"
  failed=no
  # Removals first: writes need every member, so a lost member blocks every add until it is gone.
  # shellcheck disable=SC2086
  set -- $current
  while [ $# -ge 2 ]; do
    if ! contains "$DESIRED" "$2"; then
      remove_member "$1" "$2" "$current_hosts" || failed=yes
    fi
    shift 2
  done
  for node in $DESIRED; do
    if ! contains "$current_hosts" "$node"; then
      add_member "$node" || failed=yes
    fi
  done
  [ "$failed" = no ] || return 1
  verify
}

log "waiting up to \${READINESS_TIMEOUT}s for every node to answer: $DESIRED"
waited=0
for node in $DESIRED; do
  until stat_error=$(kms "$node" stat 2>&1 >/dev/null); do
    [ "$waited" -lt "$READINESS_TIMEOUT" ] ||
      fail "node $node did not answer 'minkms stat' within \${READINESS_TIMEOUT}s: $stat_error"
    sleep "$READINESS_INTERVAL"
    waited=$((waited + READINESS_INTERVAL))
  done
  log "$node answers"
done

attempt=1
delay=1
until reconcile; do
  [ "$attempt" -lt "$MAX_ATTEMPTS" ] || fail "members still differ from [$DESIRED] after $MAX_ATTEMPTS attempts"
  log "attempt $attempt of $MAX_ATTEMPTS failed; retrying in \${delay}s"
  sleep "$delay"
  attempt=$((attempt + 1))
  delay=$((delay * 2))
  [ "$delay" -le "$MAX_BACKOFF" ] || delay=$MAX_BACKOFF
done
log "members are exactly [$DESIRED]"
`;
}

/** Makes minkms trust `caFile`, without ever turning verification off. */
function caSetup(caFile: string): string {
  return `
CA_FILE=${shellQuote(caFile)}
[ -r "$CA_FILE" ] || fail "cannot read the CA certificate $CA_FILE: mount it into the Job"
# minkms trusts the system store and $HOME/.minkms/certs/CAs; HOME moves to a fresh directory the Job can write.
HOME="\${TMPDIR:-/tmp}/minkms-membership.$$"
export HOME
mkdir -p "$HOME/.minkms/certs/CAs"
cp "$CA_FILE" "$HOME/.minkms/certs/CAs/ca.crt"
# Go programs also read SSL_CERT_FILE as their system store; set in case a release ignores the CAs directory.
SSL_CERT_FILE=$CA_FILE
export SSL_CERT_FILE
`;
}
