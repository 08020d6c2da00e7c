import { shellScript } from '../core/shell-script';

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
  return shellScript('kms/scripts/restart.sh', {
    STS: options.statefulSetName,
    PODS: options.podNames.join(' '),
    TEMPLATE: options.templateDigest,
    // kubectl's JSONPath needs the dots of the annotation key escaped.
    TEMPLATE_JSONPATH: `.metadata.annotations.${TEMPLATE_ANNOTATION.replace(/\./g, '\\.')}`,
    TIMEOUT: options.timeoutSeconds,
  });
}
