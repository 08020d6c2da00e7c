import { createHash } from 'node:crypto';

/**
 * How long a finished Job of the library stays before Kubernetes deletes it (`ttlSecondsAfterFinished`).
 *
 * A Job runs once, and a completed Job under an unchanged name never runs again. Job names change with their pod
 * template, but returning to an earlier state (3 -> 5 -> 3 KMS nodes, a bucket setting changed and changed back)
 * returns to an earlier name; once the earlier Job is gone, applying the same name creates it again and the work
 * runs again, without relying on the GitOps engine to prune it. Every Job of the library is idempotent (KMS
 * membership and restart, bucket provisioning, mirror verification), so an engine that re-creates a deleted Job
 * (Flux on each reconcile, Argo CD on each sync) only repeats work that changes nothing.
 */
export const JOB_TTL_SECONDS = 300;

/** The annotations Argo CD reads to run a Job on every sync, in `wave`, after replacing the previous run. */
export function argoCdJobAnnotations(wave: number): Record<string, string> {
  // argo-cd docs, user-guide/resource_hooks and sync-waves: a Sync hook runs in its wave on every sync and must
  // complete before later waves apply; BeforeHookCreation deletes the previous Job of that name first.
  return {
    'argocd.argoproj.io/hook': 'Sync',
    'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
    'argocd.argoproj.io/sync-wave': String(wave),
  };
}

/**
 * Eight hex digits of SHA-256 over the JSON of `inputs`: everything that shapes a Job's pod template or decides
 * whether its work must run again. Equal inputs give equal digits, so unrelated changes keep the Job's name.
 */
export function jobFingerprint(inputs: unknown): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 8);
}
