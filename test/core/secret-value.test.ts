import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  ConfigurationError,
  GitOpsChart,
  KesImage,
  KeyVaultExternalSecret,
  KeyVaultSecretStore,
  KmsTls,
  MinioTenant,
  SecretSetting,
  SecretValue,
  TenantEncryption,
  WorkloadIdentityServiceAccount,
} from '../../lib';
import { kmsChart } from '../kms/kms-fixtures';
import { tenantChart, tenantOf, VALID_POOL } from '../tenant/tenant-fixtures';

function vault(chart: GitOpsChart): KeyVaultSecretStore {
  const identity = WorkloadIdentityServiceAccount.fromServiceAccountAttributes(chart, 'Reader', {
    serviceAccountName: 'reader', namespace: 'objects', clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  }) as WorkloadIdentityServiceAccount;
  return new KeyVaultSecretStore(chart, 'Vault', { name: 'vault', vaultUrl: 'https://contoso.vault.azure.net', identity });
}

describe('SecretValue', () => {
  test('from a cdk8s-plus Secret, by object', () => {
    const chart = new GitOpsChart(Testing.app(), 'x', { namespace: 'objects' });
    const secret = kplus.Secret.fromSecretName(chart, 'Sse', 'store-sse');
    expect(SecretValue.fromSecret(secret, 'key')).toMatchObject({ secretName: 'store-sse', key: 'key' });
    expect(SecretValue.fromSecret(secret, 'key').secret).toEqual({ name: 'store-sse' });
  });

  test('an ExternalSecret gives its values by key, and its only value without one', () => {
    const chart = new GitOpsChart(Testing.app(), 'x', { namespace: 'objects' });
    const store = vault(chart);
    const single = new KeyVaultExternalSecret(chart, 'Single', { name: 'single', store, data: [{ secretKey: 'api-key', keyVaultSecret: 'kv-api-key' }] });
    expect(single.value()).toMatchObject({ secretName: 'single', key: 'api-key' });
    expect(single.secret).toEqual({ name: 'single' });
    const pair = new KeyVaultExternalSecret(chart, 'Pair', {
      name: 'pair', store, data: [{ secretKey: 'a', keyVaultSecret: 'kv-a' }, { secretKey: 'b', keyVaultSecret: 'kv-b' }],
    });
    expect(pair.value('b')).toMatchObject({ secretName: 'pair', key: 'b' });
    expect(() => pair.value()).toThrow(/x\/Pair: value\(\) needs a key, as the Secret has more than one \(received \["a","b"\]\): name one of a, b/);
    expect(() => pair.value('c')).toThrow(/x\/Pair: value\('c'\) is not a key of Secret 'pair' \(received 'c'\): use one of a, b/);
    const templated = new KeyVaultExternalSecret(chart, 'Templated', {
      name: 'templated', store, data: [{ secretKey: 'a', keyVaultSecret: 'kv-a' }], template: { data: { 'config.env': 'export A="{{ .a }}"' } },
    });
    expect(templated.value()).toMatchObject({ secretName: 'templated', key: 'config.env' });
  });

  test('a static key from an ExternalSecret is mounted by object', () => {
    const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'objects' });
    const sse = new KeyVaultExternalSecret(chart, 'Sse', { name: 'store-sse', store: vault(chart), data: [{ secretKey: 'key', keyVaultSecret: 'kv-sse' }] });
    new MinioTenant(chart, 'store', {
      configuration: kplus.Secret.fromSecretName(chart, 'Config', 'store-config'),
      pools: [VALID_POOL],
      encryption: TenantEncryption.staticKey({ secret: sse.value() }),
    });
    expect(tenantOf(Testing.synth(chart)).spec.additionalVolumes[0].secret).toEqual({ secretName: 'store-sse', items: [{ key: 'key', path: 'secret-key' }] });
  });

  test.each([
    ['a Secret name', SecretValue.fromSecretName('Store_SSE', 'key'), /test\/store: encryption\.secret\.secretName must be a DNS-1123 subdomain/],
    ['a key', SecretValue.fromSecretName('store-sse', 'a key'), /test\/store: encryption\.secret\.key is not a valid Secret key \(received 'a key'\)/],
    ['a plain object', { secretName: 'store-sse', key: 'key' } as unknown as SecretValue, /test\/store: encryption\.secret must be a SecretValue/],
  ])('a bad %s fails when the consumer is created, with its path', (_what, secret, message) => {
    expect(() => tenantChart({ encryption: TenantEncryption.staticKey({ secret }) })).toThrow(ConfigurationError);
    expect(() => tenantChart({ encryption: TenantEncryption.staticKey({ secret }) })).toThrow(message);
  });

  test('KMS inputs take SecretValues and whole Secrets by object', () => {
    const chart = new GitOpsChart(Testing.app(), 'y', { namespace: 'minio-kms' });
    const tls = kplus.Secret.fromSecretName(chart, 'Tls', 'kms-tls-existing');
    expect(() => kmsChart({ tls: KmsTls.fromSecret(tls), adminApiKey: SecretValue.fromSecretName('kms-admin', 'api key') }))
      .toThrow(/test\/kms: adminApiKey\.key is not a valid Secret key \(received 'api key'\)/);
    expect(() => kmsChart({ tls: KmsTls.fromSecret(tls), license: SecretValue.fromSecretName('Licence', 'l') }))
      .toThrow(/test\/kms: license\.secretName must be a DNS-1123 subdomain/);
  });
});

describe('missing objects fail in the constructor with the user\'s path', () => {
  test('a KMS TLS Secret, a KES configuration Secret or a KMS cluster that is not given', () => {
    expect(() => kmsChart({ tls: KmsTls.fromSecret(undefined as any) })).toThrow(/test\/kms: tls\.secretName must name a Secret \(received nothing\)/);
    expect(() => tenantChart({
      encryption: TenantEncryption.kesWithKeyVault({ image: KesImage.release('2025-03-12T09-35-18Z'), configSecret: undefined as any, keyName: 'k', identity: undefined as any }),
    })).toThrow(/test\/store: encryption\.configSecret\.name must name a Secret \(received nothing\)/);
    expect(() => tenantChart({
      encryption: TenantEncryption.kms({ cluster: undefined as any, enclave: 'e', defaultKey: 'k', apiKey: SecretSetting.inConfigurationSecret() }),
    })).toThrow(/test\/store: encryption\.cluster must be a KMS endpoint \(received 'undefined'\)/);
  });
});
