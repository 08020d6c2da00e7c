import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { requireDnsLabel } from '../core/names';
import { podsInNamespace } from '../core/network-peers';
import { namespaceOf } from '../core/namespace';
import { PinnedImage } from '../core/pinned-image';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../core/restricted-security';
import { shellScript } from '../core/shell-script';
import { claimObjectIdentity } from '../core/unique-objects';
import { jobFingerprint, JOB_TTL_SECONDS } from '../core/job-lifecycle';
import { isBucketName } from '../buckets/bucket-name';
import { McImage } from '../mc/mc-image';
import { DNS_EGRESS, mcAlias, mcBaseEnv, tmpVolume } from '../mc/mc-pod';
import { MinioEndpoint, ResolvedEndpoint } from '../mc/minio-endpoint';
import { AZURE_MONITOR_METRICS_AGENT } from '../observability/azure-metrics-agent';
import type { IRemoteTier } from '../tiering/remote-tier';
import { mirrorArguments, runMcCommand } from './mirror-command';

/** How a mirror keeps the target in step. */
export enum MirrorMode {
  /** `mc mirror --watch`: one way, source to target, new changes as they happen (deletes included). */
  WATCH = 'watch',
  /**
   * `mc mirror --active-active`: for a DNS cut-over with writes on both sides; run one mirror each way
   * (source A to B and B to A), each in active-active mode.
   */
  ACTIVE_ACTIVE = 'active-active',
}

/** Properties of a {@link MinioMirror}. */
export interface MinioMirrorProps {
  /** Name of the Deployment and the other objects. @default - the construct id */
  readonly name?: string;
  /** Namespace. @default - the chart's namespace */
  readonly namespace?: string;
  /** Where objects come from. */
  readonly source: MinioEndpoint;
  /** Where they go. */
  readonly target: MinioEndpoint;
  /**
   * A bucket on each side, e.g. `{ source: 'reports', target: 'reports' }`.
   *
   * @default - every bucket of the source into the target
   */
  readonly buckets?: { readonly source: string; readonly target: string };
  /** Watch one way or mirror active-active. @default MirrorMode.WATCH */
  readonly mode?: MirrorMode;
  /** Overwrite objects that differ on the target (`--overwrite`). @default false */
  readonly overwrite?: boolean;
  /** Delete objects on the target that the source does not have (`--remove`). @default false */
  readonly remove?: boolean;
  /** Object name patterns to skip (`--exclude`). @default - none */
  readonly exclude?: string[];
  /** Retry failed objects (`--retry`). @default true */
  readonly retry?: boolean;
  /** Run a dry run (`--dry-run`, one pass) in an init container before mirroring, to the logs. @default false */
  readonly dryRunFirst?: boolean;
  /** Add a Job that compares both sides with `mc diff` once per change of the mirror. @default false */
  readonly verify?: boolean;
  /**
   * The source tenant's remote tiers. A mirror into a tier's storage would write beside the tiered data MinIO
   * manages there (and with `remove`, delete it), so such a target is refused.
   *
   * @default - none
   */
  readonly sourceTiers?: IRemoteTier[];
  /** The mc image. @default McImage.DEFAULT */
  readonly image?: PinnedImage;
  /** The port of the Prometheus endpoint (`--monitoring-address`). @default 8081 */
  readonly metricsPort?: number;
}

/** Where and how to scrape a mirror's metrics, for the observability constructs. */
export interface MirrorMetricsEndpoint {
  /** Labels of the mirror pod. */
  readonly podLabels: Record<string, string>;
  /** The name of the container port. */
  readonly portName: string;
  /** The container port. */
  readonly port: number;
  /** The HTTP path; plain HTTP, which is all `mc mirror --monitoring-address` serves. */
  readonly path: string;
}

const CONTAINER_PORT_NAME = 'metrics';

/**
 * A long-running `mc mirror` between two MinIO servers, for migrations: exactly one pod per source and target pair
 * (a Deployment of one replica with the `Recreate` strategy, as two mirrors would race), JSON logs, a Prometheus
 * endpoint (scrape it like the tenants, with `ScrapeTarget.minioMirror(...)`) and a liveness probe on it, Pod Security
 * "restricted" with a writable emptyDir for mc's configuration, trusted CAs for both ends, and a NetworkPolicy that
 * lets it reach only DNS and the two endpoints and admits only the Azure metrics agent to the metrics port. Credentials reach mc only through `MC_HOST_source` and
 * `MC_HOST_target`, built by Kubernetes from Secret values.
 */
export class MinioMirror extends Construct {
  /** Name of the Deployment. */
  public readonly name: string;
  /** Namespace. */
  public readonly namespace: string;
  /** The metrics endpoint. */
  public readonly metrics: MirrorMetricsEndpoint;
  /** Name of the verification Job, when `verify` is on. */
  public readonly verifyJobName: string | undefined;

  public constructor(scope: Construct, id: string, props: MinioMirrorProps) {
    super(scope, id);
    this.name = requireDnsLabel(this, 'name', props.name ?? id, 47);
    this.namespace = namespaceOf(this, 'namespace', props.namespace);
    if (!(props.source instanceof MinioEndpoint)) reject(this, 'source', props.source, 'must be a MinioEndpoint', 'use MinioEndpoint.tenant(...) or .external(...)');
    if (!(props.target instanceof MinioEndpoint)) reject(this, 'target', props.target, 'must be a MinioEndpoint', 'use MinioEndpoint.tenant(...) or .external(...)');
    const source = props.source._resolve(this, 'source');
    const target = props.target._resolve(this, 'target');
    const buckets = props.buckets;
    if (buckets !== undefined) {
      for (const side of ['source', 'target'] as const) {
        if (!isBucketName(buckets[side] ?? '')) {
          reject(this, `buckets.${side}`, buckets[side], 'is not a valid bucket name', 'use 3 to 63 lower-case letters, digits, \'.\' and \'-\'');
        }
      }
    }
    if (source.url === target.url && (buckets === undefined || buckets.source === buckets.target)) {
      reject(this, 'target', target.url, 'is the source itself', 'mirror to another server, or to another bucket of it');
    }
    for (const tier of props.sourceTiers ?? []) {
      if (tier.storageHost === target.host) {
        reject(this, 'target', target.url, `is the storage of the source's tier ${tier.tierName}`,
          'mirror to another MinIO server: the tier holds objects MinIO manages, which a mirror would overwrite or remove');
      }
    }
    const exclude = props.exclude ?? [];
    exclude.forEach((pattern, i) => {
      if (pattern.length === 0 || /[\s]/.test(pattern)) reject(this, `exclude[${i}]`, pattern, 'is not an object name pattern', 'use e.g. \'*.tmp\'');
    });
    const metricsPort = props.metricsPort ?? 8081;
    if (!Number.isInteger(metricsPort) || metricsPort < 1024 || metricsPort > 65535) {
      reject(this, 'metricsPort', metricsPort, 'must be a port from 1024 to 65535', 'use e.g. 8081 (the pod runs without root)');
    }
    const mode = props.mode ?? MirrorMode.WATCH;
    if (mode !== MirrorMode.WATCH && mode !== MirrorMode.ACTIVE_ACTIVE) reject(this, 'mode', mode, 'must be a MirrorMode', 'use MirrorMode.WATCH or ACTIVE_ACTIVE');
    if (mode === MirrorMode.ACTIVE_ACTIVE && props.remove) {
      reject(this, 'remove', true, 'cannot be combined with active-active mode', 'leave remove off: each side\'s deletes already reach the other');
    }
    const image = PinnedImage.reference(this, 'image', props.image ?? McImage.DEFAULT);

    const paths = { source: buckets ? `source/${buckets.source}` : 'source', target: buckets ? `target/${buckets.target}` : 'target' };
    const command = {
      ...paths, activeActive: mode === MirrorMode.ACTIVE_ACTIVE, overwrite: props.overwrite ?? false, remove: props.remove ?? false,
      retry: props.retry ?? true, exclude, monitoringPort: metricsPort,
    };
    const podLabels = { 'app.kubernetes.io/name': this.name, 'app.kubernetes.io/component': 'mirror' };
    this.metrics = { podLabels, portName: CONTAINER_PORT_NAME, port: metricsPort, path: '/metrics' };
    const secretVariables = ['SOURCE_SECRET_KEY', 'TARGET_SECRET_KEY'];
    const pod = mcPod(source, target);
    const resources: k8s.ResourceRequirements = {
      requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('256Mi') },
      limits: { cpu: k8s.Quantity.fromString('2'), memory: k8s.Quantity.fromString('1Gi') },
    };
    const container = (name: string, args: string[]): k8s.Container => ({
      name, image, command: runMcCommand(secretVariables, args), env: pod.env, resources,
      securityContext: restrictedContainerSecurityContext(), volumeMounts: pod.mounts,
    });
    const probe: k8s.Probe = {
      httpGet: { path: '/metrics', port: k8s.IntOrString.fromString(CONTAINER_PORT_NAME) },
      initialDelaySeconds: 30, periodSeconds: 30, timeoutSeconds: 5, failureThreshold: 4,
    };
    const deployment = new k8s.KubeDeployment(this, 'Resource', {
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        // Exactly one mirror per pair: a second pod would copy and delete the same objects at the same time.
        replicas: 1,
        strategy: { type: 'Recreate' },
        selector: { matchLabels: podLabels },
        template: {
          // No prometheus.io/* annotations: Azure managed Prometheus ignores them unless its pod-annotation
          // scraping is switched on for the namespace; ScrapeTarget.minioMirror(...) writes the scrape job instead.
          metadata: { labels: podLabels },
          spec: {
            automountServiceAccountToken: false,
            securityContext: restrictedPodSecurityContext(),
            initContainers: props.dryRunFirst ? [container('dry-run', mirrorArguments(command, true))] : undefined,
            containers: [{
              ...container('mirror', mirrorArguments(command)),
              ports: [{ name: CONTAINER_PORT_NAME, containerPort: metricsPort, protocol: 'TCP' }],
              livenessProbe: probe,
              readinessProbe: { ...probe, initialDelaySeconds: 5, periodSeconds: 10 },
            }],
            volumes: pod.volumes,
          },
        },
      },
    });
    claimObjectIdentity(this, deployment);
    // A tenant of this app that the mirror reads or writes exists before the mirror starts: an apply that waits
    // for each workload to be ready (`pulumi up` through lib/pulumi) would otherwise wait for a mirror whose
    // server the operator has not created yet, and never reach the Tenant.
    for (const side of [source, target]) {
      if (Construct.isConstruct(side.tenant)) deployment.node.addDependency(side.tenant);
    }

    if (props.verify) {
      const verifyPod: k8s.PodSpec = {
        restartPolicy: 'Never',
        automountServiceAccountToken: false,
        securityContext: restrictedPodSecurityContext(),
        containers: [{
          name: 'verify', image, resources,
          command: ['/bin/sh', '-c', shellScript('mirror/scripts/verify.sh', {
            SOURCE: paths.source, TARGET: paths.target, EXTRA_ALLOWED: command.remove ? 0 : 1,
          })],
          env: pod.env, securityContext: restrictedContainerSecurityContext(), volumeMounts: pod.mounts,
        }],
        volumes: pod.volumes,
      };
      this.verifyJobName = `${this.name}-verify-${jobFingerprint([verifyPod, command])}`;
      const job = new k8s.KubeJob(this, 'Verify', {
        metadata: { name: this.verifyJobName, namespace: this.namespace },
        spec: {
          backoffLimit: 2,
          ttlSecondsAfterFinished: JOB_TTL_SECONDS,
          template: { metadata: { labels: { 'app.kubernetes.io/name': this.name, 'app.kubernetes.io/component': 'mirror-verify' } }, spec: verifyPod },
        },
      });
      claimObjectIdentity(this, job);
    }

    const policy = new k8s.KubeNetworkPolicy(this, 'NetworkPolicy', {
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': this.name } },
        policyTypes: ['Ingress', 'Egress'],
        // Only the Azure metrics agent reaches the metrics port, which serves without TLS or authentication;
        // nothing else comes in.
        ingress: [{
          ports: [{ port: k8s.IntOrString.fromNumber(metricsPort), protocol: 'TCP' }],
          from: [podsInNamespace(AZURE_MONITOR_METRICS_AGENT.namespace, AZURE_MONITOR_METRICS_AGENT.podLabels)],
        }],
        egress: [DNS_EGRESS, source.egress, target.egress],
      },
    });
    claimObjectIdentity(this, policy);
  }
}

/** Environment, volumes and mounts for the aliases `source` and `target`. */
function mcPod(source: ResolvedEndpoint, target: ResolvedEndpoint) {
  const tmp = tmpVolume(256);
  const aliases = [mcAlias('source', source), mcAlias('target', target)];
  return {
    env: [...mcBaseEnv(), ...aliases.flatMap((a) => a.env)],
    volumes: [tmp.volume, ...aliases.flatMap((a) => a.volumes)],
    mounts: [tmp.mount, ...aliases.flatMap((a) => a.mounts)],
  };
}
