#!/bin/sh
# Restarts, at the same moment, every KMS node whose pod is not on the StatefulSet's current revision, so that nodes
# of two releases or two configurations never run side by side (see lib/kms/restart-script.ts for the reasoning).
# Inputs, from the header lib/core/shell-script.ts writes: STS, PODS, TEMPLATE, TEMPLATE_JSONPATH, TIMEOUT.
set -eu
: "${STS:?}" "${PODS:?}" "${TEMPLATE:?}" "${TEMPLATE_JSONPATH:?}" "${TIMEOUT:?}"

fail() { printf 'restart: error: %s\n' "$*" >&2; exit 1; }
log() { printf 'restart: %s\n' "$*"; }

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
  template=$(kc get statefulset "$STS" -o "jsonpath={$TEMPLATE_JSONPATH}")
  observed=$(kc get statefulset "$STS" -o 'jsonpath={.status.observedGeneration}')
  generation=$(kc get statefulset "$STS" -o 'jsonpath={.metadata.generation}')
  [ "$template" != "$TEMPLATE" ] || [ "$observed" != "$generation" ] || break
  before_deadline "statefulset $STS did not reach node template $TEMPLATE within ${TIMEOUT}s (it has '$template')"
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
    state=$(kc get pod "$pod" --ignore-not-found \
      -o 'jsonpath={.metadata.labels.controller-revision-hash}|{.status.conditions[?(@.type=="Ready")].status}')
    [ "$state" != "$revision|True" ] || break
    before_deadline "KMS node $pod is not ready on revision $revision within ${TIMEOUT}s"
    sleep 5
  done
  log "$pod ready on revision $revision"
done
