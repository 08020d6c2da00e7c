import { ApiObject, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { GitOpsApp, GitOpsChart, KeyVaultExternalSecret, MinioTenant } from '../../lib';
import { VALID_POOL } from '../tenant/tenant-fixtures';

describe('one object per kind, namespace and name', () => {
  test('two objects under one identity anywhere in the app fail the synth with both paths', () => {
    const app = Testing.app();
    const a = new GitOpsChart(app, 'a', { namespace: 'shared' });
    const b = new GitOpsChart(app, 'b', { namespace: 'shared' });
    new kplus.ConfigMap(a, 'Settings', { metadata: { name: 'settings' } });
    new kplus.ConfigMap(b, 'Settings', { metadata: { name: 'settings' } });
    expect(() => Testing.synth(a)).toThrow(/b\/Settings\/Resource: ConfigMap shared\/settings is also defined by a\/Settings\/Resource/);
  });

  test('the same name in another namespace, another kind or another API group is fine', () => {
    const app = new GitOpsApp({ outdir: Testing.app().outdir });
    const a = new GitOpsChart(app, 'a', { namespace: 'one' });
    const b = new GitOpsChart(app, 'b', { namespace: 'two' });
    new kplus.ConfigMap(a, 'Settings', { metadata: { name: 'settings' } });
    new kplus.ConfigMap(b, 'Settings', { metadata: { name: 'settings' } });
    new kplus.Secret(a, 'Secret', { metadata: { name: 'settings' } });
    new ApiObject(a, 'Widget', { apiVersion: 'example.com/v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
    expect(() => app.synth()).not.toThrow();
  });

  test('a second ExternalSecret of one name is refused when it is created', () => {
    const chart = new GitOpsChart(Testing.app(), 'e', { namespace: 'objects' });
    const store = { name: 'vault', namespace: 'objects', clusterScoped: false } as any;
    new KeyVaultExternalSecret(chart, 'A', { name: 'config', store, data: [{ secretKey: 'k', keyVaultSecret: 'kv' }] });
    expect(() => new KeyVaultExternalSecret(chart, 'B', { name: 'config', store, data: [{ secretKey: 'k', keyVaultSecret: 'kv' }] }))
      .toThrow(/e\/B: name is taken: ExternalSecret objects\/config is defined by e\/A\/Resource already/);
  });

  test('the library refuses a second object of its own when it is created', () => {
    const chart = new GitOpsChart(Testing.app(), 'c', { namespace: 'objects' });
    new MinioTenant(chart, 'store', { configuration: { name: 'config' }, pools: [VALID_POOL], networkPolicy: false });
    new ApiObject(chart, 'Other', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    const other = new GitOpsChart(Testing.app(), 'd', { namespace: 'objects' });
    expect(() => new MinioTenant(other, 'store', { configuration: { name: 'config' }, pools: [VALID_POOL] })).not.toThrow();
    expect(() => new MinioTenant(chart, 'store-2', { name: 'other', configuration: { name: 'config' }, pools: [VALID_POOL] }))
      .toThrow(/c\/store-2: namespace already holds tenant c\/store, and the MinIO Operator names the S3 Service of every tenant 'minio' \(received 'objects'\)/);
  });
});
