/**
 * What the API server refuses when `after` is applied over `before` under the same kind, namespace and name:
 * one line per refused change, empty when every object can be updated in place.
 *
 * Covered: Job `spec.template`, `spec.selector`, `spec.completions`; StatefulSet `spec.serviceName`, `spec.selector`,
 * `spec.volumeClaimTemplates`, `spec.podManagementPolicy` (apps/v1 validation allows only replicas, ordinals,
 * template, updateStrategy, persistentVolumeClaimRetentionPolicy and minReadySeconds to change); Service
 * `spec.clusterIP` once set and a type change to or from headless; PersistentVolumeClaim `spec` other than a larger
 * storage request; a Tenant pool's `servers`, `volumesPerServer` and `volumeClaimTemplate` (CEL rules of the
 * minio.min.io/v2 CRD, and the operator's own pool checks).
 */
export function immutableChanges(before: readonly any[], after: readonly any[]): string[] {
  const earlier = new Map(before.map((object) => [key(object), object]));
  return after.flatMap((object) => {
    const previous = earlier.get(key(object));
    return previous === undefined ? [] : changesOf(previous, object).map((change) => `${key(object)} ${change}`);
  });
}

/** Names of the Jobs in `after` that `before` did not have: the Jobs a GitOps engine creates, so they run. */
export function newJobs(before: readonly any[], after: readonly any[]): string[] {
  const earlier = new Set(before.map(key));
  return after.filter((object) => object.kind === 'Job' && !earlier.has(key(object))).map((object) => object.metadata.name);
}

function key(object: any): string {
  return `${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
}

function changesOf(before: any, after: any): string[] {
  const fields = IMMUTABLE[before.kind] ?? [];
  const changes = fields.filter((field) => !same(at(before, field), at(after, field))).map((field) => `${field} changed`);
  if (before.kind === 'Service') changes.push(...serviceChanges(before.spec ?? {}, after.spec ?? {}));
  if (before.kind === 'PersistentVolumeClaim') changes.push(...claimChanges(before.spec ?? {}, after.spec ?? {}));
  if (before.kind === 'Tenant') changes.push(...poolChanges(before.spec?.pools ?? [], after.spec?.pools ?? []));
  return changes;
}

const IMMUTABLE: Record<string, string[]> = {
  Job: ['spec.template', 'spec.selector', 'spec.completions'],
  StatefulSet: ['spec.serviceName', 'spec.selector', 'spec.volumeClaimTemplates', 'spec.podManagementPolicy'],
};

function serviceChanges(before: any, after: any): string[] {
  const changes: string[] = [];
  if (before.clusterIP !== undefined && !same(before.clusterIP, after.clusterIP)) changes.push('spec.clusterIP changed');
  if ((before.clusterIP === 'None') !== (after.clusterIP === 'None')) changes.push('spec.clusterIP changed between headless and not');
  return changes;
}

function claimChanges(before: any, after: any): string[] {
  const { resources: beforeResources, ...beforeRest } = before;
  const { resources: afterResources, ...afterRest } = after;
  const changes = same(beforeRest, afterRest) ? [] : ['spec changed'];
  if (quantity(afterResources?.requests?.storage) < quantity(beforeResources?.requests?.storage)) changes.push('storage request shrank');
  return changes;
}

function poolChanges(before: any[], after: any[]): string[] {
  return before.flatMap((pool) => {
    const next = after.find((candidate) => candidate.name === pool.name);
    if (next === undefined) return [];
    return ['servers', 'volumesPerServer', 'volumeClaimTemplate']
      .filter((field) => !same(pool[field], next[field]))
      .map((field) => `pools[${pool.name}].${field} changed`);
  });
}

function at(object: any, path: string): unknown {
  return path.split('.').reduce((value, part) => (value === undefined || value === null ? undefined : value[part]), object);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function quantity(value: string | undefined): number {
  if (value === undefined) return 0;
  const match = /^(\d+)(Ki|Mi|Gi|Ti)?$/.exec(value);
  if (!match) throw new Error(`unsupported quantity ${value}`);
  return Number(match[1]) * 1024 ** ['', 'Ki', 'Mi', 'Gi', 'Ti'].indexOf(match[2] ?? '');
}
