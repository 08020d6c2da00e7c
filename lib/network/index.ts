export { AzureLoadBalancedService } from './azure-load-balanced-service';
export type { AzureLoadBalancedServiceProps } from './azure-load-balanced-service';
export { AzureLoadBalancer } from './azure-load-balancer';
export type {
  AzureLoadBalancerOptions, AzureLoadBalancerRendering, InternalLoadBalancerOptions, PublicLoadBalancerOptions,
} from './azure-load-balancer';
export { HealthProbeProtocol } from './health-probe';
export type { HealthProbeOptions, HealthProbeSettings, PortHealthProbe } from './health-probe';
export { PrivateLinkVisibility } from './private-link-service';
export type { PrivateLinkServiceOptions } from './private-link-service';
