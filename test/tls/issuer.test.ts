import { CertificateIssuer, IssuerKind } from '../../lib/tls/issuer';
import { KeyAlgorithm } from '../../lib/tls/key-algorithm';
import { KeyEncoding } from '../../lib/tls/key-encoding';

describe('CertificateIssuer', () => {
  test('refers to an existing ClusterIssuer', () => {
    const issuer = CertificateIssuer.fromClusterIssuerName('corp-ca');
    expect(issuer.issuerRef).toEqual({ name: 'corp-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' });
    expect(issuer.kind).toBe(IssuerKind.CLUSTER_ISSUER);
    expect(issuer.isAcme).toBe(false);
    expect(issuer.namespace).toBeUndefined();
  });

  test('refers to an existing ACME ClusterIssuer', () => {
    const issuer = CertificateIssuer.fromClusterIssuerName('letsencrypt-production', { isAcme: true });
    expect(issuer.isAcme).toBe(true);
  });

  test('refers to an existing namespaced Issuer, with or without its namespace', () => {
    const located = CertificateIssuer.fromIssuerName('tenant-ca', { namespace: 'objects' });
    expect(located.issuerRef).toEqual({ name: 'tenant-ca', kind: 'Issuer', group: 'cert-manager.io' });
    expect(located.kind.isClusterScoped).toBe(false);
    expect(located.namespace).toBe('objects');
    expect(CertificateIssuer.fromIssuerName('tenant-ca').namespace).toBeUndefined();
  });
});

describe('KeyAlgorithm', () => {
  test.each([
    [KeyAlgorithm.ecdsa(256), 'ECDSA', 256, true],
    [KeyAlgorithm.ecdsa(384), 'ECDSA', 384, true],
    [KeyAlgorithm.rsa(2048), 'RSA', 2048, true],
    [KeyAlgorithm.rsa(3072), 'RSA', 3072, true],
    [KeyAlgorithm.rsa(4096), 'RSA', 4096, true],
    [KeyAlgorithm.ed25519(), 'Ed25519', undefined, false],
  ])('%#: describes %p', (key, algorithm, size, acme) => {
    expect(key.algorithm).toBe(algorithm);
    expect(key.size).toBe(size);
    expect(key.isAcceptedByAcme).toBe(acme);
  });
});

describe('KeyEncoding', () => {
  test('names both encodings as cert-manager does', () => {
    expect(KeyEncoding.PKCS8.encoding).toBe('PKCS8');
    expect(KeyEncoding.PKCS1.encoding).toBe('PKCS1');
  });
});
