/**
 * A Kubernetes ServiceAccount that Entra ID trusts through a federated credential (AKS workload identity).
 *
 * Constructs that authenticate to Azure as a workload (the External Secrets store, the Secrets Store CSI
 * provider class, ...) accept this interface rather than a concrete class, so an identity managed outside
 * this library can be described with a plain object.
 */
export interface IAzureWorkloadIdentity {
  /** Client ID of the user-assigned managed identity or app registration, as annotated on the ServiceAccount. */
  readonly clientId: string;

  /**
   * Tenant ID annotated on the ServiceAccount (`azure.workload.identity/tenant-id`), when it carries one.
   *
   * Leave it undefined when the annotation is absent: External Secrets refuses a store whose tenant is given
   * both by the annotation and by the store itself.
   *
   * @default - the ServiceAccount carries no tenant annotation
   */
  readonly tenantId?: string;

  /** Name of the ServiceAccount. */
  readonly serviceAccountName: string;

  /** Namespace of the ServiceAccount. */
  readonly namespace: string;
}

/** Labels and annotations of Azure workload identity (azure-workload-identity webhook). */
export const WorkloadIdentityKeys = Object.freeze({
  /** Pod label that makes the webhook inject the token volume and the AZURE_* variables. */
  USE_LABEL: 'azure.workload.identity/use',
  /** ServiceAccount annotation naming the identity's client ID. */
  CLIENT_ID_ANNOTATION: 'azure.workload.identity/client-id',
  /** ServiceAccount annotation naming the identity's tenant ID. */
  TENANT_ID_ANNOTATION: 'azure.workload.identity/tenant-id',
  /** Audience every federated credential for AKS workload identity must list. */
  TOKEN_AUDIENCE: 'api://AzureADTokenExchange',
});

/** The subject a federated identity credential must name for `identity`: `system:serviceaccount:NS:NAME`. */
export function federatedSubjectOf(identity: IAzureWorkloadIdentity): string {
  return `system:serviceaccount:${identity.namespace}:${identity.serviceAccountName}`;
}
