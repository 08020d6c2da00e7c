import { Duration, Testing } from 'cdk8s';
import { GitOpsChart } from '../../lib/core/gitops-chart';
import { WorkloadIdentityServiceAccount } from '../../lib/identity/workload-identity-service-account';
import { renderConfigEnvTemplate } from '../../lib/tenant/config-env-template';
import { KeyVaultSecretProviderClass } from '../../lib/secrets/key-vault-secret-provider-class';
import { KeyVaultSecretStore } from '../../lib/secrets/key-vault-secret-store';
import { assertUsableAsTenantConfiguration } from '../../lib/tenant/tenant-configuration';
import { TenantConfigurationSecret, TenantConfigurationSecretProps } from '../../lib/tenant/tenant-configuration-secret';
import { fillConfigEnvTemplate, parseEnvFileLikeMinio, parseConfigEnvLikeOperator } from '../support/operator-rendering';
import { expectValidManifests } from '../support/strict-validator';

const CLIENT_ID = '0b9e5e1c-6d0e-4c43-9a3e-2f1f4b7b8c11';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

interface Fixture {
  readonly chart: GitOpsChart;
  readonly identity: WorkloadIdentityServiceAccount;
  readonly store: KeyVaultSecretStore;
}

function fixture(): Fixture {
  const chart = new GitOpsChart(Testing.app(), 'test');
  const identity = new WorkloadIdentityServiceAccount(chart, 'Identity', {
    name: 'eso-reader', namespace: 'minio', clientId: CLIENT_ID, tenantId: TENANT_ID,
  });
  const store = new KeyVaultSecretStore(chart, 'Store', { name: 'key-vault', vaultUrl: 'https://kv-minio.vault.azure.net', identity });
  return { chart, identity, store };
}

function configuration(f: Fixture, props: Partial<TenantConfigurationSecretProps> = {}): TenantConfigurationSecret {
  return new TenantConfigurationSecret(f.chart, 'Configuration', {
    name: 'minio-configuration',
    store: f.store,
    rootUser: 'minio-root-user',
    rootPassword: 'minio-root-password',
    ...props,
  });
}

function rendered(f: Fixture): any {
  const manifests = Testing.synth(f.chart);
  expectValidManifests(manifests);
  return manifests.find(m => m.kind === 'ExternalSecret');
}

describe('TenantConfigurationSecret', () => {
  test('renders config.env through a v2 template from Key Vault secret names only', () => {
    const f = fixture();
    const config = configuration(f, { environment: { MINIO_IDENTITY_OPENID_CLIENT_SECRET: 'entra-client-secret' } });
    const manifest = rendered(f);
    expect(manifest.metadata).toEqual({ name: 'minio-configuration', namespace: 'minio', labels: expect.objectContaining({ 'app.kubernetes.io/managed-by': 'minio-aks' }) });
    expect(manifest.spec.refreshInterval).toBe('1h');
    expect(manifest.spec.target.name).toBe('minio-configuration');
    expect(manifest.spec.target.creationPolicy).toBe('Owner');
    expect(manifest.spec.target.template.engineVersion).toBe('v2');
    expect(Object.keys(manifest.spec.target.template.data)).toEqual(['config.env']);
    expect(manifest.spec.data).toEqual([
      { secretKey: 'MINIO_ROOT_USER', remoteRef: { key: 'minio-root-user' } },
      { secretKey: 'MINIO_ROOT_PASSWORD', remoteRef: { key: 'minio-root-password' } },
      { secretKey: 'MINIO_IDENTITY_OPENID_CLIENT_SECRET', remoteRef: { key: 'entra-client-secret' } },
    ]);
    const lines = manifest.spec.target.template.data['config.env'].split('\n');
    expect(lines.slice(1)).toEqual([
      'export MINIO_ROOT_USER="{{ trimSuffix "\\n" .MINIO_ROOT_USER }}"',
      'export MINIO_ROOT_PASSWORD="{{ trimSuffix "\\n" .MINIO_ROOT_PASSWORD }}"',
      'export MINIO_IDENTITY_OPENID_CLIENT_SECRET="{{ trimSuffix "\\n" .MINIO_IDENTITY_OPENID_CLIENT_SECRET }}"',
      '',
    ]);
    expect(config.secretName).toBe('minio-configuration');
    expect(config.namespace).toBe('minio');
    expect(config.variables).toEqual(['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD', 'MINIO_IDENTITY_OPENID_CLIENT_SECRET']);
    expect(config.presentBeforePodsStart).toBe(true);
  });

  test('sorts extra variables by name and honours the refresh interval', () => {
    const f = fixture();
    configuration(f, {
      refreshInterval: Duration.minutes(5),
      environment: { MINIO_KMS_KES_API_KEY: 'kes-api-key', MINIO_AUDIT_WEBHOOK_AUTH_TOKEN_target1: 'audit-token' },
    });
    const manifest = rendered(f);
    expect(manifest.spec.refreshInterval).toBe('5m');
    expect(manifest.spec.data.map((d: any) => d.secretKey)).toEqual([
      'MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD', 'MINIO_AUDIT_WEBHOOK_AUTH_TOKEN_target1', 'MINIO_KMS_KES_API_KEY',
    ]);
  });

  test('values come out of the operator\'s and MinIO\'s parsers exactly as stored in Key Vault', () => {
    const values = {
      MINIO_ROOT_USER: 'admin\n',
      MINIO_ROOT_PASSWORD: ' p"a\'s s$(w)o`r\\d="x ',
      MINIO_IDENTITY_OPENID_CLIENT_SECRET: '',
    };
    const template = renderConfigEnvTemplate(Object.keys(values));
    const operatorView = parseConfigEnvLikeOperator(fillConfigEnvTemplate(template, values));
    const file = [...operatorView].map(([name, value]) => `export ${name}="${value}"\n`).join('');
    expect(Object.fromEntries(parseEnvFileLikeMinio(file))).toEqual({
      MINIO_ROOT_USER: 'admin',
      MINIO_ROOT_PASSWORD: ' p"a\'s s$(w)o`r\\d="x ',
      MINIO_IDENTITY_OPENID_CLIENT_SECRET: '',
    });
  });

  test('the template fails on values with an inner line break or a surrounding double quote', () => {
    const template = renderConfigEnvTemplate(['MINIO_ROOT_USER']);
    expect(template.split('\n')[0]).toBe('{{ range $name, $value := . }}{{ $v := trimSuffix "\\n" $value }}'
      + '{{ if contains "\\n" $v }}{{ fail (printf "%s holds a line break, which config.env cannot carry" $name) }}{{ end }}'
      + '{{ if or (hasPrefix "\\"" $v) (hasSuffix "\\"" $v) }}'
      + '{{ fail (printf "%s starts or ends with a double quote, which the MinIO Operator strips from config.env values" $name) }}'
      + '{{ end }}{{ end -}}');
    expect(() => fillConfigEnvTemplate(template, { MINIO_ROOT_USER: 'ad\nmin' })).toThrow(/MINIO_ROOT_USER holds a line break/);
    expect(() => fillConfigEnvTemplate(template, { MINIO_ROOT_USER: 'admin"' })).toThrow(/MINIO_ROOT_USER starts or ends with a double quote/);
  });

  test('a value ending in a double quote would lose it in the operator, which is why the template refuses it', () => {
    expect(parseConfigEnvLikeOperator('export MINIO_ROOT_PASSWORD="secret""\n').get('MINIO_ROOT_PASSWORD')).toBe('secret');
  });

  test('is accepted as a Tenant configuration', () => {
    const f = fixture();
    const config = configuration(f);
    expect(() => assertUsableAsTenantConfiguration(f.chart, 'configuration', config, 'minio')).not.toThrow();
    expect(() => assertUsableAsTenantConfiguration(f.chart, 'configuration',
      { secretName: 'existing', namespace: 'minio', presentBeforePodsStart: true })).not.toThrow();
  });

  describe('rejects', () => {
    test('a root user secret name Key Vault cannot hold', () => {
      expect(() => configuration(fixture(), { rootUser: 'minio.root.user' })).toThrow(/test\/Configuration: rootUser may contain only letters, digits and hyphens \(received 'minio.root.user'\)/);
    });

    test('a root password secret name Key Vault cannot hold', () => {
      expect(() => configuration(fixture(), { rootPassword: '' })).toThrow(/rootPassword must be 1 to 127 characters long \(received ''\)/);
    });

    test('an extra variable mapped to an invalid Key Vault name', () => {
      expect(() => configuration(fixture(), { environment: { MINIO_KMS_KES_API_KEY: 'kes_api_key' } })).toThrow(/environment\['MINIO_KMS_KES_API_KEY'\] may contain only letters, digits and hyphens \(received 'kes_api_key'\)/);
    });

    test.each(['1MINIO', 'MINIO-KEY', 'MINIO KEY', 'MINIO_KEY"', ''])('the variable name %p', (name) => {
      expect(() => configuration(fixture(), { environment: { [name]: 'x' } })).toThrow(new RegExp(`environment\\['.*'\\] must be an environment variable name`));
    });

    test.each(['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD'])('%s among the extra variables', (name) => {
      expect(() => configuration(fixture(), { environment: { [name]: 'x' } })).toThrow(new RegExp(`environment\\['${name}'\\] is set from rootUser and rootPassword already \\(received '${name}'\\)`));
    });

    test('a Secrets Store CSI class as Tenant configuration', () => {
      const f = fixture();
      const csi = new KeyVaultSecretProviderClass(f.chart, 'Csi', {
        name: 'minio-root', vaultUrl: 'https://kv-minio.vault.azure.net', identity: f.identity, objects: [{ name: 'minio-root-user' }],
      });
      expect(() => assertUsableAsTenantConfiguration(f.chart, 'configuration', csi)).toThrow(/test: configuration is a Secrets Store CSI class, whose Secret exists only while a pod mounts it, but the MinIO operator reads the configuration before any pod starts \(received 'minio-root'\): render config.env with TenantConfigurationSecret/);
    });

    test.each([
      ['a plain Secret name', 'minio-configuration'],
      ['an object without the marker', { secretName: 'minio-configuration', namespace: 'minio' }],
      ['nothing', undefined],
    ])('%s as Tenant configuration', (_, candidate) => {
      expect(() => assertUsableAsTenantConfiguration(fixture().chart, 'configuration', candidate)).toThrow(/configuration must be a configuration Secret that exists before any MinIO pod starts/);
    });

    test('a configuration Secret in another namespace than the Tenant', () => {
      const f = fixture();
      const config = configuration(f);
      expect(() => assertUsableAsTenantConfiguration(f.chart, 'configuration', config, 'minio-prod')).toThrow(/configuration must be in the Tenant's namespace 'minio-prod'.*\(received 'minio'\)/);
    });
  });
});
