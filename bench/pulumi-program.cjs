// Runs the compiled Pulumi program (.build/pulumi, written by `npm run build`) under mocks in this process, or, with
// `--floor`, only loads @pulumi/pulumi. `bench/pulumi.mjs` times both in fresh processes.
const { createHash } = require('node:crypto');
const { join } = require('node:path');
const pulumi = require('@pulumi/pulumi');

if (process.argv.includes('--floor')) process.exit(0);

const guid = (seed) => {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};
const issuer = 'https://westeurope.oic.prod-aks.azure.com/tenant/cluster/';
let resources = 0;

pulumi.runtime.setMocks({
  newResource({ type, name, inputs }) {
    resources += 1;
    const id = `/subscriptions/s/resourceGroups/minio/providers/${type}/${name}`;
    switch (type) {
      case 'azure-native:containerservice:ManagedCluster':
        return { id, state: { ...inputs, name, oidcIssuerProfile: { enabled: true, issuerURL: issuer } } };
      case 'azure-native:keyvault:Vault':
        return { id, state: { ...inputs, name, properties: { ...inputs.properties, vaultUri: `https://${name}.vault.azure.net/` } } };
      case 'azure-native:managedidentity:UserAssignedIdentity':
        return { id, state: { ...inputs, name, clientId: guid(`${name}-client`), principalId: guid(`${name}-principal`) } };
      case 'azure-native:monitor:AzureMonitorWorkspace':
        return { id, state: { ...inputs, name, metrics: { prometheusQueryEndpoint: `https://${name}.prometheus.monitor.azure.com` } } };
      case 'azure-native:storage:StorageAccount':
        return { id, state: { ...inputs, name, primaryEndpoints: { blob: `https://${name}.blob.core.windows.net/` } } };
      case 'random:index/randomBytes:RandomBytes':
        return { id, state: { ...inputs, base64: pulumi.secret(createHash('sha256').update(name).digest('base64')) } };
      case 'random:index/randomPassword:RandomPassword':
        return { id, state: { ...inputs, result: pulumi.secret(guid(name)) } };
      default:
        return { id, state: { ...inputs, name } };
    }
  },
  call({ token }) {
    if (token === 'azure-native:authorization:getClientConfig') return { tenantId: guid('tenant'), subscriptionId: guid('subscription') };
    if (token === 'azure-native:containerservice:listManagedClusterUserCredentials') {
      return { kubeconfigs: [{ name: 'clusterUser', value: pulumi.secret(Buffer.from('apiVersion: v1\nkind: Config\n').toString('base64')) }] };
    }
    if (token === 'azure-native:storage:listStorageAccountKeys') return { keys: [{ value: pulumi.secret('key') }] };
    throw new Error(`unexpected call ${token}`);
  },
}, 'minio-aks', 'bench');

// The stack config the program requires: the example's sign-in and the older cluster it mirrors from.
const requiredConfig = {
  'minio-aks:signInClientId': guid('sign-in'),
  'minio-aks:analystsGroupId': guid('analysts'),
  'minio-aks:signInClientSecret': 'bench-client-secret',
  'minio-aks:legacyMinioAccessKey': 'bench-legacy-reader',
  'minio-aks:legacyMinioSecretKey': 'bench-legacy-secret-key',
  'minio-aks:legacyMinioCaCertificate': '-----BEGIN CERTIFICATE-----\nbench\n-----END CERTIFICATE-----\n',
};
pulumi.runtime.setAllConfig(requiredConfig, ['minio-aks:signInClientSecret', 'minio-aks:legacyMinioAccessKey', 'minio-aks:legacyMinioSecretKey']);

pulumi.runtime.runInPulumiStack(async () => require(join(__dirname, '..', '.build', 'pulumi', 'apps', 'pulumi', 'index.js')))
  .then(() => pulumi.runtime.disconnect())
  .then(() => process.stderr.write(`RESOURCES=${resources}\n`));
