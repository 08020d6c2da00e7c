import * as pulumi from '@pulumi/pulumi';
import * as authorization from '@pulumi/azure-native/authorization';
import * as managedidentity from '@pulumi/azure-native/managedidentity';
import { ConfigurationError } from '../core/errors';
import { BuiltInRoleId, roleDefinitionId } from './built-in-roles';

/**
 * Azure allows at most 20 federated identity credentials on one user-assigned identity
 * (learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations, "General federated identity
 * credential considerations").
 */
export const MAX_FEDERATED_CREDENTIALS = 20;
/** The audience Entra ID expects in tokens that Kubernetes service accounts exchange (azure-workload-identity docs). */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/** A ServiceAccount that may sign in as the identity. */
export interface FederatedServiceAccount {
  readonly namespace: string;
  readonly name: string;
}

/** One role the identity holds, on one scope. */
export interface IdentityRoleGrant {
  /** The built-in role (see {@link BuiltInRole}). */
  readonly role: BuiltInRoleId;
  /** The resource ID it applies to: the narrowest that works (one Key Vault secret, one blob container). */
  readonly scope: pulumi.Input<string>;
}

/** Arguments of a {@link WorkloadIdentity}. */
export interface WorkloadIdentityArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  /** @default - the resource group's location */
  readonly location?: pulumi.Input<string>;
  /** The AKS cluster's OIDC issuer URL. */
  readonly oidcIssuerUrl: pulumi.Input<string>;
  /** The ServiceAccounts that sign in as this identity: exactly those the constructs synthesize with its client id. */
  readonly serviceAccounts: readonly FederatedServiceAccount[];
  readonly subscriptionId: pulumi.Input<string>;
  /** The roles the workload needs. @default - none */
  readonly grants?: readonly IdentityRoleGrant[];
}

/**
 * A user-assigned managed identity for one workload that talks to Azure: federated credentials for its
 * ServiceAccounts, created one after another because Azure fails concurrent writes of federated credentials on one
 * identity (same considerations page), and its role assignments.
 */
export class WorkloadIdentity extends pulumi.ComponentResource {
  public readonly clientId: pulumi.Output<string>;
  public readonly principalId: pulumi.Output<string>;
  public readonly identityId: pulumi.Output<string>;
  /** The federated credentials, in creation order. */
  public readonly federatedCredentials: managedidentity.FederatedIdentityCredential[];
  public readonly roleAssignments: authorization.RoleAssignment[];

  public constructor(name: string, args: WorkloadIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    super('minio-aks:azure:WorkloadIdentity', name, {}, opts);
    const path = `WorkloadIdentity ${name}`;
    if (args.serviceAccounts.length === 0) {
      throw new ConfigurationError(path, 'serviceAccounts', [], 'must name at least one ServiceAccount',
        'pass the ServiceAccounts that carry this identity\'s client id, or drop the identity');
    }
    if (args.serviceAccounts.length > MAX_FEDERATED_CREDENTIALS) {
      throw new ConfigurationError(path, 'serviceAccounts', args.serviceAccounts.length, `must number at most ${MAX_FEDERATED_CREDENTIALS}: Azure's limit per identity`,
        'split the workloads across more identities');
    }
    const subjects = args.serviceAccounts.map(serviceAccountSubject);
    const duplicate = subjects.find((subject, index) => subjects.indexOf(subject) !== index);
    if (duplicate !== undefined) {
      throw new ConfigurationError(path, 'serviceAccounts', duplicate, 'lists a ServiceAccount twice', 'name each ServiceAccount once');
    }

    const identity = new managedidentity.UserAssignedIdentity(name, {
      resourceGroupName: args.resourceGroupName,
      location: args.location,
    }, { parent: this });
    this.clientId = identity.clientId;
    this.principalId = identity.principalId;
    this.identityId = identity.id;

    let previous: pulumi.Resource | undefined;
    this.federatedCredentials = args.serviceAccounts.map((account) => {
      const credential = new managedidentity.FederatedIdentityCredential(`${name}-${account.namespace}-${account.name}`, {
        resourceGroupName: args.resourceGroupName,
        resourceName: identity.name,
        federatedIdentityCredentialResourceName: `${account.namespace}-${account.name}`,
        issuer: args.oidcIssuerUrl,
        subject: serviceAccountSubject(account),
        audiences: [TOKEN_EXCHANGE_AUDIENCE],
      }, { parent: this, dependsOn: previous === undefined ? [] : [previous] });
      previous = credential;
      return credential;
    });

    this.roleAssignments = (args.grants ?? []).map((grant, index) => new authorization.RoleAssignment(`${name}-${index}`, {
      principalId: identity.principalId,
      // A new identity takes time to replicate in Entra ID; naming its type lets Azure assign the role anyway
      // (learn.microsoft.com/azure/role-based-access-control/role-assignments-template, "New service principal").
      principalType: 'ServicePrincipal',
      roleDefinitionId: roleDefinitionId(args.subscriptionId, grant.role),
      scope: grant.scope,
    }, { parent: this }));

    this.registerOutputs({ clientId: this.clientId, principalId: this.principalId });
  }
}

/** The subject Kubernetes writes into a ServiceAccount token: `system:serviceaccount:NAMESPACE:NAME`. */
export function serviceAccountSubject(account: FederatedServiceAccount): string {
  return `system:serviceaccount:${account.namespace}:${account.name}`;
}
