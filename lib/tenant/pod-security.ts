/**
 * Security contexts that satisfy Pod Security "restricted" for MinIO server pods.
 *
 * The operator honours only fsGroup, fsGroupChangePolicy, runAsGroup, runAsNonRoot and runAsUser from a pool's
 * pod securityContext, so seccomp, capabilities and privilege escalation go on the container securityContext.
 */
export const MINIO_UID = 1000;

export function poolPodSecurityContext() {
  return {
    runAsUser: MINIO_UID,
    runAsGroup: MINIO_UID,
    runAsNonRoot: true,
    fsGroup: MINIO_UID,
    // Skips a recursive chown of multi-terabyte volumes on every restart once ownership is right.
    fsGroupChangePolicy: 'OnRootMismatch',
  };
}

export function poolContainerSecurityContext() {
  return {
    runAsUser: MINIO_UID,
    runAsGroup: MINIO_UID,
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}
