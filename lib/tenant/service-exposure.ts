import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { AzureLoadBalancer } from '../network/azure-load-balancer';

/** What a load-balancer integration gives the Service the operator creates: annotations, and labels. */
export interface ServiceMetadataSettings {
  /** Annotations for the Service. */
  readonly annotations: Record<string, string>;
  /** Labels for the Service. */
  readonly labels: Record<string, string>;
}

/** Options of a plain LoadBalancer exposure. */
export interface LoadBalancerExposureOptions {
  /** Annotations for the Service, e.g. cloud load balancer settings. @default - none */
  readonly annotations?: Record<string, string>;
  /** Labels for the Service. @default - none */
  readonly labels?: Record<string, string>;
  /**
   * Accept connections from the whole internet. Required: on AKS a LoadBalancer Service without the internal
   * annotation gets a public IP, and this exposure has no way to say who may connect.
   *
   * @default false (refused)
   */
  readonly allowFromAnywhere?: boolean;
}

/** Annotations cloud-provider-azure reads; only the typed Azure load balancer options may write them. */
const CLOUD_PROVIDER_ANNOTATION_PREFIX = 'service.beta.kubernetes.io/';

/**
 * How a tenant Service (S3 or console) is reached. The operator creates these Services; the tenant decides only
 * their type (ClusterIP or LoadBalancer), labels and annotations.
 */
export class ServiceExposure {
  /** Reachable only inside the cluster (or through an Ingress or Gateway of your own). */
  public static clusterIp(): ServiceExposure {
    return new ServiceExposure(false, () => ({ annotations: {}, labels: {} }));
  }

  /**
   * A public LoadBalancer Service open to the internet, with the given annotations and labels. On AKS, prefer
   * `azureLoadBalancer()`: an internal load balancer, or a public one that lists who may connect.
   */
  public static loadBalancer(options: LoadBalancerExposureOptions = {}): ServiceExposure {
    const annotations = { ...options.annotations };
    const labels = { ...options.labels };
    return new ServiceExposure(true, (scope, _ports, field) => {
      const azureKey = Object.keys(annotations).find((key) => key.startsWith(CLOUD_PROVIDER_ANNOTATION_PREFIX));
      if (azureKey !== undefined) {
        reject(scope, `${field}.annotations['${azureKey}']`, annotations[azureKey],
          'would bypass the checks of the Azure load balancer options',
          'use ServiceExposure.azureLoadBalancer(AzureLoadBalancer.internal({...}) or AzureLoadBalancer.public({...}))');
      }
      if (options.allowFromAnywhere !== true) {
        reject(scope, `${field}.allowFromAnywhere`, options.allowFromAnywhere,
          'must be true: on AKS a LoadBalancer Service is public unless annotated internal, and this exposure cannot say who may connect',
          'use ServiceExposure.azureLoadBalancer(AzureLoadBalancer.internal({...})) or AzureLoadBalancer.public({ allowedIpRanges }), or set allowFromAnywhere: true to serve the internet on purpose');
      }
      return { annotations, labels };
    });
  }

  /**
   * A LoadBalancer Service on an Azure load balancer, its typed options validated against the Service's ports.
   *
   * The operator creates the Service and copies only annotations and labels to it, so `sourceRanges` (a Service
   * field) is refused: use `allowedIpRanges`, which cloud-provider-azure reads from an annotation.
   *
   * @param loadBalancer e.g. `AzureLoadBalancer.internal({ subnet: 'storage' })`
   * @param labels extra Service labels
   */
  public static azureLoadBalancer(loadBalancer: AzureLoadBalancer, labels: Record<string, string> = {}): ServiceExposure {
    const ownLabels = { ...labels };
    return new ServiceExposure(true, (scope, ports, field) => {
      const rendered = loadBalancer.render(scope, ports, field);
      if (rendered.loadBalancerSourceRanges !== undefined) {
        reject(scope, `${field}.sourceRanges`, rendered.loadBalancerSourceRanges,
          'cannot be applied to the Services the MinIO Operator creates',
          'use allowedIpRanges, which becomes an annotation');
      }
      return { annotations: rendered.annotations, labels: ownLabels };
    });
  }

  private constructor(
    /** Whether the Service is of type LoadBalancer. */
    public readonly isLoadBalancer: boolean,
    private readonly renderMetadata: (scope: IConstruct, ports: number[], field: string) => ServiceMetadataSettings,
  ) {}

  /** The Service metadata, validated for a Service with `servicePorts`. */
  public metadataFor(scope: IConstruct, servicePorts: number[], field: string): ServiceMetadataSettings {
    return this.renderMetadata(scope, servicePorts, field);
  }
}
