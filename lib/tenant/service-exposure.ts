import { IConstruct } from 'constructs';

/** What a load-balancer integration gives the Service the operator creates: annotations, and labels. */
export interface ServiceMetadataSettings {
  /** Annotations for the Service. */
  readonly annotations: Record<string, string>;
  /** Labels for the Service. */
  readonly labels: Record<string, string>;
}

/**
 * Produces the annotations of a load balancer for a Service with the given ports; typed cloud integrations
 * (such as the Azure load balancer) implement it and validate their options against `scope`.
 */
export interface ILoadBalancerAnnotations {
  /**
   * @param scope the construct that owns the Service, for error messages
   * @param servicePorts the Service's ports
   * @param field the input's name, for error messages
   */
  annotationsFor(scope: IConstruct, servicePorts: number[], field: string): Record<string, string>;
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
   * A LoadBalancer Service whose annotations come from a typed integration, validated against the Service's ports.
   *
   * @param loadBalancer e.g. an `AzureLoadBalancer`
   * @param labels extra Service labels
   */
  public static typedLoadBalancer(loadBalancer: ILoadBalancerAnnotations, labels: Record<string, string> = {}): ServiceExposure {
    return new ServiceExposure(true, (scope, ports, field) => ({
      annotations: loadBalancer.annotationsFor(scope, ports, field),
      labels: { ...labels },
    }));
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
