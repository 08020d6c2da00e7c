import { App, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Cpu } from 'cdk8s-plus-28';
import { GitOpsChart, MinioImage, MinioTenant, TolerationOperator } from '../../lib';
import { synthWithPool, tenantChart, VALID_POOL } from './tenant-fixtures';

/** Every message names the construct path, the field, the value received and the fix. */
describe('MinioTenant rejects what the operator, MinIO or the API server would refuse', () => {
  test('a tenant without pools', () => {
    const { chart } = tenantChart({ pools: [] });
    expect(() => Testing.synth(chart)).toThrow(/test\/store: pools must hold at least one pool \(received none\): pass pools or call addPool\(\)/);
  });

  test('a tenant without a configuration secret', () => {
    expect(() => tenantChart({ configuration: undefined as any }))
      .toThrow(/test\/store: configuration must name the Secret holding config.env \(received nothing\): pass the Secret/);
  });

  test('a pool with no servers', () => {
    expect(() => synthWithPool({ servers: 0 })).toThrow(/test\/store: pools\[0\]\.servers must be a whole number of at least 1 \(received 0\)/);
  });

  test('a pool with a fractional server count', () => {
    expect(() => synthWithPool({ servers: 2.5 })).toThrow(/pools\[0\]\.servers must be a whole number of at least 1 \(received 2.5\)/);
  });

  test('a pool with no volumes per server', () => {
    expect(() => synthWithPool({ volumesPerServer: 0 })).toThrow(/pools\[0\]\.volumesPerServer must be a whole number of at least 1 \(received 0\): mount at least one volume/);
  });

  test('2 servers with fewer than 4 volumes in total', () => {
    expect(() => synthWithPool({ servers: 2, volumesPerServer: 1 }))
      .toThrow(/pools\[0\]\.volumesPerServer must be at least 2 when the pool has 2 servers \(received 1\): the operator needs 4 volumes/);
  });

  test('3 servers with fewer than 6 volumes in total', () => {
    expect(() => synthWithPool({ servers: 3, volumesPerServer: 1 }))
      .toThrow(/pools\[0\]\.volumesPerServer must be at least 2 when the pool has 3 servers \(received 1\): the operator needs 6 volumes/);
  });

  test('a drive count MinIO cannot split into erasure sets', () => {
    expect(() => synthWithPool({ servers: 17, volumesPerServer: 1 }))
      .toThrow(/pools\[0\] gives 17 drives, which MinIO cannot split into erasure sets of 2 to 16 drives \(received '17 servers x 1 volumes'\)/);
  });

  test('a layout MinIO cannot spread symmetrically', () => {
    expect(() => synthWithPool({ servers: 17, volumesPerServer: 2 }))
      .toThrow(/pools\[0\] cannot be spread symmetrically.*\(received '17 servers x 2 volumes'\)/);
  });

  test('a zero storage request', () => {
    expect(() => synthWithPool({ volumeSize: Size.gibibytes(0) }))
      .toThrow(/pools\[0\]\.volumeSize must be greater than zero \(received '0Gi'\): give each volume a capacity/);
  });

  test('a missing storage request', () => {
    expect(() => synthWithPool({ volumeSize: undefined as any })).toThrow(/pools\[0\]\.volumeSize must be greater than zero \(received nothing\)/);
  });

  test('an access mode that is not a Kubernetes access mode', () => {
    expect(() => synthWithPool({ accessMode: 'WriteMany' as any })).toThrow(/pools\[0\]\.accessMode is not a Kubernetes access mode \(received 'WriteMany'\)/);
  });

  test('a read-only access mode', () => {
    expect(() => synthWithPool({ accessMode: kplus.PersistentVolumeAccessMode.READ_ONLY_MANY }))
      .toThrow(/pools\[0\]\.accessMode cannot hold MinIO data, which is written \(received 'ReadOnlyMany'\)/);
  });

  test('ReadWriteMany on an Azure Disk class', () => {
    expect(() => synthWithPool({ accessMode: kplus.PersistentVolumeAccessMode.READ_WRITE_MANY }))
      .toThrow(/pools\[0\]\.accessMode is not supported by Azure Disk storage class 'managed-csi-premium' \(received 'ReadWriteMany'\)/);
  });

  test('an invalid storage class name', () => {
    expect(() => synthWithPool({ storageClassName: 'Premium_SSD' })).toThrow(/pools\[0\]\.storageClassName is not a valid storage class name \(received 'Premium_SSD'\)/);
  });

  test('a CPU request above its limit', () => {
    expect(() => synthWithPool({ resources: { cpu: { request: Cpu.units(4), limit: Cpu.millis(2000) } } }))
      .toThrow(/pools\[0\]\.resources\.cpu\.request must not exceed the limit \(2000m\) \(received '4'\): raise the limit or lower the request/);
  });

  test('a memory request above its limit', () => {
    expect(() => synthWithPool({ resources: { memory: { request: Size.gibibytes(16), limit: Size.gibibytes(8) } } }))
      .toThrow(/pools\[0\]\.resources\.memory\.request must not exceed the limit/);
  });

  test('a zero CPU request', () => {
    expect(() => synthWithPool({ resources: { cpu: { request: Cpu.millis(0) } } })).toThrow(/pools\[0\]\.resources\.cpu\.request must be a positive quantity \(received '0m'\)/);
  });

  test('a pool name that is not a DNS label', () => {
    expect(() => synthWithPool({ name: 'Pool_0' })).toThrow(/pools\[0\]\.name must be a DNS-1123 label of at most 63 characters \(received 'Pool_0'\)/);
  });

  test('a pool name that makes the StatefulSet name too long', () => {
    expect(() => synthWithPool({ name: 'p'.repeat(50) })).toThrow(/pools\[0\]\.name makes the StatefulSet name 'store-p+' longer than 52 characters/);
  });

  test('two pools with one name', () => {
    const { tenant } = tenantChart();
    expect(() => tenant.addPool({ ...VALID_POOL }))
      .toThrow(/test\/store: pools\[1\]\.name is already used by another pool of this tenant \(received 'pool-0'\): give every pool a unique name/);
  });

  test('a tenant name that is not a DNS label', () => {
    expect(() => tenantChart({ name: 'My.Tenant' })).toThrow(/test\/store: name must be a DNS-1035 label of at most 55 characters.* \(received 'My.Tenant'\)/);
  });

  test('a tenant without a namespace', () => {
    const chart = new GitOpsChart(new App(), 'bare');
    expect(() => new MinioTenant(chart, 'store', { configuration: { name: 'c' }, pools: [VALID_POOL] }))
      .toThrow(/bare\/store: namespace is required \(received nothing\): set namespace on the construct or on its chart/);
  });

  test('an unpinned image', () => {
    // Checked when the tenant is created, so the error carries its path (not "Failed serializing construct").
    expect(() => tenantChart({ image: MinioImage.release('latest') })).toThrow(/test\/store: image\.tag must pin a release \(received 'latest'\)/);
  });

  test('an invalid image repository', () => {
    expect(() => tenantChart({ image: MinioImage.fromRepository('Quay.io/MinIO:tag', 'RELEASE.2025-09-07T16-13-09Z') })).toThrow(/image\.repository is not a valid image repository \(received 'Quay.io\/MinIO:tag'\)/);
  });

  test('MINIO_UPDATE in env', () => {
    expect(() => tenantChart({ env: { MINIO_UPDATE: kplus.EnvValue.fromValue('off') } }))
      .toThrow(/env\.MINIO_UPDATE cannot be set \(received 'off'\): leave it unset/);
  });

  test('root credentials in env', () => {
    expect(() => tenantChart({ env: { MINIO_ROOT_PASSWORD: kplus.EnvValue.fromValue('x') } }))
      .toThrow(/env\.MINIO_ROOT_PASSWORD must not be set on the Tenant \(received '<redacted, 7 characters>'\): put the root credentials in the configuration Secret/);
  });

  test('a literal secret in env', () => {
    expect(() => tenantChart({ env: { MINIO_IDENTITY_OPENID_CLIENT_SECRET: kplus.EnvValue.fromValue('s3cr3t') } }))
      .toThrow(/env\.MINIO_IDENTITY_OPENID_CLIENT_SECRET holds secret material, which must not appear in manifests \(received '<redacted, 15 characters>'\)/);
  });

  test('an invalid env name', () => {
    expect(() => tenantChart({ env: { '1BAD': kplus.EnvValue.fromValue('x') } })).toThrow(/env\.1BAD is not a valid environment variable name/);
  });

  test('a variable set twice', () => {
    const { tenant } = tenantChart({ env: { MINIO_BROWSER: kplus.EnvValue.fromValue('on') } });
    expect(() => tenant.addEnv('MINIO_BROWSER', kplus.EnvValue.fromValue('off'))).toThrow(/env\.MINIO_BROWSER is already set/);
  });

  test('an S3 domain that is a URL', () => {
    expect(() => tenantChart({ domains: { s3: ['https://s3.example.com'] } }))
      .toThrow(/domains\.s3\[0\] is not a DNS host name \(received 'https:\/\/s3.example.com'\)/);
  });

  test('a console URL without https', () => {
    expect(() => tenantChart({ domains: { console: 'http://console.example.com' } }))
      .toThrow(/domains\.console is not an https URL with a DNS host name \(received 'http:\/\/console.example.com'\)/);
  });

  test('a toleration value with operator Exists', () => {
    expect(() => synthWithPool({ tolerations: [{ key: 'k', operator: TolerationOperator.EXISTS, value: 'v' }] }))
      .toThrow(/pools\[0\]\.tolerations\[0\]\.value must be empty with operator Exists \(received 'v'\)/);
  });

  test('tolerationSeconds without NoExecute', () => {
    expect(() => synthWithPool({ tolerations: [{ key: 'k', tolerationSeconds: 30 }] }))
      .toThrow(/pools\[0\]\.tolerations\[0\]\.tolerationSeconds only applies to the NoExecute effect \(received 30\)/);
  });

  test('an invalid operator namespace', () => {
    expect(() => tenantChart({ operatorNamespace: 'MinIO' })).toThrow(/operatorNamespace must be a DNS-1123 label/);
  });
});
