import { Duration, Testing } from 'cdk8s';
import { AcmeServer } from '../../lib/tls/acme-server';
import { AcmeSolver } from '../../lib/tls/acme-solver';
import { LetsEncryptIssuer } from '../../lib/tls/acme-issuer';
import { CertificateIssuer } from '../../lib/tls/issuer';
import { KeyAlgorithm } from '../../lib/tls/key-algorithm';
import { PrivateCa } from '../../lib/tls/private-ca';
import { TenantCertificate, TenantCertificateProps } from '../../lib/tenant/tenant-certificate';
import { CertificateSecretType } from '../../lib/tenant/tenant-tls';
import { expectValidManifests } from '../support/strict-validator';

const CA_ISSUER = CertificateIssuer.fromClusterIssuerName('internal-ca');
const ACME_ISSUER = CertificateIssuer.fromClusterIssuerName('letsencrypt-production', { isAcme: true });

function tenantCertificate(props: Partial<TenantCertificateProps> = {}): TenantCertificate {
  return new TenantCertificate(Testing.chart(), 'TenantCert', {
    tenantName: 'store',
    namespace: 'objects',
    issuer: CA_ISSUER,
    ...props,
  });
}

function synthCertificates(build: (chart: ReturnType<typeof Testing.chart>) => void): any[] {
  const chart = Testing.chart();
  build(chart);
  const manifests = Testing.synth(chart);
  expectValidManifests(manifests);
  return manifests.filter((manifest: any) => manifest.kind === 'Certificate');
}

describe('TenantCertificate', () => {
  test('carries the operator\'s names and a cert-manager.io/v1 entry for a CA issuer', () => {
    let construct!: TenantCertificate;
    const [certificate] = synthCertificates((chart) => {
      construct = new TenantCertificate(chart, 'TenantCert', {
        tenantName: 'store',
        namespace: 'objects',
        clusterDomain: 'aks.internal',
        issuer: CA_ISSUER,
        domains: ['s3.example.com'],
      });
    });

    expect(certificate.metadata).toEqual({ name: 'store-internal-tls', namespace: 'objects' });
    expect(certificate.spec.secretName).toBe('store-internal-tls');
    expect(certificate.spec.dnsNames).toEqual([
      'minio.objects',
      'minio.objects.svc',
      'minio.objects.svc.aks.internal',
      '*.store-hl.objects.svc.aks.internal',
      '*.objects.svc.aks.internal',
      's3.example.com',
    ]);
    expect(certificate.spec.usages).toEqual(['digital signature', 'server auth']);
    expect(construct.certificateSecret).toEqual({ name: 'store-internal-tls', type: CertificateSecretType.CERT_MANAGER });
    expect(construct.caSecret).toMatchObject({ secretName: 'store-internal-tls', key: 'ca.crt' });
    expect(construct.dnsNames).toEqual(certificate.spec.dnsNames);
  });

  test('uses cluster.local by default', () => {
    const construct = tenantCertificate();
    expect(construct.dnsNames).toContain('minio.objects.svc.cluster.local');
  });

  test('is issued by a PrivateCa, with key and lifetime options', () => {
    const [, certificate] = synthCertificates((chart) => {
      const ca = new PrivateCa(chart, 'Ca');
      new TenantCertificate(chart, 'TenantCert', {
        tenantName: 'store',
        namespace: 'objects',
        issuer: ca,
        name: 'store-server',
        keyAlgorithm: KeyAlgorithm.ecdsa(384),
        duration: Duration.days(60),
        renewBefore: Duration.days(15),
      });
    });

    expect(certificate.metadata.name).toBe('store-server');
    expect(certificate.spec.issuerRef).toEqual({ name: 'minio-private-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' });
    expect(certificate.spec.privateKey.size).toBe(384);
    expect(certificate.spec.duration).toBe('1440h');
    expect(certificate.spec.renewBefore).toBe('360h');
  });

  test('carries only public names and a kubernetes.io/tls entry for an ACME issuer', () => {
    let construct!: TenantCertificate;
    const [certificate] = synthCertificates((chart) => {
      const acme = new LetsEncryptIssuer(chart, 'Acme', {
        server: AcmeServer.LETS_ENCRYPT_PRODUCTION,
        email: 'platform@example.com',
        solvers: [AcmeSolver.azureDns({
          subscriptionId: '11111111-2222-3333-4444-555555555555', resourceGroupName: 'rg', hostedZoneName: 'example.com',
        })],
      });
      construct = new TenantCertificate(chart, 'TenantCert', {
        tenantName: 'store', namespace: 'objects', issuer: acme, domains: ['s3.example.com', '*.s3.example.com', 's3.example.com'],
      });
    });

    expect(certificate.metadata).toEqual({ name: 'store-public-tls', namespace: 'objects' });
    expect(certificate.spec.dnsNames).toEqual(['s3.example.com', '*.s3.example.com']);
    expect(certificate.spec.duration).toBeUndefined();
    expect(construct.certificateSecret).toEqual({ name: 'store-public-tls', type: CertificateSecretType.KUBERNETES_TLS });
    expect(construct.caSecret).toBeUndefined();
  });

  describe('rejects', () => {
    test('an invalid tenant name', () => {
      expect(() => tenantCertificate({ tenantName: 'Store' }))
        .toThrow(/^test\/TenantCert: tenantName must be a DNS-1123 label of at most 60 characters \(received 'Store'\)/);
    });

    test('an invalid namespace', () => {
      expect(() => tenantCertificate({ namespace: '-objects' })).toThrow(/namespace must be a DNS-1123 label .*\(received '-objects'\)/);
    });

    test('an invalid cluster domain', () => {
      expect(() => tenantCertificate({ clusterDomain: 'aks_internal' })).toThrow(/clusterDomain must be a DNS name .*\(received 'aks_internal'\)/);
    });

    test('a domain with a wildcard in the middle', () => {
      expect(() => tenantCertificate({ domains: ['s3.*.example.com'] }))
        .toThrow(/domains\[0\] may carry a wildcard only as its whole leftmost label \(received 's3\.\*\.example\.com'\)/);
    });

    test('the operator\'s own Secret name', () => {
      expect(() => tenantCertificate({ name: 'store-tls' })).toThrow(/name is the Secret the operator writes its own certificate to \(received 'store-tls'\)/);
    });

    test('an ACME issuer without public domains', () => {
      expect(() => tenantCertificate({ issuer: ACME_ISSUER }))
        .toThrow(/domains must list at least one public name when the issuer is an ACME issuer \(received \[\]\)/);
    });

    test.each([
      ['minio.objects.svc'],
      ['minio.objects.svc.cluster.local'],
      ['store.cluster.local'],
      ['localhost'],
    ])('the cluster-internal name %p with an ACME issuer', (domain) => {
      expect(() => tenantCertificate({ issuer: ACME_ISSUER, domains: ['s3.example.com', domain] }))
        .toThrow(/domains\[1\] is a cluster-internal name, which an ACME CA cannot validate/);
    });

    test('a wildcard with an HTTP-01-only ACME issuer', () => {
      const chart = Testing.chart();
      const acme = new LetsEncryptIssuer(chart, 'Acme', {
        server: AcmeServer.LETS_ENCRYPT_STAGING,
        email: 'platform@example.com',
        solvers: [AcmeSolver.http01({ ingressClassName: 'nginx' })],
      });
      expect(() => new TenantCertificate(chart, 'TenantCert', {
        tenantName: 'store', namespace: 'objects', issuer: acme, domains: ['*.s3.example.com'],
      })).toThrow(/domains\[0\] is a wildcard, which an ACME issuer without a DNS-01 solver cannot prove/);
    });

    test('a namespaced Issuer from another namespace', () => {
      const issuer = CertificateIssuer.fromIssuerName('ca', { namespace: 'cert-manager' });
      expect(() => tenantCertificate({ issuer })).toThrow(/issuer is a namespaced Issuer in another namespace than the certificate \(objects\)/);
    });

    test('a duration with an ACME issuer', () => {
      expect(() => tenantCertificate({ issuer: ACME_ISSUER, domains: ['s3.example.com'], duration: Duration.days(30) }))
        .toThrow(/duration cannot be chosen with an ACME issuer/);
    });
  });
});
