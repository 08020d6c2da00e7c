import * as pulumi from '@pulumi/pulumi';

/**
 * Azure built-in roles this package assigns, by their fixed role definition GUIDs (the same in every tenant:
 * learn.microsoft.com/azure/role-based-access-control/built-in-roles). Each component assigns the narrowest of them
 * at the narrowest scope its workload needs.
 */
export const BuiltInRole = {
  /** Read secret contents: what External Secrets and the CSI driver need to fetch a Key Vault secret. */
  KEY_VAULT_SECRETS_USER: '4633458b-17de-408a-b874-0445c86b69e6',
  /** Create and change secrets: KES, which keeps its keys as Key Vault secrets. */
  KEY_VAULT_SECRETS_OFFICER: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
  /** Read, write and delete blobs in a container. */
  STORAGE_BLOB_DATA_CONTRIBUTOR: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  /** Manage records in a DNS zone: cert-manager's DNS01 solver. */
  DNS_ZONE_CONTRIBUTOR: 'befefa01-2a29-4197-83a8-272ff33ce314',
  /**
   * Join subnets and manage load balancers in them: the AKS control plane identity on its node subnet and on the
   * subnet of its internal load balancers (learn.microsoft.com/azure/aks/use-managed-identity, "Add role assignment").
   */
  NETWORK_CONTRIBUTOR: '4d97b98b-1d4f-4787-a291-c67834d212e7',
  /** Query an Azure Monitor workspace (Grafana, `promtool` against the query endpoint). */
  MONITORING_DATA_READER: 'b0d8363b-8ddd-447d-831f-62ca05bff136',
} as const;

/** The GUID of one of the {@link BuiltInRole}s. */
export type BuiltInRoleId = typeof BuiltInRole[keyof typeof BuiltInRole];

/**
 * The resource ID of a built-in role definition in a subscription, the form a role assignment's
 * `roleDefinitionId` takes.
 */
export function roleDefinitionId(subscriptionId: pulumi.Input<string>, role: BuiltInRoleId): pulumi.Output<string> {
  return pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role}`;
}
