import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';

/** The Kubernetes recommended labels (kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/). */
export const RecommendedLabel = {
  NAME: 'app.kubernetes.io/name',
  INSTANCE: 'app.kubernetes.io/instance',
  COMPONENT: 'app.kubernetes.io/component',
  PART_OF: 'app.kubernetes.io/part-of',
  MANAGED_BY: 'app.kubernetes.io/managed-by',
} as const;

/** The `app.kubernetes.io/managed-by` value: the tool whose source produces these objects. */
export const MANAGED_BY = 'minio-aks';

const MAX_VALUE_LENGTH = 63;

/**
 * The recommended labels of one object of a chart, derived from where it sits in the construct tree:
 *
 * - `name`: the id of the chart's child that contains the object (the tenant, the KMS cluster, the namespace...),
 *   in kebab case
 * - `instance`: `<chart id>-<name>`, unique in the app because chart ids are
 * - `component`: what that child is, its class in kebab case (`minio-tenant`, `minio-kms-cluster`, `private-ca`)
 * - `part-of`: the given application, by default the chart id
 * - `managed-by`: `minio-aks`
 *
 * Values are cut to what a label value allows (63 characters of letters, digits, '-', '_' and '.').
 */
export function recommendedLabels(apiObject: ApiObject, chart: IConstruct, partOf: string): Record<string, string> {
  const top = childOf(chart, apiObject);
  const name = labelValue(kebabCase(top.node.id));
  return {
    [RecommendedLabel.NAME]: name,
    [RecommendedLabel.INSTANCE]: labelValue(`${chart.node.id}-${name}`),
    [RecommendedLabel.COMPONENT]: labelValue(kebabCase(top.constructor.name)),
    [RecommendedLabel.PART_OF]: labelValue(partOf),
    [RecommendedLabel.MANAGED_BY]: MANAGED_BY,
  };
}


/** The ancestor of `construct` (or `construct` itself) that is a direct child of `chart`. */
function childOf(chart: IConstruct, construct: IConstruct): IConstruct {
  let current = construct;
  while (current.node.scope !== undefined && current.node.scope !== chart) current = current.node.scope;
  return current;
}

function kebabCase(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
}

function labelValue(text: string): string {
  return text.replace(/[^-A-Za-z0-9_.]+/g, '-').slice(0, MAX_VALUE_LENGTH).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}
