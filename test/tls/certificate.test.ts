import { Chart, Duration, Testing } from 'cdk8s';
import { AcmeServer } from '../../lib/tls/acme-server';
import { AcmeSolver } from '../../lib/tls/acme-solver';
import { LetsEncryptIssuer } from '../../lib/tls/acme-issuer';
import { TlsCertificate, TlsCertificateProps } from '../../lib/tls/certificate';
import { CertificateIssuer } from '../../lib/tls/issuer';
import { KeyAlgorithm } from '../../lib/tls/key-algorithm';
import { KeyEncoding } from '../../lib/tls/key-encoding';
import { PrivateCa } from '../../lib/tls/private-ca';
import { expectValidManifests } from '../support/strict-validator';

const CA_ISSUER = CertificateIssuer.fromClusterIssuerName('internal-ca');
const ACME_ISSUER = CertificateIssuer.fromClusterIssuerName('letsencrypt-production', { isAcme: true });

function certificate(props: Partial<TlsCertificateProps> = {}, chart: Chart = Testing.chart()): TlsCertificate {
  return new TlsCertificate(chart, 'Cert', {
    name: 'kms-server',
    namespace: 'kms',
    issuer: CA_ISSUER,
    dnsNames: ['kms.kms.svc.cluster.local'],
    ...props,
  });
}

function synthCertificate(props: Partial<TlsCertificateProps> = {}): { manifest: any; construct: TlsCertificate } {
  const chart = Testing.chart();
  const construct = certificate(props, chart);
  const manifests = Testing.synth(chart);
  expectValidManifests(manifests);
  return { manifest: manifests.find((m: any) => m.kind === 'Certificate'), construct };
}

describe('TlsCertificate', () => {
  test('renders secure defaults for a CA-issued server certificate', () => {
    const { manifest, construct } = synthCertificate();

    expect(manifest.metadata).toEqual({ name: 'kms-server', namespace: 'kms' });
    expect(manifest.spec).toEqual({
      secretName: 'kms-server',
      issuerRef: { name: 'internal-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
      dnsNames: ['kms.kms.svc.cluster.local'],
      duration: '2160h',
      renewBefore: '720h',
      privateKey: { algorithm: 'ECDSA', size: 256, encoding: 'PKCS8', rotationPolicy: 'Always' },
      usages: ['digital signature', 'server auth'],
    });
    expect(construct.secretName).toBe('kms-server');
    expect(construct.caSecret).toMatchObject({ secretName: 'kms-server', key: 'ca.crt' });
  });

  test('takes every option', () => {
    const { manifest } = synthCertificate({
      secretName: 'kms-server-tls',
      commonName: 'kms.kms.svc',
      dnsNames: ['kms.kms.svc', '*.kms-hl.kms.svc.cluster.local'],
      ipAddresses: ['10.0.0.10', 'fd00::10'],
      duration: Duration.days(30),
      renewBefore: Duration.hours(36),
      keyAlgorithm: KeyAlgorithm.rsa(3072),
      keyEncoding: KeyEncoding.PKCS1,
      clientAuth: true,
    });

    expect(manifest.spec).toEqual({
      secretName: 'kms-server-tls',
      issuerRef: { name: 'internal-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
      commonName: 'kms.kms.svc',
      dnsNames: ['kms.kms.svc', '*.kms-hl.kms.svc.cluster.local'],
      ipAddresses: ['10.0.0.10', 'fd00::10'],
      duration: '720h',
      renewBefore: '36h',
      privateKey: { algorithm: 'RSA', size: 3072, encoding: 'PKCS1', rotationPolicy: 'Always' },
      usages: ['digital signature', 'key encipherment', 'server auth', 'client auth'],
    });
  });

  test('renews a third into a custom lifetime when renewBefore is not given', () => {
    const { manifest } = synthCertificate({ duration: Duration.hours(3) });
    expect(manifest.spec.duration).toBe('3h');
    expect(manifest.spec.renewBefore).toBe('1h');
  });

  test('writes Ed25519 keys without a size', () => {
    const { manifest } = synthCertificate({ keyAlgorithm: KeyAlgorithm.ed25519() });
    expect(manifest.spec.privateKey).toEqual({ algorithm: 'Ed25519', encoding: 'PKCS8', rotationPolicy: 'Always' });
  });

  test('writes ECDSA P-384 keys', () => {
    const { manifest } = synthCertificate({ keyAlgorithm: KeyAlgorithm.ecdsa(384) });
    expect(manifest.spec.privateKey.size).toBe(384);
  });

  test('leaves lifetime to the ACME CA and exposes no ca.crt', () => {
    const { manifest, construct } = synthCertificate({ issuer: ACME_ISSUER, dnsNames: ['s3.example.com'] });

    expect(manifest.spec.duration).toBeUndefined();
    expect(manifest.spec.renewBefore).toBeUndefined();
    expect(construct.caSecret).toBeUndefined();
  });

  test('passes an explicit renewBefore to an ACME issuer', () => {
    const { manifest } = synthCertificate({ issuer: ACME_ISSUER, dnsNames: ['s3.example.com'], renewBefore: Duration.days(20) });
    expect(manifest.spec.renewBefore).toBe('480h');
  });

  test('uses the chart namespace when none is given', () => {
    const chart = new Chart(Testing.app(), 'ns-chart', { namespace: 'objects' });
    const construct = new TlsCertificate(chart, 'Cert', { name: 'web', issuer: CA_ISSUER, dnsNames: ['web.objects.svc'] });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);

    expect(manifests[0].metadata.namespace).toBe('objects');
    expect(construct.namespace).toBe('objects');
  });

  test('accepts a namespaced Issuer in its own namespace', () => {
    const issuer = CertificateIssuer.fromIssuerName('kms-ca', { namespace: 'kms' });
    const { manifest } = synthCertificate({ issuer });
    expect(manifest.spec.issuerRef).toEqual({ name: 'kms-ca', kind: 'Issuer', group: 'cert-manager.io' });
  });

  test('is issued by a PrivateCa and a LetsEncryptIssuer directly', () => {
    const chart = Testing.chart();
    const ca = new PrivateCa(chart, 'Ca');
    const acme = new LetsEncryptIssuer(chart, 'Acme', {
      server: AcmeServer.LETS_ENCRYPT_PRODUCTION,
      email: 'platform@example.com',
      solvers: [AcmeSolver.azureDns({
        subscriptionId: '11111111-2222-3333-4444-555555555555', resourceGroupName: 'rg', hostedZoneName: 'example.com',
      })],
    });
    new TlsCertificate(chart, 'Internal', { name: 'internal', namespace: 'kms', issuer: ca, dnsNames: ['kms.kms.svc'] });
    new TlsCertificate(chart, 'Public', { name: 'public', namespace: 'kms', issuer: acme, dnsNames: ['*.s3.example.com'] });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);

    const issuerNames = manifests.filter((m: any) => m.kind === 'Certificate' && m.metadata.namespace === 'kms')
      .map((m: any) => m.spec.issuerRef.name);
    expect(issuerNames).toEqual(['minio-private-ca', 'letsencrypt-production']);
  });

  describe('rejects', () => {
    test('an empty dnsNames list', () => {
      expect(() => certificate({ dnsNames: [] })).toThrow(/^test\/Cert: dnsNames must list at least one DNS name \(received \[\]\)/);
    });

    test('a wildcard in the middle of a name', () => {
      expect(() => certificate({ dnsNames: ['s3.*.example.com'] }))
        .toThrow(/dnsNames\[0\] may carry a wildcard only as its whole leftmost label \(received 's3\.\*\.example\.com'\)/);
    });

    test('a partial wildcard label', () => {
      expect(() => certificate({ dnsNames: ['s3*.example.com'] }))
        .toThrow(/dnsNames\[0\] may carry a wildcard only as its whole leftmost label \(received 's3\*\.example\.com'\)/);
    });

    test('a wildcard over a top-level domain', () => {
      expect(() => certificate({ dnsNames: ['*.com'] })).toThrow(/dnsNames\[0\] must have at least two labels after the wildcard/);
    });

    test('an upper-case name', () => {
      expect(() => certificate({ dnsNames: ['S3.example.com'] })).toThrow(/dnsNames\[0\] must be a DNS name .*\(received 'S3\.example\.com'\)/);
    });

    test('a label over 63 characters', () => {
      expect(() => certificate({ dnsNames: [`${'a'.repeat(64)}.example.com`] })).toThrow(/dnsNames\[0\] must be a DNS name of labels of at most 63/);
    });

    test('a duplicate name', () => {
      expect(() => certificate({ dnsNames: ['a.example.com', 'a.example.com'] }))
        .toThrow(/dnsNames\[1\] repeats an earlier entry \(received 'a\.example\.com'\)/);
    });

    test('renewBefore equal to duration', () => {
      expect(() => certificate({ duration: Duration.days(10), renewBefore: Duration.days(10) }))
        .toThrow(/renewBefore must be shorter than duration \(240h\), .*\(received '240h'\)/);
    });

    test('renewBefore longer than duration', () => {
      expect(() => certificate({ duration: Duration.hours(2), renewBefore: Duration.hours(3) }))
        .toThrow(/renewBefore must be shorter than duration \(2h\), .*\(received '3h'\)/);
    });

    test('a duration under one hour', () => {
      expect(() => certificate({ duration: Duration.minutes(59) })).toThrow(/duration must be at least 1h, .*\(received '59m'\)/);
    });

    test('a renewBefore under five minutes', () => {
      expect(() => certificate({ renewBefore: Duration.minutes(4) })).toThrow(/renewBefore must be at least 5m, .*\(received '4m'\)/);
    });

    test('a duration with a fraction of a second', () => {
      expect(() => certificate({ duration: Duration.millis(3_600_500) })).toThrow(/duration must be a whole number of seconds/);
    });

    test('a duration with an ACME issuer', () => {
      expect(() => certificate({ issuer: ACME_ISSUER, dnsNames: ['s3.example.com'], duration: Duration.days(30) }))
        .toThrow(/duration cannot be chosen with an ACME issuer, .*\(received '720h'\)/);
    });

    test.each([
      [KeyAlgorithm.ecdsa(521), /keyAlgorithm ECDSA curve size must be one of 256, 384 \(received 521\)/],
      [KeyAlgorithm.ecdsa(224), /keyAlgorithm ECDSA curve size must be one of 256, 384 \(received 224\)/],
      [KeyAlgorithm.rsa(1024), /keyAlgorithm RSA key size must be one of 2048, 3072, 4096 \(received 1024\)/],
      [KeyAlgorithm.rsa(8192), /keyAlgorithm RSA key size must be one of 2048, 3072, 4096 \(received 8192\)/],
    ])('the invalid key size %#', (keyAlgorithm, message) => {
      expect(() => certificate({ keyAlgorithm })).toThrow(message);
    });

    test('an Ed25519 key with an ACME issuer', () => {
      expect(() => certificate({ issuer: ACME_ISSUER, dnsNames: ['s3.example.com'], keyAlgorithm: KeyAlgorithm.ed25519() }))
        .toThrow(/keyAlgorithm is not accepted by ACME CAs .*\(received 'Ed25519'\)/);
    });

    test('an Ed25519 key in PKCS#1', () => {
      expect(() => certificate({ keyAlgorithm: KeyAlgorithm.ed25519(), keyEncoding: KeyEncoding.PKCS1 }))
        .toThrow(/keyEncoding cannot hold an Ed25519 key \(received 'PKCS1'\)/);
    });

    test('a wildcard with an ACME issuer that has only HTTP-01 solvers', () => {
      const chart = Testing.chart();
      const acme = new LetsEncryptIssuer(chart, 'Acme', {
        server: AcmeServer.LETS_ENCRYPT_STAGING,
        email: 'platform@example.com',
        solvers: [AcmeSolver.http01({ ingressClassName: 'nginx' })],
      });
      expect(() => certificate({ issuer: acme, dnsNames: ['*.s3.example.com'] }, chart))
        .toThrow(/dnsNames\[0\] is a wildcard, which an ACME issuer without a DNS-01 solver cannot prove/);
    });

    test('an invalid IP address', () => {
      expect(() => certificate({ ipAddresses: ['10.0.0.0/24'] })).toThrow(/ipAddresses\[0\] must be an IPv4 or IPv6 address \(received '10\.0\.0\.0\/24'\)/);
    });

    test('a common name over 64 characters', () => {
      expect(() => certificate({ commonName: 'c'.repeat(65) })).toThrow(/commonName must be 1 to 64 characters/);
    });

    test('a namespaced Issuer from another namespace', () => {
      const issuer = CertificateIssuer.fromIssuerName('tenant-ca', { namespace: 'objects' });
      expect(() => certificate({ issuer })).toThrow(/issuer is a namespaced Issuer in another namespace than the certificate \(kms\) \(received 'objects\/tenant-ca'\)/);
    });

    test('an existing issuer with an invalid name', () => {
      expect(() => certificate({ issuer: CertificateIssuer.fromClusterIssuerName('Internal CA') }))
        .toThrow(/issuer\.name must be a DNS-1123 subdomain .*\(received 'Internal CA'\)/);
    });

    test('an invalid certificate name', () => {
      expect(() => certificate({ name: 'KMS' })).toThrow(/name must be a DNS-1123 subdomain .*\(received 'KMS'\)/);
    });

    test('an invalid Secret name', () => {
      expect(() => certificate({ secretName: 'kms_tls' })).toThrow(/secretName must be a DNS-1123 subdomain .*\(received 'kms_tls'\)/);
    });

    test('an invalid namespace', () => {
      expect(() => certificate({ namespace: 'kms.ns' })).toThrow(/namespace must be a DNS-1123 label .*\(received 'kms\.ns'\)/);
    });
  });
});
