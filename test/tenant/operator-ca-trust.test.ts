import { Testing } from 'cdk8s';
import { AcmeServer } from '../../lib/tls/acme-server';
import { AcmeSolver } from '../../lib/tls/acme-solver';
import { LetsEncryptIssuer } from '../../lib/tls/acme-issuer';
import { CertificateIssuer, ICertificateIssuer, IssuerKind } from '../../lib/tls/issuer';
import { OperatorCaTrust, OperatorCaTrustProps } from '../../lib/tenant/operator-ca-trust';
import { PrivateCa } from '../../lib/tls/private-ca';
import { expectValidManifests } from '../support/strict-validator';

function trust(issuer: ICertificateIssuer, props: Partial<OperatorCaTrustProps> = {}): OperatorCaTrust {
  return new OperatorCaTrust(Testing.chart(), 'Trust', { issuer, suffix: 'store', ...props });
}

describe('OperatorCaTrust', () => {
  test('issues a certificate from the tenant CA into operator-ca-tls-<suffix> in minio-operator', () => {
    const chart = Testing.chart();
    const ca = new PrivateCa(chart, 'Ca');
    const construct = new OperatorCaTrust(chart, 'Trust', { issuer: ca, suffix: 'store' });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);

    const certificate = manifests.find((m: any) => m.kind === 'Certificate' && m.metadata.namespace === 'minio-operator');
    expect(certificate.metadata).toEqual({ name: 'operator-ca-tls-store', namespace: 'minio-operator' });
    expect(certificate.spec).toEqual({
      secretName: 'operator-ca-tls-store',
      issuerRef: { name: 'minio-private-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
      commonName: 'operator-ca-tls-store',
      duration: '2160h',
      renewBefore: '720h',
      privateKey: { algorithm: 'ECDSA', size: 256, encoding: 'PKCS8', rotationPolicy: 'Always' },
      usages: ['digital signature'],
    });
    expect(certificate.spec.dnsNames).toBeUndefined();
    expect(construct.secretName).toBe('operator-ca-tls-store');
    expect(construct.operatorNamespace).toBe('minio-operator');
  });

  test('follows a custom operator namespace', () => {
    const chart = Testing.chart();
    new OperatorCaTrust(chart, 'Trust', {
      issuer: CertificateIssuer.fromClusterIssuerName('internal-ca'), suffix: 'internal-ca', operatorNamespace: 'minio-system',
    });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(manifests[0].metadata).toEqual({ name: 'operator-ca-tls-internal-ca', namespace: 'minio-system' });
  });

  test('accepts a namespaced Issuer that lives in the operator namespace', () => {
    const construct = trust(CertificateIssuer.fromIssuerName('operator-ca', { namespace: 'minio-operator' }));
    expect(construct.resource.toJson().spec.issuerRef.kind).toBe('Issuer');
  });

  describe('rejects', () => {
    test('an ACME issuer', () => {
      expect(() => trust(CertificateIssuer.fromClusterIssuerName('letsencrypt-production', { isAcme: true })))
        .toThrow(/^test\/Trust: issuer is an ACME issuer, whose certificates carry no ca\.crt to trust \(received 'letsencrypt-production'\)/);
    });

    test('a LetsEncryptIssuer', () => {
      const chart = Testing.chart();
      const acme = new LetsEncryptIssuer(chart, 'Acme', {
        server: AcmeServer.LETS_ENCRYPT_STAGING,
        email: 'platform@example.com',
        solvers: [AcmeSolver.http01({ ingressClassName: 'nginx' })],
      });
      expect(() => new OperatorCaTrust(chart, 'Trust', { issuer: acme, suffix: 'store' })).toThrow(/issuer is an ACME issuer/);
    });

    test('a namespaced CA Issuer from the tenant namespace', () => {
      const chart = Testing.chart();
      const ca = new PrivateCa(chart, 'Ca', { namespace: 'objects', issuerKind: IssuerKind.ISSUER });
      expect(() => new OperatorCaTrust(chart, 'Trust', { issuer: ca, suffix: 'store' }))
        .toThrow(/issuer is a namespaced Issuer outside the operator's namespace \(minio-operator\), .*\(received 'objects\/minio-private-ca'\)/);
    });

    test('a namespaced Issuer of unknown namespace', () => {
      expect(() => trust(CertificateIssuer.fromIssuerName('ca')))
        .toThrow(/issuer is a namespaced Issuer outside the operator's namespace .*\(received '\(unknown namespace\)\/ca'\)/);
    });

    test('a suffix that is not a DNS label', () => {
      expect(() => trust(CertificateIssuer.fromClusterIssuerName('ca'), { suffix: 'Store' }))
        .toThrow(/suffix must be a DNS-1123 label of at most 48 characters \(received 'Store'\)/);
    });

    test('a suffix too long for the common name', () => {
      expect(() => trust(CertificateIssuer.fromClusterIssuerName('ca'), { suffix: 's'.repeat(49) }))
        .toThrow(/suffix must be a DNS-1123 label of at most 48 characters/);
    });

    test('an invalid operator namespace', () => {
      expect(() => trust(CertificateIssuer.fromClusterIssuerName('ca'), { operatorNamespace: 'MinIO' }))
        .toThrow(/operatorNamespace must be a DNS-1123 label .*\(received 'MinIO'\)/);
    });
  });
});
