import * as pulumi from '@pulumi/pulumi';
import * as authorization from '@pulumi/azure-native/authorization';
import * as resources from '@pulumi/azure-native/resources';
import * as k8s from '@pulumi/kubernetes/provider';
import * as random from '@pulumi/random';
import { App } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AksCluster, BuiltInRole, ClusterNetwork, GeneratedHsmKey, GeneratedKmsApiKey, KubernetesObjects, ManagedPrometheus, MinioKeyVault,
  serviceAccountsOfClient, TieringStorage, WorkloadIdentity,
} from '../../lib/pulumi';
import { MAX_PROMETHEUS_TOKEN_LIFETIME, mintPrometheusToken } from '../../lib/observability';
import { DEFAULT_CLUSTER_DOMAIN } from '../../lib/tenant/tenant-dns-names';
import { buildExamplePlatform, EXAMPLE_AZURE_INPUTS, exampleAlertRules, ExampleAzureInputs } from '../gitops/example-platform';
import { PlatformSettings } from './settings';

/** The Key Vault secrets the example platform's ExternalSecrets read, by the workload whose identity reads them. */
export const VAULT_SECRETS = {
  kms: { hsmKey: 'minkms-hsm-key', adminApiKey: 'minkms-admin-api-key' },
  tenant: {
    rootUser: 'minio-production-root-user',
    rootPassword: 'minio-production-root-password',
    kmsApiKey: 'minio-production-kms-api-key',
    prometheusToken: 'minio-production-prometheus-token',
    signInClientSecret: 'minio-production-entra-client-secret',
    tierAccountKey: 'minio-tiering-account-key',
    legacyAccessKey: 'legacy-minio-access-key',
    legacySecretKey: 'legacy-minio-secret-key',
  },
} as const;

/** The Kubernetes Secret the example's mirror reads the older cluster's CA from (`ca.crt`). */
export const LEGACY_CA_SECRET = 'legacy-minio-ca';

/**
 * The metrics token's `exp` counts from this fixed moment, not from the time of `pulumi up`: the token then
 * changes only when the root password does, instead of on every run. With the longest lifetime `mc admin
 * prometheus generate` gives (100 years) it never expires in practice; it is rotated by replacing the root password.
 */
const PROMETHEUS_TOKEN_ISSUED_AT = new Date('2026-01-01T00:00:00Z');

/** The tenant's root user name; only its password needs to be random. */
const ROOT_USER = 'minio-root';

/** What `pulumi up` prints and `pulumi stack output` returns: nothing secret. */
export interface PlatformOutputs {
  readonly resourceGroupName: pulumi.Output<string>;
  readonly clusterName: pulumi.Output<string>;
  readonly oidcIssuerUrl: pulumi.Output<string>;
  readonly vaultUri: pulumi.Output<string>;
  readonly kmsSecretsClientId: pulumi.Output<string>;
  readonly tenantSecretsClientId: pulumi.Output<string>;
  readonly kmsAdminIdentity: pulumi.Output<string>;
  /** Grant this identity access to the tenant's enclave in the KMS. */
  readonly tenantKmsIdentity: pulumi.Output<string>;
  readonly prometheusQueryEndpoint: pulumi.Output<string> | undefined;
  readonly tieringAccountName: pulumi.Output<string>;
  readonly tieringBlobEndpoint: pulumi.Output<string>;
  /** The tenant's S3 endpoint inside the cluster (the internal load balancer serves the same service). */
  readonly s3Endpoint: pulumi.Output<string>;
}

/**
 * The example platform with its Azure side: the resource group, the AKS cluster (or an existing one), the Key
 * Vault with the KMS and tenant secrets generated here, one workload identity per namespace that reads the vault,
 * managed Prometheus with the example's alert rules, the storage account of the example's tier, and the example's
 * Kubernetes objects applied with the Azure values and the stack config (sign-in, the older cluster) in place of
 * the placeholders `cdk8s synth` uses. Every Key Vault secret the example's ExternalSecrets read is stored here.
 */
export function deployPlatform(settings: PlatformSettings): PlatformOutputs {
  const client = authorization.getClientConfigOutput();
  // Stateful and secret-holding resources: `pulumi destroy` and removed code cannot delete them unless unprotected.
  const protect = { protect: settings.protect };
  // Resources without a location take their resource group's (pulumi/pulumi-azure-native issue 66).
  const resourceGroupName = settings.useExistingResourceGroup
    ? pulumi.output(settings.resourceGroupName!)
    : new resources.ResourceGroup('minio', { resourceGroupName: settings.resourceGroupName, location: settings.location }).name;

  const cluster = settings.existingCluster === undefined
    ? AksCluster.create('minio', {
      resourceGroupName,
      subscriptionId: client.subscriptionId,
      network: new ClusterNetwork('minio', { resourceGroupName, frontendSubnetName: settings.loadBalancerSubnet }),
      kubernetesVersion: settings.kubernetesVersion,
      zones: settings.zones,
      systemPool: { name: 'system', ...settings.systemPool },
      // The example's pool selects agentpool=minio and tolerates this taint.
      userPools: [{ name: 'minio', ...settings.minioPool, taints: ['dedicated=minio:NoSchedule'] }],
    }, protect)
    : AksCluster.existing('minio', { resourceGroupName: settings.existingCluster.resourceGroupName, clusterName: settings.existingCluster.name });

  const vault = new MinioKeyVault('minio', { resourceGroupName, tenantId: client.tenantId, vaultName: settings.keyVaultName }, protect);
  const hsmKey = new GeneratedHsmKey(VAULT_SECRETS.kms.hsmKey, protect);
  const adminApiKey = new GeneratedKmsApiKey(VAULT_SECRETS.kms.adminApiKey, protect);
  const tenantKmsApiKey = new GeneratedKmsApiKey(VAULT_SECRETS.tenant.kmsApiKey, protect);
  // Letters and digits only: the password reaches MinIO in config.env's `export NAME=value` lines, unquoted.
  const rootPassword = new random.RandomPassword('minio-root-password', { length: 40, special: false }, protect);
  const kmsSecrets = [
    vault.addSecret(VAULT_SECRETS.kms.hsmKey, hsmKey.value),
    vault.addSecret(VAULT_SECRETS.kms.adminApiKey, adminApiKey.apiKey),
  ];
  // The scraper signs in as the root user: MinIO checks the token's HMAC with that user's secret key.
  const prometheusToken = pulumi.secret(rootPassword.result.apply((secretKey) => mintPrometheusToken({
    accessKey: ROOT_USER, secretKey, lifetime: MAX_PROMETHEUS_TOKEN_LIFETIME, issuedAt: PROMETHEUS_TOKEN_ISSUED_AT,
  })));
  // `mc ilm tier add azure` takes the account key: the tier's ExternalSecret reads it from the vault.
  const tiering = new TieringStorage('miniotier', {
    resourceGroupName,
    accountName: settings.tieringAccountName,
    containers: [settings.tieringContainer],
  }, protect);
  const tenantSecrets = [
    vault.addSecret(VAULT_SECRETS.tenant.rootUser, ROOT_USER),
    vault.addSecret(VAULT_SECRETS.tenant.rootPassword, rootPassword.result),
    vault.addSecret(VAULT_SECRETS.tenant.kmsApiKey, tenantKmsApiKey.apiKey),
    vault.addSecret(VAULT_SECRETS.tenant.prometheusToken, prometheusToken),
    vault.addSecret(VAULT_SECRETS.tenant.signInClientSecret, settings.signIn.clientSecret),
    vault.addSecret(VAULT_SECRETS.tenant.tierAccountKey, tiering.accountKey),
    vault.addSecret(VAULT_SECRETS.tenant.legacyAccessKey, settings.legacyMinio.accessKey),
    vault.addSecret(VAULT_SECRETS.tenant.legacySecretKey, settings.legacyMinio.secretKey),
  ];

  // The ServiceAccounts come from the constructs themselves: build the example once with its placeholder client
  // ids and take the accounts carrying each one. The same constructs run again below with the real ids.
  const placeholders = new App();
  buildExamplePlatform(placeholders);
  const identityArgs = { resourceGroupName, oidcIssuerUrl: cluster.oidcIssuerUrl, subscriptionId: client.subscriptionId };
  // Key Vault Secrets User on each secret the workload reads, not on the vault: RBAC vaults accept roles per
  // secret (learn.microsoft.com/azure/key-vault/general/rbac-guide, "Best Practices for individual keys, secrets,
  // and certificates role assignments").
  const kmsIdentity = new WorkloadIdentity('minio-kms-secrets', {
    ...identityArgs,
    serviceAccounts: serviceAccountsOfClient(placeholders, EXAMPLE_AZURE_INPUTS.kmsSecretsClientId),
    grants: kmsSecrets.map((secret) => ({ role: BuiltInRole.KEY_VAULT_SECRETS_USER, scope: secret.id })),
  });
  const tenantIdentity = new WorkloadIdentity('minio-tenant-secrets', {
    ...identityArgs,
    serviceAccounts: serviceAccountsOfClient(placeholders, EXAMPLE_AZURE_INPUTS.tenantSecretsClientId),
    grants: tenantSecrets.map((secret) => ({ role: BuiltInRole.KEY_VAULT_SECRETS_USER, scope: secret.id })),
  });

  const prometheus = settings.monitoring
    ? new ManagedPrometheus('minio', {
      resourceGroupName,
      clusterId: cluster.clusterId,
      clusterName: cluster.clusterName,
      // The rule set the example writes as its ARM template: the same selectors on both paths.
      alertRuleSets: [exampleAlertRules()],
      actionGroupId: settings.actionGroupId,
    })
    : undefined;

  const provider = new k8s.Provider('aks', { kubeconfig: settings.kubeconfig ?? cluster.kubeconfig });
  const azure: pulumi.Output<ExampleAzureInputs> = pulumi
    .all([client.tenantId, vault.vaultUri, tenantIdentity.clientId, kmsIdentity.clientId, adminApiKey.identity, tiering.accountName])
    .apply(([tenantId, vaultUrl, tenantSecretsClientId, kmsSecretsClientId, kmsAdminIdentity, tierStorageAccount]) => ({
      tenantId,
      vaultUrl,
      tenantSecretsClientId,
      kmsSecretsClientId,
      kmsAdminIdentity,
      loadBalancerSubnet: settings.loadBalancerSubnet,
      signInClientId: settings.signIn.clientId,
      analystsGroupId: settings.signIn.analystsGroupId,
      tierStorageAccount,
      tierContainer: settings.tieringContainer,
    }));
  // Resolved first, then the constructs run: they validate the real ids exactly as `cdk8s synth` validates the
  // placeholders. Objects wait for the identities' federated credentials, so pods can sign in when they start.
  const s3Endpoint = azure.apply((values) => {
    const app = new App();
    const storage = buildExamplePlatform(app, values).find((chart) => chart.namespace === 'minio-production')!;
    // The mirror trusts the older cluster's CA from this Secret; a CA certificate is public, the Secret only carries it.
    new kplus.Secret(storage, 'LegacyCa', { metadata: { name: LEGACY_CA_SECRET }, stringData: { 'ca.crt': settings.legacyMinio.caCertificate } });
    const objects = new KubernetesObjects('minio', {
      app,
      provider,
      protect: settings.protect,
      waitFor: [...kmsIdentity.federatedCredentials, ...tenantIdentity.federatedCredentials, ...kmsIdentity.roleAssignments, ...tenantIdentity.roleAssignments],
    });
    return s3EndpointOf(objects);
  });

  return {
    resourceGroupName: pulumi.output(resourceGroupName),
    clusterName: cluster.clusterName,
    oidcIssuerUrl: cluster.oidcIssuerUrl,
    vaultUri: vault.vaultUri,
    kmsSecretsClientId: kmsIdentity.clientId,
    tenantSecretsClientId: tenantIdentity.clientId,
    kmsAdminIdentity: adminApiKey.identity,
    tenantKmsIdentity: tenantKmsApiKey.identity,
    prometheusQueryEndpoint: prometheus?.queryEndpoint,
    tieringAccountName: tiering.accountName,
    tieringBlobEndpoint: tiering.blobEndpoint,
    s3Endpoint,
  };
}

/** The in-cluster S3 URL of the app's tenant: the MinIO Operator's `minio` Service in the tenant's namespace (TLS on 443). */
function s3EndpointOf(objects: KubernetesObjects): string {
  const tenant = objects.plan.find((object) => object.manifest.kind === 'Tenant')!;
  return `https://minio.${tenant.manifest.metadata.namespace}.svc.${DEFAULT_CLUSTER_DOMAIN}`;
}
