import * as pulumi from '@pulumi/pulumi';
import { deployLake } from '../../apps/examples/pulumi-lake';
import { expectValidManifests } from '../support/strict-validator';
import { installMocks, MOCK_AZURE, Registered } from './pulumi-mocks';

/** The README's Pulumi example under mocks: your own chart, its vault secrets and identity, applied with Pulumi. */

const registered: Registered[] = [];
let keys: string[];

beforeAll(async () => {
  await installMocks(registered);
  await pulumi.runtime.runInPulumiStack(async () => {
    const objects = deployLake({
      resourceGroupName: 'rg-lake',
      tenantId: MOCK_AZURE.tenantId,
      subscriptionId: MOCK_AZURE.subscriptionId,
      oidcIssuerUrl: MOCK_AZURE.issuerUrl,
    });
    objects.apply((value) => { keys = value; });
  });
  await pulumi.runtime.disconnect();
}, 60_000);

test('the README Pulumi example federates the chart\'s ServiceAccount and applies its objects with the real ids', () => {
  expect(keys).toEqual([
    'NetworkPolicy.networking.k8s.io lake/lake-minio',
    'ServiceAccount lake/vault-reader',
    'SecretStore.external-secrets.io lake/lake-vault',
    'ExternalSecret.external-secrets.io lake/lake-config',
    'PodDisruptionBudget.policy lake/lake-pool-0',
    'Tenant.minio.min.io lake/lake',
  ]);
  const credential = registered.find((resource) => resource.type === 'azure-native:managedidentity:FederatedIdentityCredential')!;
  expect(credential.inputs.subject).toBe('system:serviceaccount:lake:vault-reader');
  const identity = registered.find((resource) => resource.type === 'azure-native:managedidentity:UserAssignedIdentity')!;
  const account = registered.find((resource) => resource.type === 'kubernetes:core/v1:ServiceAccount')!;
  expect(account.inputs.metadata.annotations['azure.workload.identity/client-id']).not.toBe('00000000-0000-0000-0000-000000000000');
  expect(identity.name).toBe('lake-vault-reader');
  const store = registered.find((resource) => resource.inputs.kind === 'SecretStore')!;
  expect(store.inputs.spec.provider.azurekv.vaultUrl).toBe('https://lake.vault.azure.net');
  expect(registered.filter((resource) => resource.type === 'azure-native:authorization:RoleAssignment').map((assignment) => assignment.inputs.scope.split('/').pop()))
    .toEqual(['lake-root-user', 'lake-root-password']);
  expectValidManifests(registered.filter((resource) => resource.type.startsWith('kubernetes:')).map((resource) => resource.inputs));
});
