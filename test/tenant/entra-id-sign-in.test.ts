import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  ConfigurationError, EntraClaim, EntraIdSignInOptions, GitOpsChart, KeyVaultSecretStore, MinioTenant, SecretSetting,
  TenantConfigurationSecret, WorkloadIdentityServiceAccount,
} from '../../lib';
import { expectValidManifests } from '../support/strict-validator';
import { tenantChart, tenantOf, VALID_POOL } from './tenant-fixtures';

const TENANT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const CONSOLE = 'https://console.lake.contoso.com';

function signIn(overrides: Partial<EntraIdSignInOptions> = {}): EntraIdSignInOptions {
  return { tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: SecretSetting.inConfigurationSecret(), ...overrides };
}

function envOf(manifests: any[]): Record<string, string> {
  return Object.fromEntries(tenantOf(manifests).spec.env.map((e: any) => [e.name, e.value]));
}

describe('Entra ID sign-in', () => {
  test('renders the OpenID settings for Entra ID, groups claim by default, redirect to the console', () => {
    const { chart } = tenantChart({ domains: { console: `${CONSOLE}/` }, signIn: signIn() });
    const manifests = Testing.synth(chart);

    expectValidManifests(manifests);
    expect(envOf(manifests)).toMatchObject({
      MINIO_IDENTITY_OPENID_CONFIG_URL: `https://login.microsoftonline.com/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
      MINIO_IDENTITY_OPENID_CLIENT_ID: CLIENT_ID,
      MINIO_IDENTITY_OPENID_SCOPES: 'openid,profile,email',
      MINIO_IDENTITY_OPENID_CLAIM_NAME: 'groups',
      MINIO_IDENTITY_OPENID_DISPLAY_NAME: 'Entra ID',
    });
    // The operator derives MINIO_BROWSER_REDIRECT_URL from the console domain; the deprecated redirect setting is
    // never written, and the secret never reaches env.
    expect(tenantOf(manifests).spec.features.domains.console).toBe(`${CONSOLE}/`);
    expect(envOf(manifests)).not.toHaveProperty('MINIO_BROWSER_REDIRECT_URL');
    expect(envOf(manifests)).not.toHaveProperty('MINIO_IDENTITY_OPENID_REDIRECT_URI');
    expect(envOf(manifests)).not.toHaveProperty('MINIO_IDENTITY_OPENID_CLIENT_SECRET');
  });

  test('a role policy replaces the claim', () => {
    const { chart, tenant } = tenantChart({ domains: { console: CONSOLE }, signIn: signIn({ rolePolicy: 'lake-read,lake-write' }) });
    const env = envOf(Testing.synth(chart));

    expect(env.MINIO_IDENTITY_OPENID_ROLE_POLICY).toBe('lake-read,lake-write');
    expect(env).not.toHaveProperty('MINIO_IDENTITY_OPENID_CLAIM_NAME');
    expect(tenant.signInClaim).toBeUndefined();
  });

  test('app roles: the roles claim', () => {
    const { tenant, chart } = tenantChart({ domains: { console: CONSOLE }, signIn: signIn({ claim: EntraClaim.ROLES }) });
    expect(envOf(Testing.synth(chart)).MINIO_IDENTITY_OPENID_CLAIM_NAME).toBe('roles');
    expect(tenant.signInClaim).toBe(EntraClaim.ROLES);
  });

  test('the client secret goes into the rendered config.env, from Key Vault', () => {
    const chart = new GitOpsChart(Testing.app(), 'lake', { namespace: 'lake' });
    const reader = new WorkloadIdentityServiceAccount(chart, 'Reader', { name: 'reader', clientId: CLIENT_ID, tenantId: TENANT_ID });
    const store = new KeyVaultSecretStore(chart, 'Vault', { name: 'vault', vaultUrl: 'https://contoso.vault.azure.net', identity: reader });
    const configuration = new TenantConfigurationSecret(chart, 'Configuration', { name: 'lake-config', store, rootUser: 'root-user', rootPassword: 'root-password' });
    new MinioTenant(chart, 'lake', {
      configuration, pools: [VALID_POOL],
      domains: { console: CONSOLE }, signIn: signIn({ clientSecret: SecretSetting.fromKeyVault('lake-entra-secret') }),
    });
    const manifests = Testing.synth(chart);
    const external = manifests.find((m) => m.kind === 'ExternalSecret' && m.metadata.name === 'lake-config');

    expectValidManifests(manifests);
    expect(external.spec.data).toContainEqual({ secretKey: 'MINIO_IDENTITY_OPENID_CLIENT_SECRET', remoteRef: { key: 'lake-entra-secret' } });
    expect(external.spec.target.template.data['config.env']).toContain('MINIO_IDENTITY_OPENID_CLIENT_SECRET');
  });

  const refused = (options: Parameters<typeof tenantChart>[0]) => {
    try {
      tenantChart(options);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigurationError');
  };

  test('refuses a role policy together with a claim name', () => {
    expect(refused({ domains: { console: CONSOLE }, signIn: signIn({ claim: EntraClaim.GROUPS, rolePolicy: 'readwrite' }) })).toBe(
      "test/store: signIn.rolePolicy cannot be combined with claim 'groups' (received 'readwrite'): MinIO refuses a role policy together with a claim name: give either claim or rolePolicy");
  });

  test('refuses a redirect URL that is not the console address', () => {
    expect(refused({ domains: { console: CONSOLE }, signIn: signIn({ redirectUrl: 'https://minio.contoso.com' }) })).toBe(
      `test/store: signIn.redirectUrl does not match the tenant's console address ${CONSOLE} (received 'https://minio.contoso.com'): leave redirectUrl out (it defaults to domains.console), or make both the same URL`);
  });

  test('refuses sign-in without a console address', () => {
    expect(refused({ signIn: signIn() })).toContain("signIn.redirectUrl needs the tenant's console address (received nothing): set domains.console");
  });

  test('refuses IDs that are not GUIDs, a literal secret, and scopes without openid', () => {
    expect(refused({ domains: { console: CONSOLE }, signIn: signIn({ tenantId: 'contoso.onmicrosoft.com' }) })).toContain('signIn.tenantId must be a GUID');
    expect(refused({ domains: { console: CONSOLE }, signIn: signIn({ clientSecret: 'hunter2' as any }) })).toContain(
      "signIn.clientSecret must be a SecretSetting (received 'a value')");
    expect(refused({ domains: { console: CONSOLE }, signIn: signIn({ scopes: ['profile'] }) })).toContain('signIn.scopes must include openid');
  });

  test('refuses the same setting in env', () => {
    expect(refused({ domains: { console: CONSOLE }, signIn: signIn(), env: { MINIO_IDENTITY_OPENID_CLIENT_ID: kplus.EnvValue.fromValue('x') } })).toContain(
      'env.MINIO_IDENTITY_OPENID_CLIENT_ID is already set');
  });
});
