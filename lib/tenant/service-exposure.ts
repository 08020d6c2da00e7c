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
}

/**
 * How a tenant Service (S3 or console) is reached. The operator creates these Services; the tenant decides only
 * their type (ClusterIP or LoadBalancer), labels and annotations.
 */
export class ServiceExposure {
  /** Reachable only inside the cluster (or through an Ingress or Gateway of your own). */
  public static clusterIp(): ServiceExposure {
    return new ServiceExposure(false, () => ({ annotations: {}, labels: {} }));
  }

  /** A LoadBalancer Service with the given annotations and labels. */
  public static loadBalancer(options: LoadBalancerExposureOptions = {}): ServiceExposure {
    return new ServiceExposure(true, () => ({ annotations: { ...options.annotations }, labels: { ...options.labels } }));
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
    return new ServiceExposure(true, (scope, ports, field) => {
      const rendered = loadBalancer.render(scope, ports, field);
      if (rendered.loadBalancerSourceRanges !== undefined) {
        reject(scope, `${field}.sourceRanges`, rendered.loadBalancerSourceRanges,
          'cannot be applied to the Services the MinIO Operator creates',
          'use allowedIpRanges, which becomes an annotation');
      }
      return { annotations: rendered.annotations, labels: { ...labels } };
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
