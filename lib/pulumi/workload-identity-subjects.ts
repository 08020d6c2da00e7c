import { ApiObject, App } from 'cdk8s';
import { FederatedServiceAccount } from '../azure/workload-identity';
import { compareOrdinal } from '../core/ordinal-order';

/** The annotation Azure Workload Identity reads on a ServiceAccount (azure-workload-identity docs). */
const CLIENT_ID_ANNOTATION = 'azure.workload.identity/client-id';

/**
 * The ServiceAccounts of `app` annotated with `clientId`: exactly the subjects the identity with that client id
 * must federate. Read from the synthesized objects, so they cannot drift from what the constructs create.
 */
export function serviceAccountsOfClient(app: App, clientId: string): FederatedServiceAccount[] {
  return app.node.findAll()
    .filter((construct): construct is ApiObject => construct instanceof ApiObject && construct.kind === 'ServiceAccount')
    .map((serviceAccount) => serviceAccount.toJson())
    .filter((manifest) => manifest.metadata?.annotations?.[CLIENT_ID_ANNOTATION] === clientId)
    .map((manifest) => ({ namespace: manifest.metadata.namespace, name: manifest.metadata.name }))
    .sort((a, b) => compareOrdinal(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`));
}
