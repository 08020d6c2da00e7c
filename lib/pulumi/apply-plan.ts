import { ApiObject, App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { applyRank, isClusterScoped } from '../core/apply-order';

/** One object of a synthesized chart, with the objects that must exist before it is applied. */
export interface PlannedObject {
  /** `Kind[.group] namespace/name`: unique in the app (GitOpsChart refuses two objects under one identity). */
  readonly key: string;
  /** The id of the chart the object belongs to. */
  readonly chartId: string;
  /** The manifest exactly as `cdk8s synth` writes it. */
  readonly manifest: Record<string, any>;
  /** Keys of the objects this one waits for; each comes earlier in the plan. */
  readonly dependsOn: readonly string[];
}

/**
 * Synthesizes `app` the way `cdk8s synth` does (dependencies resolved, every construct validated, each chart's
 * manifests in apply order) and says, for each object, which others must be applied first:
 * - the Namespace it lives in, whichever chart creates it;
 * - the objects it depends on in the cdk8s dependency graph (`addDependency`, and charts that depend on charts);
 * - in its chart, the objects of the closest earlier kind in the apply order (lib/core/apply-order.ts), so that
 *   Namespaces come first, then identity, Secrets and configuration, custom resources, workloads, and Jobs last,
 *   unless one of the dependencies above says the opposite.
 *
 * Objects come out so that every dependency precedes its dependant; a dependency cycle is an error.
 */
export function planApply(app: App): PlannedObject[] {
  // synthYaml resolves the app's dependencies and runs every construct's validation, as `cdk8s synth` does;
  // the text itself is not needed, the charts render their manifests again below.
  app.synthYaml();
  const charts = app.node.findAll().filter((construct): construct is Chart => construct instanceof Chart);
  const entries = charts.flatMap((chart) => chartEntries(chart));
  const byObject = new Map(entries.map((entry) => [entry.apiObject, entry]));
  const namespaces = new Map(entries.filter((entry) => entry.manifest.kind === 'Namespace').map((entry) => [entry.manifest.metadata.name, entry.key]));

  const dependencies = new Map<string, Set<string>>(entries.map((entry) => [entry.key, new Set<string>()]));
  const add = (from: Entry, to: string | undefined) => {
    if (to !== undefined && to !== from.key) dependencies.get(from.key)!.add(to);
  };
  // What the constructs say first: the Namespace and the cdk8s dependency graph.
  for (const entry of entries) {
    const namespace = entry.manifest.metadata?.namespace;
    if (namespace !== undefined) add(entry, namespaces.get(namespace));
    for (const dependency of entry.apiObject.node.dependencies) {
      for (const target of apiObjectsOf(dependency)) add(entry, byObject.get(target)?.key);
    }
  }
  for (const chart of charts) {
    const own = entries.filter((entry) => entry.chart === chart);
    for (const other of chart.node.dependencies.filter((dependency): dependency is Chart => dependency instanceof Chart)) {
      for (const target of entries.filter((candidate) => candidate.chart === other)) for (const entry of own) add(entry, target.key);
    }
  }
  // Then the apply order, where it does not contradict them: an object the constructs make wait for a later kind
  // (say a ConfigMap that depends on a Service) keeps that dependency, as the cdk8s dependency graph orders it.
  for (const chart of charts) {
    const own = entries.filter((entry) => entry.chart === chart);
    let previousGroup: Entry[] = [];
    let group: Entry[] = [];
    own.forEach((entry, index) => {
      if (index > 0 && applyRank(entry.manifest.kind) !== applyRank(own[index - 1].manifest.kind)) {
        previousGroup = group;
        group = [];
      }
      group.push(entry);
      for (const earlier of previousGroup) {
        if (!reaches(dependencies, earlier.key, entry.key)) add(entry, earlier.key);
      }
    });
  }
  return topologicalOrder(entries, dependencies);
}

interface Entry {
  readonly key: string;
  readonly chart: Chart;
  readonly apiObject: ApiObject;
  readonly manifest: Record<string, any>;
}

function chartEntries(chart: Chart): Entry[] {
  const apiObjects = new Map<string, ApiObject>();
  for (const apiObject of chart.node.findAll()) {
    if (!(apiObject instanceof ApiObject) || Chart.of(apiObject) !== chart) continue;
    const namespace = isClusterScoped(apiObject.kind) ? undefined : apiObject.metadata.namespace ?? chart.namespace;
    apiObjects.set(objectKey(apiObject.apiVersion, apiObject.kind, namespace, apiObject.name), apiObject);
  }
  return chart.toJson().map((manifest: Record<string, any>) => {
    const key = objectKey(manifest.apiVersion, manifest.kind, manifest.metadata?.namespace, manifest.metadata?.name);
    const apiObject = apiObjects.get(key);
    if (apiObject === undefined) throw new Error(`${chart.node.path}: no construct renders ${key}`);
    return { key, chart, apiObject, manifest };
  });
}

/** `Kind[.group] namespace/name`, or `Kind[.group] name` for cluster-scoped objects. */
export function objectKey(apiVersion: string, kind: string, namespace: string | undefined, name: string): string {
  const group = apiVersion.includes('/') ? `.${apiVersion.split('/')[0]}` : '';
  return `${kind}${group} ${namespace === undefined ? '' : `${namespace}/`}${name}`;
}

function apiObjectsOf(construct: IConstruct): ApiObject[] {
  return construct.node.findAll().filter((candidate): candidate is ApiObject => candidate instanceof ApiObject);
}

/** Whether `from` waits, directly or through others, for `to`. */
function reaches(dependencies: Map<string, Set<string>>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const pending = [from];
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (key === to) return true;
    if (seen.has(key)) continue;
    seen.add(key);
    pending.push(...dependencies.get(key)!);
  }
  return false;
}

/** Kahn's algorithm, taking the earliest ready object each time: without dependencies the synth order stays. */
function topologicalOrder(entries: readonly Entry[], dependencies: Map<string, Set<string>>): PlannedObject[] {
  const placed = new Set<string>();
  const result: PlannedObject[] = [];
  while (result.length < entries.length) {
    const next = entries.find((entry) => !placed.has(entry.key) && [...dependencies.get(entry.key)!].every((key) => placed.has(key)));
    if (next === undefined) {
      const stuck = entries.filter((entry) => !placed.has(entry.key)).map((entry) => entry.key);
      throw new Error(`the objects ${stuck.join(', ')} depend on each other in a cycle: remove one of their addDependency calls (or a chart dependency that makes a Namespace wait for its own objects)`);
    }
    placed.add(next.key);
    result.push({ key: next.key, chartId: next.chart.node.id, manifest: next.manifest, dependsOn: [...dependencies.get(next.key)!].sort() });
  }
  return result;
}
