import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import {
  isNetworkResourceName, isPublicIpDnsLabel, isPublicIpPrefixId, isResourceGroupName, NETWORK_RESOURCE_RULE,
  RESOURCE_GROUP_RULE,
} from './azure-names';
import { HealthProbeOptions, healthProbeAnnotations } from './health-probe';
import {
  contains, hasHostBits, IpNetwork, isIpv4Mapped, maskedCidr, parseCidr, parseIpv4, parseIpv6,
} from './ip-address';
import {
  definedKeys, rejectUnknownKeys, requireBoolean, requireObject, requireStringList, requireWholeNumber,
  sortedRecord,
} from './option-checks';
import { PrivateLinkServiceOptions, privateLinkServiceAnnotations } from './private-link-service';

const PREFIX = 'service.beta.kubernetes.io/';
const MIN_IDLE_TIMEOUT_MINUTES = 4;
const MAX_IDLE_TIMEOUT_MINUTES = 100;
const SERVICE_TAG = /^[A-Za-z][A-Za-z0-9-]*(\.[A-Za-z0-9-]+)*$/;
const MAX_TAG_NAME = 512;
const MAX_TAG_VALUE = 256;
const TAG_NAME_FORBIDDEN = /[<>%&\\?/]/;
/** Tags cloud-provider-azure writes on the public IPs it manages to track their owners. */
const RESERVED_TAG_NAMES = ['k8s-azure-service', 'k8s-azure-cluster-name', 'k8s-azure-dns-label-service', 'service',
  'kubernetes-cluster-name', 'kubernetes-dns-label-service'];

/** Addresses that cannot be the public IP of a load balancer (cloud-provider-azure refuses them since v1.35.6). */
const NOT_PUBLIC = networks('0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '168.63.129.16/32',
  '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/4', '240.0.0.0/4',
  '::/128', '::1/128', 'fc00::/7', 'fe80::/10', 'ff00::/8');
/** Addresses no subnet can hand to a load balancer frontend. */
const NOT_FRONTEND = networks('0.0.0.0/8', '127.0.0.0/8', '168.63.129.16/32', '169.254.0.0/16', '224.0.0.0/4',
  '240.0.0.0/4', '::/128', '::1/128', 'fe80::/10', 'ff00::/8');

/**
 * Options every Azure load balancer accepts.
 */
export interface AzureLoadBalancerOptions {
  /**
   * A fixed IPv4 frontend address (`azure-load-balancer-ipv4`). For a public load balancer, the address of an
   * existing public IP resource; for an internal one, a free address of its subnet.
   *
   * @default - Azure allocates an address
   */
  readonly ipv4Address?: string;

  /**
   * A fixed IPv6 frontend address (`azure-load-balancer-ipv6`), for an IPv6 or dual-stack Service.
   *
   * @default - Azure allocates an address
   */
  readonly ipv6Address?: string;

  /**
   * Azure service tags allowed to connect (`azure-allowed-service-tags`), e.g. `AzureFrontDoor.Backend`.
   *
   * @default - no service tag is allowed specifically
   */
  readonly allowedServiceTags?: string[];

  /**
   * Client networks (CIDR, IPv4 or IPv6, without host bits) allowed to connect, enforced by the node network
   * security group (`azure-allowed-ip-ranges`). Cannot be combined with `sourceRanges`.
   *
   * @default - no range is allowed specifically
   */
  readonly allowedIpRanges?: string[];

  /**
   * Client networks allowed to connect, written to `spec.loadBalancerSourceRanges`, where kube-proxy enforces them
   * as well. Cannot be combined with `allowedIpRanges` (cloud-provider-azure refuses the Service) nor with
   * `allowedServiceTags` (kube-proxy would drop the tagged clients); prefer `allowedIpRanges`.
   *
   * @default - no source range
   */
  readonly sourceRanges?: string[];

  /**
   * Minutes an idle TCP flow is kept, 4 to 100 (`azure-load-balancer-tcp-idle-timeout`). Long S3 transfers over slow
   * links may need more than the default.
   *
   * @default 4
   */
  readonly idleTimeoutMinutes?: number;

  /**
   * Whether to stop the load balancer sending TCP resets when an idle flow times out
   * (`azure-load-balancer-disable-tcp-reset`). Resets let clients fail fast instead of hanging.
   *
   * @default false
   */
  readonly disableTcpReset?: boolean;

  /**
   * Health probe settings, Service-wide and per port.
   *
   * @default - cloud-provider-azure's probes: TCP (or the port's appProtocol) every 5 seconds, 2 failures
   */
  readonly healthProbe?: HealthProbeOptions;
}

/**
 * Options of an internal load balancer, reachable from the virtual network (and peered networks) only.
 */
export interface InternalLoadBalancerOptions extends AzureLoadBalancerOptions {
  /**
   * The subnet of the cluster's virtual network to place the frontend in (`azure-load-balancer-internal-subnet`).
   *
   * @default - the subnet in the cloud provider configuration
   */
  readonly subnet?: string;

  /**
   * A private link service to create in front of the load balancer.
   *
   * @default - no private link service
   */
  readonly privateLinkService?: PrivateLinkServiceOptions;
}

/**
 * Options of a public load balancer, reachable from the internet.
 */
export interface PublicLoadBalancerOptions extends AzureLoadBalancerOptions {
  /**
   * The name of an existing public IP resource to use (`azure-pip-name`).
   *
   * @default - cloud-provider-azure creates a public IP
   */
  readonly publicIpName?: string;

  /**
   * The resource group of the public IP, when it is not the cluster's node resource group
   * (`azure-load-balancer-resource-group`).
   *
   * @default - the node resource group
   */
  readonly publicIpResourceGroup?: string;

  /**
   * The resource id of a public IP prefix to allocate the public IP from (`azure-pip-prefix-id`), e.g.
   * `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/publicIPPrefixes/<name>`.
   *
   * @default - an address outside any prefix
   */
  readonly publicIpPrefixId?: string;

  /**
   * The DNS label of the public IP, giving `<label>.<region>.cloudapp.azure.com` (`azure-dns-label-name`).
   *
   * @default - no DNS name
   */
  readonly dnsLabelName?: string;

  /**
   * Tags for the public IP that cloud-provider-azure creates (`azure-pip-tags`).
   *
   * @default - only the cloud provider's own tags
   */
  readonly publicIpTags?: Record<string, string>;

  /**
   * Accept connections from the whole internet. A public load balancer must either say who may connect
   * (`allowedIpRanges`, `sourceRanges`, `allowedServiceTags`) or set this, so that exposure is always deliberate.
   *
   * @default false
   */
  readonly allowFromAnywhere?: boolean;
}

/** What an {@link AzureLoadBalancer} contributes to a Service. */
export interface AzureLoadBalancerRendering {
  /** The Service annotations, keys in sorted order. */
  readonly annotations: Record<string, string>;

  /** The value for `spec.loadBalancerSourceRanges`, when the options set `sourceRanges`. */
  readonly loadBalancerSourceRanges?: string[];
}

const COMMON_KEYS = ['ipv4Address', 'ipv6Address', 'allowedServiceTags', 'allowedIpRanges', 'sourceRanges',
  'idleTimeoutMinutes', 'disableTcpReset', 'healthProbe'];
const INTERNAL_ONLY_KEYS = ['subnet', 'privateLinkService'];
const PUBLIC_ONLY_KEYS = ['publicIpName', 'publicIpResourceGroup', 'publicIpPrefixId', 'dnsLabelName', 'publicIpTags',
  'allowFromAnywhere'];

/**
 * How an AKS Service of type LoadBalancer is exposed: the `service.beta.kubernetes.io/azure-*` annotations
 * cloud-provider-azure reads, and `spec.loadBalancerSourceRanges`.
 *
 * A value, not a construct: build it with {@link AzureLoadBalancer.internal} or {@link AzureLoadBalancer.public}
 * and render it for each Service that uses it, with {@link AzureLoadBalancer.render} or
 * {@link AzureLoadBalancedService}. Rendering validates everything against the Service's ports and rejects every
 * setting cloud-provider-azure would refuse or silently ignore. `azure-shared-securityrule` is never written: it
 * was removed from cloud-provider-azure.
 */
export class AzureLoadBalancer {
  /**
   * A load balancer with a private frontend in the cluster's virtual network.
   */
  public static internal(options: InternalLoadBalancerOptions = {}): AzureLoadBalancer {
    return new AzureLoadBalancer(true, options);
  }

  /**
   * A load balancer with a public IP. It must say who may connect, or set `allowFromAnywhere`.
   */
  public static public(options: PublicLoadBalancerOptions = {}): AzureLoadBalancer {
    return new AzureLoadBalancer(false, options);
  }

  private constructor(
    /** Whether the frontend is private (`azure-load-balancer-internal: "true"`). */
    public readonly isInternal: boolean,
    private readonly options: InternalLoadBalancerOptions | PublicLoadBalancerOptions,
  ) {}

  /**
   * Validates the options for one Service and returns what to put on it.
   *
   * @param scope the construct to blame in errors, usually the one that owns the Service
   * @param servicePorts the Service's TCP ports (`spec.ports[].port`), which per-port health probes must name
   * @param field the options' name as the user wrote it, prefixed to every field in error messages
   */
  public render(scope: IConstruct, servicePorts: number[], field = 'loadBalancer'): AzureLoadBalancerRendering {
    const values = requireObject(scope, field, this.options);
    this.checkKeys(scope, field, values);
    const annotations: Record<string, string> = {};
    const options = this.options;

    const ipv4 = options.ipv4Address === undefined ? undefined
      : this.checkAddress(scope, `${field}.ipv4Address`, options.ipv4Address, 4);
    const ipv6 = options.ipv6Address === undefined ? undefined
      : this.checkAddress(scope, `${field}.ipv6Address`, options.ipv6Address, 6);
    if (ipv4 !== undefined) annotations[`${PREFIX}azure-load-balancer-ipv4`] = ipv4;
    if (ipv6 !== undefined) annotations[`${PREFIX}azure-load-balancer-ipv6`] = ipv6;

    if (this.isInternal) {
      Object.assign(annotations, internalAnnotations(scope, field, options as InternalLoadBalancerOptions, ipv4, ipv6));
    } else {
      Object.assign(annotations, publicAnnotations(scope, field, options as PublicLoadBalancerOptions));
    }

    const sourceRanges = accessControl(scope, field, options, annotations);
    if (!this.isInternal) checkPublicExposure(scope, field, options as PublicLoadBalancerOptions);

    if (options.idleTimeoutMinutes !== undefined) {
      requireWholeNumber(scope, `${field}.idleTimeoutMinutes`, options.idleTimeoutMinutes, MIN_IDLE_TIMEOUT_MINUTES,
        MAX_IDLE_TIMEOUT_MINUTES, 'Azure keeps idle flows for 4 to 100 minutes');
      annotations[`${PREFIX}azure-load-balancer-tcp-idle-timeout`] = String(options.idleTimeoutMinutes);
    }
    if (options.disableTcpReset !== undefined
      && requireBoolean(scope, `${field}.disableTcpReset`, options.disableTcpReset)) {
      annotations[`${PREFIX}azure-load-balancer-disable-tcp-reset`] = 'true';
    }
    if (options.healthProbe !== undefined) {
      Object.assign(annotations,
        healthProbeAnnotations(scope, `${field}.healthProbe`, options.healthProbe, servicePorts));
    }

    return {
      annotations: sortedRecord(annotations),
      ...(sourceRanges === undefined ? {} : { loadBalancerSourceRanges: [...sourceRanges] }),
    };
  }

  private checkKeys(scope: IConstruct, field: string, values: Record<string, unknown>): void {
    const misplaced = definedKeys(values).find((key) =>
      (this.isInternal ? PUBLIC_ONLY_KEYS : INTERNAL_ONLY_KEYS).includes(key));
    if (misplaced === 'privateLinkService') {
      reject(scope, `${field}.privateLinkService`, values[misplaced],
        'needs an internal load balancer: cloud-provider-azure refuses a private link service on a public frontend '
        + 'with floating IP', 'use AzureLoadBalancer.internal()');
    }
    if (misplaced !== undefined) {
      const other = this.isInternal ? 'public' : 'internal';
      reject(scope, `${field}.${misplaced}`, values[misplaced],
        `applies only to ${this.isInternal ? 'a public' : 'an internal'} load balancer: cloud-provider-azure ignores `
        + `it on ${this.isInternal ? 'an internal' : 'a public'} one`,
        `remove it, or use AzureLoadBalancer.${other}()`);
    }
    rejectUnknownKeys(scope, field, values,
      [...COMMON_KEYS, ...(this.isInternal ? INTERNAL_ONLY_KEYS : PUBLIC_ONLY_KEYS)],
      `${this.isInternal ? 'an internal' : 'a public'} Azure load balancer`);
  }

  private checkAddress(scope: IConstruct, field: string, text: string, family: 4 | 6): string {
    const address = family === 4 ? parseIpv4(text) : parseIpv6(text);
    if (address === undefined || isIpv4Mapped(address)) {
      reject(scope, field, text, `must be an IPv${family} address`,
        family === 4 ? 'write a dotted address such as 10.0.0.10' : 'write an IPv6 address such as fd00::10');
    }
    if (!this.isInternal && NOT_PUBLIC.some((network) => contains(network, address))) {
      reject(scope, field, text,
        'is a private, shared or reserved address, not one a public IP resource can hold',
        'use the address of an existing public IP resource, or AzureLoadBalancer.internal() for a private address');
    }
    if (this.isInternal && NOT_FRONTEND.some((network) => contains(network, address))) {
      reject(scope, field, text, 'is a loopback, link-local, multicast, reserved or Azure platform address',
        'use a free address of the load balancer\'s subnet');
    }
    return text;
  }
}

function internalAnnotations(
  scope: IConstruct, field: string, options: InternalLoadBalancerOptions, ipv4?: string, ipv6?: string,
): Record<string, string> {
  const annotations: Record<string, string> = { [`${PREFIX}azure-load-balancer-internal`]: 'true' };
  if (options.subnet !== undefined) {
    if (!isNetworkResourceName(options.subnet)) {
      reject(scope, `${field}.subnet`, options.subnet, 'is not a valid subnet name', NETWORK_RESOURCE_RULE);
    }
    annotations[`${PREFIX}azure-load-balancer-internal-subnet`] = options.subnet;
  }
  if (options.privateLinkService !== undefined) {
    if (ipv6 !== undefined && ipv4 === undefined) {
      reject(scope, `${field}.ipv6Address`, ipv6,
        'gives an IPv6 frontend, but a private link service attaches to IPv4 frontends only',
        'add ipv4Address (or drop ipv6Address) when using privateLinkService');
    }
    Object.assign(annotations,
      privateLinkServiceAnnotations(scope, `${field}.privateLinkService`, options.privateLinkService));
  }
  return annotations;
}

function publicAnnotations(
  scope: IConstruct, field: string, options: PublicLoadBalancerOptions,
): Record<string, string> {
  const annotations: Record<string, string> = {};
  const { publicIpName, publicIpResourceGroup, publicIpPrefixId, dnsLabelName, publicIpTags } = options;
  if (publicIpName !== undefined) {
    if (!isNetworkResourceName(publicIpName)) {
      reject(scope, `${field}.publicIpName`, publicIpName, 'is not a valid public IP name', NETWORK_RESOURCE_RULE);
    }
    annotations[`${PREFIX}azure-pip-name`] = publicIpName;
  }
  if (publicIpResourceGroup !== undefined) {
    if (!isResourceGroupName(publicIpResourceGroup)) {
      reject(scope, `${field}.publicIpResourceGroup`, publicIpResourceGroup, 'is not a valid resource group name',
        RESOURCE_GROUP_RULE);
    }
    annotations[`${PREFIX}azure-load-balancer-resource-group`] = publicIpResourceGroup;
  }
  if (publicIpPrefixId !== undefined) {
    if (!isPublicIpPrefixId(publicIpPrefixId)) {
      reject(scope, `${field}.publicIpPrefixId`, publicIpPrefixId, 'is not the resource id of a public IP prefix',
        'write /subscriptions/<subscription id>/resourceGroups/<group>/providers/Microsoft.Network/publicIPPrefixes/'
        + '<name>');
    }
    annotations[`${PREFIX}azure-pip-prefix-id`] = publicIpPrefixId;
  }
  if (dnsLabelName !== undefined) {
    if (!isPublicIpDnsLabel(dnsLabelName)) {
      reject(scope, `${field}.dnsLabelName`, dnsLabelName, 'is not a valid public IP DNS label',
        'use 3 to 63 lower-case letters, digits and \'-\', starting with a letter and ending with a letter or digit');
    }
    annotations[`${PREFIX}azure-dns-label-name`] = dnsLabelName;
  }
  if (publicIpTags !== undefined) {
    annotations[`${PREFIX}azure-pip-tags`] = tagsValue(scope, `${field}.publicIpTags`, publicIpTags);
  }
  checkPublicIpSources(scope, field, options);
  return annotations;
}

/**
 * cloud-provider-azure picks the public IP by name first, then creates one from the prefix, then looks one up by
 * address: whatever comes later in that order is silently ignored, so only one of them may be set.
 */
function checkPublicIpSources(scope: IConstruct, field: string, options: PublicLoadBalancerOptions): void {
  const sources = (['publicIpName', 'publicIpPrefixId', 'ipv4Address', 'ipv6Address'] as const)
    .filter((name) => options[name] !== undefined);
  const [winner, loser] = sources;
  if (loser !== undefined && !(winner === 'ipv4Address' && loser === 'ipv6Address')) {
    reject(scope, `${field}.${loser}`, options[loser],
      `is ignored by cloud-provider-azure when ${winner} is set, which chooses the public IP first`,
      `choose the public IP one way: ${winner} or ${loser}`);
  }
  if (options.publicIpTags !== undefined && (winner === 'publicIpName' || winner?.endsWith('Address'))) {
    reject(scope, `${field}.publicIpTags`, options.publicIpTags,
      `is ignored by cloud-provider-azure for the existing public IP that ${winner} names: it tags only the public `
      + 'IPs it creates', 'tag the existing public IP where it is managed, or remove publicIpTags');
  }
}

function tagsValue(scope: IConstruct, field: string, tags: Record<string, string>): string {
  const values = requireObject(scope, field, tags);
  const names = Object.keys(values).sort();
  if (names.length === 0) {
    reject(scope, field, tags, 'has no tags', 'add at least one tag, or leave the option out');
  }
  const seen = new Set<string>();
  for (const name of names) {
    const value = values[name];
    const tagField = `${field}.${name}`;
    if (name.length === 0 || name.length > MAX_TAG_NAME || TAG_NAME_FORBIDDEN.test(name)) {
      reject(scope, tagField, name, `is not a valid Azure tag name`,
        `use 1 to ${MAX_TAG_NAME} characters without < > % & \\ ? /`);
    }
    if (RESERVED_TAG_NAMES.includes(name.toLowerCase())) {
      reject(scope, tagField, name, 'is a tag cloud-provider-azure uses to track which service owns the public IP',
        'choose another tag name');
    }
    if (seen.has(name.toLowerCase())) {
      reject(scope, tagField, name, 'differs from another tag name only in case, which Azure treats as the same',
        'keep one of them');
    }
    seen.add(name.toLowerCase());
    if (typeof value !== 'string' || value.length > MAX_TAG_VALUE) {
      reject(scope, tagField, value, `must be text of at most ${MAX_TAG_VALUE} characters`, 'shorten the value');
    }
    for (const text of [name, value]) {
      if (/[,=]/.test(text) || text.trim() !== text) {
        reject(scope, tagField, text,
          'contains \',\' or \'=\' or surrounding spaces, which the annotation\'s "name=value,..." format cannot carry',
          'remove them');
      }
    }
  }
  return names.map((name) => `${name}=${values[name]}`).join(',');
}

/** Writes the access annotations and returns the checked source ranges. */
function accessControl(
  scope: IConstruct, field: string, options: AzureLoadBalancerOptions, annotations: Record<string, string>,
): readonly string[] | undefined {
  if (options.allowedServiceTags !== undefined) {
    const tags = requireStringList(scope, `${field}.allowedServiceTags`, options.allowedServiceTags, 'service tags');
    tags.forEach((tag, index) => {
      if (!SERVICE_TAG.test(tag)) {
        reject(scope, `${field}.allowedServiceTags[${index}]`, tag, 'is not an Azure service tag name',
          'write a tag such as \'AzureFrontDoor.Backend\' or \'Storage.WestEurope\'');
      }
    });
    annotations[`${PREFIX}azure-allowed-service-tags`] = tags.join(',');
  }
  if (options.allowedIpRanges !== undefined) {
    annotations[`${PREFIX}azure-allowed-ip-ranges`] =
      checkRanges(scope, `${field}.allowedIpRanges`, options.allowedIpRanges).join(',');
  }
  if (options.sourceRanges === undefined) return undefined;
  const ranges = checkRanges(scope, `${field}.sourceRanges`, options.sourceRanges);
  if (options.allowedIpRanges !== undefined) {
    reject(scope, `${field}.sourceRanges`, options.sourceRanges,
      'cannot be combined with allowedIpRanges: cloud-provider-azure refuses a Service that sets both '
      + 'spec.loadBalancerSourceRanges and azure-allowed-ip-ranges', 'move every range into allowedIpRanges');
  }
  if (options.allowedServiceTags !== undefined) {
    reject(scope, `${field}.sourceRanges`, options.sourceRanges,
      'cannot be combined with allowedServiceTags: kube-proxy drops clients outside spec.loadBalancerSourceRanges, '
      + 'including the service tags\' addresses', 'use allowedIpRanges instead of sourceRanges');
  }
  return ranges;
}

function checkRanges(scope: IConstruct, field: string, value: unknown): readonly string[] {
  const ranges = requireStringList(scope, field, value, 'CIDR ranges');
  ranges.forEach((range, index) => {
    const network = parseCidr(range);
    if (network === undefined) {
      reject(scope, `${field}[${index}]`, range, 'is not a CIDR range',
        'write an address and prefix length, e.g. 203.0.113.0/24 or 2001:db8::/32 (a single host is /32 or /128)');
    }
    if (hasHostBits(network)) {
      reject(scope, `${field}[${index}]`, range,
        'has host bits set, and cloud-provider-azure turns an unparsable range into a deny-all rule',
        `write ${maskedCidr(network)}`);
    }
  });
  return ranges;
}

function checkPublicExposure(scope: IConstruct, field: string, options: PublicLoadBalancerOptions): void {
  const restricted = ['allowedIpRanges', 'sourceRanges', 'allowedServiceTags'] as const;
  const restriction = restricted.find((name) => options[name] !== undefined);
  if (options.allowFromAnywhere !== undefined) {
    const anywhere = requireBoolean(scope, `${field}.allowFromAnywhere`, options.allowFromAnywhere);
    if (anywhere && restriction !== undefined) {
      reject(scope, `${field}.allowFromAnywhere`, true, `contradicts ${restriction}, which limits who may connect`,
        `remove allowFromAnywhere or ${restriction}`);
    }
    if (anywhere) return;
  }
  if (restriction === undefined) {
    reject(scope, `${field}.allowedIpRanges`, undefined,
      'is required for a public load balancer, which otherwise accepts connections from the whole internet',
      'list the client networks in allowedIpRanges (or allowedServiceTags), or set allowFromAnywhere: true to '
      + 'expose the service to the internet on purpose');
  }
}

function networks(...cidrs: string[]): IpNetwork[] {
  return cidrs.map((cidr) => parseCidr(cidr) as IpNetwork);
}
