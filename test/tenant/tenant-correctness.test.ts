import { Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  GitOpsChart, KeyVaultSecretStore, MinioImage, MinioTenant, SecretSetting, ServiceExposure, TenantConfigurationSecret,
  TenantPoolOptions, WorkloadIdentityServiceAccount,
} from '../../lib';
import { renderMinioEnvironment } from '../support/operator-rendering';
import { expectValidManifests } from '../support/strict-validator';
import { tenantChart, tenantOf, VALID_POOL } from './tenant-fixtures';

/** A chart `test` in namespace `objects` with a TenantConfigurationSecret `store-config` reading Key Vault. */
function chartWithKeyVaultConfiguration() {
  const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'objects' });
  const reader = new WorkloadIdentityServiceAccount(chart, 'Reader', {
    name: 'vault-reader', namespace: 'objects', clientId: '11111111-2222-3333-4444-555555555555', tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  });
  const store = new KeyVaultSecretStore(chart, 'Vault', { name: 'vault', vaultUrl: 'https://contoso.vault.azure.net', identity: reader });
  const configuration = new TenantConfigurationSecret(chart, 'Configuration', {
    name: 'store-config', store, rootUser: 'root-user', rootPassword: 'root-password',
  });
  return { chart, configuration };
}

describe('secret settings reach MinIO through config.env', () => {
  test('an OpenID client secret and an audit token from Key Vault arrive with their values', () => {
    const { chart, configuration } = chartWithKeyVaultConfiguration();
    new MinioTenant(chart, 'store', {
      configuration,
      pools: [VALID_POOL],
      env: { MINIO_IDENTITY_OPENID_CLIENT_ID: kplus.EnvValue.fromValue('minio') },
      secretEnv: { MINIO_IDENTITY_OPENID_CLIENT_SECRET: SecretSetting.fromKeyVault('entra-client-secret') },
    }).addSecretEnv('MINIO_AUDIT_WEBHOOK_AUTH_TOKEN', SecretSetting.fromKeyVault('audit-token'));
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const minio = renderMinioEnvironment(manifests, 'store', {
      'root-user': 'admin', 'root-password': 'secret-password', 'entra-client-secret': 'c~1', 'audit-token': 'Bearer t',
    });
    expect(Object.fromEntries([...minio].map(([name, v]) => [name, v.value]))).toEqual({
      MINIO_ROOT_USER: 'admin',
      MINIO_ROOT_PASSWORD: 'secret-password',
      MINIO_IDENTITY_OPENID_CLIENT_ID: 'minio',
      MINIO_IDENTITY_OPENID_CLIENT_SECRET: 'c~1',
      MINIO_AUDIT_WEBHOOK_AUTH_TOKEN: 'Bearer t',
    });
    expect(JSON.stringify(manifests)).not.toMatch(/secret-password|c~1|Bearer t/);
  });

  test('a setting promised in the configuration is accepted where the configuration carries it', () => {
    const { chart, configuration } = chartWithKeyVaultConfiguration();
    configuration.addVariable('MINIO_IDENTITY_OPENID_CLIENT_SECRET', 'entra-client-secret');
    expect(() => new MinioTenant(chart, 'store', {
      configuration, pools: [VALID_POOL], secretEnv: { MINIO_IDENTITY_OPENID_CLIENT_SECRET: SecretSetting.inConfigurationSecret() },
    })).not.toThrow();
    expect(() => tenantChart({ secretEnv: { MINIO_IDENTITY_OPENID_CLIENT_SECRET: SecretSetting.inConfigurationSecret() } })).not.toThrow();
    expect(() => configuration.addVariable('MINIO_IDENTITY_OPENID_CLIENT_SECRET', 'other-secret'))
      .toThrow(/test\/Configuration: environment\['MINIO_IDENTITY_OPENID_CLIENT_SECRET'\] conflicts with Key Vault secret 'entra-client-secret'/);
  });

  test('a Secret reference in env is refused with the reason and the way to do it', () => {
    const secret = kplus.Secret.fromSecretName(tenantChart().chart, 'Token', 'audit');
    expect(() => tenantChart({ env: { MINIO_AUDIT_WEBHOOK_ENDPOINT: kplus.EnvValue.fromSecretValue({ secret, key: 'url' }) } }))
      .toThrow(/env\.MINIO_AUDIT_WEBHOOK_ENDPOINT would reach MinIO as an empty string: the MinIO Operator copies only literal values .*\(received 'a Secret reference'\): put the value in the configuration Secret: secretEnv/);
  });

  test('a Key Vault setting needs a configuration the library renders', () => {
    expect(() => tenantChart({ secretEnv: { MINIO_IDENTITY_OPENID_CLIENT_SECRET: SecretSetting.fromKeyVault('entra') } }))
      .toThrow(/secretEnv\.MINIO_IDENTITY_OPENID_CLIENT_SECRET cannot reach MinIO: the tenant's configuration 'store-config' is an existing Secret/);
  });

  test('a variable config.env sets already cannot be set in env, where the operator would ignore it', () => {
    const { chart, configuration } = chartWithKeyVaultConfiguration();
    const tenant = new MinioTenant(chart, 'store', { configuration, pools: [VALID_POOL] });
    tenant.addSecretEnv('MINIO_IDENTITY_OPENID_CLIENT_SECRET', SecretSetting.fromKeyVault('entra'));
    expect(() => tenant.addEnv('MINIO_IDENTITY_OPENID_CLIENT_SECRET', kplus.EnvValue.fromValue('x')))
      .toThrow(/env\.MINIO_IDENTITY_OPENID_CLIENT_SECRET is set by the configuration Secret's config\.env, which the operator prefers over env/);
    expect(() => tenant.addSecretEnv('MINIO_KMS_API_KEY', SecretSetting.fromKeyVault('k')))
      .toThrow(/secretEnv\.MINIO_KMS_API_KEY is owned by the encryption option/);
  });
});

describe('config.env values the operator or MinIO would change', () => {
  test.each([
    ['a line break', 'on\nexport MINIO_BROWSER=off', /holds a line break, which MinIO's config\.env cannot carry/],
    ['surrounding quotes', '"on"', /starts or ends with whitespace or a double quote/],
    ['a trailing space', 'on ', /starts or ends with whitespace or a double quote/],
  ])('%s is refused', (_, value, message) => {
    expect(() => tenantChart({ env: { MINIO_BROWSER: kplus.EnvValue.fromValue(value) } })).toThrow(message);
  });
});

describe('parity of later pools', () => {
  const pool = (name: string, servers: number, volumesPerServer: number): TenantPoolOptions =>
    ({ name, servers, volumesPerServer, volumeSize: Size.tebibytes(1) });

  test('a later pool whose sets cannot hold the first pool\'s parity is refused', () => {
    // The first pool's sets of 16 get parity 4; a pool of 2 x 2 has sets of 4, which hold at most parity 2.
    const { tenant } = tenantChart();
    expect(() => tenant.addPool(pool('small', 2, 2)))
      .toThrow(/test\/store: pools\[1\] gives erasure sets of 4 drives, too few for parity 4, which MinIO takes from the first pool's sets of 16 drives .*\(received '2 servers x 2 volumes'\): choose servers and volumesPerServer giving sets of at least 8 drives/);
    expect(() => tenant.addPool(pool('large', 8, 1))).not.toThrow();
  });

  test('a configured parity must fit every pool', () => {
    expect(() => tenantChart({ env: { MINIO_STORAGE_CLASS_STANDARD: kplus.EnvValue.fromValue('EC:9') } }))
      .toThrow(/env\.MINIO_STORAGE_CLASS_STANDARD is more than half of the 16 drives in an erasure set of pools\[0\]/);
    expect(() => tenantChart({ env: { MINIO_STORAGE_CLASS_STANDARD: kplus.EnvValue.fromValue('4') } }))
      .toThrow(/env\.MINIO_STORAGE_CLASS_STANDARD is not a storage class MinIO reads \(received '4'\): write EC:<parity>/);
    expect(() => tenantChart({ env: { MINIO_ERASURE_SET_DRIVE_COUNT: kplus.EnvValue.fromValue('8') } }))
      .toThrow(/env\.MINIO_ERASURE_SET_DRIVE_COUNT cannot be set/);
  });
});

describe('names, labels and annotations the operator copies', () => {
  test('a tenant name starting with a digit, which no Service may carry', () => {
    expect(() => tenantChart({ name: '1store' })).toThrow(/name must be a DNS-1035 label .*<tenant>-hl and <tenant>-console/);
  });

  test.each([
    [{ labels: { 'team/a/b': 'x' } }, /pools\[0\]\.labels\['team\/a\/b'\] is not a valid label key/],
    [{ labels: { team: 'storage team' } }, /pools\[0\]\.labels\['team'\] is not a valid label value/],
    [{ labels: { 'v1.min.io/pool': 'x' } }, /pools\[0\]\.labels\['v1\.min\.io\/pool'\] is a label the MinIO Operator sets/],
    [{ annotations: { 'bad key': 'x' } }, /pools\[0\]\.annotations\['bad key'\] is not a valid annotation key/],
    [{ nodeSelector: { agentpool: 'minio pool' } }, /pools\[0\]\.nodeSelector\['agentpool'\] is not a valid label value/],
    [{ tolerations: [{ key: 'bad key' }] }, /pools\[0\]\.tolerations\[0\]\.key is not a valid taint key/],
  ])('pool metadata %p', (overrides, message) => {
    expect(() => tenantChart({ pools: [{ ...VALID_POOL, ...overrides as Partial<TenantPoolOptions> }] })).toThrow(message);
  });

  test('Service labels and annotations of an exposure', () => {
    expect(() => tenantChart({ s3Exposure: ServiceExposure.loadBalancer({ labels: { tier: 'edge/1' }, allowFromAnywhere: true }) }))
      .toThrow(/s3Exposure\.labels\['tier'\] is not a valid label value/);
  });
});

describe('a public endpoint says who may connect', () => {
  test('a plain LoadBalancer exposure is public on AKS and must say so', () => {
    expect(() => tenantChart({ s3Exposure: ServiceExposure.loadBalancer() }))
      .toThrow(/test\/store: s3Exposure\.allowFromAnywhere must be true: on AKS a LoadBalancer Service is public unless annotated internal/);
  });

  test('Azure annotations cannot bypass the typed load balancer options', () => {
    expect(() => tenantChart({
      consoleExposure: ServiceExposure.loadBalancer({
        annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' }, allowFromAnywhere: true,
      }),
    })).toThrow(/consoleExposure\.annotations\['service\.beta\.kubernetes\.io\/azure-load-balancer-internal'\] would bypass the checks/);
  });
});

describe('checks run when the tenant is created, and the props are copied', () => {
  test('changing the props object afterwards does not change the output', () => {
    const pool = { ...VALID_POOL, labels: { team: 'a' } };
    const props = { configuration: { name: 'store-config' }, pools: [pool], image: MinioImage.DEFAULT, domains: { s3: ['s3.example.com'] } };
    const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'objects' });
    new MinioTenant(chart, 'store', props);
    const before = JSON.stringify(Testing.synth(chart));
    (props as any).image = MinioImage.release('latest');
    (props.domains.s3 as string[]).push('evil.example.com');
    (pool as any).servers = 3;
    pool.labels.team = 'b';
    (props.configuration as any).name = 'other';
    expect(JSON.stringify(Testing.synth(chart))).toBe(before);
    expect(tenantOf(Testing.synth(chart)).spec.image).toBe('quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z');
  });
});
