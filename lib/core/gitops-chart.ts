import { Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { isClusterScoped, sortForApply } from './apply-order';

/**
 * Properties of a {@link GitOpsChart}.
 */
export interface GitOpsChartProps extends ChartProps {}

/**
 * A chart whose output is fit for a GitOps repository: objects come out in an order `kubectl apply -f`
 * accepts (namespaces first, Jobs last), cluster-scoped objects do not carry the chart's namespace, and generated
 * names carry no hash suffix.
 *
 * Every construct in this library names its objects explicitly; the hash-free default only matters for
 * objects a user adds with plain cdk8s, whose names then stay readable and stable across refactors.
 */
export class GitOpsChart extends Chart {
  public constructor(scope: Construct, id: string, props: GitOpsChartProps = {}) {
    super(scope, id, { disableResourceNameHashes: true, ...props });
  }

  public override toJson(): any[] {
    return sortForApply(super.toJson()).map(withoutNamespaceIfClusterScoped);
  }
}

function withoutNamespaceIfClusterScoped(manifest: any): any {
  if (!isClusterScoped(manifest.kind) || manifest.metadata?.namespace === undefined) return manifest;
  const { namespace: _ignored, ...metadata } = manifest.metadata;
  return { ...manifest, metadata };
}
