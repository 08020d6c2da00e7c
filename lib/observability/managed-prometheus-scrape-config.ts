import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ApiObject, Yaml } from 'cdk8s';
import { reject } from '../core/errors';
import { compareOrdinal } from '../core/ordinal-order';
import { SecretValue } from '../core/secret-value';
import { claimObjectIdentity } from '../core/unique-objects';
import { ResolvedScrapeTarget, ScrapeTarget } from './scrape-target';

/** The ConfigMap (and its key) that Azure managed Prometheus reads custom scrape jobs from, in kube-system. */
const AMA_METRICS_CONFIG_MAP = 'ama-metrics-prometheus-config';
const CONFIG_KEY = 'prometheus-config';
const AGENT_NAMESPACE = 'kube-system';
/** Where the add-on mounts the keys of the kube-system Secret `ama-metrics-mtls-secret` for ConfigMap scrape jobs. */
const CERTS_DIR = '/etc/prometheus/certs';

/** One key that `AMA_METRICS_MTLS_SECRET` must hold for the jobs, and where its value comes from. */
export interface ScrapeCredentialFile {
  /** The key in `ama-metrics-mtls-secret` (kube-system). */
  readonly key: string;
  /** The Secret value, in the target's namespace, to copy there. */
  readonly source: SecretValue;
  /** The namespace of `source`. */
  readonly sourceNamespace: string;
}

/** Properties of a {@link ManagedPrometheusScrapeConfig}. */
export interface ManagedPrometheusScrapeConfigProps {
  /** Everything the cluster's custom scrape configuration scrapes. At least one. */
  readonly targets: ScrapeTarget[];
}

/**
 * The cluster's `ama-metrics-prometheus-config` ConfigMap (kube-system, key `prometheus-config`): custom scrape
 * jobs for Azure managed Prometheus, the alternative to {@link ManagedPrometheusPodMonitor} for clusters that keep
 * scrape configuration in one place. There is one such ConfigMap per cluster, so this construct takes every target
 * at once; an invalid configuration is dropped silently by the add-on (Azure Monitor docs, "Customize scraping of
 * Prometheus metrics"), which is why it is rendered here from checked data.
 *
 * Scrape jobs in this ConfigMap read credentials only as files, from the Secret `ama-metrics-mtls-secret` in
 * kube-system mounted at `/etc/prometheus/certs/` (Azure Monitor docs, "prometheus-metrics-scrape-configuration",
 * TLS based scraping). That Secret holds secret material, so it is not rendered: {@link credentialFiles} lists
 * each key it must hold and the Secret value to copy into it.
 *
 * Each target becomes one job per metrics path with kubernetes pod discovery in the target's namespace, kept to
 * its pods and its port, with the `job` label set to `<namespace>/<name>` as a PodMonitor would.
 */
export class ManagedPrometheusScrapeConfig extends Construct {
  /** The keys `ama-metrics-mtls-secret` must hold, sorted by key. */
  public readonly credentialFiles: readonly ScrapeCredentialFile[];
  /** The checked targets. */
  public readonly targets: readonly ResolvedScrapeTarget[];
  /** The ConfigMap. */
  public readonly configMap: kplus.ConfigMap;

  public constructor(scope: Construct, id: string, props: ManagedPrometheusScrapeConfigProps) {
    super(scope, id);
    const targets = props?.targets ?? [];
    if (!Array.isArray(targets) || targets.length === 0) {
      reject(this, 'targets', targets, 'must hold at least one ScrapeTarget', 'pass ScrapeTarget.minioTenant(...), ScrapeTarget.kmsCluster(...) or ScrapeTarget.minioMirror(...)');
    }
    this.targets = targets.map((target, index) => {
      if (!(target instanceof ScrapeTarget)) {
        reject(this, `targets[${index}]`, typeof target, 'must be a ScrapeTarget', 'use ScrapeTarget.minioTenant(...), ScrapeTarget.kmsCluster(...) or ScrapeTarget.minioMirror(...)');
      }
      return target._resolve(this, `targets[${index}]`);
    });
    const seen = new Set<string>();
    for (const [index, target] of this.targets.entries()) {
      const job = jobName(target);
      if (seen.has(job)) reject(this, `targets[${index}]`, job, 'is scraped twice', 'list each tenant, KMS cluster and mirror once');
      seen.add(job);
    }
    const files = new Map<string, ScrapeCredentialFile>();
    const fileFor = (target: ResolvedScrapeTarget, suffix: string, source: SecretValue): string => {
      const key = `${target.namespace}-${target.name}-${suffix}`;
      files.set(key, { key, source, sourceNamespace: target.namespace });
      return `${CERTS_DIR}/${key}`;
    };
    const jobs = this.targets.flatMap((target) => target.paths.map((path, index) => scrapeJob(target, path, index, fileFor)));
    this.credentialFiles = [...files.values()].sort((a, b) => compareOrdinal(a.key, b.key));
    this.configMap = new kplus.ConfigMap(this, 'Resource', {
      metadata: { name: AMA_METRICS_CONFIG_MAP, namespace: AGENT_NAMESPACE },
      data: { [CONFIG_KEY]: Yaml.stringify({ scrape_configs: jobs }) },
    });
    claimObjectIdentity(this, ApiObject.of(this.configMap));
  }
}

function jobName(target: ResolvedScrapeTarget): string {
  return `${target.namespace}/${target.name}`;
}

type FileFor = (target: ResolvedScrapeTarget, suffix: string, source: SecretValue) => string;

/** A Prometheus scrape_config (prometheus/prometheus config/config.go) for one path of one target. */
function scrapeJob(target: ResolvedScrapeTarget, path: string, index: number, fileFor: FileFor): Record<string, unknown> {
  let tls: Record<string, string> | undefined;
  if (target.tls) {
    tls = { ca_file: fileFor(target, 'ca.crt', target.tls.ca), server_name: target.tls.serverName };
    if (target.tls.clientCertificate) {
      tls.cert_file = fileFor(target, 'tls.crt', target.tls.clientCertificate.certificate);
      tls.key_file = fileFor(target, 'tls.key', target.tls.clientCertificate.key);
    }
  }
  const keepPod = Object.entries(target.podLabels).sort(([a], [b]) => compareOrdinal(a, b)).map(([label, value]) => ({
    source_labels: [`__meta_kubernetes_pod_label_${label.replace(/[^A-Za-z0-9_]/g, '_')}`],
    regex: escapeRegex(value),
    action: 'keep',
  }));
  return {
    job_name: index === 0 ? jobName(target) : `${jobName(target)}/${index}`,
    scheme: tls ? 'https' : 'http',
    metrics_path: path,
    scrape_interval: target.interval,
    ...(target.bearerToken ? { authorization: { type: 'Bearer', credentials_file: fileFor(target, 'token', target.bearerToken) } } : {}),
    ...(tls ? { tls_config: tls } : {}),
    kubernetes_sd_configs: [{ role: 'pod', namespaces: { names: [target.namespace] } }],
    relabel_configs: [
      ...keepPod,
      { source_labels: ['__meta_kubernetes_pod_container_port_name'], regex: escapeRegex(target.portName), action: 'keep' },
      // One job label for every path of a target, as a PodMonitor gives: alerts group by it.
      { target_label: 'job', replacement: jobName(target), action: 'replace' },
      { source_labels: ['__meta_kubernetes_namespace'], target_label: 'namespace', action: 'replace' },
      { source_labels: ['__meta_kubernetes_pod_name'], target_label: 'pod', action: 'replace' },
    ],
  };
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
