import { Size, Testing } from 'cdk8s';
import {
  AccessPolicy, ActionScope, AzureBlobTier, AzureBlobTierProps, AzureTierCredentials, ConfigurationError, EntraClaim,
  GitOpsChart, KeyVaultSecretStore, MinioEndpoint, MinioMirror, MinioTenant, MirrorMode, PolicyEffect, PolicyResource,
  RetentionMode, S3Action, SecretSetting, SecretValue, TenantProvisioner, TenantProvisionerProps, WorkloadIdentityServiceAccount,
} from '../lib';
import { tenantChart } from './tenant/tenant-fixtures';

/**
 * Every refusal of the data and access constructs (issue 11) that the construct tests do not show already, with its
 * message. Each case builds one construct with one bad input.
 */
const CREDENTIALS = MinioEndpoint.credentialsFromSecret({ name: 'lake-admin' });
const KEY = AzureTierCredentials.accountKeyFromSecret(SecretValue.fromSecretName('tier', 'key'));
const READ = [{ actions: [S3Action.LIST_BUCKET], resources: [PolicyResource.bucket('reports')] }];

function chart() {
  return new GitOpsChart(Testing.app(), 'test', { namespace: 'lake' });
}

function tier(props: Partial<AzureBlobTierProps> = {}) {
  const c = chart();
  return new AzureBlobTier(c, 'Tier', { name: 'COLD', storageAccount: 'contosocold', container: 'tier', credentials: KEY, ...props });
}

function provisioner(props: Partial<TenantProvisionerProps>) {
  const c = chart();
  const cold = new AzureBlobTier(c, 'Cold', { name: 'COLD', storageAccount: 'contosocold', container: 'tier', credentials: KEY });
  const tenant = MinioTenant.fromTenantAttributes(c, 'Tenant', { name: 'lake', namespace: 'lake' });
  return new TenantProvisioner(c, 'P', { tenant, credentials: CREDENTIALS, tiers: [cold], buckets: [{ name: 'reports' }], ...props });
}

const rule = (extra: object) => ({ buckets: [{ name: 'reports', versioning: true, lifecycle: [{ prefix: 'a/', expireAfterDays: 30, ...extra }] }] });
const policy = (props: object) => ({ policies: [new AccessPolicy({ name: 'readers', statements: READ, ...props })] });
const external = (url: string) => MinioEndpoint.external(url, { credentials: CREDENTIALS, allowedCidrs: ['10.0.0.0/8'] });

function mirror(props: object) {
  const c = chart();
  return new MinioMirror(c, 'm', { source: external('https://old.contoso.com'), target: external('https://new.contoso.com'), ...props });
}

const signIn = (extra: object) => tenantChart({
  domains: { console: 'https://console.contoso.com' },
  signIn: { tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', clientId: '11111111-2222-3333-4444-555555555555', clientSecret: SecretSetting.inConfigurationSecret(), ...extra },
});

const CASES: [string, () => unknown, string][] = [
  // Policies
  ['a policy name with spaces', () => provisioner(policy({ name: 'lake readers' })), "policies[0].name is not a usable policy name (received 'lake readers')"],
  ['a policy without statements', () => provisioner(policy({ statements: [] })), 'policies[0].statements must hold at least one statement'],
  ['an unknown effect', () => provisioner(policy({ statements: [{ ...READ[0], effect: 'Maybe' as PolicyEffect }] })), "policies[0].statements[0].effect must be PolicyEffect.ALLOW or DENY (received 'Maybe')"],
  ['a statement without actions', () => provisioner(policy({ statements: [{ actions: [], resources: READ[0].resources }] })), 'policies[0].statements[0].actions must name at least one action'],
  ['a statement without resources', () => provisioner(policy({ statements: [{ actions: READ[0].actions, resources: [] }] })), 'policies[0].statements[0].resources must name at least one resource'],
  ['an action that is not s3:', () => provisioner(policy({ statements: [{ actions: [S3Action.custom('admin:ServerInfo', ActionScope.ANY)], resources: [PolicyResource.ALL] }] })),
    "policies[0].statements[0].actions[0] is not an S3 action (received 'admin:ServerInfo')"],
  ['a resource with an invalid bucket', () => provisioner(policy({ statements: [{ actions: READ[0].actions, resources: [PolicyResource.bucket('Reports')] }] })),
    "policies[0].statements[0].resources[0] does not name a valid bucket (received 'arn:aws:s3:::Reports')"],
  ['a bucket action without a bucket resource', () => provisioner(policy({ statements: [{ actions: [S3Action.LIST_BUCKET], resources: [PolicyResource.objects('reports')] }] })),
    'policies[0].statements[0].resources has no bucket resource for s3:ListBucket'],
  ['a role policy for a tenant whose sign-in maps groups', () => {
    const { chart: c, tenant } = signIn({ claim: EntraClaim.GROUPS });
    return new TenantProvisioner(c, 'P', { tenant, credentials: CREDENTIALS, policies: [new AccessPolicy({ entraAppRole: 'Lake.Read', statements: READ })] });
  }, "policies[0] is for the roles claim, but the tenant's sign-in maps policies from groups (received 'Lake.Read')"],
  ['something that is not an AccessPolicy', () => provisioner({ policies: [{ name: 'x' } as any] }), 'policies[0] must be an AccessPolicy'],
  // Buckets
  ['a retention mode that does not exist', () => provisioner({ buckets: [{ name: 'audit', objectLock: { defaultRetention: { mode: 'FOREVER' as RetentionMode, days: 1 } } }] }),
    "buckets[0].objectLock.defaultRetention.mode must be RetentionMode.GOVERNANCE or COMPLIANCE (received 'FOREVER')"],
  ['a KMS key name with a space', () => provisioner({ buckets: [{ name: 'reports', encryptionKey: 'my key' }] }), "buckets[0].encryptionKey is not a usable KMS key name (received 'my key')"],
  ['an empty lifecycle', () => provisioner({ buckets: [{ name: 'reports', lifecycle: [] }] }), 'buckets[0].lifecycle must hold at least one rule'],
  ['a bucket declared twice', () => provisioner({ buckets: [{ name: 'reports' }, { name: 'reports' }] }), "buckets[1] repeats one of the bucket names (received 'reports')"],
  // Lifecycle rules
  ['a prefix with a space', () => provisioner(rule({ prefix: 'a b/' })), "buckets[0].lifecycle[0].prefix is not a usable key prefix (received 'a b/')"],
  ['a tag with a space', () => provisioner(rule({ tags: { a: 'x y', b: 'z' } })), "buckets[0].lifecycle[0].tags.a is not a usable tag (received 'x y')"],
  ['days that are not whole', () => provisioner(rule({ expireAfterDays: 1.5 })), 'buckets[0].lifecycle[0].expireAfterDays must be a whole number of days, at least 1 (received 1.5)'],
  ['a noncurrent expiry before the noncurrent transition', () => {
    const c = chart();
    const cold = new AzureBlobTier(c, 'Cold', { name: 'COLD', storageAccount: 'contosocold', container: 'tier', credentials: KEY });
    return new TenantProvisioner(c, 'P', {
      tenant: MinioTenant.fromTenantAttributes(c, 'T', { name: 'lake', namespace: 'lake' }), credentials: CREDENTIALS, tiers: [cold],
      buckets: [{ name: 'reports', versioning: true, lifecycle: [{ noncurrentTransition: { tier: cold, afterDays: 30 }, expireNoncurrentAfterDays: 30 }] }],
    });
  }, 'buckets[0].lifecycle[0].expireNoncurrentAfterDays must be later than the noncurrent transition (30 days)'],
  // Provisioner
  ['no tenant', () => provisioner({ tenant: undefined as any }), 'tenant must be a MinIO tenant'],
  ['a name that is not a DNS label', () => provisioner({ name: 'Lake_Provision' }), "name must be a DNS-1123 label of at most 54 characters (received 'Lake_Provision')"],
  ['a wait beyond an hour', () => provisioner({ waitSeconds: 7200 }), 'waitSeconds must be a whole number from 0 to 3600 (received 7200)'],
  ['a tier that is not an AzureBlobTier', () => provisioner({ tiers: [{ tierName: 'COLD' } as any] }), 'tiers[0] must be an AzureBlobTier'],
  ['two tiers of one name', () => {
    const c = chart();
    const a = new AzureBlobTier(c, 'A', { name: 'COLD', storageAccount: 'contosoa', container: 'tier', credentials: KEY });
    const b = new AzureBlobTier(c, 'B', { name: 'COLD', storageAccount: 'contosob', container: 'tier', credentials: KEY });
    return new TenantProvisioner(c, 'P', { tenant: MinioTenant.fromTenantAttributes(c, 'T', { name: 'lake', namespace: 'lake' }), credentials: CREDENTIALS, tiers: [a, b] });
  }, "tiers[1] repeats one of the tier names (received 'COLD')"],
  ['credentials that are not Secret values, without showing them', () => provisioner({ credentials: { accessKey: 'admin' as any, secretKey: 'x' as any } }),
    "tenant.credentials.accessKey must be a SecretValue (received '<not shown, a string>')"],
  ['no credentials', () => provisioner({ credentials: undefined as any }), 'tenant.credentials is required'],
  // Tiers
  ['a storage account name with capitals', () => tier({ storageAccount: 'Contoso' }), "storageAccount is not a storage account name (received 'Contoso')"],
  ['a container name with a double hyphen', () => tier({ container: 'a--b' }), "container is not a blob container name (received 'a--b')"],
  ['a tier prefix with a space', () => tier({ prefix: 'a b' }), "prefix is not a usable prefix (received 'a b')"],
  ['an http endpoint', () => tier({ endpoint: 'http://contosocold.blob.core.windows.net' }), "endpoint is not an https endpoint (received 'http://contosocold.blob.core.windows.net')"],
  ['credentials of another kind', () => tier({ credentials: { key: 'x' } as any }), 'credentials must be AzureTierCredentials'],
  ['an account key given as a literal, without showing it', () => tier({ credentials: AzureTierCredentials.accountKeyFromSecret('c2VjcmV0' as any) }),
    "credentials must reference a Secret value (received '<not shown>')"],
  ['a service principal without a GUID', () => {
    const c = chart();
    const reader = new WorkloadIdentityServiceAccount(c, 'R', { name: 'r', clientId: '11111111-2222-3333-4444-555555555555', tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' });
    const store = new KeyVaultSecretStore(c, 'V', { name: 'v', vaultUrl: 'https://contoso.vault.azure.net', identity: reader });
    return new AzureBlobTier(c, 'T', { name: 'COLD', storageAccount: 'contosocold', container: 'tier', credentials: AzureTierCredentials.servicePrincipal(store, 'contoso', 'x', 's') });
  }, "credentials.tenantId must be a GUID"],
  // Endpoints and mirrors
  ['a host that is not a DNS name', () => mirror({ source: external('https://old_cluster.contoso.com') }), "source.url does not name a valid host (received 'https://old_cluster.contoso.com')"],
  ['a source that is not an endpoint', () => mirror({ source: 'https://old.contoso.com' }), 'source must be a MinioEndpoint'],
  ['a tenant endpoint without a tenant', () => mirror({ target: MinioEndpoint.tenant(undefined as any, { credentials: CREDENTIALS }) }), 'target.tenant must be a MinIO tenant'],
  ['an exclude pattern with a space', () => mirror({ exclude: ['a b'] }), "exclude[0] is not an object name pattern (received 'a b')"],
  ['an unknown mode', () => mirror({ mode: 'both' as MirrorMode }), "mode must be a MirrorMode (received 'both')"],
  // Sign-in
  ['a role policy that is not a list of names', () => signIn({ rolePolicy: 'read write' }), "signIn.rolePolicy is not a comma-separated list of policy names (received 'read write')"],
  ['a claim that is neither groups nor roles', () => signIn({ claim: 'email' as EntraClaim }), "signIn.claim must be EntraClaim.GROUPS or EntraClaim.ROLES (received 'email')"],
  ['a scope with a space', () => signIn({ scopes: ['openid', 'a b'] }), "signIn.scopes[1] is not an OpenID scope (received 'a b')"],
];

describe('data and access constructs refuse', () => {
  test.each(CASES)('%s', (_, build, message) => {
    let error: unknown;
    try {
      build();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(message);
  });

  test('the quota rule accepts 1 MiB', () => {
    expect(() => provisioner({ buckets: [{ name: 'reports', quota: Size.mebibytes(1) }] })).not.toThrow();
  });
});
