import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { TENANT_LABEL } from './tenant-labels';
import { claimObjectIdentity } from '../core/unique-objects';

/** The S3 API (and internode) port of MinIO server pods. */
export const MINIO_PORT = 9000;
/** The console port of MinIO server pods and of the `<tenant>-console` Service, with TLS (always on here). */
export const CONSOLE_TLS_PORT = 9443;
/** The port of the operator's S3 Service `minio` with TLS. */
export const S3_SERVICE_PORT = 443;

export interface TenantNetworkPolicyProps {
  readonly tenantName: string;
  readonly namespace: string;
  readonly operatorNamespace: string;
}

/**
 * Admits to a tenant's pods: any traffic from the tenant's own pods (internode), from the operator's namespace
 * (provisioning, health checks), and S3 and console traffic from anywhere (clients, load balancers).
 * Egress stays open: KMS, identity providers, audit webhooks and tiering targets are deployment specific.
 */
export class TenantNetworkPolicy extends Construct {
  public constructor(scope: Construct, id: string, props: TenantNetworkPolicyProps) {
    super(scope, id);
    const policy = new k8s.KubeNetworkPolicy(this, 'Resource', {
      metadata: { name: `${props.tenantName}-minio`, namespace: props.namespace },
      spec: {
        podSelector: { matchLabels: { [TENANT_LABEL]: props.tenantName } },
        policyTypes: ['Ingress'],
        ingress: [
          { from: [{ podSelector: { matchLabels: { [TENANT_LABEL]: props.tenantName } } }] },
          { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': props.operatorNamespace } } }] },
          {
            ports: [
              { port: k8s.IntOrString.fromNumber(MINIO_PORT), protocol: 'TCP' },
              { port: k8s.IntOrString.fromNumber(CONSOLE_TLS_PORT), protocol: 'TCP' },
            ],
          },
        ],
      },
    });
    claimObjectIdentity(this, policy);
  }
}
