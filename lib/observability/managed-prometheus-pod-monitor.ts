import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { requireDnsLabel } from '../core/names';
import { claimObjectIdentity } from '../core/unique-objects';
import { PodMonitor, PodMonitorSpecPodMetricsEndpoints, PodMonitorSpecPodMetricsEndpointsScheme } from '../imports/azmonitoring.coreos.com';
import { AZURE_LABEL_LIMITS, ResolvedScrapeTarget, ScrapeTarget } from './scrape-target';

/** Properties of a {@link ManagedPrometheusPodMonitor}. */
export interface ManagedPrometheusPodMonitorProps {
  /** What to scrape: `ScrapeTarget.minioTenant(...)`, `ScrapeTarget.kmsCluster(...)` or `ScrapeTarget.minioMirror(...)`. */
  readonly target: ScrapeTarget;
}

/**
 * An `azmonitoring.coreos.com/v1` PodMonitor: the scrape job Azure Monitor managed Prometheus picks up from the
 * cluster without any agent setting (Azure Monitor docs, "Customize collection using CRDs"). It lives in the
 * target's namespace, because the add-on reads the Secrets a PodMonitor names (CA, bearer token, client
 * certificate) only from the monitor's own namespace.
 *
 * Tenants and KMS clusters are scraped over HTTPS, the certificate checked against the CA for the Service name the
 * certificate carries (`tlsConfig.serverName`; pods are reached by IP), with a bearer token unless the tenant's
 * metrics are public; a mirror over plain HTTP, which is all `mc mirror` serves. The scrape's `job` label is
 * `<namespace>/<name>`, the same for every endpoint of the target.
 */
export class ManagedPrometheusPodMonitor extends Construct {
  /** The checked target, with its name and namespace. */
  public readonly target: ResolvedScrapeTarget;
  /** The PodMonitor API object. */
  public readonly resource: PodMonitor;

  public constructor(scope: Construct, id: string, props: ManagedPrometheusPodMonitorProps) {
    super(scope, id);
    if (!(props?.target instanceof ScrapeTarget)) {
      reject(this, 'target', typeof props?.target, 'must be a ScrapeTarget', 'use ScrapeTarget.minioTenant(...), ScrapeTarget.kmsCluster(...) or ScrapeTarget.minioMirror(...)');
    }
    this.target = props.target._resolve(this, 'target');
    requireDnsLabel(this, 'target.name', this.target.name);
    this.resource = new PodMonitor(this, 'Resource', {
      metadata: { name: this.target.name, namespace: this.target.namespace },
      spec: {
        selector: { matchLabels: { ...this.target.podLabels } },
        podMetricsEndpoints: this.target.paths.map((path) => podMetricsEndpoint(this.target, path)),
        ...AZURE_LABEL_LIMITS,
      },
    });
    claimObjectIdentity(this, this.resource);
  }
}

function podMetricsEndpoint(target: ResolvedScrapeTarget, path: string): PodMonitorSpecPodMetricsEndpoints {
  const secretKey = (value: { secretName: string; key: string }) => ({ name: value.secretName, key: value.key });
  const tls = target.tls;
  return {
    port: target.portName,
    path,
    scheme: tls ? PodMonitorSpecPodMetricsEndpointsScheme.HTTPS : PodMonitorSpecPodMetricsEndpointsScheme.HTTP,
    interval: target.interval,
    tlsConfig: tls && {
      ca: { secret: secretKey(tls.ca) },
      serverName: tls.serverName,
      cert: tls.clientCertificate && { secret: secretKey(tls.clientCertificate.certificate) },
      keySecret: tls.clientCertificate && secretKey(tls.clientCertificate.key),
    },
    authorization: target.bearerToken && { type: 'Bearer', credentials: secretKey(target.bearerToken) },
  };
}
