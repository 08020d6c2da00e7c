import { ApiObject, Chart, ChartProps, DependencyGraph } from 'cdk8s';
import { Construct } from 'constructs';
import { isClusterScoped, sortForApply } from './apply-order';
import { GitOpsApp } from './gitops-app';
import { checkObjectIdentitiesAtSynth } from './unique-objects';

/**
 * Properties of a {@link GitOpsChart}.
 */
export interface GitOpsChartProps extends ChartProps {}

/**
 * A chart whose output is fit for a GitOps repository: objects come out in an order `kubectl apply -f`
 * accepts (namespaces first, Jobs last), cluster-scoped objects do not carry the chart's namespace, generated
 * names carry no hash suffix, and two objects of one kind, namespace and name in the app fail the synth.
 *
 * Every construct in this library names its objects explicitly; the hash-free default only matters for
 * objects a user adds with plain cdk8s, whose names then stay readable and stable across refactors.
 */
export class GitOpsChart extends Chart {
  public constructor(scope: Construct, id: string, props: GitOpsChartProps = {}) {
    super(scope, id, { disableResourceNameHashes: true, ...props });
    checkObjectIdentitiesAtSynth(this);
  }

  public override toJson(): any[] {
    return sortForApply(this.renderObjects()).map(withoutNamespaceIfClusterScoped);
  }

  private renderObjects(): any[] {
    const app = this.node.root;
    if (!(app instanceof GitOpsApp && app.isPreparedForSynth)) return super.toJson();
    // The app was resolved and validated once for all charts: render this chart's objects in dependency order.
    return new DependencyGraph(this.node).topology()
      .filter((node): node is ApiObject => node instanceof ApiObject && Chart.of(node) === this)
      .map((apiObject) => apiObject.toJson());
  }
}

function withoutNamespaceIfClusterScoped(manifest: any): any {
  if (!isClusterScoped(manifest.kind) || manifest.metadata?.namespace === undefined) return manifest;
  const { namespace: _ignored, ...metadata } = manifest.metadata;
  return { ...manifest, metadata };
}
