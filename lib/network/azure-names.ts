/**
 * Naming rules of the Azure resources a load balancer Service refers to, so that a name Azure Resource Manager
 * would refuse is caught at synth time instead of in a Service event hours later.
 */

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const SUBSCRIPTION_ID = new RegExp(`^${GUID}$`);
const RESOURCE_GROUP = /^[\p{L}\p{N}_().-]{1,90}$/u;
const NETWORK_RESOURCE = /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;
const PUBLIC_IP_PREFIX_ID = new RegExp(
  `^/subscriptions/${GUID}/resourceGroups/([^/]+)/providers/Microsoft\\.Network/publicIPPrefixes/([^/]+)$`, 'i');
const PUBLIC_IP_DNS_LABEL = /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/;

/** How to write a resource group name, for error messages. */
export const RESOURCE_GROUP_RULE =
  'use 1 to 90 letters, digits, \'_\', \'-\', \'.\', \'(\' or \')\', not ending in \'.\'';

/** How to write a public IP, subnet or private link service name, for error messages. */
export const NETWORK_RESOURCE_RULE =
  'use 1 to 80 letters, digits, \'_\', \'-\' or \'.\', starting with a letter or digit and ending with a letter, '
  + 'digit or \'_\'';

/** Whether `value` is an Azure subscription id (a GUID). */
export function isSubscriptionId(value: unknown): value is string {
  return typeof value === 'string' && SUBSCRIPTION_ID.test(value);
}

/** Whether `value` is a valid resource group name. */
export function isResourceGroupName(value: unknown): value is string {
  return typeof value === 'string' && RESOURCE_GROUP.test(value) && !value.endsWith('.');
}

/**
 * Whether `value` is a valid name for a Microsoft.Network child or top-level resource of the kinds a load balancer
 * Service names: public IP addresses, subnets and private link services share one rule.
 */
export function isNetworkResourceName(value: unknown): value is string {
  return typeof value === 'string' && NETWORK_RESOURCE.test(value);
}

/** Whether `value` is the resource id of a public IP prefix (`/subscriptions/.../publicIPPrefixes/NAME`). */
export function isPublicIpPrefixId(value: unknown): value is string {
  const match = typeof value === 'string' ? PUBLIC_IP_PREFIX_ID.exec(value) : null;
  return match !== null && isResourceGroupName(match[1]) && isNetworkResourceName(match[2]);
}

/**
 * Whether `value` can be the DNS label of a public IP (`<label>.<region>.cloudapp.azure.com`): 3 to 63 lower-case
 * letters, digits and hyphens, starting with a letter and ending with a letter or digit.
 */
export function isPublicIpDnsLabel(value: unknown): value is string {
  return typeof value === 'string' && PUBLIC_IP_DNS_LABEL.test(value);
}
