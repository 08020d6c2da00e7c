import { createHmac } from 'node:crypto';
import * as pulumi from '@pulumi/pulumi';
import { App } from 'cdk8s';
import { buildExamplePlatform, EXAMPLE_AZURE_INPUTS } from '../../apps/gitops/example-platform';
import { deployPlatform, LEGACY_CA_SECRET, PlatformOutputs, VAULT_SECRETS } from '../../apps/pulumi/platform-program';
import { PlatformSettings, readSettings } from '../../apps/pulumi/settings';
import { ConfigurationError } from '../../lib/core/errors';
import { GitOpsApp } from '../../lib/core/gitops-app';
import { kmsIdentityOf } from '../../lib/kms/api-key';
import { AksCluster, GeneratedHsmKey, GeneratedKmsApiKey, ManagedPrometheus, MinioKeyVault, TieringStorage, WorkloadIdentity } from '../../lib/pulumi';
import { expectValidManifests } from '../support/strict-validator';
import { installMocks, MOCK_AZURE, mockGuid, Registered, withoutPromiseStacks } from './pulumi-mocks';

/**
 * The Pulumi program under mocks, run once for the whole file (each jest file loads @pulumi/pulumi again, about
 * half a second): every assertion reads the registrations it recorded.
 */

const SETTINGS: PlatformSettings = {
  useExistingResourceGroup: false,
  zones: ['1', '2', '3'],
  systemPool: { vmSize: 'Standard_D4ds_v5', count: 3 },
  minioPool: { vmSize: 'Standard_L8s_v3', count: 4 },
  loadBalancerSubnet: 'snet-minio-frontend',
  monitoring: true,
  tieringContainer: 'minio-production',
  protect: true,
  signIn: { clientId: '5d3c2b1a-0f9e-4d8c-b7a6-958473625140', analystsGroupId: '6e5d4c3b-2a19-4f08-8e7d-6c5b4a392817', clientSecret: pulumi.secret('mock-entra-client-secret') },
  legacyMinio: {
    accessKey: pulumi.secret('mock-legacy-mirror-reader'),
    secretKey: pulumi.secret('mock-legacy-mirror-secret-key'),
    caCertificate: '-----BEGIN CERTIFICATE-----\nMIIBmockLegacyCa\n-----END CERTIFICATE-----\n',
  },
};

interface Transformed {
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, any>;
  readonly dependsOn: string[];
  readonly protect: boolean;
}

const registered: Registered[] = [];
/** Component instances by `type name`, to read their outputs. */
const components = new Map<string, pulumi.Resource>();
const transformed: Transformed[] = [];
let outputs: PlatformOutputs;
let resolvedOutputs: Record<string, unknown>;
let secretOutputs: string[];
let generatedKeySecrecy: Record<string, boolean>;
let existingCluster: AksCluster;
let existingClusterValues: Record<string, unknown>;

const byType = (type: string) => registered.filter((resource) => resource.type === type);
const one = (type: string, name: string) => {
  const found = registered.filter((resource) => resource.type === type && resource.name === name);
  expect(found).toHaveLength(1);
  return found[0];
};
const kubernetes = () => registered.filter((resource) => resource.type.startsWith('kubernetes:') && !resource.type.startsWith('kubernetes:core/v1:Provider'));
/** A secret input as the mock monitor receives it: the value inside the secret's wrapper. */
const secretValue = (input: any): string => (typeof input === 'object' && input !== null && 'value' in input ? input.value : input);
const storedSecret = (name: string): string => secretValue(byType('azure-native:keyvault:Secret').find((secret) => secret.inputs.secretName === name)!.inputs.properties.value);
/** A manifest with its Secret data as the API server receives it, out of the mock's secret wrappers. */
const withPlainData = (manifest: Record<string, any>) => (manifest.kind === 'Secret'
  ? { ...manifest, ...Object.fromEntries(['data', 'stringData'].filter((field) => manifest[field] !== undefined).map((field) => [field, secretValue(manifest[field])])) }
  : manifest);
const resolve = <T>(output: pulumi.Output<T>) => new Promise<T>((done) => output.apply((value) => done(value)));

beforeAll(() => withoutPromiseStacks(async () => {
  await installMocks(registered);
  const names = new Map<pulumi.Resource, string>();
  await pulumi.runtime.runInPulumiStack(async () => {
    pulumi.runtime.registerStackTransformation((args) => {
      names.set(args.resource, `${args.type} ${args.name}`);
      if (args.type.startsWith('minio-aks:')) components.set(`${args.type} ${args.name}`, args.resource);
      const dependsOn = ([] as pulumi.Resource[]).concat((args.opts.dependsOn ?? []) as pulumi.Resource[]).map((resource) => names.get(resource) ?? '?');
      transformed.push({ type: args.type, name: args.name, props: args.props, dependsOn, protect: args.opts.protect === true });
      return undefined;
    });
    outputs = deployPlatform(SETTINGS);
    existingCluster = AksCluster.existing('existing', { resourceGroupName: 'rg-aks', clusterName: 'aks-prod' });
  });
  const entries = Object.entries(outputs).filter(([, value]) => value !== undefined) as Array<[string, pulumi.Output<unknown>]>;
  resolvedOutputs = Object.fromEntries(await Promise.all(entries.map(async ([key, value]) => [key, await resolve(value)])));
  secretOutputs = (await Promise.all(entries.map(async ([key, value]) => (await pulumi.isSecret(value)) ? key : undefined)))
    .filter((key): key is string => key !== undefined);
  const hsmKey = components.get(`minio-aks:azure:GeneratedHsmKey ${VAULT_SECRETS.kms.hsmKey}`) as GeneratedHsmKey;
  const adminKey = components.get(`minio-aks:azure:GeneratedKmsApiKey ${VAULT_SECRETS.kms.adminApiKey}`) as GeneratedKmsApiKey;
  generatedKeySecrecy = {
    hsmKey: await pulumi.isSecret(hsmKey.value),
    adminApiKey: await pulumi.isSecret(adminKey.apiKey),
    adminIdentity: await pulumi.isSecret(adminKey.identity),
  };
  existingClusterValues = {
    clusterId: await resolve(existingCluster.clusterId),
    oidcIssuerUrl: await resolve(existingCluster.oidcIssuerUrl),
    kubeconfigIsSecret: await pulumi.isSecret(existingCluster.kubeconfig),
    kubeconfig: await resolve(existingCluster.kubeconfig),
  };
  await pulumi.runtime.disconnect();
}), 60_000);

describe('the Pulumi program under mocks', () => {
  test('registers the Azure side and every Kubernetes object of the example', () => {
    const azureTypes = [...new Set(registered.filter((resource) => !resource.type.startsWith('kubernetes:')).map((resource) => resource.type))].sort();
    expect(azureTypes).toEqual([
      'azure-native:alertsmanagement:PrometheusRuleGroup',
      'azure-native:authorization:RoleAssignment',
      'azure-native:containerservice:ManagedCluster',
      'azure-native:keyvault:Secret',
      'azure-native:keyvault:Vault',
      'azure-native:managedidentity:FederatedIdentityCredential',
      'azure-native:managedidentity:UserAssignedIdentity',
      'azure-native:monitor:AzureMonitorWorkspace',
      'azure-native:monitor:DataCollectionEndpoint',
      'azure-native:monitor:DataCollectionRule',
      'azure-native:monitor:DataCollectionRuleAssociation',
      'azure-native:network:VirtualNetwork',
      'azure-native:resources:ResourceGroup',
      'azure-native:storage:BlobContainer',
      'azure-native:storage:StorageAccount',
      'minio-aks:azure:AksCluster',
      'minio-aks:azure:ClusterNetwork',
      'minio-aks:azure:GeneratedHsmKey',
      'minio-aks:azure:GeneratedKmsApiKey',
      'minio-aks:azure:KeyVault',
      'minio-aks:azure:ManagedPrometheus',
      'minio-aks:azure:TieringStorage',
      'minio-aks:azure:WorkloadIdentity',
      'minio-aks:kubernetes:Objects',
      'pulumi:providers:kubernetes',
      'pulumi:pulumi:Stack',
      'random:index/randomBytes:RandomBytes',
      'random:index/randomPassword:RandomPassword',
    ]);
    const synthesized = new App();
    buildExamplePlatform(synthesized);
    const expected = synthesized.charts.flatMap((chart) => chart.toJson())
      .map((manifest: any) => `${manifest.kind} ${manifest.metadata.namespace ?? ''}/${manifest.metadata.name}`.replace(/-[0-9a-f]{8}$/, '')).sort();
    const applied = kubernetes().filter((resource) => resource.type !== 'pulumi:providers:kubernetes')
      .map((resource) => `${resource.inputs.kind} ${resource.inputs.metadata.namespace ?? ''}/${resource.inputs.metadata.name}`.replace(/-[0-9a-f]{8}$/, '')).sort();
    // Job names end in a hash of the KMS configuration, which holds the generated admin identity. The program adds
    // the older cluster's CA, which `cdk8s synth` users create themselves.
    expect(applied).toEqual([...expected, 'Secret minio-production/legacy-minio-ca'].sort());
    expectValidManifests(kubernetes().filter((resource) => resource.type !== 'pulumi:providers:kubernetes').map((resource) => withPlainData(resource.inputs)));
  });

  test('core kinds are typed @pulumi/kubernetes resources, custom resources CustomResources', () => {
    const types = Object.fromEntries(kubernetes().map((resource) => [resource.inputs.kind, resource.type]));
    expect(types).toMatchObject({
      Namespace: 'kubernetes:core/v1:Namespace',
      StatefulSet: 'kubernetes:apps/v1:StatefulSet',
      Job: 'kubernetes:batch/v1:Job',
      NetworkPolicy: 'kubernetes:networking.k8s.io/v1:NetworkPolicy',
      Tenant: 'kubernetes:minio.min.io/v2:Tenant',
      ExternalSecret: 'kubernetes:external-secrets.io/v1:ExternalSecret',
    });
  });

  test('the Key Vault uses RBAC, soft delete and purge protection', () => {
    const vault = one('azure-native:keyvault:Vault', 'minio');
    expect(vault.inputs.properties).toMatchObject({
      enableRbacAuthorization: true, enableSoftDelete: true, enablePurgeProtection: true, softDeleteRetentionInDays: 90, tenantId: MOCK_AZURE.tenantId,
    });
    expect(vault.inputs.properties.accessPolicies).toBeUndefined();
  });

  test('federated subjects are exactly the ServiceAccounts that carry each identity\'s client id', () => {
    for (const identityName of ['minio-kms-secrets', 'minio-tenant-secrets']) {
      const identity = transformed.find((resource) => resource.type === 'minio-aks:azure:WorkloadIdentity' && resource.name === identityName)!;
      expect(identity).toBeDefined();
      const clientId = registered.find((resource) => resource.type === 'azure-native:managedidentity:UserAssignedIdentity' && resource.name === identityName)!;
      const credentials = byType('azure-native:managedidentity:FederatedIdentityCredential').filter((credential) => credential.name.startsWith(`${identityName}-`));
      const accounts = kubernetes().filter((resource) => resource.inputs.kind === 'ServiceAccount'
        && resource.inputs.metadata.annotations?.['azure.workload.identity/client-id'] === resolvedOutputs[identityName === 'minio-kms-secrets' ? 'kmsSecretsClientId' : 'tenantSecretsClientId']);
      expect(clientId).toBeDefined();
      expect(accounts.length).toBeGreaterThan(0);
      expect(credentials.map((credential) => credential.inputs.subject).sort())
        .toEqual(accounts.map((account) => `system:serviceaccount:${account.inputs.metadata.namespace}:${account.inputs.metadata.name}`).sort());
      for (const credential of credentials) {
        expect(credential.inputs).toMatchObject({ issuer: MOCK_AZURE.issuerUrl, audiences: ['api://AzureADTokenExchange'], resourceName: identityName });
      }
    }
  });

  test('each identity holds Key Vault Secrets User on exactly the secrets its ExternalSecrets read', () => {
    const secretsUser = `/subscriptions/${MOCK_AZURE.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6`;
    const workloadIdentities = ['minio-kms-secrets', 'minio-tenant-secrets'];
    const assignments = byType('azure-native:authorization:RoleAssignment')
      .filter((assignment) => workloadIdentities.some((identityName) => assignment.name.startsWith(`${identityName}-`)));
    expect(assignments).toHaveLength(10);
    for (const assignment of assignments) {
      expect(assignment.inputs.roleDefinitionId).toBe(secretsUser);
      expect(assignment.inputs.principalType).toBe('ServicePrincipal');
    }
    const scopesOf = (identityName: string) => assignments.filter((assignment) => assignment.name.startsWith(`${identityName}-`))
      .map((assignment) => assignment.inputs.scope.split('/').pop()).sort();
    const remoteKeysIn = (namespace: string) => kubernetes().filter((resource) => resource.inputs.kind === 'ExternalSecret' && resource.inputs.metadata.namespace === namespace)
      .flatMap((resource) => resource.inputs.spec.data.map((item: any) => item.remoteRef.key as string))
      .filter((key, index, keys) => keys.indexOf(key) === index).sort();
    expect(scopesOf('minio-kms-secrets')).toEqual(remoteKeysIn('minio-kms'));
    expect(scopesOf('minio-tenant-secrets')).toEqual(remoteKeysIn('minio-production'));
    // Scoped to one secret each, never the vault or the resource group.
    for (const assignment of assignments) expect(assignment.inputs.scope).toMatch(/\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+\/secrets\/[^/]+$/);
    for (const identityName of workloadIdentities) {
      for (const assignment of assignments.filter((candidate) => candidate.name.startsWith(`${identityName}-`))) {
        expect(assignment.inputs.principalId).toBe(mockGuid(`${identityName}-principal`));
      }
    }
  });

  test('federated credentials of one identity are created one after another', () => {
    const credentials = transformed.filter((resource) => resource.type === 'azure-native:managedidentity:FederatedIdentityCredential');
    expect(credentials.length).toBeGreaterThan(0);
    for (const identityName of ['minio-kms-secrets', 'minio-tenant-secrets']) {
      const own = credentials.filter((credential) => credential.name.startsWith(`${identityName}-`));
      own.forEach((credential, index) => {
        expect(credential.dependsOn).toEqual(index === 0 ? [] : [`${credential.type} ${own[index - 1].name}`]);
      });
    }
  });

  test('the generated keys are secrets, stored as Key Vault secrets, never outputs', async () => {
    // The identity is a hash of the public key: a plain output, so configuration can carry it.
    expect(generatedKeySecrecy).toEqual({ hsmKey: true, adminApiKey: true, adminIdentity: false });
    const vaultSecrets = transformed.filter((resource) => resource.type === 'azure-native:keyvault:Secret');
    expect(vaultSecrets.map((secret) => secret.props.secretName).sort())
      .toEqual([...Object.values(VAULT_SECRETS.kms), ...Object.values(VAULT_SECRETS.tenant)].sort());
    for (const secret of vaultSecrets) {
      expect(await pulumi.isSecret(pulumi.output(secret.props.properties).apply((properties: any) => properties.value))).toBe(true);
      expect(secret.protect).toBe(true);
    }
    expect(storedSecret(VAULT_SECRETS.kms.hsmKey)).toMatch(/^hsm:aes256:[A-Za-z0-9+/]{43}=$/);
    expect(storedSecret(VAULT_SECRETS.kms.adminApiKey)).toMatch(/^k1:[A-Za-z0-9_-]{43}$/);
    expect(storedSecret(VAULT_SECRETS.tenant.kmsApiKey)).toMatch(/^k1:[A-Za-z0-9_-]{43}$/);
    expect(secretOutputs).toEqual([]);
  });

  test('the cluster credentials reach the Kubernetes provider as a secret', async () => {
    const provider = transformed.find((resource) => resource.type === 'pulumi:providers:kubernetes')!;
    expect(await pulumi.isSecret(pulumi.output(provider.props.kubeconfig))).toBe(true);
  });

  test('no secret reaches a stack output or any other resource\'s inputs', () => {
    const stored = byType('azure-native:keyvault:Secret').map((secret) => secretValue(secret.inputs.properties.value));
    const secrets = [...stored.filter((value) => value.length > 12), MOCK_AZURE.storageKey, 'mock-cluster-token'];
    const seedsAndKeys = registered.filter((resource) => resource.type !== 'azure-native:keyvault:Secret' && resource.type !== 'pulumi:providers:kubernetes');
    const everywhere = JSON.stringify([resolvedOutputs, seedsAndKeys.map((resource) => resource.inputs)]);
    for (const secret of secrets) expect(everywhere).not.toContain(secret);
    expect(everywhere).not.toMatch(/\bk1:[A-Za-z0-9_-]{43}|hsm:aes256:[A-Za-z0-9+/]{10}/);
  });

  test('the KMS configuration names the identity of the generated admin key', () => {
    const adminKey = storedSecret(VAULT_SECRETS.kms.adminApiKey);
    const config = kubernetes().find((resource) => resource.inputs.kind === 'ConfigMap' && resource.inputs.metadata.name === 'kms-config')!;
    expect(config.inputs.data['config.yaml']).toContain(`identity: ${kmsIdentityOf(adminKey)}`);
    expect(resolvedOutputs.kmsAdminIdentity).toBe(kmsIdentityOf(adminKey));
    const tenantKey = storedSecret(VAULT_SECRETS.tenant.kmsApiKey);
    expect(resolvedOutputs.tenantKmsIdentity).toBe(kmsIdentityOf(tenantKey));
  });

  test('the constructs received the Azure outputs', () => {
    const stores = kubernetes().filter((resource) => resource.inputs.kind === 'SecretStore');
    for (const store of stores) expect(store.inputs.spec.provider.azurekv.vaultUrl).toBe('https://minio.vault.azure.net');
    expect(resolvedOutputs).toMatchObject({
      vaultUri: 'https://minio.vault.azure.net/',
      oidcIssuerUrl: MOCK_AZURE.issuerUrl,
      prometheusQueryEndpoint: 'https://minio.westeurope.prometheus.monitor.azure.com',
      tieringBlobEndpoint: 'https://miniotier.blob.core.windows.net/',
      s3Endpoint: 'https://minio.minio-production.svc.cluster.local',
    });
  });

  test('Kubernetes objects wait for what they need, in apply order', () => {
    const objects = transformed.filter((resource) => resource.type.startsWith('kubernetes:') && resource.type !== 'pulumi:providers:kubernetes');
    const position = new Map(objects.map((resource, index) => [`${resource.type} ${resource.name}`, index]));
    const find = (kind: string, name: string) => objects.find((resource) => resource.props.kind === kind && resource.name === name)!;
    // Each Kubernetes dependency was registered before its dependant.
    for (const [index, resource] of objects.entries()) {
      for (const dependency of resource.dependsOn.filter((name) => name.startsWith('kubernetes:'))) expect(position.get(dependency)).toBeLessThan(index);
    }
    const namespace = `kubernetes:core/v1:Namespace minio-kms`;
    for (const resource of objects.filter((candidate) => candidate.props.metadata?.namespace === 'minio-kms')) {
      expect(resource.dependsOn.length).toBeGreaterThan(0);
    }
    expect(find('NetworkPolicy', 'minio-kms/kms').dependsOn).toEqual([namespace]);
    expect(find('SecretStore', 'minio-kms/key-vault').dependsOn).toContain('kubernetes:rbac.authorization.k8s.io/v1:RoleBinding minio-kms/kms-restart');
    // The previous kind in the apply order, its Namespace, and the headless Service it names (a cdk8s dependency).
    expect([...find('StatefulSet', 'minio-kms/kms').dependsOn].sort()).toEqual([
      namespace, 'kubernetes:core/v1:Service minio-kms/kms-hl', 'kubernetes:policy/v1:PodDisruptionBudget minio-kms/kms',
    ].sort());
    // Jobs come last in their namespace and wait for the workloads they act on: directly, or through the kind
    // between them in the apply order (the PodMonitor, which waits for the workload). Pulumi registers a resource
    // only once its dependencies are done, so waiting through another resource is waiting.
    const byKey = new Map(objects.map((resource) => [`${resource.type} ${resource.name}`, resource]));
    const waitsFor = (resource: Transformed, target: string): boolean => resource.dependsOn
      .some((dependency) => dependency === target || (byKey.has(dependency) && waitsFor(byKey.get(dependency)!, target)));
    const jobsIn = (ns: string) => objects.filter((resource) => resource.props.kind === 'Job' && resource.props.metadata.namespace === ns);
    const kmsJobs = jobsIn('minio-kms');
    expect(kmsJobs).toHaveLength(3);
    for (const job of kmsJobs) {
      expect(job.dependsOn).toContain(namespace);
      expect(waitsFor(job, 'kubernetes:apps/v1:StatefulSet minio-kms/kms')).toBe(true);
    }
    expect(objects.filter((resource) => resource.props.metadata?.namespace === 'minio-kms').slice(-3)).toEqual(kmsJobs);
    const productionJobs = jobsIn('minio-production');
    expect(productionJobs.map((job) => job.name.replace(/-[0-9a-f]{8}$/, '')).sort())
      .toEqual(['minio-production/from-legacy-verify', 'minio-production/production-provision']);
    for (const job of productionJobs) expect(waitsFor(job, 'kubernetes:minio.min.io/v2:Tenant minio-production/production')).toBe(true);
    // The mirror waits for the tenant it writes to, not the other way round: Pulumi awaits a Deployment's pods,
    // and a mirror whose target the operator has not created yet would hold back the Tenant until the timeout.
    const mirror = find('Deployment', 'minio-production/from-legacy');
    expect(mirror.dependsOn).toContain('kubernetes:minio.min.io/v2:Tenant minio-production/production');
    expect(waitsFor(find('Tenant', 'minio-production/production'), 'kubernetes:apps/v1:Deployment minio-production/from-legacy')).toBe(false);
    // The audit collector is there before the tenant sends to it.
    expect(waitsFor(find('Tenant', 'minio-production/production'), 'kubernetes:apps/v1:Deployment minio-production/minio-audit')).toBe(true);
    expect(objects.filter((resource) => resource.props.metadata?.namespace === 'minio-production').slice(-2)).toEqual(productionJobs);
    // The older cluster's CA, which the program adds, comes before the mirror that mounts it.
    expect(waitsFor(find('Deployment', 'minio-production/from-legacy'), 'kubernetes:core/v1:Secret minio-production/legacy-minio-ca')).toBe(true);
    // The pool's PodDisruptionBudget exists before the operator creates its pods.
    expect(waitsFor(find('Tenant', 'minio-production/production'), 'kubernetes:policy/v1:PodDisruptionBudget minio-production/production-pool-0')).toBe(true);
    // Objects that wait for nothing else wait for the identities' federated credentials and role assignments; the
    // rest wait for them through those.
    const roots = objects.filter((resource) => !resource.dependsOn.some((name) => name.startsWith('kubernetes:')));
    expect(roots.map((resource) => resource.name)).toEqual(['minio-internal-ca', 'minio-kms', 'minio-production']);
    for (const root of roots) {
      expect(root.dependsOn.filter((name) => name.startsWith('azure-native:managedidentity:FederatedIdentityCredential'))).toHaveLength(2);
      expect(root.dependsOn.filter((name) => name.startsWith('azure-native:authorization:RoleAssignment'))).toHaveLength(10);
    }
  });

  test('stateful and secret-holding objects are protected, the rest are not', () => {
    const objects = transformed.filter((resource) => resource.type.startsWith('kubernetes:') && resource.type !== 'pulumi:providers:kubernetes');
    const protectedKinds = [...new Set(objects.filter((resource) => resource.protect).map((resource) => resource.props.kind))].sort();
    expect(protectedKinds).toEqual(['Namespace', 'Secret', 'StatefulSet', 'Tenant']);
    expect(transformed.find((resource) => resource.type === 'azure-native:keyvault:Vault')!.protect).toBe(true);
    expect(transformed.filter((resource) => resource.type === 'random:index/randomBytes:RandomBytes').every((resource) => resource.protect)).toBe(true);
  });

  test('managed Prometheus: DCE association named configurationAccessEndpoint, rule groups from the alert data', () => {
    const associations = byType('azure-native:monitor:DataCollectionRuleAssociation');
    const endpoint = associations.find((association) => association.inputs.dataCollectionEndpointId !== undefined)!;
    expect(endpoint.inputs.associationName).toBe('configurationAccessEndpoint');
    const cluster = one('azure-native:containerservice:ManagedCluster', 'minio');
    expect(associations.map((association) => association.inputs.resourceUri)).toEqual([cluster.id, cluster.id]);
    const rule = one('azure-native:monitor:DataCollectionRule', 'minio');
    expect(rule.inputs.destinations.monitoringAccounts[0].accountResourceId).toBe(one('azure-native:monitor:AzureMonitorWorkspace', 'minio').id);
    const [group] = byType('azure-native:alertsmanagement:PrometheusRuleGroup');
    expect(group.inputs.scopes).toEqual([one('azure-native:monitor:AzureMonitorWorkspace', 'minio').id, cluster.id]);
    expect(group.inputs.rules.length).toBeGreaterThan(0);
    for (const alert of group.inputs.rules) expect(alert.severity).toBeGreaterThanOrEqual(0);
  });

  test('the rule groups are the ones the example writes as its ARM template: same alerts, same selectors', () => {
    // The example's own output, captured where it writes it beside the manifests.
    class CapturingApp extends GitOpsApp {
      public readonly written = new Map<string, string>();
      public override addFile(fileName: string, content: string): void {
        super.addFile(fileName, content);
        this.written.set(fileName, content);
      }
    }
    const gitops = new CapturingApp();
    buildExamplePlatform(gitops);
    const template = JSON.parse(gitops.written.get('minio-alerts.arm.json')!);
    const [armGroup] = template.resources;
    const groups = byType('azure-native:alertsmanagement:PrometheusRuleGroup');
    expect(groups.map((group) => group.inputs.ruleGroupName)).toEqual([armGroup.name.replace(/^\[parameters\('ruleGroupName'\)\]$/, groups[0].inputs.ruleGroupName)]);
    const comparable = (rules: any[]) => rules.map(({ actions: _actions, ...rule }) => rule);
    expect(comparable(groups[0].inputs.rules)).toEqual(comparable(armGroup.properties.rules));
    expect(groups[0].inputs.interval).toBe(armGroup.properties.interval);
    // The example's selectors, not minioAlertRules()' defaults.
    expect(groups[0].inputs.rules.map((rule: any) => rule.expression).join('\n')).toContain('namespace="minio-production"');
  });

  test('the example runs on program values only: stack config and Azure outputs, no placeholder', () => {
    const objects = kubernetes().filter((resource) => resource.type !== 'pulumi:providers:kubernetes');
    const everything = JSON.stringify(objects.map((resource) => resource.inputs));
    const placeholders = Object.entries(EXAMPLE_AZURE_INPUTS)
      // The subnet and the container are the program's defaults too; the container is also the namespace's name.
      .filter(([key]) => key !== 'loadBalancerSubnet' && key !== 'tierContainer');
    for (const [key, value] of placeholders) expect([key, everything.includes(value)]).toEqual([key, false]);
    expect(everything).toContain(SETTINGS.signIn.clientId);
    expect(everything).toContain(SETTINGS.signIn.analystsGroupId);
    const provisioner = objects.find((resource) => resource.inputs.kind === 'Job' && resource.inputs.metadata.name.startsWith('production-provision-'))!;
    expect(JSON.stringify(provisioner.inputs)).toContain('https://miniotier.blob.core.windows.net');
    expect(resolvedOutputs.tieringAccountName).toBe('miniotier');
    const ca = objects.find((resource) => resource.inputs.kind === 'Secret' && resource.inputs.metadata.name === LEGACY_CA_SECRET)!;
    expect(ca.inputs.metadata.namespace).toBe('minio-production');
    expect(secretValue(ca.inputs.stringData)).toEqual({ 'ca.crt': SETTINGS.legacyMinio.caCertificate });
    expect(storedSecret(VAULT_SECRETS.tenant.signInClientSecret)).toBe('mock-entra-client-secret');
    expect(storedSecret(VAULT_SECRETS.tenant.legacyAccessKey)).toBe('mock-legacy-mirror-reader');
    expect(storedSecret(VAULT_SECRETS.tenant.legacySecretKey)).toBe('mock-legacy-mirror-secret-key');
    expect(storedSecret(VAULT_SECRETS.tenant.tierAccountKey)).toBe(MOCK_AZURE.storageKey);
  });

  test('the metrics token is minted from the root credentials, for the longest lifetime, the same on every run', () => {
    const token = storedSecret(VAULT_SECRETS.tenant.prometheusToken);
    const [header, payload, signature] = token.split('.');
    const rootPassword = storedSecret(VAULT_SECRETS.tenant.rootPassword);
    expect(createHmac('sha512', rootPassword).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    expect(claims).toEqual({ iss: 'prometheus', sub: storedSecret(VAULT_SECRETS.tenant.rootUser), exp: Date.parse('2026-01-01T00:00:00Z') / 1000 + 100 * 365 * 86_400 });
  });

  test('a new cluster has OIDC, workload identity, the Key Vault CSI add-on with rotation, managed Prometheus and zones', () => {
    const cluster = one('azure-native:containerservice:ManagedCluster', 'minio');
    expect(cluster.inputs).toMatchObject({
      oidcIssuerProfile: { enabled: true },
      securityProfile: { workloadIdentity: { enabled: true } },
      addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true' } } },
      azureMonitorProfile: { metrics: { enabled: true } },
    });
    const vnet = one('azure-native:network:VirtualNetwork', 'minio');
    for (const pool of cluster.inputs.agentPoolProfiles) {
      expect(pool.availabilityZones).toEqual(['1', '2', '3']);
      expect(pool.vnetSubnetID).toBe(`${vnet.id}/subnets/snet-aks-nodes`);
    }
    // NetworkPolicies need an engine; the internal load balancer's subnet is in the cluster's network.
    expect(cluster.inputs.networkProfile).toMatchObject({ networkPlugin: 'azure', networkDataplane: 'cilium', networkPolicy: 'cilium' });
    expect(vnet.inputs.subnets.map((subnet: any) => subnet.name)).toEqual(['snet-aks-nodes', SETTINGS.loadBalancerSubnet]);
    const controlPlane = one('azure-native:managedidentity:UserAssignedIdentity', 'minio-control-plane');
    expect(cluster.inputs.identity).toEqual({ type: 'UserAssigned', userAssignedIdentities: [controlPlane.id] });
    const networkContributor = byType('azure-native:authorization:RoleAssignment').filter((assignment) => assignment.name.startsWith('minio-control-plane-'));
    expect(networkContributor.map((assignment) => [assignment.inputs.roleDefinitionId.split('/').pop(), assignment.inputs.scope])).toEqual([
      ['4d97b98b-1d4f-4787-a291-c67834d212e7', `${vnet.id}/subnets/snet-aks-nodes`],
      ['4d97b98b-1d4f-4787-a291-c67834d212e7', `${vnet.id}/subnets/${SETTINGS.loadBalancerSubnet}`],
    ]);
    const clusterOptions = transformed.find((resource) => resource.type === 'azure-native:containerservice:ManagedCluster')!;
    expect(clusterOptions.dependsOn).toEqual(networkContributor.map((assignment) => `azure-native:authorization:RoleAssignment ${assignment.name}`));
    expect(cluster.inputs.agentPoolProfiles[1]).toMatchObject({ name: 'minio', mode: 'User', nodeTaints: ['dedicated=minio:NoSchedule'] });
  });

  test('an existing cluster is read, not created: its OIDC issuer and credentials (a secret)', () => {
    expect(existingClusterValues).toEqual({
      clusterId: `/subscriptions/${MOCK_AZURE.subscriptionId}/resourceGroups/minio/providers/Microsoft.ContainerService/managedClusters/aks-prod`,
      oidcIssuerUrl: MOCK_AZURE.issuerUrl,
      kubeconfigIsSecret: true,
      kubeconfig: MOCK_AZURE.kubeconfig,
    });
    expect(byType('azure-native:containerservice:ManagedCluster').map((cluster) => cluster.name)).toEqual(['minio']);
  });

  test('tiering storage: private containers, TLS 1.2, HTTPS only', () => {
    expect(one('azure-native:storage:StorageAccount', 'miniotier').inputs).toMatchObject({
      allowBlobPublicAccess: false, enableHttpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2',
    });
    expect(one('azure-native:storage:BlobContainer', 'miniotier-minio-production').inputs.publicAccess).toBe('None');
  });
});

describe('bad input to the Azure components fails when they are created', () => {
  test('names Azure would refuse', () => {
    expect(() => new MinioKeyVault('bad', { resourceGroupName: 'rg', tenantId: 't', vaultName: 'kv--minio' }))
      .toThrow(new ConfigurationError('KeyVault bad', 'vaultName', 'kv--minio', 'must not contain consecutive hyphens',
        'use 3 to 24 letters, digits and single hyphens, starting with a letter and ending with a letter or digit'));
    expect(() => new MinioKeyVault('bad', { resourceGroupName: 'rg', tenantId: 't', softDeleteRetentionInDays: 120 })).toThrow(/softDeleteRetentionInDays must be a whole number of days from 7 to 90 \(received 120\)/);
    expect(() => new MinioKeyVault('good', { resourceGroupName: 'rg', tenantId: 't' }).addSecret('root_password', 'x'))
      .toThrow(/KeyVault good: secretName is not a valid Key Vault secret name \(received 'root_password'\)/);
    expect(() => new TieringStorage('bad', { resourceGroupName: 'rg', accountName: 'Tier-Storage', containers: ['x1'] })).toThrow(/accountName is not a valid storage account name \(received 'Tier-Storage'\)/);
    expect(() => new TieringStorage('bad', { resourceGroupName: 'rg', containers: ['Cold'] })).toThrow(/containers\[0\] is not a valid blob container name/);
    expect(() => new ManagedPrometheus('bad', { resourceGroupName: 'rg', clusterId: 'c', clusterName: 'n', dataCollectionEndpointName: 'x'.repeat(45) }))
      .toThrow(/dataCollectionEndpointName is not a valid data collection endpoint name/);
    const accounts = Array.from({ length: 21 }, (_, index) => ({ namespace: 'minio', name: `sa-${index}` }));
    expect(() => new WorkloadIdentity('bad', { resourceGroupName: 'rg', oidcIssuerUrl: 'i', subscriptionId: 's', serviceAccounts: accounts }))
      .toThrow(/serviceAccounts must number at most 20: Azure's limit per identity \(received 21\)/);
    expect(() => new WorkloadIdentity('bad', { resourceGroupName: 'rg', oidcIssuerUrl: 'i', subscriptionId: 's', serviceAccounts: [] }))
      .toThrow(/serviceAccounts must name at least one ServiceAccount/);
  });

  test('the stack config', () => {
    const config = (values: Record<string, string>) => ({
      get: (key: string) => values[key],
      getBoolean: (key: string) => (values[key] === undefined ? undefined : values[key] === 'true'),
      getObject: (key: string) => (values[key] === undefined ? undefined : JSON.parse(values[key])),
      getSecret: (key: string) => (values[key] === undefined ? undefined : pulumi.secret(values[key])),
    }) as unknown as pulumi.Config;
    const requiredKeys = {
      signInClientId: 'c', analystsGroupId: 'g', signInClientSecret: 's', legacyMinioAccessKey: 'a', legacyMinioSecretKey: 'k', legacyMinioCaCertificate: 'pem',
    };
    expect(readSettings(config(requiredKeys))).toMatchObject({
      monitoring: true, protect: true, tieringContainer: 'minio-production', zones: ['1', '2', '3'],
      signIn: { clientId: 'c', analystsGroupId: 'g' }, legacyMinio: { caCertificate: 'pem' },
    });
    // Each missing key is named with the command that sets it; a secret one is set as a secret.
    for (const key of Object.keys(requiredKeys)) {
      const { [key as keyof typeof requiredKeys]: _missing, ...rest } = requiredKeys;
      expect(() => readSettings(config(rest))).toThrow(new RegExp(`stack config: minio-aks:${key} is required.*pulumi config set ${/Secret|Key$/.test(key) ? '--secret ' : ''}minio-aks:${key} (VALUE|< ca\\.crt)`));
    }
    expect(() => readSettings(config({ ...requiredKeys, signInClientId: ' ' }))).toThrow(/minio-aks:signInClientId is required/);
    expect(() => readSettings(config({ minioPool: '{"vmSize":"Standard_L8s_v3","count":0}' })))
      .toThrow(/stack config: minio-aks:minioPool must be \{"vmSize"/);
    expect(() => readSettings(config({ existingCluster: '{"name":"aks"}' }))).toThrow(/minio-aks:existingCluster must have the string fields resourceGroupName and name/);
    expect(() => readSettings(config({ useExistingResourceGroup: 'true' }))).toThrow(/minio-aks:resourceGroupName is required when useExistingResourceGroup is true/);
    expect(() => readSettings(config({ zones: '"1"' }))).toThrow(/minio-aks:zones must be a list of strings/);
  });
});
