import { ApiObject, Chart, ChartProps, DependencyGraph } from 'cdk8s';
import { Construct } from 'constructs';
import { isClusterScoped, sortForApply } from './apply-order';
import { requireReadableChartFileName } from './chart-file-name';
import { reject } from './errors';
import { GitOpsApp } from './gitops-app';
import { isLabelValue } from './object-metadata';
import { recommendedLabels } from './recommended-labels';
import { checkObjectIdentitiesAtSynth } from './unique-objects';

/**
 * Properties of a {@link GitOpsChart}.
 */
export interface GitOpsChartProps extends ChartProps {
  /**
   * The application every object of this chart is part of: the `app.kubernetes.io/part-of` label.
   *
   * @default - the chart id
   */
  readonly partOf?: string;
}

/**
 * A chart whose output is fit for a GitOps repository: objects come out in an order `kubectl apply -f`
 * accepts (namespaces first, Jobs last), cluster-scoped objects do not carry the chart's namespace, generated
 * names carry no hash suffix, the chart's file is named after its id (`<id>.k8s.yaml`), every object carries
 * the recommended `app.kubernetes.io/*` labels (name, instance, component, part-of, managed-by), and two objects of
 * one kind, namespace and name in the app fail the synth.
 *
 * The recommended labels go on each object's own metadata only: selectors, `matchLabels` and pod templates are
 * left alone, because a selector cannot change under the same name and a pod template change restarts pods.
 * Labels an object already has win over the recommended ones.
 *
 * Every construct in this library names its objects explicitly; the hash-free default only matters for
 * objects a user adds with plain cdk8s, whose names then stay readable and stable across refactors.
 */
export class GitOpsChart extends Chart {
  private readonly partOf: string;

  public constructor(scope: Construct, id: string, props: GitOpsChartProps = {}) {
    const { partOf, ...chartProps } = props;
    super(scope, id, { disableResourceNameHashes: true, ...chartProps });
    requireReadableChartFileName(this);
    if (partOf !== undefined && (partOf.length === 0 || !isLabelValue(partOf))) {
      reject(this, 'partOf', partOf, 'is not a label value',
        "use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
    }
    this.partOf = partOf ?? id;
    checkObjectIdentitiesAtSynth(this);
  }

  public override toJson(): any[] {
    const apiObjects = this.ownApiObjects();
    const manifests = this.renderObjects(apiObjects)
      .map((manifest, index) => withLabels(manifest, recommendedLabels(apiObjects[index], this, this.partOf)));
    return sortForApply(manifests).map(withoutNamespaceIfClusterScoped);
  }

  /** This chart's objects in dependency order, the order in which cdk8s renders them. */
  private ownApiObjects(): ApiObject[] {
    const constructs = this.node.findAll();
    // Without any dependency cdk8s's topological order is the tree's pre-order (cdk8s src/dependency.ts: every
    // vertex is an orphan, adopted in insertion order), and building the graph was a sixth of a 1,000-chart synth.
    const ordered = constructs.some((construct) => construct.node.dependencies.length > 0)
      ? new DependencyGraph(this.node).topology()
      : constructs;
    return ordered.filter((node): node is ApiObject => node instanceof ApiObject && Chart.of(node) === this);
  }

  private renderObjects(apiObjects: readonly ApiObject[]): any[] {
    const app = this.node.root;
    // The app was resolved and validated once for all charts: render this chart's objects on their own.
    if (app instanceof GitOpsApp && app.isPreparedForSynth) return apiObjects.map((apiObject) => apiObject.toJson());
    const manifests = super.toJson();
    if (manifests.length !== apiObjects.length) {
      throw new Error(`${this.node.path}: cdk8s rendered ${manifests.length} objects for ${apiObjects.length} API objects`);
    }
    return manifests;
  }
}

/** Adds the labels `manifest` does not have yet; the result keeps cdk8s's sorted key order. */
function withLabels(manifest: any, labels: Record<string, string>): any {
  const merged: Record<string, string> = { ...labels, ...manifest.metadata?.labels };
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((key) => [key, merged[key]]));
  return { ...manifest, metadata: { ...manifest.metadata, labels: sorted } };
}

function withoutNamespaceIfClusterScoped(manifest: any): any {
  if (!isClusterScoped(manifest.kind) || manifest.metadata?.namespace === undefined) return manifest;
  const { namespace: _ignored, ...metadata } = manifest.metadata;
  return { ...manifest, metadata };
}
