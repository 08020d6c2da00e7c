/**
 * The order in which `kubectl apply -f` must meet kinds so that nothing refers to an object not yet created:
 * namespaces first, then policy, identity, secrets and configuration, then the custom resources that produce
 * secrets and certificates, then services and workloads, and the one-shot Jobs last.
 *
 * Kinds not listed keep their construct order after the listed ones.
 */
const KIND_ORDER = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'ServiceAccount',
  'Secret',
  'ConfigMap',
  'StorageClass',
  'PersistentVolumeClaim',
  'ClusterRole',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding',
  'ClusterSecretStore',
  'SecretStore',
  'ExternalSecret',
  'SecretProviderClass',
  'HSMDevice',
  'HSMPool',
  'HSMSecret',
  'ClusterIssuer',
  'Issuer',
  'Certificate',
  'Service',
  'PodDisruptionBudget',
  'DaemonSet',
  'Deployment',
  'StatefulSet',
  'Tenant',
  'PodMonitor',
  'ServiceMonitor',
  'Job',
  'CronJob',
];

const RANK = new Map(KIND_ORDER.map((kind, index) => [kind, index]));

/** The position of `kind` in the apply order. */
export function applyRank(kind: string): number {
  return RANK.get(kind) ?? KIND_ORDER.length;
}

/** Sorts manifests into apply order; a stable sort, so objects of one kind keep their construct order. */
export function sortForApply<T extends { readonly kind?: string }>(manifests: readonly T[]): T[] {
  return [...manifests].sort((a, b) => applyRank(a.kind ?? '') - applyRank(b.kind ?? ''));
}

/** Kinds without a namespace: a chart's default namespace must not be written on them. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'ClusterIssuer',
  'ClusterSecretStore',
  'StorageClass',
  'PriorityClass',
  'CustomResourceDefinition',
  'PersistentVolume',
]);

/** Whether objects of `kind` are cluster-scoped. */
export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}
