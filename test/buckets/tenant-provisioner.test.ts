import { Size, Testing } from 'cdk8s';
import {
  AccessPolicy, AzureBlobTier, AzureTierCredentials, ConfigurationError, EntraClaim, GitOpsChart, KeyVaultSecretStore,
  MinioTenant, PolicyResource, RetentionMode, S3Action, SecretSetting, SecretValue, TenantConfigurationSecret,
  TenantProvisioner, WorkloadIdentityServiceAccount,
} from '../../lib';
import { expectValidManifests } from '../support/strict-validator';
import { ANALYSTS, provisionerChart } from './provision-fixtures';

const CREDENTIALS = { accessKey: SecretValue.fromSecretName('lake-admin', 'access-key'), secretKey: SecretValue.fromSecretName('lake-admin', 'secret-key') };

function containers(manifests: any[]): any[] {
  return manifests.flatMap((m) => [...m.spec?.template?.spec?.containers ?? [], ...m.spec?.template?.spec?.initContainers ?? []]);
}

describe('TenantProvisioner', () => {
  const { chart, provisioner } = provisionerChart();
  const manifests = Testing.synth(chart);
  const job = manifests.find((m) => m.kind === 'Job');

  test('everything it synthesizes passes strict schema validation', () => {
    expectValidManifests(manifests);
  });

  test('runs one Job named after a fingerprint of its pod template, deleted 5 minutes after it finishes', () => {
    expect(job.metadata.name).toBe(provisioner.jobName);
    expect(provisioner.jobName).toMatch(/^lake-provision-[0-9a-f]{8}$/);
    expect(job.spec.ttlSecondsAfterFinished).toBe(300);
    expect(job.metadata.annotations['argocd.argoproj.io/hook']).toBe('Sync');
    expect(job.spec.template.spec.containers[0].image).toBe('quay.io/minio/mc:RELEASE.2025-08-13T08-35-41Z');
  });

  test('keeps its name when nothing changes, and changes it with a bucket setting', () => {
    expect(provisionerChart().provisioner.jobName).toBe(provisioner.jobName);
    expect(provisionerChart({}, { quota: Size.tebibytes(2) }).provisioner.jobName).not.toBe(provisioner.jobName);
  });

  test('gives mc its credentials only through MC_HOST_target, built from Secret references', () => {
    const env = job.spec.template.spec.containers[0].env;
    expect(env).toEqual(expect.arrayContaining([
      { name: 'TARGET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'lake-admin', key: 'access-key' } } },
      { name: 'TARGET_SECRET_KEY', valueFrom: { secretKeyRef: { name: 'lake-admin', key: 'secret-key' } } },
      { name: 'MC_HOST_target', value: 'https://$(TARGET_ACCESS_KEY):$(TARGET_SECRET_KEY)@minio.lake.svc' },
      { name: 'TIER_0_SECRET', valueFrom: { secretKeyRef: { name: 'azure-cold-tier', key: 'account-key' } } },
    ]));
    const names = env.map((e: any) => e.name);
    expect(names.indexOf('MC_HOST_target')).toBeGreaterThan(names.indexOf('TARGET_SECRET_KEY'));
    expect(manifests.filter((m) => m.kind === 'ConfigMap')).toEqual([]);
  });

  test('trusts the tenant CA in mc\'s CA folder and runs "restricted" with a writable /tmp', () => {
    const pod = job.spec.template.spec;
    expect(pod.containers[0].volumeMounts).toEqual(expect.arrayContaining([
      { name: 'target-ca', mountPath: '/tmp/mc/certs/CAs/target.crt', subPath: 'ca.crt', readOnly: true },
      { name: 'tmp', mountPath: '/tmp' },
    ]));
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  test('lets the Job reach only DNS and the tenant\'s S3 port', () => {
    const policy = manifests.find((m) => m.kind === 'NetworkPolicy' && m.metadata.name === 'lake-provision');
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.egress[1]).toEqual({
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'lake' } }, podSelector: { matchLabels: { 'v1.min.io/tenant': 'lake' } } }],
      ports: [{ port: 9000, protocol: 'TCP' }],
    });
  });

  test('renders the tier credentials from Key Vault through External Secrets', () => {
    const external = manifests.find((m) => m.kind === 'ExternalSecret');
    expect(external.metadata.name).toBe('azure-cold-tier');
    expect(external.spec.data).toEqual([{ secretKey: 'account-key', remoteRef: { key: 'contosocold-key' } }]);
  });
});

describe('no credential in any container command, argument or ConfigMap', () => {
  test('holds for the provisioner', () => {
    const { chart } = provisionerChart();
    const text = JSON.stringify([...containers(Testing.synth(chart)).map((c) => [c.command, c.args]), Testing.synth(chart).filter((m) => m.kind === 'ConfigMap')]);
    for (const secretish of ['lake-admin', 'contosocold-key', 'access-key', 'secret-key']) expect(text).not.toContain(secretish);
  });
});

describe('TenantProvisioner refuses', () => {
  const refused = (build: () => unknown) => {
    try {
      build();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigurationError');
  };

  test.each([
    ['noncurrent actions on a bucket that suspends versioning', { versioning: false },
      "buckets[0].lifecycle[0] needs versioning, which this bucket suspends (received 'a noncurrent-version action')"],
    ['an invalid bucket name', { name: 'Reports' }, "buckets[0].name is not a valid bucket name (received 'Reports')"],
    ['versioning off with object lock', { versioning: false, objectLock: {} }, 'buckets[0].versioning cannot be false with object lock'],
    ['a retention of days and years', { objectLock: { defaultRetention: { mode: RetentionMode.GOVERNANCE, days: 1, years: 1 } } },
      'buckets[0].objectLock.defaultRetention must give either days or years'],
    ['a quota below 1 MiB', { quota: { toKibibytes: () => 1 } as any }, 'buckets[0].quota must be a whole number of bytes, at least 1 MiB'],
    ['a single tag without prefix', { lifecycle: [{ tags: { class: 'cold' }, expireAfterDays: 30 }] }, 'buckets[0].lifecycle[0].tags cannot be a single tag without a prefix'],
    ['a rule that does nothing', { lifecycle: [{ prefix: 'logs/' }] }, 'buckets[0].lifecycle[0] does nothing'],
    ['expiry before the transition', { lifecycle: [{ prefix: 'logs/', transition: { tier: { tierName: 'AZURE-COLD', storageHost: 'x' }, afterDays: 30 }, expireAfterDays: 10 }] },
      'buckets[0].lifecycle[0].expireAfterDays must be later than the transition (30 days)'],
    ['a transition to an unknown tier', { lifecycle: [{ transition: { tier: { tierName: 'GLACIER', storageHost: 'x' }, afterDays: 30 } }] },
      "buckets[0].lifecycle[0].transition.tier is not one of the provisioner's tiers (received 'GLACIER')"],
  ])('%s', (_, bucket, message) => {
    expect(refused(() => provisionerChart({}, bucket as any))).toContain(message);
  });

  test('chained transitions: two rules that would move the same objects', () => {
    const message = refused(() => {
      const { cold } = provisionerChart();
      provisionerChart({}, { lifecycle: [
        { prefix: 'logs/', transition: { tier: cold, afterDays: 30 } },
        { prefix: 'logs/2026/', transition: { tier: cold, afterDays: 90 } },
      ] });
    });
    expect(message).toContain('buckets[0].lifecycle[1].transition would move objects that rule 0 already moves to AZURE-COLD: an object transitions once, there are no chained transitions');
  });

  test('two rules sending the same prefix to different tiers', () => {
    const chart = new GitOpsChart(Testing.app(), 'tiers', { namespace: 'lake' });
    const key = AzureTierCredentials.accountKeyFromSecret(SecretValue.fromSecretName('tier-keys', 'key'));
    const warm = new AzureBlobTier(chart, 'Warm', { name: 'WARM', storageAccount: 'contosowarm', container: 'tier', credentials: key });
    const cold = new AzureBlobTier(chart, 'Cold', { name: 'COLD', storageAccount: 'contosocold', container: 'tier', credentials: key });
    const message = refused(() => new TenantProvisioner(chart, 'P', {
      tenant: MinioTenant.fromTenantAttributes(chart, 'T', { name: 'lake', namespace: 'lake' }), credentials: CREDENTIALS, tiers: [warm, cold],
      buckets: [{ name: 'logs', lifecycle: [{ prefix: 'a/', transition: { tier: warm, afterDays: 30 } }, { prefix: 'a/', transition: { tier: cold, afterDays: 60 } }] }],
    }));
    expect(message).toContain("buckets[0].lifecycle[1].transition.tier transitions prefix 'a/' to another tier than rule 0 (WARM) (received 'COLD'): send one prefix to one tier");
  });

  test('a lower-case tier name', () => {
    const chart = new GitOpsChart(Testing.app(), 'tiers', { namespace: 'lake' });
    const message = refused(() => new AzureBlobTier(chart, 'Warm', {
      name: 'warm', storageAccount: 'contosowarm', container: 'tier',
      credentials: AzureTierCredentials.accountKeyFromSecret(SecretValue.fromSecretName('tier-keys', 'key')),
    }));
    expect(message).toBe("tiers/Warm: name must be upper case: letters, digits, '_' and '-', at most 63 (received 'warm'): use 'WARM': mc upper-cases tier names, and transition rules must name the tier as MinIO stores it");
  });

  test('two policies for one Entra group', () => {
    const policy = () => new AccessPolicy({ entraGroup: ANALYSTS, statements: [{ actions: [S3Action.LIST_BUCKET], resources: [PolicyResource.bucket('reports')] }] });
    expect(refused(() => provisionerChart({ policies: [policy(), policy()] }))).toContain('policies[1] repeats one of the policy names');
  });

  test('an object action without an object resource', () => {
    const policy = new AccessPolicy({ name: 'readers', statements: [{ actions: [S3Action.GET_OBJECT], resources: [PolicyResource.bucket('reports')] }] });
    expect(refused(() => provisionerChart({ policies: [policy] }))).toContain(
      "policies[0].statements[0].resources has no object resource for s3:GetObject (received [\"arn:aws:s3:::reports\"]): add PolicyResource.objects(bucket, prefix)");
  });

  test('a group that is not an object ID, and a policy with two names', () => {
    const statements = [{ actions: [S3Action.LIST_BUCKET], resources: [PolicyResource.bucket('reports')] }];
    expect(refused(() => provisionerChart({ policies: [new AccessPolicy({ entraGroup: 'Analysts', statements })] }))).toContain(
      "policies[0].entraGroup is not a group object ID (received 'Analysts')");
    expect(refused(() => provisionerChart({ policies: [new AccessPolicy({ name: 'a', entraGroup: ANALYSTS, statements })] }))).toContain(
      'policies[0] must have exactly one of name, entraGroup and entraAppRole');
  });

  test('a group policy for a tenant whose sign-in maps app roles', () => {
    const chart = new GitOpsChart(Testing.app(), 'signin', { namespace: 'lake' });
    const reader = new WorkloadIdentityServiceAccount(chart, 'R', { name: 'r', clientId: '11111111-2222-3333-4444-555555555555' });
    const store = new KeyVaultSecretStore(chart, 'V', { name: 'v', vaultUrl: 'https://contoso.vault.azure.net', identity: reader, tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' });
    const tenant = new MinioTenant(chart, 'lake', {
      configuration: new TenantConfigurationSecret(chart, 'C', { name: 'lake-config', store, rootUser: 'u', rootPassword: 'p' }),
      pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(1) }],
      domains: { console: 'https://console.lake.contoso.com' },
      signIn: { tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', clientId: '11111111-2222-3333-4444-555555555555', clientSecret: SecretSetting.fromKeyVault('entra-secret'), claim: EntraClaim.ROLES },
    });
    const message = refused(() => new TenantProvisioner(chart, 'P', {
      tenant, credentials: CREDENTIALS,
      policies: [new AccessPolicy({ entraGroup: ANALYSTS, statements: [{ actions: [S3Action.LIST_BUCKET], resources: [PolicyResource.bucket('r-1')] }] })],
    }));
    expect(message).toContain("is for the groups claim, but the tenant's sign-in maps policies from roles");
  });

  test('tier credentials in another namespace than the Job', () => {
    const { store, cold } = provisionerChart();
    void store;
    const chart = new GitOpsChart(Testing.app(), 'other', { namespace: 'elsewhere' });
    const message = refused(() => new TenantProvisioner(chart, 'P', {
      tenant: MinioTenant.fromTenantAttributes(chart, 'T', { name: 'lake', namespace: 'lake' }), credentials: CREDENTIALS, tiers: [cold],
    }));
    expect(message).toContain("tiers[0].credentials are in another namespace than the Job (elsewhere) (received 'lake')");
  });

  test('nothing to do', () => {
    expect(refused(() => provisionerChart({ buckets: [], policies: [], tiers: [] }))).toContain('buckets and policies and tiers are all empty');
  });
});
