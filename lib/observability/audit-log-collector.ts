import { createHash } from 'node:crypto';
import { Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { namespaceOf } from '../core/namespace';
import { requireDns1035Label } from '../core/names';
import { podsInNamespace } from '../core/network-peers';
import { PinnedImage } from '../core/pinned-image';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../core/restricted-security';
import { claimObjectIdentity } from '../core/unique-objects';
import type { IMinioTenant } from '../tenant/minio-tenant-reference';
import { TenantAuditWebhookOptions } from './audit-webhook';
import { FluentBitImage } from './fluent-bit-image';

/** The port the http input listens on for MinIO's audit webhook. */
export const AUDIT_WEBHOOK_PORT = 8080;
/** Fluent Bit's own HTTP server, for the health probes (`/api/v1/health` with `Health_Check On`). */
const HEALTH_PORT = 2020;
/** The URL path MinIO posts to; Fluent Bit's http input takes it as the records' tag. */
const WEBHOOK_PATH = '/minio-audit';
const CONFIG_DIR = '/etc/minio-audit';
const CONFIG_FILE = 'fluent-bit.conf';
const APP_LABEL = 'app.kubernetes.io/name';

/** Properties of an {@link AuditLogCollector}. */
export interface AuditLogCollectorProps {
  /** Name of the Deployment, Service, ConfigMap, NetworkPolicy and PodDisruptionBudget. @default - the construct id */
  readonly name?: string;
  /** Namespace. @default - the chart's namespace */
  readonly namespace?: string;
  /** The tenants whose pods may post audit events; more with `allowTenants()`. @default - none */
  readonly tenants?: IMinioTenant[];
  /** Number of receivers. @default 2 */
  readonly replicas?: number;
  /** The Fluent Bit image. @default FluentBitImage.DEFAULT (5.1.1) */
  readonly image?: PinnedImage;
  /** MinIO's queue size for the webhook this collector offers (`webhook()`). @default 100000 */
  readonly queueSize?: number;
  /** The cluster DNS domain. @default 'cluster.local' */
  readonly clusterDomain?: string;
}

/**
 * Receives MinIO's audit webhook with Fluent Bit and writes every event as one JSON line to standard output, where
 * Azure Monitor Container Insights collects it into Log Analytics (`ContainerLogV2`, the record parsed in
 * `LogMessage`). Fluent Bit's `azure_logs_ingestion` output would write to a custom table directly, but it
 * authenticates only with a client secret (no managed or workload identity), so it is left out: stdout carries no
 * credential.
 *
 * Hardened like every workload here: Pod Security "restricted" with a read-only root filesystem, requests and
 * limits, liveness and readiness probes on Fluent Bit's health endpoint, a PodDisruptionBudget when replicated, and
 * a NetworkPolicy that admits only the given tenants' pods to the webhook port and allows no egress (the
 * collector only writes to stdout).
 *
 * The credential fields of each event (the request's `Authorization` header, STS session tokens, presigned URL
 * signatures: {@link AUDIT_FIELDS_REMOVED}) are removed before the event is written.
 *
 * Fluent Bit's http input cannot check a static token (its only request authentication is OAuth 2.0 JWT validation
 * against a JWKS endpoint, or client certificates; Fluent Bit docs, inputs/http for v5.0), so the NetworkPolicy is
 * what keeps other pods out, and MinIO sends no token to it. The webhook is plain HTTP inside the cluster.
 */
export class AuditLogCollector extends Construct {
  /** Name of the collector's objects. */
  public readonly name: string;
  /** Namespace of the collector. */
  public readonly namespace: string;
  /** The URL MinIO posts audit events to. */
  public readonly webhookEndpoint: string;
  /** The labels of the collector's pods. */
  public readonly podLabels: Record<string, string>;

  private readonly tenants: IMinioTenant[] = [];
  private readonly queueSize: number | undefined;

  public constructor(scope: Construct, id: string, props: AuditLogCollectorProps = {}) {
    super(scope, id);
    this.name = requireDns1035Label(this, 'name', props.name ?? id, 63);
    this.namespace = namespaceOf(this, 'namespace', props.namespace);
    const replicas = props.replicas ?? 2;
    if (!Number.isInteger(replicas) || replicas < 1 || replicas > 10) {
      reject(this, 'replicas', replicas, 'must be a whole number from 1 to 10', 'use 2 (the default) for a receiver that survives a node drain');
    }
    this.queueSize = props.queueSize;
    const image = PinnedImage.reference(this, 'image', props.image ?? FluentBitImage.DEFAULT);
    const domain = props.clusterDomain ?? 'cluster.local';
    this.webhookEndpoint = `http://${this.name}.${this.namespace}.svc.${domain}:${AUDIT_WEBHOOK_PORT}${WEBHOOK_PATH}`;
    this.podLabels = { [APP_LABEL]: 'fluent-bit', 'app.kubernetes.io/instance': this.name };
    for (const tenant of props.tenants ?? []) this.allowTenants(tenant);

    const config = fluentBitConfig();
    const configMap = new k8s.KubeConfigMap(this, 'Config', {
      metadata: { name: this.name, namespace: this.namespace },
      data: { [CONFIG_FILE]: config },
    });
    claimObjectIdentity(this, configMap);
    const deployment = new k8s.KubeDeployment(this, 'Resource', {
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        replicas,
        selector: { matchLabels: this.podLabels },
        template: {
          metadata: {
            labels: this.podLabels,
            // A changed configuration rolls the pods: Fluent Bit reads it only at start.
            annotations: { 'minio-aks.io/config-sha256': createHash('sha256').update(config).digest('hex') },
          },
          spec: {
            automountServiceAccountToken: false,
            securityContext: restrictedPodSecurityContext(),
            containers: [{
              name: 'fluent-bit',
              image,
              command: ['/fluent-bit/bin/fluent-bit', '--config', `${CONFIG_DIR}/${CONFIG_FILE}`],
              ports: [
                { name: 'webhook', containerPort: AUDIT_WEBHOOK_PORT, protocol: 'TCP' },
                { name: 'health', containerPort: HEALTH_PORT, protocol: 'TCP' },
              ],
              livenessProbe: {
                httpGet: { path: '/api/v1/health', port: k8s.IntOrString.fromString('health') },
                initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3,
              },
              readinessProbe: {
                httpGet: { path: '/api/v1/health', port: k8s.IntOrString.fromString('health') },
                periodSeconds: 5, failureThreshold: 2,
              },
              resources: {
                requests: { cpu: k8s.Quantity.fromString('50m'), memory: k8s.Quantity.fromString('64Mi') },
                limits: { cpu: k8s.Quantity.fromString('500m'), memory: k8s.Quantity.fromString('256Mi') },
              },
              securityContext: restrictedContainerSecurityContext(),
              volumeMounts: [{ name: 'config', mountPath: CONFIG_DIR, readOnly: true }],
            }],
            volumes: [{ name: 'config', configMap: { name: this.name } }],
          },
        },
      },
    });
    claimObjectIdentity(this, deployment);
    const service = new k8s.KubeService(this, 'Service', {
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        selector: this.podLabels,
        ports: [{ name: 'webhook', port: AUDIT_WEBHOOK_PORT, targetPort: k8s.IntOrString.fromString('webhook'), protocol: 'TCP' }],
      },
    });
    claimObjectIdentity(this, service);
    const policy = new k8s.KubeNetworkPolicy(this, 'NetworkPolicy', {
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        podSelector: { matchLabels: this.podLabels },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{
          // Tenants can still be admitted after construction (allowTenants), so the peers are read at synth.
          from: Lazy.any({ produce: () => this.tenants.map((tenant) => podsInNamespace(tenant.namespace, tenant.podLabels)) }),
          ports: [{ port: k8s.IntOrString.fromNumber(AUDIT_WEBHOOK_PORT), protocol: 'TCP' }],
        }],
      },
    });
    claimObjectIdentity(this, policy);
    if (replicas > 1) {
      const budget = new k8s.KubePodDisruptionBudget(this, 'Disruptions', {
        metadata: { name: this.name, namespace: this.namespace },
        spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: this.podLabels } },
      });
      claimObjectIdentity(this, budget);
    }
    this.node.addValidation({
      validate: () => (this.tenants.length === 0
        ? [`${this.node.path}: tenants must name at least one tenant (received none): pass tenants or call allowTenants(tenant), or nothing can post audit events`]
        : []),
    });
  }

  /** Admits the pods of each tenant to the webhook port. */
  public allowTenants(...tenants: IMinioTenant[]): void {
    tenants.forEach((tenant, index) => {
      if (typeof tenant?.namespace !== 'string' || typeof tenant.podLabels !== 'object') {
        reject(this, `tenants[${index}]`, typeof tenant, 'must be a MinIO tenant', 'pass a MinioTenant or MinioTenant.fromTenantAttributes(...)');
      }
      if (!this.tenants.some((t) => t.namespace === tenant.namespace && t.name === tenant.name)) this.tenants.push(tenant);
    });
  }

  /**
   * The tenant option that sends the audit log here: `auditWebhook: collector.webhook()`. No token (Fluent Bit
   * cannot check one) and one event per request, the only batch size Fluent Bit's http input accepts from MinIO.
   */
  public webhook(): TenantAuditWebhookOptions {
    return { endpoint: this.webhookEndpoint, batchSize: 1, queueSize: this.queueSize };
  }
}

/**
 * Request headers and query parameters that carry credentials in MinIO's audit entries: MinIO copies every request
 * header and query parameter into `requestHeader` and `requestQuery` (minio/minio internal/logger/message/audit
 * entry.go ToEntry; the sample in docs/logging/README.md shows the `Authorization` header). A SigV4 signature can be
 * replayed for the same request while it is valid, and an STS session token is a credential, so neither reaches
 * Log Analytics.
 */
export const AUDIT_FIELDS_REMOVED = Object.freeze({
  requestHeader: ['Authorization', 'X-Amz-Security-Token'],
  requestQuery: ['X-Amz-Signature', 'X-Amz-Security-Token', 'Signature'],
});

/**
 * Fluent Bit's classic configuration: the http input (Fluent Bit docs, data-pipeline/inputs/http) answering 200,
 * filters that drop the credential fields of the audit entry (the `nest` filter lifts a map's keys to the top with a
 * prefix and nests them back, the `modify` filter removes keys: filters/nest, filters/modify), the stdout output as
 * JSON lines (outputs/standard-output), and the built-in HTTP server with health checks
 * (administration/monitoring: `/api/v1/health`).
 */
function fluentBitConfig(): string {
  const section = (name: string, entries: [string, string | number][]) =>
    [`[${name}]`, ...entries.map(([key, value]) => `    ${key.padEnd(26)} ${value}`)].join('\n');
  const scrub = Object.entries(AUDIT_FIELDS_REMOVED).flatMap(([map, keys], index) => {
    const prefix = `minio_aks_${index}__`;
    return [
      section('FILTER', [['Name', 'nest'], ['Match', '*'], ['Operation', 'lift'], ['Nested_under', map], ['Add_prefix', prefix]]),
      section('FILTER', [['Name', 'modify'], ['Match', '*'], ...keys.map((key): [string, string] => ['Remove', `${prefix}${key}`])]),
      section('FILTER', [['Name', 'nest'], ['Match', '*'], ['Operation', 'nest'], ['Wildcard', `${prefix}*`], ['Nest_under', map],
        ['Remove_prefix', prefix]]),
    ];
  });
  return [
    section('SERVICE', [['Flush', 1], ['Log_Level', 'info'], ['HTTP_Server', 'On'], ['HTTP_Listen', '0.0.0.0'],
      ['HTTP_Port', HEALTH_PORT], ['Health_Check', 'On']]),
    section('INPUT', [['Name', 'http'], ['Listen', '0.0.0.0'], ['Port', AUDIT_WEBHOOK_PORT], ['Tag', 'minio-audit'],
      ['Successful_Response_Code', 200]]),
    ...scrub,
    section('OUTPUT', [['Name', 'stdout'], ['Match', '*'], ['Format', 'json_lines']]),
  ].join('\n\n') + '\n';
}
