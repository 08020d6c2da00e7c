import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { GitOpsChart } from '../../lib/core/gitops-chart';
import { AzureLoadBalancedService } from '../../lib/network/azure-load-balanced-service';
import {
  AzureLoadBalancer, InternalLoadBalancerOptions, PublicLoadBalancerOptions,
} from '../../lib/network/azure-load-balancer';
import { HealthProbeProtocol } from '../../lib/network/health-probe';
import { PrivateLinkVisibility } from '../../lib/network/private-link-service';
import { expectValidManifests } from '../support/strict-validator';

const P = 'service.beta.kubernetes.io/';
const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
const PREFIX_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-net/providers/Microsoft.Network/publicIPPrefixes/`
  + 'minio-prefix';

function owner(): Construct {
  return new Construct(Testing.chart(), 'Minio');
}

function renderInternal(options: InternalLoadBalancerOptions, ports = [443]) {
  return AzureLoadBalancer.internal(options).render(owner(), ports);
}

function renderPublic(options: PublicLoadBalancerOptions, ports = [443]) {
  return AzureLoadBalancer.public(options).render(owner(), ports);
}

/** Options as they arrive from YAML or JavaScript, where the types do not stop a misplaced key. */
function untyped<T>(options: object): T {
  return options as T;
}

describe('AzureLoadBalancer.internal', () => {
  test('renders a full internal configuration with a private link service', () => {
    const rendered = renderInternal({
      subnet: 'snet-minio',
      ipv4Address: '10.240.0.25',
      allowedIpRanges: ['10.0.0.0/8', 'fd00::/8'],
      allowedServiceTags: ['AzureFrontDoor.Backend'],
      idleTimeoutMinutes: 30,
      disableTcpReset: true,
      healthProbe: {
        protocol: HealthProbeProtocol.HTTPS,
        requestPath: '/minio/health/live',
        intervalSeconds: 10,
        numberOfProbes: 3,
        ports: [{ port: 9443, protocol: HealthProbeProtocol.TCP, probePort: 30443 }],
      },
      privateLinkService: {
        name: 'pls-minio',
        resourceGroup: 'rg-private-link',
        subnet: 'snet-pls',
        ipConfigurationCount: 2,
        staticIpAddresses: ['10.240.1.10'],
        fqdns: ['minio.example.com', 's3.example.com'],
        proxyProtocol: true,
        visibility: PrivateLinkVisibility.anySubscription(),
        autoApprovalSubscriptions: [SUBSCRIPTION],
      },
    }, [443, 9443]);

    expect(rendered.annotations).toEqual({
      [`${P}azure-allowed-ip-ranges`]: '10.0.0.0/8,fd00::/8',
      [`${P}azure-allowed-service-tags`]: 'AzureFrontDoor.Backend',
      [`${P}azure-load-balancer-disable-tcp-reset`]: 'true',
      [`${P}azure-load-balancer-health-probe-interval`]: '10',
      [`${P}azure-load-balancer-health-probe-num-of-probe`]: '3',
      [`${P}azure-load-balancer-health-probe-protocol`]: 'Https',
      [`${P}azure-load-balancer-health-probe-request-path`]: '/minio/health/live',
      [`${P}azure-load-balancer-internal`]: 'true',
      [`${P}azure-load-balancer-internal-subnet`]: 'snet-minio',
      [`${P}azure-load-balancer-ipv4`]: '10.240.0.25',
      [`${P}azure-load-balancer-tcp-idle-timeout`]: '30',
      [`${P}azure-pls-auto-approval`]: SUBSCRIPTION,
      [`${P}azure-pls-create`]: 'true',
      [`${P}azure-pls-fqdns`]: 'minio.example.com s3.example.com',
      [`${P}azure-pls-ip-configuration-ip-address`]: '10.240.1.10',
      [`${P}azure-pls-ip-configuration-ip-address-count`]: '2',
      [`${P}azure-pls-ip-configuration-subnet`]: 'snet-pls',
      [`${P}azure-pls-name`]: 'pls-minio',
      [`${P}azure-pls-proxy-protocol`]: 'true',
      [`${P}azure-pls-resource-group`]: 'rg-private-link',
      [`${P}azure-pls-visibility`]: '*',
      [`${P}port_9443_health-probe_port`]: '30443',
      [`${P}port_9443_health-probe_protocol`]: 'Tcp',
    });
    expect(rendered.loadBalancerSourceRanges).toBeUndefined();
  });

  test('writes annotation keys in sorted order', () => {
    const { annotations } = renderInternal({
      subnet: 'snet-minio', idleTimeoutMinutes: 10, allowedIpRanges: ['10.0.0.0/8'],
      privateLinkService: {},
    });
    expect(Object.keys(annotations)).toEqual([...Object.keys(annotations)].sort());
  });

  test('needs no options and never writes the removed shared security rule annotation', () => {
    const { annotations } = renderInternal({});
    expect(annotations).toEqual({ [`${P}azure-load-balancer-internal`]: 'true' });
    expect(JSON.stringify(renderPublic({ allowFromAnywhere: true }))).not.toContain('shared-securityrule');
  });

  test('returns source ranges for spec.loadBalancerSourceRanges', () => {
    const rendered = renderInternal({ sourceRanges: ['10.1.0.0/16', '2001:db8::/32'] });
    expect(rendered.loadBalancerSourceRanges).toEqual(['10.1.0.0/16', '2001:db8::/32']);
    expect(Object.keys(rendered.annotations).some((key) => key.includes('allowed-ip-ranges'))).toBe(false);
  });

  test('uses the field name given by the caller in messages', () => {
    expect(() => AzureLoadBalancer.internal({ idleTimeoutMinutes: 2 }).render(owner(), [443], 'exposure.s3'))
      .toThrow(/^test\/Minio: exposure\.s3\.idleTimeoutMinutes must be a whole number from 4 to 100 \(received 2\)/);
  });

  test.each(['publicIpName', 'publicIpResourceGroup', 'publicIpPrefixId', 'dnsLabelName', 'publicIpTags',
    'allowFromAnywhere'])('rejects the public-only option %s', (key) => {
    expect(() => renderInternal(untyped({ [key]: 'x' })))
      .toThrow(new RegExp(`loadBalancer\\.${key} applies only to a public load balancer: cloud-provider-azure `
        + 'ignores it on an internal one \\(received \'x\'\\): remove it, or use AzureLoadBalancer\\.public\\(\\)'));
  });

  test('treats options set to undefined as absent', () => {
    expect(renderInternal(untyped({ publicIpName: undefined, subnet: undefined })).annotations)
      .toEqual({ [`${P}azure-load-balancer-internal`]: 'true' });
  });

  test('rejects an unknown option', () => {
    expect(() => renderInternal(untyped({ subnetName: 'snet' })))
      .toThrow(/loadBalancer\.subnetName is not an option of an internal Azure load balancer \(received 'snet'\)/);
  });

  test('rejects an invalid subnet name', () => {
    expect(() => renderInternal({ subnet: 'snet/minio' }))
      .toThrow(/loadBalancer\.subnet is not a valid subnet name \(received 'snet\/minio'\)/);
  });

  test('rejects a malformed IPv4 address', () => {
    expect(() => renderInternal({ ipv4Address: '10.0.0.256' }))
      .toThrow(/loadBalancer\.ipv4Address must be an IPv4 address \(received '10\.0\.0\.256'\)/);
  });

  test('rejects an IPv4 address with leading zeros', () => {
    expect(() => renderInternal({ ipv4Address: '10.0.0.010' }))
      .toThrow(/loadBalancer\.ipv4Address must be an IPv4 address \(received '10\.0\.0\.010'\)/);
  });

  test('rejects an IPv6 address in the IPv4 field', () => {
    expect(() => renderInternal({ ipv4Address: 'fd00::10' }))
      .toThrow(/loadBalancer\.ipv4Address must be an IPv4 address \(received 'fd00::10'\)/);
  });

  test('rejects a malformed IPv6 address', () => {
    expect(() => renderInternal({ ipv6Address: 'fd00::10::1' }))
      .toThrow(/loadBalancer\.ipv6Address must be an IPv6 address \(received 'fd00::10::1'\)/);
  });

  test('rejects an IPv4-mapped address in the IPv6 field', () => {
    expect(() => renderInternal({ ipv6Address: '::ffff:10.0.0.1' }))
      .toThrow(/loadBalancer\.ipv6Address must be an IPv6 address \(received '::ffff:10\.0\.0\.1'\)/);
  });

  test('rejects a loopback frontend address', () => {
    expect(() => renderInternal({ ipv4Address: '127.0.0.1' }))
      .toThrow(/loadBalancer\.ipv4Address is a loopback, link-local, multicast, reserved or Azure platform address/);
  });

  test('rejects the Azure platform address as a frontend', () => {
    expect(() => renderInternal({ ipv4Address: '168.63.129.16' }))
      .toThrow(/loadBalancer\.ipv4Address is a loopback.*\(received '168\.63\.129\.16'\)/);
  });

  test('accepts both address families for a dual-stack Service', () => {
    const { annotations } = renderInternal({ ipv4Address: '10.0.0.10', ipv6Address: 'fd00::10' });
    expect(annotations[`${P}azure-load-balancer-ipv6`]).toBe('fd00::10');
  });

  test('rejects an idle timeout below 4 minutes', () => {
    expect(() => renderInternal({ idleTimeoutMinutes: 3 }))
      .toThrow(/loadBalancer\.idleTimeoutMinutes must be a whole number from 4 to 100 \(received 3\)/);
  });

  test('rejects an idle timeout above 100 minutes', () => {
    expect(() => renderInternal({ idleTimeoutMinutes: 101 }))
      .toThrow(/loadBalancer\.idleTimeoutMinutes must be a whole number from 4 to 100 \(received 101\)/);
  });

  test('rejects a fractional idle timeout', () => {
    expect(() => renderInternal({ idleTimeoutMinutes: 4.5 }))
      .toThrow(/loadBalancer\.idleTimeoutMinutes must be a whole number from 4 to 100 \(received 4\.5\)/);
  });

  test('rejects an idle timeout written as text', () => {
    expect(() => renderInternal(untyped({ idleTimeoutMinutes: '30' })))
      .toThrow(/loadBalancer\.idleTimeoutMinutes must be a whole number from 4 to 100 \(received '30'\)/);
  });

  test('rejects disableTcpReset written as text', () => {
    expect(() => renderInternal(untyped({ disableTcpReset: 'true' })))
      .toThrow(/loadBalancer\.disableTcpReset must be true or false \(received 'true'\)/);
  });

  test('writes nothing for disableTcpReset: false', () => {
    expect(renderInternal({ disableTcpReset: false }).annotations)
      .not.toHaveProperty(`${P}azure-load-balancer-disable-tcp-reset`);
  });

  test('rejects a range that is not CIDR', () => {
    expect(() => renderInternal({ allowedIpRanges: ['10.0.0.1'] }))
      .toThrow(/loadBalancer\.allowedIpRanges\[0\] is not a CIDR range \(received '10\.0\.0\.1'\)/);
  });

  test('rejects a prefix length beyond the address size', () => {
    expect(() => renderInternal({ allowedIpRanges: ['10.0.0.0/33'] }))
      .toThrow(/loadBalancer\.allowedIpRanges\[0\] is not a CIDR range \(received '10\.0\.0\.0\/33'\)/);
  });

  test('rejects a range with host bits and names the masked form', () => {
    expect(() => renderInternal({ allowedIpRanges: ['10.0.0.0/8', '192.168.1.7/24'] }))
      .toThrow(/loadBalancer\.allowedIpRanges\[1\] has host bits set.*\(received '192\.168\.1\.7\/24'\): write 192\.168\.1\.0\/24/);
  });

  test('rejects an IPv6 range with host bits and names the masked form', () => {
    expect(() => renderInternal({ sourceRanges: ['2001:db8::1/32'] }))
      .toThrow(/loadBalancer\.sourceRanges\[0\] has host bits set.*: write 2001:db8::\/32/);
  });

  test('rejects an empty range list', () => {
    expect(() => renderInternal({ allowedIpRanges: [] }))
      .toThrow(/loadBalancer\.allowedIpRanges must be a non-empty list of CIDR ranges \(received \[\]\)/);
  });

  test('rejects a range listed twice', () => {
    expect(() => renderInternal({ allowedIpRanges: ['10.0.0.0/8', '10.0.0.0/8'] }))
      .toThrow(/loadBalancer\.allowedIpRanges\[1\] is listed twice \(received '10\.0\.0\.0\/8'\)/);
  });

  test('rejects allowed IP ranges together with source ranges', () => {
    expect(() => renderInternal({ allowedIpRanges: ['10.0.0.0/8'], sourceRanges: ['10.1.0.0/16'] }))
      .toThrow(/loadBalancer\.sourceRanges cannot be combined with allowedIpRanges: cloud-provider-azure refuses .*\(received \["10\.1\.0\.0\/16"\]\): move every range into allowedIpRanges/);
  });

  test('rejects service tags together with source ranges', () => {
    expect(() => renderInternal({ allowedServiceTags: ['AzureCloud'], sourceRanges: ['10.1.0.0/16'] }))
      .toThrow(/loadBalancer\.sourceRanges cannot be combined with allowedServiceTags: kube-proxy drops .*: use allowedIpRanges instead of sourceRanges/);
  });

  test('rejects a malformed service tag', () => {
    expect(() => renderInternal({ allowedServiceTags: ['Azure Front Door'] }))
      .toThrow(/loadBalancer\.allowedServiceTags\[0\] is not an Azure service tag name \(received 'Azure Front Door'\)/);
  });

  test('rejects a private link service with an IPv6-only frontend', () => {
    expect(() => renderInternal({ ipv6Address: 'fd00::10', privateLinkService: {} }))
      .toThrow(/loadBalancer\.ipv6Address gives an IPv6 frontend, but a private link service attaches to IPv4 frontends only \(received 'fd00::10'\)/);
  });
});

describe('AzureLoadBalancer.public', () => {
  test('renders a full public configuration', () => {
    const rendered = renderPublic({
      publicIpResourceGroup: 'rg-public-ips',
      publicIpPrefixId: PREFIX_ID,
      dnsLabelName: 'minio-prod',
      publicIpTags: { team: 'storage', 'cost-center': '42' },
      allowedIpRanges: ['203.0.113.0/24'],
      allowedServiceTags: ['AzureFrontDoor.Backend'],
      idleTimeoutMinutes: 100,
      healthProbe: { protocol: HealthProbeProtocol.HTTP, requestPath: '/minio/health/ready' },
    });
    expect(rendered.annotations).toEqual({
      [`${P}azure-allowed-ip-ranges`]: '203.0.113.0/24',
      [`${P}azure-allowed-service-tags`]: 'AzureFrontDoor.Backend',
      [`${P}azure-dns-label-name`]: 'minio-prod',
      [`${P}azure-load-balancer-health-probe-protocol`]: 'Http',
      [`${P}azure-load-balancer-health-probe-request-path`]: '/minio/health/ready',
      [`${P}azure-load-balancer-resource-group`]: 'rg-public-ips',
      [`${P}azure-load-balancer-tcp-idle-timeout`]: '100',
      [`${P}azure-pip-prefix-id`]: PREFIX_ID,
      [`${P}azure-pip-tags`]: 'cost-center=42,team=storage',
    });
    expect(Object.keys(rendered.annotations)).toEqual([...Object.keys(rendered.annotations)].sort());
  });

  test('renders an existing public IP by name or by address', () => {
    expect(renderPublic({ publicIpName: 'pip-minio', allowFromAnywhere: true }).annotations)
      .toEqual({ [`${P}azure-pip-name`]: 'pip-minio' });
    expect(renderPublic({ ipv4Address: '20.50.60.70', ipv6Address: '2603:1020::10', allowFromAnywhere: true })
      .annotations).toEqual({
      [`${P}azure-load-balancer-ipv4`]: '20.50.60.70',
      [`${P}azure-load-balancer-ipv6`]: '2603:1020::10',
    });
  });

  test('requires a deliberate choice of who may connect', () => {
    expect(() => renderPublic({ dnsLabelName: 'minio-prod' }))
      .toThrow(/loadBalancer\.allowedIpRanges is required for a public load balancer, which otherwise accepts connections from the whole internet \(received nothing\): .*allowFromAnywhere: true/);
  });

  test('rejects allowFromAnywhere together with a restriction', () => {
    expect(() => renderPublic({ allowFromAnywhere: true, allowedIpRanges: ['203.0.113.0/24'] }))
      .toThrow(/loadBalancer\.allowFromAnywhere contradicts allowedIpRanges, which limits who may connect \(received true\)/);
  });

  test('accepts source ranges as the restriction', () => {
    expect(renderPublic({ sourceRanges: ['203.0.113.0/24'] }).loadBalancerSourceRanges).toEqual(['203.0.113.0/24']);
  });

  test('rejects allowFromAnywhere written as text', () => {
    expect(() => renderPublic(untyped({ allowFromAnywhere: 'yes' })))
      .toThrow(/loadBalancer\.allowFromAnywhere must be true or false \(received 'yes'\)/);
  });

  test('rejects an internal subnet', () => {
    expect(() => renderPublic(untyped({ subnet: 'snet-minio', allowFromAnywhere: true })))
      .toThrow(/loadBalancer\.subnet applies only to an internal load balancer: cloud-provider-azure ignores it on a public one \(received 'snet-minio'\): remove it, or use AzureLoadBalancer\.internal\(\)/);
  });

  test('rejects a private link service', () => {
    expect(() => renderPublic(untyped({ privateLinkService: {}, allowFromAnywhere: true })))
      .toThrow(/loadBalancer\.privateLinkService needs an internal load balancer: .*: use AzureLoadBalancer\.internal\(\)/);
  });

  test('rejects an unknown option', () => {
    expect(() => renderPublic(untyped({ pipName: 'pip', allowFromAnywhere: true })))
      .toThrow(/loadBalancer\.pipName is not an option of a public Azure load balancer \(received 'pip'\)/);
  });

  test.each(['10.1.2.3', '172.16.0.1', '192.168.1.1', '100.64.0.1', '168.63.129.16', '169.254.1.1', '127.0.0.1',
    '224.0.0.1'])('rejects the non-public IPv4 address %s', (address) => {
    expect(() => renderPublic({ ipv4Address: address, allowFromAnywhere: true }))
      .toThrow(new RegExp(`loadBalancer\\.ipv4Address is a private, shared or reserved address, not one a public IP `
        + `resource can hold \\(received '${address.replace(/\./g, '\\.')}'\\)`));
  });

  test.each(['fd00::1', 'fe80::1', '::1', 'ff02::1'])('rejects the non-public IPv6 address %s', (address) => {
    expect(() => renderPublic({ ipv6Address: address, allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.ipv6Address is a private, shared or reserved address/);
  });

  test('rejects an invalid public IP name', () => {
    expect(() => renderPublic({ publicIpName: '-pip', allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpName is not a valid public IP name \(received '-pip'\)/);
  });

  test('rejects an invalid public IP resource group', () => {
    expect(() => renderPublic({ publicIpResourceGroup: 'rg.', allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpResourceGroup is not a valid resource group name \(received 'rg\.'\)/);
  });

  test('rejects a resource id that is not a public IP prefix', () => {
    const id = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-net/providers/Microsoft.Network/publicIPAddresses/pip`;
    expect(() => renderPublic({ publicIpPrefixId: id, allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpPrefixId is not the resource id of a public IP prefix \(received '\/subscriptions\/.*\/publicIPAddresses\/pip'\)/);
  });

  test('rejects a public IP prefix id with a malformed subscription', () => {
    const id = '/subscriptions/prod/resourceGroups/rg-net/providers/Microsoft.Network/publicIPPrefixes/prefix';
    expect(() => renderPublic({ publicIpPrefixId: id, allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpPrefixId is not the resource id of a public IP prefix/);
  });

  test.each(['Minio', 'mi', '1minio', 'minio-', 'mini_o', 'a'.repeat(64)])('rejects the DNS label %s', (label) => {
    expect(() => renderPublic({ dnsLabelName: label, allowFromAnywhere: true }))
      .toThrow(new RegExp(`loadBalancer\\.dnsLabelName is not a valid public IP DNS label \\(received '${label}'\\)`));
  });

  test('rejects a public IP name together with a prefix', () => {
    expect(() => renderPublic({ publicIpName: 'pip-minio', publicIpPrefixId: PREFIX_ID, allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpPrefixId is ignored by cloud-provider-azure when publicIpName is set, which chooses the public IP first/);
  });

  test('rejects a public IP name together with an address', () => {
    expect(() => renderPublic({ publicIpName: 'pip-minio', ipv4Address: '20.50.60.70', allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.ipv4Address is ignored by cloud-provider-azure when publicIpName is set, which chooses the public IP first \(received '20\.50\.60\.70'\)/);
  });

  test('rejects a prefix together with an address', () => {
    expect(() => renderPublic({ publicIpPrefixId: PREFIX_ID, ipv6Address: '2603:1020::10', allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.ipv6Address is ignored by cloud-provider-azure when publicIpPrefixId is set/);
  });

  test('rejects public IP tags for an existing public IP', () => {
    expect(() => renderPublic({ publicIpName: 'pip-minio', publicIpTags: { team: 'storage' }, allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpTags is ignored by cloud-provider-azure for the existing public IP that publicIpName names/);
  });

  test('rejects public IP tags for an address', () => {
    expect(() => renderPublic({ ipv4Address: '20.50.60.70', publicIpTags: { team: 'a' }, allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpTags is ignored by cloud-provider-azure for the existing public IP that ipv4Address names/);
  });

  test('rejects a tag value with a comma', () => {
    expect(() => renderPublic({ publicIpTags: { team: 'a,b' }, allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpTags\.team contains ',' or '=' .* \(received 'a,b'\)/);
  });

  test('rejects a tag name with a forbidden character', () => {
    expect(() => renderPublic({ publicIpTags: { 'team/owner': 'a' }, allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpTags\.team\/owner is not a valid Azure tag name \(received 'team\/owner'\)/);
  });

  test('rejects a tag the cloud provider uses to track ownership', () => {
    expect(() => renderPublic({ publicIpTags: { 'k8s-azure-service': 'x' }, allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpTags\.k8s-azure-service is a tag cloud-provider-azure uses to track which service owns the public IP/);
  });

  test('rejects tag names that differ only in case', () => {
    expect(() => renderPublic({ publicIpTags: { Team: 'a', team: 'b' }, allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpTags\.team differs from another tag name only in case/);
  });

  test('rejects an empty tag set', () => {
    expect(() => renderPublic({ publicIpTags: {}, allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpTags has no tags \(received \{\}\)/);
  });

  test('rejects a tag value that is too long', () => {
    expect(() => renderPublic({ publicIpTags: { team: 'x'.repeat(257) }, allowFromAnywhere: true }))
      .toThrow(/loadBalancer\.publicIpTags\.team must be text of at most 256 characters/);
  });
});

describe('AzureLoadBalancedService', () => {
  function chartWith(build: (chart: GitOpsChart) => void): GitOpsChart {
    const chart = new GitOpsChart(Testing.app(), 'minio');
    build(chart);
    return chart;
  }

  test('synthesizes a schema-valid Service with the internal load balancer applied', () => {
    const chart = chartWith((scope) => new AzureLoadBalancedService(scope, 'S3', {
      metadata: { name: 'minio-s3', namespace: 'minio' },
      ports: [{ name: 'https-minio', port: 443, targetPort: 9000 }],
      loadBalancer: AzureLoadBalancer.internal({
        subnet: 'snet-minio',
        sourceRanges: ['10.0.0.0/8'],
        healthProbe: { ports: [{ port: 443, protocol: HealthProbeProtocol.HTTPS, requestPath: '/minio/health/live' }] },
        privateLinkService: { visibility: PrivateLinkVisibility.subscriptions([SUBSCRIPTION]) },
      }),
    }));
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const service = manifests.find((object) => object.kind === 'Service');
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.spec.loadBalancerSourceRanges).toEqual(['10.0.0.0/8']);
    expect(service.metadata.annotations).toEqual({
      [`${P}azure-load-balancer-internal`]: 'true',
      [`${P}azure-load-balancer-internal-subnet`]: 'snet-minio',
      [`${P}azure-pls-create`]: 'true',
      [`${P}azure-pls-visibility`]: SUBSCRIPTION,
      [`${P}port_443_health-probe_protocol`]: 'Https',
      [`${P}port_443_health-probe_request-path`]: '/minio/health/live',
    });
  });

  test('synthesizes a schema-valid Service with the public load balancer applied', () => {
    const chart = chartWith((scope) => new AzureLoadBalancedService(scope, 'Console', {
      metadata: { name: 'minio-console', namespace: 'minio' },
      ports: [{ name: 'https-console', port: 9443 }],
      loadBalancer: AzureLoadBalancer.public({ dnsLabelName: 'minio-console', allowedIpRanges: ['203.0.113.0/24'] }),
    }));
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const service = manifests.find((object) => object.kind === 'Service');
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.spec.loadBalancerSourceRanges).toBeUndefined();
    expect(service.metadata.annotations[`${P}azure-dns-label-name`]).toBe('minio-console');
  });

  test('checks per-port probes against the TCP ports only, with its own path in the message', () => {
    expect(() => chartWith((scope) => new AzureLoadBalancedService(scope, 'Dns', {
      ports: [{ port: 53, protocol: kplus.Protocol.UDP }, { port: 443 }],
      loadBalancer: AzureLoadBalancer.internal({ healthProbe: { ports: [{ port: 53, intervalSeconds: 10 }] } }),
    }))).toThrow(/^minio\/Dns: loadBalancer\.healthProbe\.ports\[0\]\.port must be one of the service's TCP ports \[443\] \(received 53\)/);
  });

  test('rejects a Service without ports', () => {
    expect(() => chartWith((scope) => new AzureLoadBalancedService(scope, 'S3', {
      ports: [], loadBalancer: AzureLoadBalancer.internal(),
    }))).toThrow(/^minio\/S3: ports must list at least one port \(received \[\]\)/);
  });

  test('rejects a cloud-provider annotation written by hand', () => {
    expect(() => chartWith((scope) => new AzureLoadBalancedService(scope, 'S3', {
      metadata: { annotations: { [`${P}azure-shared-securityrule`]: 'true' } },
      ports: [{ port: 443 }],
      loadBalancer: AzureLoadBalancer.internal(),
    }))).toThrow(/^minio\/S3: metadata\.annotations\.service\.beta\.kubernetes\.io\/azure-shared-securityrule would bypass the checks of the load balancer options \(received 'true'\)/);
  });

  test('rejects a load balancer that is not an AzureLoadBalancer', () => {
    expect(() => chartWith((scope) => new AzureLoadBalancedService(scope, 'S3', {
      ports: [{ port: 443 }],
      loadBalancer: untyped({ internal: true }),
    }))).toThrow(/^minio\/S3: loadBalancer must be an AzureLoadBalancer/);
  });
});
