import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { reject } from './errors';
import { requireDnsLabel } from './names';

/**
 * The namespace of a namespaced construct, by the library's one rule: the namespace its props name, else its
 * chart's. Constructs that must live elsewhere say so in their props instead (`operatorNamespace`, a store's or an
 * identity's namespace, cert-manager's namespace), and cluster-scoped objects have none.
 *
 * @param given the namespace from the construct's props, if any
 */
export function namespaceOf(scope: IConstruct, field: string, given: string | undefined): string {
  const namespace = given ?? Chart.of(scope).namespace;
  if (namespace === undefined) {
    reject(scope, field, namespace, 'is required', 'set namespace on the construct or on its chart');
  }
  return requireDnsLabel(scope, field, namespace);
}
