import * as pulumi from '@pulumi/pulumi';
import * as network from '@pulumi/azure-native/network';

/** Arguments of a {@link ClusterNetwork}. */
export interface ClusterNetworkArgs {
  readonly resourceGroupName: pulumi.Input<string>;
  /** @default - the resource group's location */
  readonly location?: pulumi.Input<string>;
  /** @default '10.240.0.0/16' */
  readonly addressSpace?: string;
  /** Node subnet. @default '10.240.0.0/20' */
  readonly nodeSubnetPrefix?: string;
  /** Subnet of internal load balancers (the S3 frontend). @default '10.240.16.0/24' */
  readonly frontendSubnetPrefix?: string;
  /** Name of the frontend subnet, the one the example's internal load balancer names. @default 'snet-minio-frontend' */
  readonly frontendSubnetName?: string;
}

/** The node subnet's name. */
export const NODE_SUBNET_NAME = 'snet-aks-nodes';

/**
 * The virtual network of a new cluster: a node subnet and a frontend subnet for internal load balancers.
 * cloud-provider-azure finds the subnet an internal load balancer names (`azure-load-balancer-internal-subnet`)
 * in the cluster's own virtual network, so the frontend subnet lives beside the nodes. Subnets are declared inline,
 * so that an update of the network never drops one.
 */
export class ClusterNetwork extends pulumi.ComponentResource {
  public readonly virtualNetworkId: pulumi.Output<string>;
  public readonly nodeSubnetId: pulumi.Output<string>;
  public readonly frontendSubnetId: pulumi.Output<string>;
  public readonly frontendSubnetName: string;

  public constructor(name: string, args: ClusterNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super('minio-aks:azure:ClusterNetwork', name, {}, opts);
    this.frontendSubnetName = args.frontendSubnetName ?? 'snet-minio-frontend';
    const vnet = new network.VirtualNetwork(name, {
      resourceGroupName: args.resourceGroupName,
      location: args.location,
      addressSpace: { addressPrefixes: [args.addressSpace ?? '10.240.0.0/16'] },
      subnets: [
        { name: NODE_SUBNET_NAME, addressPrefix: args.nodeSubnetPrefix ?? '10.240.0.0/20' },
        { name: this.frontendSubnetName, addressPrefix: args.frontendSubnetPrefix ?? '10.240.16.0/24' },
      ],
    }, { parent: this });
    this.virtualNetworkId = vnet.id;
    this.nodeSubnetId = pulumi.interpolate`${vnet.id}/subnets/${NODE_SUBNET_NAME}`;
    this.frontendSubnetId = pulumi.interpolate`${vnet.id}/subnets/${this.frontendSubnetName}`;
    this.registerOutputs({ virtualNetworkId: this.virtualNetworkId });
  }
}
