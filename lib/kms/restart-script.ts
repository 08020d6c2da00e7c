/** Options of the all-at-once restart script. */
export interface RestartScriptOptions {
  /** The StatefulSet of the KMS nodes. */
  readonly statefulSetName: string;
  /** The node pods, `<statefulset>-<ordinal>`. */
  readonly podNames: string[];
  /** Name of the minkms container. */
  readonly containerName: string;
  /** The image every node must run. */
  readonly image: string;
  /** How long to wait for the nodes to come back. */
  readonly timeoutSeconds: number;
}

/**
 * A POSIX shell script that restarts every KMS node still running another image at the same moment, so that
 * nodes of two releases never run side by side. It needs only `get` on the StatefulSet and `get`/`delete` on
 * the named pods, which lets its Role name each object it may touch.
 */
export function restartScript(options: RestartScriptOptions): string {
  const pods = options.podNames.map(quote).join(' ');
  return `set -eu
sts=${quote(options.statefulSetName)}
desired=${quote(options.image)}
deadline=$(( $(date +%s) + ${options.timeoutSeconds} ))

# The StatefulSet controller must have seen the new template, or deleted pods come back with the old image.
until [ "$(kubectl get statefulset "$sts" -o jsonpath='{.status.observedGeneration}')" = \\
        "$(kubectl get statefulset "$sts" -o jsonpath='{.metadata.generation}')" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "statefulset $sts did not observe its new template"; exit 1; }
  sleep 2
done

stale=""
for pod in ${pods}; do
  image=$(kubectl get pod "$pod" -o jsonpath='{.spec.containers[?(@.name=="${options.containerName}")].image}' 2>/dev/null || true)
  if [ -n "$image" ] && [ "$image" != "$desired" ]; then stale="$stale $pod"; fi
done
if [ -z "$stale" ]; then
  echo "every KMS node runs $desired"
  exit 0
fi

echo "restarting together:$stale"
# shellcheck disable=SC2086 # word splitting of the pod list is intended
kubectl delete pod $stale --wait=false

for pod in ${pods}; do
  until [ "$(kubectl get pod "$pod" -o jsonpath='{.spec.containers[?(@.name=="${options.containerName}")].image}|{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null || true)" = "$desired|True" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "KMS node $pod is not ready on $desired"; exit 1; }
    sleep 5
  done
  echo "$pod ready on $desired"
done
`;
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
