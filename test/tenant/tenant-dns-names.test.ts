import { ConfigurationError } from '../../lib/core/errors';
import { tenantCertificateDnsNames } from '../../lib/tenant/tenant-dns-names';

describe('tenantCertificateDnsNames', () => {
  test('lists the names the operator and the pods use, for the default cluster domain', () => {
    expect(tenantCertificateDnsNames('myminio', 'minio-tenant')).toEqual([
      'minio.minio-tenant',
      'minio.minio-tenant.svc',
      'minio.minio-tenant.svc.cluster.local',
      '*.myminio-hl.minio-tenant.svc.cluster.local',
      // The bucket-DNS wildcard of the operator's own certificates (names.go: MinIOBucketBaseWildcardDomain).
      '*.minio-tenant.svc.cluster.local',
    ]);
  });

  test('follows a non-default namespace and cluster domain', () => {
    expect(tenantCertificateDnsNames('store', 'objects', 'aks.internal')).toEqual([
      'minio.objects',
      'minio.objects.svc',
      'minio.objects.svc.aks.internal',
      '*.store-hl.objects.svc.aks.internal',
      '*.objects.svc.aks.internal',
    ]);
  });

  test('appends extra domains in order, without duplicates', () => {
    const names = tenantCertificateDnsNames('store', 'objects', 'aks.internal', [
      's3.example.com', '*.s3.example.com', 'minio.objects.svc', 's3.example.com',
    ]);
    expect(names.slice(5)).toEqual(['s3.example.com', '*.s3.example.com']);
    expect(new Set(names).size).toBe(names.length);
  });

  describe('rejects', () => {
    test.each([
      ['Store', 'objects', 'cluster.local', /tenantName must be a DNS-1123 label of at most 60 characters \(received 'Store'\)/],
      ['s'.repeat(61), 'objects', 'cluster.local', /tenantName must be a DNS-1123 label of at most 60 characters/],
      ['store', 'objects_ns', 'cluster.local', /namespace must be a DNS-1123 label .*\(received 'objects_ns'\)/],
      ['store', 'objects', 'aks..internal', /clusterDomain must be a DNS name .*\(received 'aks\.\.internal'\)/],
      ['store', 'objects', '*.internal', /clusterDomain must not contain a wildcard \(received '\*\.internal'\)/],
      ['store', 'objects', '', /clusterDomain must not be empty/],
    ])('tenant %p in namespace %p with cluster domain %p', (tenantName, namespace, clusterDomain, message) => {
      expect(() => tenantCertificateDnsNames(tenantName, namespace, clusterDomain)).toThrow(message);
    });

    test('a cluster domain that makes the names too long', () => {
      // 231 characters: valid alone, and every name fits except the longest, '*.store-hl.objects.svc.<domain>'.
      const domain = ['d'.repeat(60), 'd'.repeat(60), 'd'.repeat(60), 'd'.repeat(48)].join('.');
      expect(() => tenantCertificateDnsNames('store', 'objects', domain))
        .toThrow(/clusterDomain makes the name '\*\.store-hl\.objects\.svc\.d+[.d]*' longer than 253 characters/);
      expect(tenantCertificateDnsNames('store', 'objects', domain.slice(1))).toHaveLength(5);
    });

    test('a wildcard in the middle of an extra domain', () => {
      expect(() => tenantCertificateDnsNames('store', 'objects', 'cluster.local', ['s3.example.com', 'bucket.*.example.com']))
        .toThrow(/extraDomains\[1\] may carry a wildcard only as its whole leftmost label \(received 'bucket\.\*\.example\.com'\)/);
    });

    test('with a ConfigurationError named after the function', () => {
      let caught: unknown;
      try {
        tenantCertificateDnsNames('Store', 'objects');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigurationError);
      expect((caught as ConfigurationError).message).toMatch(/^tenantCertificateDnsNames: tenantName/);
    });
  });
});
