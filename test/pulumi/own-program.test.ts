import * as pulumi from '@pulumi/pulumi';
import { ApiObject, App, Chart } from 'cdk8s';
import { deployLake } from '../../apps/examples/pulumi-lake';
import { GeneratedHsmKey, KubernetesObjects, MinioKeyVault } from '../../lib/pulumi';
import { expectValidManifests } from '../support/strict-validator';
import { installMocks, MOCK_AZURE, Registered, withoutPromiseStacks } from './pulumi-mocks';

/**
 * `minio-aks/pulumi` in a program of one's own, under mocks in one stack: the README example, and the bridge and
 * components with options the built-in program does not use.
 */

const registered: Registered[] = [];
const transformed: Array<{ type: string; name: string; props: Record<string, any>; protect: boolean }> = [];
let lakeKeys: string[];

function secretsChart(): App {
  const app = new App();
  const chart = new Chart(app, 'tokens', { namespace: 'tokens' });
  new ApiObject(chart, 'Token', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'webhook-token' }, stringData: { token: 'not-a-real-token' } });
  new ApiObject(chart, 'Settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { mode: 'audit' } });
  return app;
}

beforeAll(() => withoutPromiseStacks(async () => {
  await installMocks(registered);
  await pulumi.runtime.runInPulumiStack(async () => {
    pulumi.runtime.registerStackTransformation((args) => {
      transformed.push({ type: args.type, name: args.name, props: args.props, protect: args.opts.protect === true });
      return undefined;
    });
    const objects = deployLake({
      resourceGroupName: 'rg-lake',
      tenantId: MOCK_AZURE.tenantId,
      subscriptionId: MOCK_AZURE.subscriptionId,
      oidcIssuerUrl: MOCK_AZURE.issuerUrl,
    });
    objects.apply((value) => { lakeKeys = value; });
    new KubernetesObjects('protected', { app: secretsChart() });
    const scratch = new App();
    new Chart(scratch, 'scratch', { namespace: 'scratch' });
    new ApiObject(scratch.node.findChild('scratch'), 'Token', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'scratch-token' } });
    new KubernetesObjects('unprotected', { app: scratch, protect: false });
    new GeneratedHsmKey('scratch-hsm-key', { protect: false });
    new MinioKeyVault('scratch', { resourceGroupName: 'rg', tenantId: MOCK_AZURE.tenantId }, { protect: false }).addSecret('scratch-secret', 'value');
  });
  await pulumi.runtime.disconnect();
}), 60_000);

test('the README Pulumi example federates the chart\'s ServiceAccount and applies its objects with the real ids', () => {
  expect(lakeKeys).toEqual([
    'NetworkPolicy.networking.k8s.io lake/lake-minio',
    'ServiceAccount lake/vault-reader',
    'SecretStore.external-secrets.io lake/lake-vault',
    'ExternalSecret.external-secrets.io lake/lake-config',
    'PodDisruptionBudget.policy lake/lake-pool-0',
    'Tenant.minio.min.io lake/lake',
  ]);
  const lake = registered.filter((resource) => resource.inputs.metadata?.namespace === 'lake');
  const credential = registered.find((resource) => resource.type === 'azure-native:managedidentity:FederatedIdentityCredential')!;
  expect(credential.inputs.subject).toBe('system:serviceaccount:lake:vault-reader');
  const account = lake.find((resource) => resource.type === 'kubernetes:core/v1:ServiceAccount')!;
  expect(account.inputs.metadata.annotations['azure.workload.identity/client-id']).not.toBe('00000000-0000-0000-0000-000000000000');
  expect(lake.find((resource) => resource.inputs.kind === 'SecretStore')!.inputs.spec.provider.azurekv.vaultUrl).toBe('https://lake.vault.azure.net');
  expect(registered.filter((resource) => resource.type === 'azure-native:authorization:RoleAssignment').map((assignment) => assignment.inputs.scope.split('/').pop()))
    .toEqual(['lake-root-user', 'lake-root-password']);
  expectValidManifests(lake.map((resource) => resource.inputs));
});

test('a Secret\'s data reaches Pulumi as a secret, and Secrets are protected', async () => {
  const secret = transformed.find((resource) => resource.type === 'kubernetes:core/v1:Secret' && resource.name === 'tokens/webhook-token')!;
  expect(await pulumi.isSecret(secret.props.stringData)).toBe(true);
  expect(secret.protect).toBe(true);
  const config = transformed.find((resource) => resource.type === 'kubernetes:core/v1:ConfigMap' && resource.name === 'tokens/settings')!;
  expect(pulumi.Output.isInstance(config.props.data)).toBe(false);
  expect(config.protect).toBe(false);
});

test('protect: false leaves objects, generated keys and vault secrets unprotected', () => {
  const names = ['kubernetes:core/v1:Secret scratch/scratch-token', 'random:index/randomBytes:RandomBytes scratch-hsm-key',
    'azure-native:keyvault:Vault scratch', 'azure-native:keyvault:Secret scratch-scratch-secret'];
  expect(names.map((name) => [name, transformed.find((resource) => `${resource.type} ${resource.name}` === name)?.protect]))
    .toEqual(names.map((name) => [name, false]));
});
