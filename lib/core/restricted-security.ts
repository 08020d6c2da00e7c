import * as kplus from 'cdk8s-plus-28';

/** The non-root user and group the library's own workloads run as. */
export const WORKLOAD_UID = 1000;

/** A container security context that meets Pod Security "restricted", with a read-only root filesystem. */
export function restrictedContainerSecurity(uid: number = WORKLOAD_UID): kplus.ContainerSecurityContextProps {
  return {
    ensureNonRoot: true,
    user: uid,
    group: uid,
    privileged: false,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: [kplus.Capability.ALL] },
    seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
  };
}

/** A pod security context that meets Pod Security "restricted". */
export function restrictedPodSecurity(uid: number = WORKLOAD_UID): kplus.PodSecurityContextProps {
  return {
    ensureNonRoot: true,
    user: uid,
    group: uid,
    fsGroup: uid,
    fsGroupChangePolicy: kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH,
  };
}
