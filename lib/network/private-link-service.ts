import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { isDnsSubdomain } from '../core/names';
import {
  isNetworkResourceName, isResourceGroupName, isSubscriptionId, NETWORK_RESOURCE_RULE, RESOURCE_GROUP_RULE,
} from './azure-names';
import { parseIpv4, parseIpv6 } from './ip-address';
import {
  rejectUnknownKeys, requireBoolean, requireObject, requireStringList, requireWholeNumber,
} from './option-checks';

const PREFIX = 'service.beta.kubernetes.io/azure-pls-';
const MAX_IP_CONFIGURATIONS = 8;
const DEFAULT_IP_CONFIGURATIONS = 1;

/**
 * Who can see a private link service and so request a private endpoint to it.
 */
export class PrivateLinkVisibility {
  /**
   * Every Azure subscription can see the service; connections still need approval unless auto-approved.
   */
  public static anySubscription(): PrivateLinkVisibility {
    return new PrivateLinkVisibility(true, []);
  }

  /**
   * Only the listed subscriptions (ids) can see the service.
   */
  public static subscriptions(subscriptionIds: string[]): PrivateLinkVisibility {
    return new PrivateLinkVisibility(false, [...subscriptionIds]);
  }

  private constructor(
    /** Whether every subscription can see the service (`*`). */
    public readonly isAnySubscription: boolean,
    /** The subscriptions that can see the service, unless it is visible to all. */
    public readonly subscriptionIds: readonly string[],
  ) {}
}

/**
 * A private link service that cloud-provider-azure creates in front of an internal load balancer frontend, so that
 * consumers in other virtual networks, tenants or on-premises reach the Service through a private endpoint.
 */
export interface PrivateLinkServiceOptions {
  /**
   * The private link service's name.
   *
   * @default - `pls-<frontend IP configuration name>`
   */
  readonly name?: string;

  /**
   * The resource group to create the private link service in.
   *
   * @default - the cloud provider's configured private link service resource group
   */
  readonly resourceGroup?: string;

  /**
   * The subnet (in the cluster's virtual network) that hands out the private link service's NAT addresses.
   *
   * @default - the load balancer's subnet, else the cluster's default subnet
   */
  readonly subnet?: string;

  /**
   * How many NAT IP configurations to create, 1 to 8; more addresses carry more concurrent connections.
   *
   * @default 1
   */
  readonly ipConfigurationCount?: number;

  /**
   * Static IPv4 NAT addresses from `subnet`; the first is the primary one. At most `ipConfigurationCount` of them;
   * the remaining configurations get dynamic addresses.
   *
   * @default - every address is dynamic
   */
  readonly staticIpAddresses?: string[];

  /**
   * DNS names to associate with the private link service.
   *
   * @default - none
   */
  readonly fqdns?: string[];

  /**
   * Whether the private link service prepends a TCP PROXY protocol v2 header (source address, link id). Only for
   * backends that parse it: every other backend sees a corrupt stream.
   *
   * @default false
   */
  readonly proxyProtocol?: boolean;

  /**
   * Who can see the service.
   *
   * @default - only identities with Azure role-based access to the service (most restrictive)
   */
  readonly visibility?: PrivateLinkVisibility;

  /**
   * Subscriptions whose private endpoint connections are approved without review. Only allowed with
   * `PrivateLinkVisibility.anySubscription()`, the only visibility with which cloud-provider-azure applies it.
   *
   * @default - every connection waits for manual approval
   */
  readonly autoApprovalSubscriptions?: string[];
}

const KEYS: readonly string[] = ['name', 'resourceGroup', 'subnet', 'ipConfigurationCount', 'staticIpAddresses',
  'fqdns', 'proxyProtocol', 'visibility', 'autoApprovalSubscriptions'];

/**
 * Validates private link service options and returns their annotations.
 *
 * @param scope the construct to blame in errors
 * @param field the options' name as the user wrote it, e.g. `loadBalancer.privateLinkService`
 * @param options the options
 */
export function privateLinkServiceAnnotations(
  scope: IConstruct, field: string, options: PrivateLinkServiceOptions,
): Record<string, string> {
  rejectUnknownKeys(scope, field, requireObject(scope, field, options), KEYS, 'a private link service');
  const annotations: Record<string, string> = { [`${PREFIX}create`]: 'true' };

  if (options.name !== undefined) {
    if (!isNetworkResourceName(options.name)) {
      reject(scope, `${field}.name`, options.name, 'is not a valid private link service name', NETWORK_RESOURCE_RULE);
    }
    annotations[`${PREFIX}name`] = options.name;
  }
  if (options.resourceGroup !== undefined) {
    if (!isResourceGroupName(options.resourceGroup)) {
      reject(scope, `${field}.resourceGroup`, options.resourceGroup, 'is not a valid resource group name',
        RESOURCE_GROUP_RULE);
    }
    annotations[`${PREFIX}resource-group`] = options.resourceGroup;
  }
  if (options.subnet !== undefined) {
    if (!isNetworkResourceName(options.subnet)) {
      reject(scope, `${field}.subnet`, options.subnet, 'is not a valid subnet name', NETWORK_RESOURCE_RULE);
    }
    annotations[`${PREFIX}ip-configuration-subnet`] = options.subnet;
  }
  if (options.ipConfigurationCount !== undefined) {
    requireWholeNumber(scope, `${field}.ipConfigurationCount`, options.ipConfigurationCount, 1,
      MAX_IP_CONFIGURATIONS, 'a private link service has 1 to 8 NAT IP configurations');
    annotations[`${PREFIX}ip-configuration-ip-address-count`] = String(options.ipConfigurationCount);
  }
  if (options.staticIpAddresses !== undefined) {
    annotations[`${PREFIX}ip-configuration-ip-address`] =
      checkStaticAddresses(scope, `${field}.staticIpAddresses`, options).join(' ');
  }
  if (options.fqdns !== undefined) {
    const fqdns = requireStringList(scope, `${field}.fqdns`, options.fqdns, 'DNS names');
    fqdns.forEach((fqdn, index) => {
      if (!isDnsSubdomain(fqdn) || !fqdn.includes('.')) {
        reject(scope, `${field}.fqdns[${index}]`, fqdn, 'must be a fully qualified lower-case DNS name',
          'write a name such as \'minio.example.com\'');
      }
    });
    annotations[`${PREFIX}fqdns`] = fqdns.join(' ');
  }
  if (options.proxyProtocol !== undefined && requireBoolean(scope, `${field}.proxyProtocol`, options.proxyProtocol)) {
    annotations[`${PREFIX}proxy-protocol`] = 'true';
  }
  if (options.visibility !== undefined) {
    annotations[`${PREFIX}visibility`] = visibilityValue(scope, `${field}.visibility`, options.visibility);
  }
  if (options.autoApprovalSubscriptions !== undefined) {
    const subscriptions = requireSubscriptions(scope, `${field}.autoApprovalSubscriptions`,
      options.autoApprovalSubscriptions);
    if (options.visibility === undefined || !options.visibility.isAnySubscription) {
      reject(scope, `${field}.autoApprovalSubscriptions`, options.autoApprovalSubscriptions,
        'is only applied by cloud-provider-azure when visibility is PrivateLinkVisibility.anySubscription()',
        'set visibility to PrivateLinkVisibility.anySubscription(), or approve connections by hand');
    }
    annotations[`${PREFIX}auto-approval`] = subscriptions.join(' ');
  }
  return annotations;
}

function checkStaticAddresses(scope: IConstruct, field: string, options: PrivateLinkServiceOptions): readonly string[] {
  const addresses = requireStringList(scope, field, options.staticIpAddresses, 'IPv4 addresses');
  addresses.forEach((address, index) => {
    if (parseIpv4(address) === undefined) {
      const problem = parseIpv6(address) === undefined
        ? 'is not an IPv4 address'
        : 'is an IPv6 address, but private link service NAT addresses are IPv4 only';
      reject(scope, `${field}[${index}]`, address, problem, 'write a free IPv4 address of the private link subnet');
    }
  });
  const count = options.ipConfigurationCount ?? DEFAULT_IP_CONFIGURATIONS;
  if (addresses.length > count) {
    reject(scope, field, addresses,
      `lists ${addresses.length} addresses but ipConfigurationCount is ${count}`,
      `raise ipConfigurationCount to at least ${addresses.length} (at most ${MAX_IP_CONFIGURATIONS}), `
      + 'or list fewer addresses');
  }
  return addresses;
}

function visibilityValue(scope: IConstruct, field: string, visibility: PrivateLinkVisibility): string {
  if (!(visibility instanceof PrivateLinkVisibility)) {
    reject(scope, field, visibility, 'must be a PrivateLinkVisibility',
      'use PrivateLinkVisibility.anySubscription() or PrivateLinkVisibility.subscriptions([...])');
  }
  if (visibility.isAnySubscription) return '*';
  return requireSubscriptions(scope, `${field}.subscriptionIds`, visibility.subscriptionIds).join(' ');
}

function requireSubscriptions(scope: IConstruct, field: string, ids: readonly string[]): readonly string[] {
  const list = requireStringList(scope, field, ids, 'subscription ids');
  list.forEach((id, index) => {
    if (!isSubscriptionId(id)) {
      reject(scope, `${field}[${index}]`, id, 'is not an Azure subscription id',
        'write the subscription\'s GUID, e.g. \'00000000-0000-0000-0000-000000000000\'');
    }
  });
  return list;
}
