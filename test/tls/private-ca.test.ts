import { Chart, Duration, Testing } from 'cdk8s';
import { IssuerKind } from '../../lib/tls/issuer';
import { KeyAlgorithm } from '../../lib/tls/key-algorithm';
import { PrivateCa, PrivateCaProps } from '../../lib/tls/private-ca';
import { expectValidManifests } from '../support/strict-validator';

function synth(chart: Chart): any[] {
  const manifests = Testing.synth(chart);
  expectValidManifests(manifests);
  return manifests;
}

function byKind(manifests: any[], kind: string): any[] {
  return manifests.filter((manifest) => manifest.kind === kind);
}

function privateCa(props: PrivateCaProps = {}): PrivateCa {
  return new PrivateCa(Testing.chart(), 'Ca', props);
}

describe('PrivateCa', () => {
  test('bootstraps a CA ClusterIssuer in cert-manager\'s namespace by default', () => {
    const chart = Testing.chart();
    const ca = new PrivateCa(chart, 'Ca');
    const manifests = synth(chart);

    expect(manifests).toHaveLength(3);
    const [bootstrap] = byKind(manifests, 'Issuer');
    expect(bootstrap.metadata).toEqual({ name: 'minio-private-ca-bootstrap', namespace: 'cert-manager' });
    expect(bootstrap.spec).toEqual({ selfSigned: {} });

    const [certificate] = byKind(manifests, 'Certificate');
    expect(certificate.metadata).toEqual({ name: 'minio-private-ca', namespace: 'cert-manager' });
    expect(certificate.spec).toEqual({
      isCA: true,
      commonName: 'minio-private-ca',
      secretName: 'minio-private-ca',
      issuerRef: { name: 'minio-private-ca-bootstrap', kind: 'Issuer', group: 'cert-manager.io' },
      duration: '87600h',
      renewBefore: '8760h',
      privateKey: { algorithm: 'ECDSA', size: 256, encoding: 'PKCS8', rotationPolicy: 'Never' },
      usages: ['digital signature', 'cert sign', 'crl sign'],
    });

    const [caIssuer] = byKind(manifests, 'ClusterIssuer');
    expect(caIssuer.metadata).toEqual({ name: 'minio-private-ca' });
    expect(caIssuer.spec).toEqual({ ca: { secretName: 'minio-private-ca' } });

    expect(ca.issuerRef).toEqual({ name: 'minio-private-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' });
    expect(ca.isAcme).toBe(false);
    expect(ca.namespace).toBeUndefined();
    expect(ca.caNamespace).toBe('cert-manager');
    expect(ca.caSecretName).toBe('minio-private-ca');
  });

  test('creates a namespaced CA Issuer beside its Certificate when asked', () => {
    const chart = Testing.chart();
    const ca = new PrivateCa(chart, 'Ca', { name: 'objects-ca', namespace: 'objects', issuerKind: IssuerKind.ISSUER });
    const manifests = synth(chart);

    expect(byKind(manifests, 'ClusterIssuer')).toHaveLength(0);
    const issuers = byKind(manifests, 'Issuer');
    expect(issuers.map((issuer) => issuer.metadata)).toEqual([
      { name: 'objects-ca-bootstrap', namespace: 'objects' },
      { name: 'objects-ca', namespace: 'objects' },
    ]);
    expect(issuers[1].spec).toEqual({ ca: { secretName: 'objects-ca' } });
    expect(ca.issuerRef.kind).toBe('Issuer');
    expect(ca.namespace).toBe('objects');
  });

  test('takes key, lifetime and common name', () => {
    const chart = Testing.chart();
    new PrivateCa(chart, 'Ca', {
      keyAlgorithm: KeyAlgorithm.rsa(4096),
      duration: Duration.days(1825),
      renewBefore: Duration.days(180),
      commonName: 'Contoso MinIO CA',
    });
    const [certificate] = byKind(synth(chart), 'Certificate');

    expect(certificate.spec.privateKey).toEqual({ algorithm: 'RSA', size: 4096, encoding: 'PKCS8', rotationPolicy: 'Never' });
    expect(certificate.spec.duration).toBe('43800h');
    expect(certificate.spec.renewBefore).toBe('4320h');
    expect(certificate.spec.commonName).toBe('Contoso MinIO CA');
  });

  test('keeps the ClusterIssuer free of a chart namespace', () => {
    const chart = new Chart(Testing.app(), 'ns-chart', { namespace: 'objects' });
    new PrivateCa(chart, 'Ca');
    const [caIssuer] = byKind(synth(chart), 'ClusterIssuer');
    expect(caIssuer.metadata).toEqual({ name: 'minio-private-ca' });
  });

  describe('rejects', () => {
    test('renewBefore not shorter than duration', () => {
      expect(() => privateCa({ duration: Duration.days(365), renewBefore: Duration.days(365) }))
        .toThrow(/renewBefore must be shorter than duration \(8760h\).*\(received '8760h'\)/);
    });

    test('a duration below cert-manager\'s minimum', () => {
      expect(() => privateCa({ duration: Duration.minutes(30), renewBefore: Duration.minutes(10) }))
        .toThrow(/duration must be at least 1h, .*\(received '30m'\)/);
    });

    test('a renewBefore below cert-manager\'s minimum', () => {
      expect(() => privateCa({ renewBefore: Duration.minutes(1) })).toThrow(/renewBefore must be at least 5m, .*\(received '1m'\)/);
    });

    test('a name too long for the bootstrap issuer\'s suffix', () => {
      const name = 'a'.repeat(54);
      expect(() => privateCa({ name })).toThrow(new RegExp(`name must be a DNS-1123 label of at most 53 characters \\(received '${name}'\\)`));
    });

    test('a namespace that is not a DNS label', () => {
      expect(() => privateCa({ namespace: 'Cert-Manager' })).toThrow(/namespace must be a DNS-1123 label .*\(received 'Cert-Manager'\)/);
    });

    test('an invalid key size', () => {
      expect(() => privateCa({ keyAlgorithm: KeyAlgorithm.ecdsa(521) }))
        .toThrow(/keyAlgorithm ECDSA curve size must be one of 256, 384 \(received 521\)/);
    });

    test('a common name over 64 characters', () => {
      expect(() => privateCa({ commonName: 'x'.repeat(65) })).toThrow(/commonName must be 1 to 64 characters/);
    });
  });
});
