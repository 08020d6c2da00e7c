import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';

/** The non-root user and group the library's own workloads run as. */
export const WORKLOAD_UID = 1000;

/**
 * The Pod Security "restricted" container rule as the Kubernetes API writes it, with a read-only root filesystem:
 * the one source of the rule, for pods written as raw objects; {@link restrictedContainerSecurity} is the same rule
 * for cdk8s-plus.
 */
export function restrictedContainerSecurityContext(uid: number = WORKLOAD_UID): k8s.SecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: uid,
    privileged: false,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/**
 * The Pod Security "restricted" pod rule as the Kubernetes API writes it: the one source of the rule, for pods
 * written as raw objects; {@link restrictedPodSecurity} is the same rule for cdk8s-plus.
 */
export function restrictedPodSecurityContext(uid: number = WORKLOAD_UID): k8s.PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: uid,
    fsGroup: uid,
    fsGroupChangePolicy: 'OnRootMismatch',
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** A container security context that meets Pod Security "restricted", with a read-only root filesystem. */
export function restrictedContainerSecurity(uid: number = WORKLOAD_UID): kplus.ContainerSecurityContextProps {
  const rule = restrictedContainerSecurityContext(uid);
  return {
    ensureNonRoot: rule.runAsNonRoot,
    user: rule.runAsUser,
    group: rule.runAsGroup,
    privileged: rule.privileged,
    readOnlyRootFilesystem: rule.readOnlyRootFilesystem,
    allowPrivilegeEscalation: rule.allowPrivilegeEscalation,
    capabilities: { drop: rule.capabilities?.drop as kplus.Capability[] },
    seccompProfile: { type: rule.seccompProfile?.type as kplus.SeccompProfileType },
  };
}

/**
 * A pod security context that meets Pod Security "restricted". cdk8s-plus has no pod-level seccomp profile: the
 * containers carry it, from {@link restrictedContainerSecurity}, which the restricted profile equally accepts.
 */
export function restrictedPodSecurity(uid: number = WORKLOAD_UID): kplus.PodSecurityContextProps {
  const rule = restrictedPodSecurityContext(uid);
  return {
    ensureNonRoot: rule.runAsNonRoot,
    user: rule.runAsUser,
    group: rule.runAsGroup,
    fsGroup: rule.fsGroup,
    fsGroupChangePolicy: rule.fsGroupChangePolicy as kplus.FsGroupChangePolicy,
  };
}
