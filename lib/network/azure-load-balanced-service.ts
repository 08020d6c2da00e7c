import { JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { AzureLoadBalancer } from './azure-load-balancer';

/** Annotations cloud-provider-azure reads; only the load balancer options may write them. */
const CLOUD_PROVIDER_ANNOTATION_PREFIX = 'service.beta.kubernetes.io/';

/**
 * Properties of an {@link AzureLoadBalancedService}: those of a cdk8s-plus Service, except what the load balancer
 * decides (type, source ranges) and what a load-balanced Service cannot be (ExternalName, headless).
 */
export interface AzureLoadBalancedServiceProps
  extends Omit<kplus.ServiceProps, 'type' | 'loadBalancerSourceRanges' | 'externalName' | 'clusterIP'> {
  /** How the Service is exposed on Azure. */
  readonly loadBalancer: AzureLoadBalancer;

  /**
   * The Service's ports. Required here rather than bound later, because per-port health probes are checked
   * against them when the Service is built.
   */
  readonly ports: kplus.ServicePort[];
}

/**
 * A cdk8s-plus Service of type LoadBalancer exposed through an {@link AzureLoadBalancer}: the load balancer's
 * annotations and source ranges are applied and checked against the Service's ports, with this construct's path
 * in every error.
 *
 * A subclass rather than a function applied to an existing `kplus.Service`, because a Service's type and source
 * ranges are fixed when it is constructed.
 */
export class AzureLoadBalancedService extends kplus.Service {
  /** The load balancer this Service is exposed through. */
  public readonly loadBalancer: AzureLoadBalancer;

  public constructor(scope: Construct, id: string, props: AzureLoadBalancedServiceProps) {
    const { loadBalancer, ...serviceProps } = props;
    super(scope, id, { ...serviceProps, type: kplus.ServiceType.LOAD_BALANCER });
    this.loadBalancer = loadBalancer;
    if (!(loadBalancer instanceof AzureLoadBalancer)) {
      reject(this, 'loadBalancer', loadBalancer, 'must be an AzureLoadBalancer',
        'use AzureLoadBalancer.internal({...}) or AzureLoadBalancer.public({...})');
    }
    if (!Array.isArray(props.ports) || props.ports.length === 0) {
      reject(this, 'ports', props.ports, 'must list at least one port', 'give every port the Service exposes');
    }
    const ownAnnotation = Object.keys(props.metadata?.annotations ?? {})
      .find((key) => key.startsWith(CLOUD_PROVIDER_ANNOTATION_PREFIX));
    if (ownAnnotation !== undefined) {
      reject(this, `metadata.annotations.${ownAnnotation}`, props.metadata?.annotations?.[ownAnnotation],
        'would bypass the checks of the load balancer options', 'express it through loadBalancer instead');
    }
    const tcpPorts = props.ports
      .filter((port) => (port.protocol ?? kplus.Protocol.TCP) === kplus.Protocol.TCP)
      .map((port) => port.port);
    const rendered = loadBalancer.render(this, tcpPorts);
    for (const [key, value] of Object.entries(rendered.annotations)) {
      this.metadata.addAnnotation(key, value);
    }
    if (rendered.loadBalancerSourceRanges !== undefined) {
      this.apiObject.addJsonPatch(JsonPatch.add('/spec/loadBalancerSourceRanges', rendered.loadBalancerSourceRanges));
    }
  }
}
