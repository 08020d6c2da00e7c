import { ApiObject, Chart, JsonPatch } from 'cdk8s';

/**
 * Keeps a cluster-scoped object free of `metadata.namespace`: cdk8s copies the chart's namespace onto every
 * object, and a namespace on a ClusterIssuer is at best ignored and at worst refused by strict tooling.
 */
export function makeClusterScoped(object: ApiObject): void {
  if (Chart.of(object).namespace !== undefined) {
    object.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  }
}
