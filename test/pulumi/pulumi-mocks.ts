import { createHash } from 'node:crypto';
import * as pulumi from '@pulumi/pulumi';

/** Values the mocked Azure returns. */
export const MOCK_AZURE = {
  tenantId: '0f0e0d0c-0b0a-4909-8807-060504030201',
  subscriptionId: '00000000-1111-2222-3333-444444444444',
  issuerUrl: 'https://westeurope.oic.prod-aks.azure.com/0f0e0d0c/11111111-aaaa/',
  kubeconfig: 'apiVersion: v1\nkind: Config\nusers:\n- name: mock\n  user:\n    token: mock-cluster-token\n',
  storageKey: 'bW9jay1zdG9yYWdlLWFjY291bnQta2V5LW5vdC1yZWFs',
} as const;

/** A resource registered with the mocked engine. */
export interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
  readonly id: string;
}

/** A GUID derived from `seed`, so identities get distinct, stable client and principal ids. */
export function mockGuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const RESOURCE_GROUP_ID = `/subscriptions/${MOCK_AZURE.subscriptionId}/resourceGroups/minio`;

/**
 * Runs `program` with V8 recording no stack for a plain `new Error()`. Pulumi stores `new Error().stack` on every
 * promise it tracks, for its report of leaked promises (@pulumi/pulumi runtime/debuggable.js); under jest each of
 * those stacks is mapped back through the source maps, which was most of a mocked program's time. No test reads
 * those stacks; Pulumi's own source positions (Resource.callsites) raise the limit themselves and are unaffected.
 */
export async function withoutPromiseStacks<T>(program: () => Promise<T>): Promise<T> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return await program();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Installs mocks that play Azure, random and Kubernetes, recording every registration into `registered`. */
export function installMocks(registered: Registered[]): Promise<void> {
  return pulumi.runtime.setMocks({
    newResource(args) {
      const { state, id } = mockState(args.type, args.name, args.inputs);
      registered.push({ type: args.type, name: args.name, inputs: args.inputs, id });
      return { id, state };
    },
    call(args) {
      switch (args.token) {
        case 'azure-native:authorization:getClientConfig':
          return { tenantId: MOCK_AZURE.tenantId, subscriptionId: MOCK_AZURE.subscriptionId, clientId: mockGuid('deployer'), objectId: mockGuid('deployer-object') };
        case 'azure-native:containerservice:listManagedClusterUserCredentials':
          return { kubeconfigs: [{ name: 'clusterUser', value: pulumi.secret(Buffer.from(MOCK_AZURE.kubeconfig).toString('base64')) }] };
        case 'azure-native:containerservice:getManagedCluster':
          return {
            id: `${RESOURCE_GROUP_ID}/providers/Microsoft.ContainerService/managedClusters/${args.inputs.resourceName}`,
            name: args.inputs.resourceName,
            location: 'westeurope',
            oidcIssuerProfile: { enabled: true, issuerURL: MOCK_AZURE.issuerUrl },
          };
        case 'azure-native:storage:listStorageAccountKeys':
          return { keys: [{ keyName: 'key1', permissions: 'FULL', value: pulumi.secret(MOCK_AZURE.storageKey) }] };
        default:
          throw new Error(`unexpected call ${args.token}`);
      }
    },
  }, 'minio-aks', 'test');
}

function mockState(type: string, name: string, inputs: Record<string, any>): { state: Record<string, any>; id: string } {
  const provider = (resource: string, resourceName: string) => `${RESOURCE_GROUP_ID}/providers/${resource}/${resourceName}`;
  switch (type) {
    case 'azure-native:resources:ResourceGroup':
      return { id: RESOURCE_GROUP_ID, state: { ...inputs, name: inputs.resourceGroupName ?? name } };
    case 'azure-native:containerservice:ManagedCluster':
      return {
        id: provider('Microsoft.ContainerService/managedClusters', name),
        state: { ...inputs, name, oidcIssuerProfile: { enabled: true, issuerURL: MOCK_AZURE.issuerUrl } },
      };
    case 'azure-native:network:VirtualNetwork':
      return { id: provider('Microsoft.Network/virtualNetworks', name), state: { ...inputs, name } };
    case 'azure-native:keyvault:Vault': {
      const vaultName = inputs.vaultName ?? name;
      return { id: provider('Microsoft.KeyVault/vaults', vaultName), state: { ...inputs, name: vaultName, properties: { ...inputs.properties, vaultUri: `https://${vaultName}.vault.azure.net/` } } };
    }
    case 'azure-native:keyvault:Secret':
      return { id: provider(`Microsoft.KeyVault/vaults/${inputs.vaultName}/secrets`, inputs.secretName), state: { ...inputs, name: inputs.secretName } };
    case 'azure-native:managedidentity:UserAssignedIdentity':
      return {
        id: provider('Microsoft.ManagedIdentity/userAssignedIdentities', name),
        state: { ...inputs, name, clientId: mockGuid(`${name}-client`), principalId: mockGuid(`${name}-principal`), tenantId: MOCK_AZURE.tenantId },
      };
    case 'azure-native:monitor:AzureMonitorWorkspace':
      return {
        id: provider('Microsoft.Monitor/accounts', name),
        state: { ...inputs, name, metrics: { prometheusQueryEndpoint: `https://${name}.westeurope.prometheus.monitor.azure.com`, internalId: 'mock' } },
      };
    case 'azure-native:storage:StorageAccount':
      return {
        id: provider('Microsoft.Storage/storageAccounts', inputs.accountName ?? name),
        state: { ...inputs, name: inputs.accountName ?? name, primaryEndpoints: { blob: `https://${inputs.accountName ?? name}.blob.core.windows.net/` } },
      };
    case 'azure-native:storage:BlobContainer':
      return { id: provider(`Microsoft.Storage/storageAccounts/${inputs.accountName}/blobServices/default/containers`, inputs.containerName), state: { ...inputs, name: inputs.containerName } };
    case 'random:index/randomBytes:RandomBytes': {
      // Provider-side secrets: the real provider marks them, so the mock must too.
      const bytes = createHash('sha256').update(name).digest();
      return { id: name, state: { ...inputs, base64: pulumi.secret(bytes.toString('base64')), hex: pulumi.secret(bytes.toString('hex')) } };
    }
    case 'random:index/randomPassword:RandomPassword':
      return { id: name, state: { ...inputs, result: pulumi.secret(createHash('sha256').update(name).digest('hex').slice(0, inputs.length)) } };
    default:
      return { id: `${name}-id`, state: { ...inputs, name: inputs.name ?? name } };
  }
}
