import * as pulumi from '@pulumi/pulumi';
import * as authorization from '@pulumi/azure-native/authorization';
import * as containerservice from '@pulumi/azure-native/containerservice';
import * as managedidentity from '@pulumi/azure-native/managedidentity';
import { ConfigurationError } from '../core/errors';
import { BuiltInRole, roleDefinitionId } from './built-in-roles';
import { ClusterNetwork } from './cluster-network';

/** A node pool of a new cluster. */
export interface AksNodePool {
  /** Lower-case letters and digits, at most 12 characters; AKS labels its nodes `agentpool=<name>`. */
  readonly name: string;
  readonly count: number;
  readonly vmSize: string;
  /** Taints such as `dedicated=minio:NoSchedule`. @default - none */
  readonly taints?: readonly string[];
}

/** Arguments of an {@link AksCluster} that creates the cluster. */
export interface NewAksClusterArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  /** @default - the resource group's location */
  readonly location?: pulumi.Input<string>;
  /** @default - AKS's default version */
  readonly kubernetesVersion?: string;
  /** Availability zones every pool spreads over. @default ['1', '2', '3'] */
  readonly zones?: readonly string[];
  /** The pool for system pods (mode System). */
  readonly systemPool: AksNodePool;
  /** Pools for workloads (mode User), such as a tainted MinIO pool. @default - none */
  readonly userPools?: readonly AksNodePool[];
  /** The network the nodes and internal load balancers use. */
  readonly network: ClusterNetwork;
  /** The subscription, for the control plane identity's role definitions. */
  readonly subscriptionId: pulumi.Input<string>;
}

/** Arguments of an {@link AksCluster} that uses a cluster created elsewhere. */
export interface ExistingAksClusterArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly clusterName: pulumi.Input<string>;
}

/**
 * How often the Key Vault CSI add-on polls for rotated secrets: AKS's documented default, set explicitly beside
 * `enableSecretRotation` (MicrosoftDocs/azure-aks-docs, articles/aks/csi-secrets-store-configuration-options.md).
 */
const ROTATION_POLL_INTERVAL = '2m';
/** AKS agent pool names: lower-case alphanumeric, starting with a letter, 1 to 12 characters (Linux pools). */
const POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;

/**
 * The AKS cluster MinIO runs on, either created here with what the platform needs (OIDC issuer and workload
 * identity for federated credentials, the Key Vault CSI add-on with rotation, managed Prometheus metrics, pools
 * spread over zones, a network policy engine, nodes in a {@link ClusterNetwork} whose subnets its control plane
 * identity may use), or an existing one, read for its OIDC issuer URL and credentials.
 */
export class AksCluster extends pulumi.ComponentResource {
  /** Creates a cluster. */
  public static create(name: string, args: NewAksClusterArgs, opts?: pulumi.ComponentResourceOptions): AksCluster {
    return new AksCluster(name, { kind: 'new', args }, opts);
  }

  /** Uses a cluster that exists; the program changes nothing on it. */
  public static existing(name: string, args: ExistingAksClusterArgs, opts?: pulumi.ComponentResourceOptions): AksCluster {
    return new AksCluster(name, { kind: 'existing', args }, opts);
  }

  public readonly clusterId: pulumi.Output<string>;
  public readonly clusterName: pulumi.Output<string>;
  public readonly resourceGroupName: pulumi.Output<string>;
  /** The issuer federated credentials trust. */
  public readonly oidcIssuerUrl: pulumi.Output<string>;
  /** A kubeconfig with the cluster user's credentials, a Pulumi secret. */
  public readonly kubeconfig: pulumi.Output<string>;

  private constructor(
    name: string,
    source: { kind: 'new'; args: NewAksClusterArgs } | { kind: 'existing'; args: ExistingAksClusterArgs },
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('minio-aks:azure:AksCluster', name, {}, opts);
    if (source.kind === 'new') {
      // Deleting the cluster deletes every volume on it.
      const cluster = newCluster(this, name, source.args, opts?.protect ?? true);
      this.clusterId = cluster.id;
      this.clusterName = cluster.name;
      this.resourceGroupName = pulumi.output(source.args.resourceGroupName);
      this.oidcIssuerUrl = cluster.oidcIssuerProfile.apply((profile) => profile?.issuerURL ?? '');
    } else {
      const cluster = containerservice.getManagedClusterOutput({
        resourceGroupName: source.args.resourceGroupName,
        resourceName: source.args.clusterName,
      }, { parent: this });
      this.clusterId = cluster.id;
      this.clusterName = cluster.name;
      this.resourceGroupName = pulumi.output(source.args.resourceGroupName);
      this.oidcIssuerUrl = pulumi.all([cluster.oidcIssuerProfile, cluster.name]).apply(([profile, clusterName]) => {
        if (!profile?.issuerURL) {
          throw new ConfigurationError(`AksCluster ${name}`, 'oidcIssuerProfile', clusterName, 'has no OIDC issuer',
            `run 'az aks update --enable-oidc-issuer --enable-workload-identity' on the cluster first`);
        }
        return profile.issuerURL;
      });
    }
    const credentials = containerservice.listManagedClusterUserCredentialsOutput({
      resourceGroupName: this.resourceGroupName,
      resourceName: this.clusterName,
    }, { parent: this });
    this.kubeconfig = pulumi.secret(credentials.kubeconfigs.apply((kubeconfigs) =>
      Buffer.from(kubeconfigs[0]?.value ?? '', 'base64').toString('utf8')));
    this.registerOutputs({ clusterId: this.clusterId, oidcIssuerUrl: this.oidcIssuerUrl });
  }
}

function newCluster(parent: AksCluster, name: string, args: NewAksClusterArgs, protect: boolean): containerservice.ManagedCluster {
  const created = { parent };
  const path = `AksCluster ${name}`;
  const zones = [...(args.zones ?? ['1', '2', '3'])];
  const pools = [{ ...args.systemPool, mode: 'System' }, ...(args.userPools ?? []).map((pool) => ({ ...pool, mode: 'User' }))];
  pools.forEach((pool, index) => {
    if (!POOL_NAME.test(pool.name)) {
      throw new ConfigurationError(path, `pools[${index}].name`, pool.name, 'is not a valid AKS pool name',
        'use 1 to 12 lower-case letters and digits, starting with a letter');
    }
    if (!Number.isInteger(pool.count) || pool.count < 1) {
      throw new ConfigurationError(path, `pools[${index}].count`, pool.count, 'must be a whole number of at least 1', 'give the pool one node or more');
    }
  });
  // A control plane identity made beforehand, so that it holds its roles on the subnets before the cluster needs
  // them (a system-assigned identity exists only once the cluster does).
  const controlPlane = new managedidentity.UserAssignedIdentity(`${name}-control-plane`, {
    resourceGroupName: args.resourceGroupName,
    location: args.location,
  }, created);
  const subnetRoles = [args.network.nodeSubnetId, args.network.frontendSubnetId].map((scope, index) => new authorization.RoleAssignment(`${name}-control-plane-${index}`, {
    principalId: controlPlane.principalId,
    principalType: 'ServicePrincipal',
    roleDefinitionId: roleDefinitionId(args.subscriptionId, BuiltInRole.NETWORK_CONTRIBUTOR),
    scope,
  }, created));
  return new containerservice.ManagedCluster(name, {
    resourceGroupName: args.resourceGroupName,
    location: args.location,
    kubernetesVersion: args.kubernetesVersion,
    dnsPrefix: name,
    enableRBAC: true,
    identity: { type: 'UserAssigned', userAssignedIdentities: [controlPlane.id] },
    // Azure CNI powered by Cilium enforces the NetworkPolicies the constructs synthesize
    // (learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium); service CIDR outside the virtual network.
    networkProfile: {
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      networkDataplane: 'cilium',
      networkPolicy: 'cilium',
      podCidr: '192.168.0.0/16',
      serviceCidr: '10.0.0.0/16',
      dnsServiceIP: '10.0.0.10',
    },
    agentPoolProfiles: pools.map((pool) => ({
      name: pool.name,
      mode: pool.mode,
      count: pool.count,
      vmSize: pool.vmSize,
      osType: 'Linux',
      availabilityZones: zones,
      vnetSubnetID: args.network.nodeSubnetId,
      nodeTaints: pool.taints === undefined ? undefined : [...pool.taints],
    })),
    oidcIssuerProfile: { enabled: true },
    securityProfile: { workloadIdentity: { enabled: true } },
    addonProfiles: {
      azureKeyvaultSecretsProvider: {
        enabled: true,
        config: { enableSecretRotation: 'true', rotationPollInterval: ROTATION_POLL_INTERVAL },
      },
    },
    azureMonitorProfile: { metrics: { enabled: true } },
  }, { parent, protect, dependsOn: subnetRoles });
}
