import * as pulumi from '@pulumi/pulumi';
import * as k8s from '@pulumi/kubernetes/provider';
import * as random from '@pulumi/random';
import { App, Size } from 'cdk8s';
import { GitOpsChart, KeyVaultSecretStore, MinioTenant, TenantConfigurationSecret, WorkloadIdentityServiceAccount } from 'minio-aks';
import { BuiltInRole, KubernetesObjects, MinioKeyVault, serviceAccountsOfClient, WorkloadIdentity } from 'minio-aks/pulumi';

/** What the chart takes from Azure, as plain values: the constructs validate them like any other input. */
interface LakeAzureValues {
  readonly tenantId: string;
  readonly vaultUrl: string;
  readonly clientId: string;
}

/** Your cluster and subscription, from the rest of your Pulumi program. */
export interface LakeCluster {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly tenantId: pulumi.Input<string>;
  readonly subscriptionId: pulumi.Input<string>;
  readonly oidcIssuerUrl: pulumi.Input<string>;
  readonly provider?: k8s.Provider;
}

/** The same function `cdk8s synth` would call: one description of the deployment. */
function buildLake(app: App, azure: LakeAzureValues): GitOpsChart {
  const chart = new GitOpsChart(app, 'lake', { namespace: 'lake' });
  const reader = new WorkloadIdentityServiceAccount(chart, 'VaultReader', {
    name: 'vault-reader', clientId: azure.clientId, tenantId: azure.tenantId,
  });
  const store = new KeyVaultSecretStore(chart, 'Vault', { name: 'lake-vault', vaultUrl: azure.vaultUrl, identity: reader });
  const configuration = new TenantConfigurationSecret(chart, 'Configuration', {
    name: 'lake-config', store, rootUser: 'lake-root-user', rootPassword: 'lake-root-password',
  });
  new MinioTenant(chart, 'lake', {
    configuration,
    pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 4, volumeSize: Size.tebibytes(2) }],
  });
  return chart;
}

const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';

export function deployLake(cluster: LakeCluster): pulumi.Output<string[]> {
  // The root credentials are made here and kept only in Key Vault (and, encrypted, in the Pulumi state).
  const vault = new MinioKeyVault('lake', { resourceGroupName: cluster.resourceGroupName, tenantId: cluster.tenantId });
  const password = new random.RandomPassword('lake-root-password', { length: 40, special: false });
  const secrets = [vault.addSecret('lake-root-user', 'lake-admin'), vault.addSecret('lake-root-password', password.result)];

  // Federate exactly the ServiceAccounts the chart makes: build it once with placeholder ids and read them.
  const placeholder = new App();
  buildLake(placeholder, { tenantId: PLACEHOLDER_ID, vaultUrl: 'https://placeholder.vault.azure.net', clientId: PLACEHOLDER_ID });
  const identity = new WorkloadIdentity('lake-vault-reader', {
    resourceGroupName: cluster.resourceGroupName,
    oidcIssuerUrl: cluster.oidcIssuerUrl,
    subscriptionId: cluster.subscriptionId,
    serviceAccounts: serviceAccountsOfClient(placeholder, PLACEHOLDER_ID),
    grants: secrets.map((secret) => ({ role: BuiltInRole.KEY_VAULT_SECRETS_USER, scope: secret.id })),
  });

  // Resolve the Azure values first, then build the same chart with them and apply its objects.
  return pulumi.all([cluster.tenantId, vault.vaultUri, identity.clientId]).apply(([tenantId, vaultUrl, clientId]) => {
    const app = new App();
    buildLake(app, { tenantId, vaultUrl, clientId });
    const objects = new KubernetesObjects('lake', {
      app, provider: cluster.provider, waitFor: [...identity.federatedCredentials, ...identity.roleAssignments],
    });
    return objects.plan.map((object) => object.key);
  });
}
