import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  PrivateLinkServiceOptions, PrivateLinkVisibility, privateLinkServiceAnnotations,
} from '../../lib/network/private-link-service';

const P = 'service.beta.kubernetes.io/azure-pls-';
const SUB_A = '11111111-2222-3333-4444-555555555555';
const SUB_B = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

function render(options: PrivateLinkServiceOptions) {
  return privateLinkServiceAnnotations(new Construct(Testing.chart(), 'Minio'), 'loadBalancer.privateLinkService',
    options);
}

function untyped<T>(value: object): T {
  return value as T;
}

describe('private link service annotations', () => {
  test('creates the service with defaults when given no options', () => {
    expect(render({})).toEqual({ [`${P}create`]: 'true' });
  });

  test('keeps the order of static addresses, whose first is the primary one', () => {
    expect(render({ ipConfigurationCount: 3, staticIpAddresses: ['10.0.2.9', '10.0.2.4'] }))
      .toHaveProperty([`${P}ip-configuration-ip-address`], '10.0.2.9 10.0.2.4');
  });

  test('lists visible subscriptions separated by spaces', () => {
    expect(render({ visibility: PrivateLinkVisibility.subscriptions([SUB_A, SUB_B]) }))
      .toHaveProperty([`${P}visibility`], `${SUB_A} ${SUB_B}`);
  });

  test('writes nothing for proxyProtocol: false', () => {
    expect(render({ proxyProtocol: false })).not.toHaveProperty([`${P}proxy-protocol`]);
  });

  test('rejects auto-approval without visibility to every subscription', () => {
    expect(() => render({ visibility: PrivateLinkVisibility.subscriptions([SUB_A]),
      autoApprovalSubscriptions: [SUB_A] }))
      .toThrow(/loadBalancer\.privateLinkService\.autoApprovalSubscriptions is only applied by cloud-provider-azure when visibility is PrivateLinkVisibility\.anySubscription\(\)/);
  });

  test('rejects auto-approval without any visibility', () => {
    expect(() => render({ autoApprovalSubscriptions: [SUB_A] }))
      .toThrow(/loadBalancer\.privateLinkService\.autoApprovalSubscriptions is only applied/);
  });

  test('rejects an auto-approval entry that is not a subscription id', () => {
    expect(() => render({ visibility: PrivateLinkVisibility.anySubscription(), autoApprovalSubscriptions: ['prod'] }))
      .toThrow(/loadBalancer\.privateLinkService\.autoApprovalSubscriptions\[0\] is not an Azure subscription id \(received 'prod'\)/);
  });

  test('rejects a visible subscription that is not a subscription id', () => {
    expect(() => render({ visibility: PrivateLinkVisibility.subscriptions([SUB_A, 'my-subscription']) }))
      .toThrow(/loadBalancer\.privateLinkService\.visibility\.subscriptionIds\[1\] is not an Azure subscription id \(received 'my-subscription'\)/);
  });

  test('rejects a visibility without subscriptions', () => {
    expect(() => render({ visibility: PrivateLinkVisibility.subscriptions([]) }))
      .toThrow(/loadBalancer\.privateLinkService\.visibility\.subscriptionIds must be a non-empty list of subscription ids \(received \[\]\)/);
  });

  test('rejects a visibility given as text', () => {
    expect(() => render(untyped({ visibility: '*' })))
      .toThrow(/loadBalancer\.privateLinkService\.visibility must be a PrivateLinkVisibility \(received '\*'\)/);
  });

  test('rejects more than 8 IP configurations', () => {
    expect(() => render({ ipConfigurationCount: 9 }))
      .toThrow(/loadBalancer\.privateLinkService\.ipConfigurationCount must be a whole number from 1 to 8 \(received 9\)/);
  });

  test('rejects zero IP configurations', () => {
    expect(() => render({ ipConfigurationCount: 0 }))
      .toThrow(/loadBalancer\.privateLinkService\.ipConfigurationCount must be a whole number from 1 to 8 \(received 0\)/);
  });

  test('rejects more static addresses than IP configurations', () => {
    expect(() => render({ ipConfigurationCount: 2, staticIpAddresses: ['10.0.2.4', '10.0.2.5', '10.0.2.6'] }))
      .toThrow(/loadBalancer\.privateLinkService\.staticIpAddresses lists 3 addresses but ipConfigurationCount is 2 .*: raise ipConfigurationCount to at least 3/);
  });

  test('counts the default single IP configuration against static addresses', () => {
    expect(() => render({ staticIpAddresses: ['10.0.2.4', '10.0.2.5'] }))
      .toThrow(/staticIpAddresses lists 2 addresses but ipConfigurationCount is 1/);
  });

  test('rejects an IPv6 static address', () => {
    expect(() => render({ staticIpAddresses: ['fd00::4'] }))
      .toThrow(/loadBalancer\.privateLinkService\.staticIpAddresses\[0\] is an IPv6 address, but private link service NAT addresses are IPv4 only \(received 'fd00::4'\)/);
  });

  test('rejects a malformed static address', () => {
    expect(() => render({ staticIpAddresses: ['10.0.2'] }))
      .toThrow(/loadBalancer\.privateLinkService\.staticIpAddresses\[0\] is not an IPv4 address \(received '10\.0\.2'\)/);
  });

  test('rejects a static address listed twice', () => {
    expect(() => render({ ipConfigurationCount: 2, staticIpAddresses: ['10.0.2.4', '10.0.2.4'] }))
      .toThrow(/loadBalancer\.privateLinkService\.staticIpAddresses\[1\] is listed twice/);
  });

  test('rejects an invalid name', () => {
    expect(() => render({ name: 'pls minio' }))
      .toThrow(/loadBalancer\.privateLinkService\.name is not a valid private link service name \(received 'pls minio'\)/);
  });

  test('rejects an invalid resource group', () => {
    expect(() => render({ resourceGroup: 'rg/minio' }))
      .toThrow(/loadBalancer\.privateLinkService\.resourceGroup is not a valid resource group name \(received 'rg\/minio'\)/);
  });

  test('rejects an invalid subnet name', () => {
    expect(() => render({ subnet: 'snet-' + 'x'.repeat(80) }))
      .toThrow(/loadBalancer\.privateLinkService\.subnet is not a valid subnet name/);
  });

  test('rejects an FQDN that is not a DNS name', () => {
    expect(() => render({ fqdns: ['minio_s3.example.com'] }))
      .toThrow(/loadBalancer\.privateLinkService\.fqdns\[0\] must be a fully qualified lower-case DNS name \(received 'minio_s3\.example\.com'\)/);
  });

  test('rejects an FQDN without a domain', () => {
    expect(() => render({ fqdns: ['minio'] }))
      .toThrow(/loadBalancer\.privateLinkService\.fqdns\[0\] must be a fully qualified lower-case DNS name \(received 'minio'\)/);
  });

  test('rejects proxyProtocol written as text', () => {
    expect(() => render(untyped({ proxyProtocol: 'false' })))
      .toThrow(/loadBalancer\.privateLinkService\.proxyProtocol must be true or false \(received 'false'\)/);
  });

  test('rejects an unknown option', () => {
    expect(() => render(untyped({ visibleTo: '*' })))
      .toThrow(/loadBalancer\.privateLinkService\.visibleTo is not an option of a private link service \(received '\*'\)/);
  });
});
