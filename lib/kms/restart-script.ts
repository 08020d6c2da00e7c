import { shellQuote } from './shell-quote';

/** The StatefulSet annotation holding a digest of its pod template, which the restart script waits for. */
export const TEMPLATE_ANNOTATION = 'kms.min.io/template-sha256';

/** Options of the all-at-once restart script. */
export interface RestartScriptOptions {
  /** The StatefulSet of the KMS nodes. */
  readonly statefulSetName: string;
  /** The node pods, `<statefulset>-<ordinal>`. */
  readonly podNames: string[];
  /**
   * The value of the StatefulSet's `kms.min.io/template-sha256` annotation once the manifests this script belongs
   * to are applied: the script restarts nothing until the StatefulSet carries it, so a GitOps engine that creates
   * the Job before (or while) it updates the StatefulSet cannot make it find nothing to do.
   */
  readonly templateDigest: string;
  /** How long to wait for the nodes to come back. */
  readonly timeoutSeconds: number;
}

/**
 * A POSIX shell script that restarts, at the same moment, every KMS node whose pod is not on the StatefulSet's
 * current revision, so that nodes of two releases or two configurations never run side by side.
 *
 * A pod is stale when its `controller-revision-hash` label differs from the StatefulSet's `status.updateRevision`
 * (the StatefulSet controller sets both; with `OnDelete` it only creates pods at the update revision). Comparing
 * revisions instead of images also catches configuration changes, which reach the template as an annotation.
 *
 * Every kubectl call is checked: a refused call (Forbidden, for example) fails the script with the call and the
 * API server's answer instead of reading as "nothing to do". The script needs `get` on the StatefulSet and
 * `get`/`delete` on the named pods, which lets its Role name each object it may touch.
 */
export function restartScript(options: RestartScriptOptions): string {
  return `set -eu
STS=${shellQuote(options.statefulSetName)}
PODS=${shellQuote(options.podNames.join(' '))}
TEMPLATE=${shellQuote(options.templateDigest)}
TIMEOUT=${options.timeoutSeconds}

fail() { printf 'restart: error: %s\\n' "$*" >&2; exit 1; }
log() { printf 'restart: %s\\n' "$*"; }

for tool in kubectl date sleep; do
  command -v "$tool" >/dev/null 2>&1 || fail "this image has no $tool: use an image with a POSIX shell, kubectl, date and sleep"
done
deadline=$(( $(date +%s) + TIMEOUT ))

# Runs kubectl with the given arguments and prints its output; any failure ends the script with kubectl's answer.
kc() {
  kc_out=$(kubectl "$@" 2>&1) || fail "kubectl $* failed: $kc_out"
  printf '%s' "$kc_out"
}

before_deadline() {
  [ "$(date +%s)" -lt "$deadline" ] || fail "$*"
}

# Assignments, not conditions, carry kc's result: set -e does not apply inside a condition.
# The StatefulSet must carry the template this Job was made for, and its controller must have seen it, or deleted
# pods come back on the old revision.
while :; do
  template=$(kc get statefulset "$STS" -o 'jsonpath={.metadata.annotations.${TEMPLATE_ANNOTATION.replace(/\./g, '\\.')}}')
  observed=$(kc get statefulset "$STS" -o 'jsonpath={.status.observedGeneration}')
  generation=$(kc get statefulset "$STS" -o 'jsonpath={.metadata.generation}')
  [ "$template" != "$TEMPLATE" ] || [ "$observed" != "$generation" ] || break
  before_deadline "statefulset $STS did not reach node template $TEMPLATE within \${TIMEOUT}s (it has '$template')"
  sleep 2
done
revision=$(kc get statefulset "$STS" -o 'jsonpath={.status.updateRevision}')
[ -n "$revision" ] || fail "statefulset $STS reports no update revision"

stale=""
for pod in $PODS; do
  # A missing pod is being created by the controller, at the update revision.
  current=$(kc get pod "$pod" --ignore-not-found -o 'jsonpath={.metadata.labels.controller-revision-hash}')
  if [ -n "$current" ] && [ "$current" != "$revision" ]; then stale="$stale $pod"; fi
done
if [ -z "$stale" ]; then
  log "every KMS node runs revision $revision"
  exit 0
fi

log "restarting together:$stale"
# shellcheck disable=SC2086 # one word per pod is intended
kc delete pod $stale --wait=false >/dev/null

for pod in $PODS; do
  while :; do
    state=$(kc get pod "$pod" --ignore-not-found \\
      -o 'jsonpath={.metadata.labels.controller-revision-hash}|{.status.conditions[?(@.type=="Ready")].status}')
    [ "$state" != "$revision|True" ] || break
    before_deadline "KMS node $pod is not ready on revision $revision within \${TIMEOUT}s"
    sleep 5
  done
  log "$pod ready on revision $revision"
done
`;
}
