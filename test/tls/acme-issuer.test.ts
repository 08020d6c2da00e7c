import { Chart, Testing } from 'cdk8s';
import { AcmeServer } from '../../lib/tls/acme-server';
import { AcmeSolver, AzureDnsEnvironment } from '../../lib/tls/acme-solver';
import { LetsEncryptIssuer, LetsEncryptIssuerProps } from '../../lib/tls/acme-issuer';
import { expectValidManifests } from '../support/strict-validator';

const AZURE_DNS = {
  subscriptionId: '11111111-2222-3333-4444-555555555555',
  resourceGroupName: 'rg-dns',
  hostedZoneName: 'example.com',
};

function issuer(props: Partial<LetsEncryptIssuerProps> = {}, chart: Chart = Testing.chart()): LetsEncryptIssuer {
  return new LetsEncryptIssuer(chart, 'Acme', {
    server: AcmeServer.LETS_ENCRYPT_STAGING,
    email: 'platform@example.com',
    solvers: [AcmeSolver.http01({ ingressClassName: 'webapprouting.kubernetes.azure.com' })],
    ...props,
  });
}

function synthOne(chart: Chart): any {
  const manifests = Testing.synth(chart);
  expectValidManifests(manifests);
  expect(manifests).toHaveLength(1);
  return manifests[0];
}

describe('LetsEncryptIssuer', () => {
  test('renders a staging ClusterIssuer with an HTTP-01 solver', () => {
    const chart = Testing.chart();
    const acme = issuer({}, chart);
    const manifest = synthOne(chart);

    expect(manifest.kind).toBe('ClusterIssuer');
    expect(manifest.metadata).toEqual({ name: 'letsencrypt-staging' });
    expect(manifest.spec.acme).toEqual({
      server: 'https://acme-staging-v02.api.letsencrypt.org/directory',
      email: 'platform@example.com',
      privateKeySecretRef: { name: 'letsencrypt-staging-account-key' },
      solvers: [{ http01: { ingress: { ingressClassName: 'webapprouting.kubernetes.azure.com' } } }],
    });
    expect(acme.issuerRef).toEqual({ name: 'letsencrypt-staging', kind: 'ClusterIssuer', group: 'cert-manager.io' });
    expect(acme.isAcme).toBe(true);
    expect(acme.issuesWildcardNames).toBe(false);
  });

  test('renders a production ClusterIssuer with an Azure DNS solver on workload identity', () => {
    const chart = Testing.chart();
    const acme = issuer({
      server: AcmeServer.LETS_ENCRYPT_PRODUCTION,
      solvers: [AcmeSolver.azureDns({ ...AZURE_DNS, managedIdentityClientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' })],
    }, chart);
    const manifest = synthOne(chart);

    expect(manifest.metadata.name).toBe('letsencrypt-production');
    expect(manifest.spec.acme.server).toBe('https://acme-v02.api.letsencrypt.org/directory');
    expect(manifest.spec.acme.solvers).toEqual([{
      dns01: {
        azureDNS: {
          subscriptionID: AZURE_DNS.subscriptionId,
          resourceGroupName: 'rg-dns',
          hostedZoneName: 'example.com',
          environment: 'AzurePublicCloud',
          managedIdentity: { clientID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' },
        },
      },
      selector: { dnsZones: ['example.com'] },
    }]);
    expect(acme.issuesWildcardNames).toBe(true);
  });

  test('leaves managedIdentity out so that cert-manager uses its ServiceAccount identity', () => {
    const chart = Testing.chart();
    issuer({ solvers: [AcmeSolver.azureDns({ ...AZURE_DNS, environment: AzureDnsEnvironment.US_GOVERNMENT_CLOUD })] }, chart);
    const azureDns = synthOne(chart).spec.acme.solvers[0].dns01.azureDNS;

    expect(azureDns.managedIdentity).toBeUndefined();
    expect(azureDns.environment).toBe('AzureUSGovernmentCloud');
  });

  test('combines solvers with their own zone selectors', () => {
    const chart = Testing.chart();
    issuer({
      solvers: [
        AcmeSolver.azureDns({ ...AZURE_DNS, dnsZones: ['s3.example.com'] }),
        AcmeSolver.http01({ ingressClassName: 'nginx', dnsZones: ['example.org'] }),
        AcmeSolver.http01({ ingressClassName: 'nginx' }),
      ],
    }, chart);
    const solvers = synthOne(chart).spec.acme.solvers;

    expect(solvers.map((solver: any) => solver.selector)).toEqual([
      { dnsZones: ['s3.example.com'] },
      { dnsZones: ['example.org'] },
      undefined,
    ]);
  });

  test('takes a custom ACME server, issuer name and account key Secret', () => {
    const chart = Testing.chart();
    const acme = issuer({
      server: AcmeServer.custom('https://acme.corp.example/directory'),
      name: 'corp-acme',
      privateKeySecretName: 'corp-acme-account',
    }, chart);
    const manifest = synthOne(chart);

    expect(manifest.metadata.name).toBe('corp-acme');
    expect(manifest.spec.acme.server).toBe('https://acme.corp.example/directory');
    expect(manifest.spec.acme.privateKeySecretRef).toEqual({ name: 'corp-acme-account' });
    expect(acme.privateKeySecretName).toBe('corp-acme-account');
  });

  test('names a custom server\'s issuer acme by default', () => {
    const chart = Testing.chart();
    issuer({ server: AcmeServer.custom('https://acme.corp.example/directory') }, chart);
    expect(synthOne(chart).metadata.name).toBe('acme');
  });

  test('stays cluster-scoped in a chart with a namespace', () => {
    const chart = new Chart(Testing.app(), 'ns-chart', { namespace: 'objects' });
    issuer({}, chart);
    expect(synthOne(chart).metadata).toEqual({ name: 'letsencrypt-staging' });
  });

  describe('rejects', () => {
    test.each([
      ['platform'],
      ['platform@'],
      ['@example.com'],
      ['platform@example'],
      ['plat form@example.com'],
      ['platform@exa_mple.com'],
    ])('the e-mail address %p', (email) => {
      expect(() => issuer({ email })).toThrow(new RegExp(`email must be an e-mail address .*\\(received '${email}'\\)`));
    });

    test('an empty solver list', () => {
      expect(() => issuer({ solvers: [] })).toThrow(/solvers must list at least one solver \(received \[\]\)/);
    });

    test('a custom server that is not https', () => {
      expect(() => issuer({ server: AcmeServer.custom('http://acme.example.com/directory') }))
        .toThrow(/server must be an absolute https:\/\/ URL .*\(received 'http:\/\/acme.example.com\/directory'\)/);
    });

    test('a custom server that is not a URL', () => {
      expect(() => issuer({ server: AcmeServer.custom('acme.example.com') }))
        .toThrow(/server must be an absolute https:\/\/ URL .*\(received 'acme.example.com'\)/);
    });

    test('an issuer name that is not a DNS subdomain', () => {
      expect(() => issuer({ name: 'Lets_Encrypt' })).toThrow(/name must be a DNS-1123 subdomain .*\(received 'Lets_Encrypt'\)/);
    });

    test('an account key Secret name that is not a DNS subdomain', () => {
      expect(() => issuer({ privateKeySecretName: 'key/secret' }))
        .toThrow(/privateKeySecretName must be a DNS-1123 subdomain .*\(received 'key\/secret'\)/);
    });

    test('a subscription ID that is not a GUID', () => {
      expect(() => issuer({ solvers: [AcmeSolver.azureDns({ ...AZURE_DNS, subscriptionId: 'my-subscription' })] }))
        .toThrow(/solvers\[0\]\.subscriptionId must be a GUID \(received 'my-subscription'\)/);
    });

    test('a managed identity client ID that is not a GUID', () => {
      expect(() => issuer({ solvers: [AcmeSolver.azureDns({ ...AZURE_DNS, managedIdentityClientId: 'cert-manager' })] }))
        .toThrow(/solvers\[0\]\.managedIdentityClientId must be a GUID \(received 'cert-manager'\)/);
    });

    test('a resource group name Azure refuses', () => {
      expect(() => issuer({ solvers: [AcmeSolver.azureDns({ ...AZURE_DNS, resourceGroupName: 'rg-dns.' })] }))
        .toThrow(/solvers\[0\]\.resourceGroupName must be an Azure resource group name .*\(received 'rg-dns\.'\)/);
    });

    test('a hosted zone that is not a DNS name', () => {
      expect(() => issuer({ solvers: [AcmeSolver.azureDns({ ...AZURE_DNS, hostedZoneName: '*.example.com' })] }))
        .toThrow(/solvers\[0\]\.hostedZoneName must not contain a wildcard \(received '\*\.example\.com'\)/);
    });

    test('an ingress class name that is not a DNS subdomain', () => {
      expect(() => issuer({ solvers: [AcmeSolver.http01({ ingressClassName: 'Web Routing' })] }))
        .toThrow(/solvers\[0\]\.ingressClassName must be a DNS-1123 subdomain .*\(received 'Web Routing'\)/);
    });

    test('an empty zone selector', () => {
      expect(() => issuer({ solvers: [AcmeSolver.http01({ ingressClassName: 'nginx', dnsZones: [] })] }))
        .toThrow(/solvers\[0\]\.dnsZones must not be empty \(received \[\]\)/);
    });

    test('an invalid zone in a selector', () => {
      expect(() => issuer({ solvers: [AcmeSolver.http01({ ingressClassName: 'nginx', dnsZones: ['example..com'] })] }))
        .toThrow(/solvers\[0\]\.dnsZones\[0\] must be a DNS name .*\(received 'example\.\.com'\)/);
    });

    test('a zone listed twice in a selector', () => {
      expect(() => issuer({ solvers: [AcmeSolver.http01({ ingressClassName: 'nginx', dnsZones: ['example.com', 'example.com'] })] }))
        .toThrow(/solvers\[0\]\.dnsZones\[1\] repeats an earlier entry \(received 'example\.com'\)/);
    });

    test('with the construct path in the message', () => {
      expect(() => issuer({ email: 'nobody' })).toThrow(/^test\/Acme: email/);
    });
  });
});
