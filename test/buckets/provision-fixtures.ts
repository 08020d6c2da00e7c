import { Size, Testing } from 'cdk8s';
import {
  AccessPolicy, AzureBlobTier, AzureTierCredentials, BucketOptions, GitOpsChart, KeyVaultSecretStore, MinioTenant,
  PolicyResource, RetentionMode, S3Action, SecretValue, TenantProvisioner, TenantProvisionerProps, WorkloadIdentityServiceAccount,
} from '../../lib';

export const ANALYSTS = '0b6f4e0c-1d2e-4f5a-8b9c-0d1e2f3a4b5c';

/** A chart in namespace `lake` with a tenant, a Key Vault store and an Azure tier, and a provisioner from `overrides`. */
export function provisionerChart(overrides: Partial<TenantProvisionerProps> = {}, bucketOverrides: Partial<BucketOptions> = {}) {
  const chart = new GitOpsChart(Testing.app(), 'test', { namespace: 'lake' });
  const tenant = MinioTenant.fromTenantAttributes(chart, 'Tenant', { name: 'lake', namespace: 'lake' });
  const reader = new WorkloadIdentityServiceAccount(chart, 'Reader', {
    name: 'vault-reader', clientId: '11111111-2222-3333-4444-555555555555', tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  });
  const store = new KeyVaultSecretStore(chart, 'Vault', { name: 'contoso', vaultUrl: 'https://contoso.vault.azure.net', identity: reader });
  const cold = new AzureBlobTier(chart, 'Cold', {
    name: 'AZURE-COLD', storageAccount: 'contosocold', container: 'minio-tier', prefix: 'lake/',
    credentials: AzureTierCredentials.accountKey(store, 'contosocold-key'),
  });
  const provisioner = new TenantProvisioner(chart, 'Provisioner', {
    tenant,
    credentials: { accessKey: SecretValue.fromSecretName('lake-admin', 'access-key'), secretKey: SecretValue.fromSecretName('lake-admin', 'secret-key') },
    trustedCa: SecretValue.fromSecretName('lake-ca', 'ca.crt'),
    tiers: [cold],
    policies: [new AccessPolicy({
      entraGroup: ANALYSTS,
      statements: [{ actions: S3Action.READ, resources: [PolicyResource.bucket('reports'), PolicyResource.objects('reports')] }],
    })],
    buckets: [{
      name: 'reports',
      versioning: true,
      quota: Size.tebibytes(1),
      encryptionKey: 'lake-default',
      lifecycle: [{ prefix: 'archive/', transition: { tier: cold, afterDays: 30 }, expireNoncurrentAfterDays: 90 }],
      ...bucketOverrides,
    }, {
      name: 'audit',
      objectLock: { defaultRetention: { mode: RetentionMode.COMPLIANCE, days: 365 } },
    }],
    ...overrides,
  });
  return { chart, tenant, store, cold, provisioner };
}
