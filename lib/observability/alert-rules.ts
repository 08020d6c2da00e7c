import { Duration } from 'cdk8s';
import { ConfigurationError } from '../core/errors';
import { isDnsLabel } from '../core/names';
import { AlertRule, AlertRuleSet } from './alert-rule';
import { AlertSeverity } from './alert-severity';
import { checkLabelName, LabelMatcher } from './label-matcher';
import { MinioMetricsVersion } from './metrics-version';
import { by, prometheusDuration, selector } from './promql';

/** Parameters of {@link minioAlertRules}; every one has a default that suits a production tenant. */
export interface MinioAlertRulesOptions {
  /**
   * Name of the rule set, used for the Azure rule group and the PrometheusRule: a DNS label.
   *
   * @default 'minio-alerts'
   */
  readonly name?: string;

  /**
   * The MinIO metrics version the scrape collects.
   *
   * @default MinioMetricsVersion.V2
   */
  readonly metricsVersion?: MinioMetricsVersion;

  /**
   * Matchers that pick the MinIO scrape targets' series, for example the job or namespace of one tenant. The
   * scrape-target-down alert reads `up`, which every target has, so it is only added when a selector is given.
   *
   * @default - none: every MinIO series in the workspace, and no scrape-target-down alert
   */
  readonly minioSelector?: LabelMatcher[];

  /**
   * Labels that tell one MinIO deployment from another; alerts fire once per combination. Labels the metrics carry
   * themselves (`server`, `pool`, `api`...) are refused: the rules aggregate over them. A label that a series lacks is
   * harmless. Azure managed Prometheus adds `cluster` to every series.
   *
   * @default ['cluster', 'namespace', 'job']
   */
  readonly groupBy?: string[];

  /**
   * How often the rules are evaluated: 1 to 15 minutes (Azure's limit for a rule group's interval).
   *
   * @default Duration.minutes(1)
   */
  readonly evaluationInterval?: Duration;

  /**
   * Fraction of usable capacity below which free space raises a warning.
   *
   * @default 0.2
   */
  readonly capacityWarningFreeRatio?: number;

  /**
   * Fraction of usable capacity below which free space raises an error; below `capacityWarningFreeRatio`.
   *
   * @default 0.1
   */
  readonly capacityCriticalFreeRatio?: number;

  /**
   * How much history the fill-rate forecast fits its line to.
   *
   * @default Duration.hours(6)
   */
  readonly fillForecastLookback?: Duration;

  /**
   * How far ahead the fill-rate forecast looks: it fires when free space would run out within this time.
   *
   * @default Duration.days(4)
   */
  readonly fillForecastHorizon?: Duration;

  /**
   * The write-quorum warning fires when an erasure set can lose at most this many more drives before writes stop.
   * With 0 it fires when the next lost drive would stop writes.
   *
   * @default 0
   */
  readonly writeQuorumSpareDrives?: number;

  /**
   * How long drives may stay in healing before the healing backlog alert fires.
   *
   * @default Duration.hours(24)
   */
  readonly healingBacklogAfter?: Duration;

  /**
   * Fraction of KMS requests that may fail before the KMS error alert fires (metrics v2 only).
   *
   * @default 0.05
   */
  readonly kmsErrorRatio?: number;

  /**
   * Whether to alert on cert-manager certificates that are about to expire.
   *
   * @default true
   */
  readonly certificateAlerts?: boolean;

  /**
   * Matchers that pick the certificates of this deployment from cert-manager's metrics. The certificate's own
   * namespace arrives as `exported_namespace` when the scrape sets `namespace` itself (honor_labels false).
   *
   * @default - none: every certificate cert-manager reports
   */
  readonly certificateSelector?: LabelMatcher[];

  /**
   * Time before expiry at which a certificate raises a warning.
   *
   * @default Duration.days(14)
   */
  readonly certificateExpiryWarning?: Duration;

  /**
   * Time before expiry at which a certificate raises an error; shorter than `certificateExpiryWarning`.
   *
   * @default Duration.days(3)
   */
  readonly certificateExpiryCritical?: Duration;

  /**
   * Matchers that pick `mc mirror` scrape targets; when given, an alert on failed mirror operations is added.
   *
   * @default - no mirror alert
   */
  readonly mirrorSelector?: LabelMatcher[];

  /**
   * Per-alert `for` durations that replace the defaults, keyed by alert name.
   *
   * @default - each rule's own
   */
  readonly pendingFor?: Record<string, Duration>;

  /**
   * Alert names to leave out.
   *
   * @default - none
   */
  readonly omit?: string[];

  /**
   * Labels added to every alert, for routing (for example `team`). `severity` is set by each rule.
   *
   * @default - none
   */
  readonly labels?: Record<string, string>;
}

const WHERE = 'minioAlertRules';
const RATE_WINDOW = '5m';

/**
 * The alert rules for MinIO tenants on Azure: nodes and drives offline, erasure-set write quorum lost or at risk,
 * healing backlog, capacity thresholds and a fill forecast, KMS errors (metrics v2), certificate expiry, scrape
 * targets down and, when asked for, failed mirror operations.
 *
 * Expressions aggregate with `max`/`min` over the labels the metrics carry before summing, so they give the same
 * answer whether one pod or every pod of a tenant is scraped (each v2 cluster endpoint repeats its peers' series).
 *
 * @throws ConfigurationError naming the option, the value and the fix
 */
export function minioAlertRules(options: MinioAlertRulesOptions = {}): AlertRuleSet {
  const version = options.metricsVersion ?? MinioMetricsVersion.V2;
  const name = options.name ?? 'minio-alerts';
  if (typeof name !== 'string' || !isDnsLabel(name)) {
    fail('name', name, 'must be a DNS label (lower-case letters, digits and dashes, at most 63 characters)', 'choose a name such as minio-alerts');
  }
  const groupBy = checkGroupBy(options.groupBy ?? ['cluster', 'namespace', 'job'], version);
  const evaluationInterval = options.evaluationInterval ?? Duration.minutes(1);
  wholeSeconds('evaluationInterval', evaluationInterval, 60, 15 * 60, 'between 1 and 15 minutes');
  const warningRatio = ratio('capacityWarningFreeRatio', options.capacityWarningFreeRatio ?? 0.2);
  const criticalRatio = ratio('capacityCriticalFreeRatio', options.capacityCriticalFreeRatio ?? 0.1);
  if (criticalRatio >= warningRatio) {
    fail('capacityCriticalFreeRatio', criticalRatio, `must be below capacityWarningFreeRatio (${warningRatio})`, 'lower the critical ratio or raise the warning ratio');
  }
  const lookback = options.fillForecastLookback ?? Duration.hours(6);
  wholeSeconds('fillForecastLookback', lookback, 3600, 30 * 86400, 'between 1 hour and 30 days');
  const horizon = options.fillForecastHorizon ?? Duration.days(4);
  wholeSeconds('fillForecastHorizon', horizon, 3600, 365 * 86400, 'between 1 hour and 365 days');
  const spare = options.writeQuorumSpareDrives ?? 0;
  if (!Number.isInteger(spare) || spare < 0 || spare > 8) {
    fail('writeQuorumSpareDrives', spare, 'must be a whole number from 0 to 8', 'an erasure set has at most 8 parity drives');
  }
  const healingAfter = options.healingBacklogAfter ?? Duration.hours(24);
  wholeSeconds('healingBacklogAfter', healingAfter, 600, 30 * 86400, 'between 10 minutes and 30 days');
  const kmsRatio = ratio('kmsErrorRatio', options.kmsErrorRatio ?? 0.05);
  const expiryWarning = options.certificateExpiryWarning ?? Duration.days(14);
  wholeSeconds('certificateExpiryWarning', expiryWarning, 3600, 365 * 86400, 'between 1 hour and 365 days');
  const expiryCritical = options.certificateExpiryCritical ?? Duration.days(3);
  wholeSeconds('certificateExpiryCritical', expiryCritical, 3600, 365 * 86400, 'between 1 hour and 365 days');
  if (expiryCritical.toSeconds() >= expiryWarning.toSeconds()) {
    fail('certificateExpiryCritical', prometheusDuration(expiryCritical), `must be shorter than certificateExpiryWarning (${prometheusDuration(expiryWarning)})`,
      'shorten the critical time or lengthen the warning time');
  }
  const extraLabels = checkLabels(options.labels ?? {});
  const minio = checkMatchers('minioSelector', options.minioSelector ?? []);
  const certificates = checkMatchers('certificateSelector', options.certificateSelector ?? []);
  const mirror = options.mirrorSelector === undefined ? undefined : checkMatchers('mirrorSelector', options.mirrorSelector);

  const rules = buildRules({
    version, groupBy, minio, certificates, mirror, warningRatio, criticalRatio, lookback, horizon, spare, healingAfter,
    kmsRatio, expiryWarning, expiryCritical, certificateAlerts: options.certificateAlerts ?? true,
  });
  const known = rules.map((r) => r.name);
  const omit = new Set(options.omit ?? []);
  for (const alert of omit) {
    if (!known.includes(alert)) fail('omit', alert, 'names no alert of this rule set', `use one of ${known.join(', ')}`);
  }
  const pendingFor = options.pendingFor ?? {};
  for (const [alert, duration] of Object.entries(pendingFor)) {
    if (!known.includes(alert)) fail(`pendingFor.${alert}`, alert, 'names no alert of this rule set', `use one of ${known.join(', ')}`);
    wholeSeconds(`pendingFor.${alert}`, duration, 0, 7 * 86400, 'between 0 and 7 days');
  }
  return {
    name,
    metricsVersion: version,
    evaluationInterval,
    rules: rules
      .filter((rule) => !omit.has(rule.name))
      .map((rule) => ({ ...rule, pendingFor: pendingFor[rule.name] ?? rule.pendingFor, labels: { ...extraLabels } })),
  };
}

interface RuleInputs {
  readonly version: MinioMetricsVersion;
  readonly groupBy: readonly string[];
  readonly minio: readonly LabelMatcher[];
  readonly certificates: readonly LabelMatcher[];
  readonly mirror?: readonly LabelMatcher[];
  readonly warningRatio: number;
  readonly criticalRatio: number;
  readonly lookback: Duration;
  readonly horizon: Duration;
  readonly spare: number;
  readonly healingAfter: Duration;
  readonly kmsRatio: number;
  readonly expiryWarning: Duration;
  readonly expiryCritical: Duration;
  readonly certificateAlerts: boolean;
}

type RuleDraft = Omit<AlertRule, 'labels'>;

function buildRules(input: RuleInputs): RuleDraft[] {
  const { version, groupBy, minio } = input;
  const names = version.names;
  const m = (metric: string) => selector(metric, minio);
  const group = by(groupBy);
  const setGroup = by([...groupBy, ...names.erasureSetLabels]);
  const [poolLabel, setLabel] = names.erasureSetLabels;
  const erasureSet = `pool {{ $labels.${poolLabel} }}, set {{ $labels.${setLabel} }}`;
  const spareDrives = `min ${setGroup} (${m(names.erasureSetOnlineDrives)} - ${m(names.erasureSetWriteQuorum)})`;
  const freeRatio = `min ${group} (${m(names.capacityUsableFree)}) / max ${group} (${m(names.capacityUsableTotal)})`;

  const rules: RuleDraft[] = [
    {
      name: 'MinioErasureSetWriteQuorumLost',
      expression: `min ${setGroup} (${m(names.erasureSetWritable)}) == 0`,
      pendingFor: Duration.minutes(1),
      severity: AlertSeverity.CRITICAL,
      summary: `MinIO erasure set ${erasureSet} has lost write quorum`,
      description: 'Fewer drives of this erasure set are online than its write quorum: writes to objects placed in this set fail.',
      runbook: 'Find the offline drives and nodes (`mc admin info ALIAS`, the tenant pods and their PVCs) and bring them back; '
        + 'a node that is drained or a pod stuck in Pending is the usual cause. Do not replace drives while quorum is lost: '
        + 'restore the missing ones first, then let MinIO heal.',
    },
    {
      name: 'MinioErasureSetWriteQuorumAtRisk',
      expression: `(${spareDrives} <= ${input.spare}) and (${spareDrives} >= 0)`,
      pendingFor: Duration.minutes(5),
      severity: AlertSeverity.ERROR,
      summary: `MinIO erasure set ${erasureSet} can lose at most {{ $value }} more drives before writes stop`,
      description: 'Drives of this erasure set are offline; losing more of them will stop writes to it.',
      runbook: 'Treat as urgent: find the offline drives of the set (`mc admin info ALIAS`), bring their nodes or disks back, '
        + 'and hold off node drains and upgrades until every drive is online again.',
    },
    {
      name: 'MinioNodesOffline',
      expression: `max ${group} (${m(names.nodesOffline)}) > 0`,
      pendingFor: Duration.minutes(5),
      severity: AlertSeverity.ERROR,
      summary: 'MinIO has {{ $value }} nodes offline',
      description: 'MinIO servers of this deployment cannot reach some of their peers.',
      runbook: 'Check the tenant pods (`kubectl get pods -l v1.min.io/tenant=TENANT`), their events and the AKS node they were '
        + 'scheduled on. A pod in Pending usually waits for a zone-bound disk whose node pool has no room.',
    },
    {
      name: 'MinioDrivesOffline',
      expression: `max ${group} (${m(names.drivesOffline)}) > 0`,
      pendingFor: Duration.minutes(5),
      severity: AlertSeverity.WARNING,
      summary: 'MinIO has {{ $value }} drives offline',
      description: 'Some drives are offline; erasure coding still serves data, with less room for further failures.',
      runbook: 'Run `mc admin info ALIAS` to see which drives are offline, then check their PVCs and the Azure disks behind them. '
        + 'A replaced drive heals by itself; watch the healing alerts.',
    },
    {
      name: 'MinioHealingBacklog',
      expression: `max ${setGroup} (${m(names.erasureSetHealingDrives)}) > 0`,
      pendingFor: input.healingAfter,
      severity: AlertSeverity.WARNING,
      summary: `MinIO erasure set ${erasureSet} has been healing {{ $value }} drives for over ${prometheusDuration(input.healingAfter)}`,
      description: 'Healing has not finished; until it does, the set has less redundancy than designed.',
      runbook: 'Follow progress with `mc admin heal ALIAS --verbose` (or `mc admin info`). Slow healing usually means throttled '
        + 'disks or saturated nodes: check disk IOPS limits of the Azure disk tier and the pods\' CPU.',
    },
    {
      name: 'MinioCapacityLow',
      expression: `${freeRatio} < ${input.warningRatio}`,
      pendingFor: Duration.minutes(15),
      severity: AlertSeverity.WARNING,
      summary: `MinIO has less than ${percent(input.warningRatio)} of its usable space free`,
      description: `Less than ${percent(input.warningRatio)} of usable capacity is free.`,
      runbook: 'Plan more capacity: add a pool (pools never change shape once created), expire or tier data with lifecycle rules, '
        + 'or delete what is no longer needed.',
    },
    {
      name: 'MinioCapacityCritical',
      expression: `${freeRatio} < ${input.criticalRatio}`,
      pendingFor: Duration.minutes(5),
      severity: AlertSeverity.ERROR,
      summary: `MinIO has less than ${percent(input.criticalRatio)} of its usable space free`,
      description: `Less than ${percent(input.criticalRatio)} of usable capacity is free; MinIO refuses writes when drives fill up.`,
      runbook: 'Add a pool now, or free space (lifecycle expiry, tiering, deleting data). Adding a pool takes new disks and nodes: '
        + 'start before the forecast says the space runs out.',
    },
    {
      name: 'MinioCapacityFillForecast',
      expression: `min ${group} (predict_linear(${m(names.capacityUsableFree)}[${prometheusDuration(input.lookback)}], `
        + `${input.horizon.toSeconds()})) < 0`,
      pendingFor: Duration.hours(1),
      severity: AlertSeverity.WARNING,
      summary: `MinIO will run out of usable space within ${prometheusDuration(input.horizon)} at the current rate`,
      description: `A linear fit over the last ${prometheusDuration(input.lookback)} of free space reaches zero within ${prometheusDuration(input.horizon)}.`,
      runbook: 'Find what is writing (bucket usage in the dashboard, `mc du`), check that lifecycle rules run, and add a pool '
        + 'if the growth is expected.',
    },
  ];

  if (names.kms !== undefined) {
    const { succeeded, errored, failed } = names.kms;
    const rate = (metric: string) => `rate(${m(metric)}[${RATE_WINDOW}])`;
    const unsuccessful = `sum ${group} (${rate(errored)} + ${rate(failed)})`;
    rules.push(
      {
        name: 'MinioKmsUnreachable',
        expression: `${unsuccessful} > 0 and sum ${group} (${rate(succeeded)}) == 0`,
        pendingFor: Duration.minutes(5),
        severity: AlertSeverity.CRITICAL,
        summary: 'MinIO gets no successful answers from its KMS',
        description: 'Every KMS request failed over the last minutes: encrypted objects can be neither written nor read.',
        runbook: 'Check the KMS pods and their readiness (`/v1/health/ready`), the NetworkPolicy between tenant and KMS, the '
          + 'KMS certificate and the CA the tenant trusts for it, and the API key in the tenant\'s config.env.',
      },
      {
        name: 'MinioKmsErrors',
        expression: `${unsuccessful} / sum ${group} (${rate(succeeded)} + ${rate(errored)} + ${rate(failed)}) > ${input.kmsRatio}`,
        pendingFor: Duration.minutes(10),
        severity: AlertSeverity.WARNING,
        summary: `More than ${percent(input.kmsRatio)} of MinIO's KMS requests fail`,
        description: `More than ${percent(input.kmsRatio)} of KMS requests fail (client errors, server errors or connection errors).`,
        runbook: 'Look at the MinIO server logs for KMS errors: a missing key name or a policy that denies the API key shows as '
          + 'client errors, an overloaded or partly unreachable KMS cluster as server or connection errors.',
      },
    );
  }

  if (input.certificateAlerts) {
    const expiry = selector('certmanager_certificate_expiration_timestamp_seconds', input.certificates);
    const expiring = (within: Duration) => `${expiry} > 0 and (${expiry} - time()) < ${within.toSeconds()}`;
    rules.push(
      {
        name: 'MinioCertificateExpiringSoon',
        expression: expiring(input.expiryWarning),
        pendingFor: Duration.hours(1),
        severity: AlertSeverity.WARNING,
        summary: `Certificate {{ $labels.name }} expires within ${prometheusDuration(input.expiryWarning)}`,
        description: 'cert-manager should have renewed this certificate by now.',
        runbook: 'Run `kubectl describe certificate NAME` and `cmctl status certificate NAME` in its namespace: the '
          + 'CertificateRequest, Order or Challenge shows why renewal fails (issuer not ready, DNS01 permissions, CA secret missing).',
      },
      {
        name: 'MinioCertificateExpiryImminent',
        expression: expiring(input.expiryCritical),
        pendingFor: Duration.minutes(10),
        severity: AlertSeverity.ERROR,
        summary: `Certificate {{ $labels.name }} expires within ${prometheusDuration(input.expiryCritical)}`,
        description: 'When it expires, clients and the MinIO servers stop trusting the endpoint that uses it.',
        runbook: 'Fix the issuer as for MinioCertificateExpiringSoon, then force renewal with `cmctl renew NAME`. MinIO reloads '
          + 'its certificate from the mounted secret; restart the KMS pods if their certificate was the one renewed.',
      },
    );
  }

  rules.push({
    name: 'MinioMetricsAbsent',
    expression: `absent(${m(names.nodesOnline)})`,
    pendingFor: Duration.minutes(10),
    severity: AlertSeverity.WARNING,
    summary: 'No MinIO metrics arrive',
    description: 'Not one MinIO series matches the selector: every other MinIO alert is blind.',
    runbook: 'Check that the scrape configuration exists and selects the tenant pods, that the metrics agent runs, and that '
      + `the scrape collects metrics ${version.id}. Then look at the targets' scrape errors, as for MinioScrapeTargetDown.`,
  });
  // `up` exists for every target of the workspace: without a selector this alert would cover everything.
  if (minio.length > 0) {
    rules.push({
      name: 'MinioScrapeTargetDown',
      expression: `${selector('up', minio)} == 0`,
      pendingFor: Duration.minutes(5),
      severity: AlertSeverity.WARNING,
      summary: 'Prometheus cannot scrape MinIO target {{ $labels.instance }}',
      description: 'Without metrics, no other MinIO alert can fire for this target.',
      runbook: 'A 403 means the bearer token is wrong or expired (mint a new one) or the user lacks admin:Prometheus; a TLS error '
        + 'means the scrape does not trust the tenant CA; a timeout points at a NetworkPolicy that does not admit the metrics agent.',
    });
  }

  if (input.mirror !== undefined) {
    rules.push({
      name: 'MinioMirrorFailures',
      expression: `sum ${group} (increase(${selector('mc_mirror_failed_s3ops', input.mirror)}[15m])) > 0`,
      pendingFor: Duration.minutes(15),
      severity: AlertSeverity.WARNING,
      summary: 'mc mirror failed {{ $value }} operations in the last 15 minutes',
      description: 'Objects are not being copied to the mirror target; the copies drift apart.',
      runbook: 'Read the mirror pod\'s logs (`--json` lines name the object and the error); check both endpoints\' credentials, '
        + 'certificates and free space.',
    });
  }
  return rules;
}

function checkGroupBy(labels: string[], version: MinioMetricsVersion): string[] {
  if (!Array.isArray(labels)) fail('groupBy', labels, 'must be a list of label names', "pass for example ['cluster', 'namespace', 'job']");
  const reserved = new Set([...version.exporterLabels, '__name__']);
  labels.forEach((label, index) => {
    checkLabelName(WHERE, `groupBy[${index}]`, label);
    if (reserved.has(label)) {
      fail(`groupBy[${index}]`, label, `is a label MinIO ${version.id} metrics carry themselves`, 'group by labels the scrape adds, such as cluster, namespace or job');
    }
    if (labels.indexOf(label) !== index) fail(`groupBy[${index}]`, label, 'is listed twice', 'list each label once');
  });
  return [...labels];
}

function checkMatchers(field: string, matchers: LabelMatcher[]): LabelMatcher[] {
  if (!Array.isArray(matchers) || matchers.some((matcher) => !(matcher instanceof LabelMatcher))) {
    fail(field, String(matchers), 'must be a list of LabelMatcher', `build it with LabelMatcher.equals('job', 'minio')`);
  }
  return [...matchers];
}

function checkLabels(labels: Record<string, string>): Record<string, string> {
  for (const [name, value] of Object.entries(labels)) {
    checkLabelName(WHERE, `labels.${name}`, name);
    if (name === 'severity') fail('labels.severity', value, 'is set by each rule', 'route on the severity label instead of setting it');
    if (typeof value !== 'string') fail(`labels.${name}`, value, 'must be a string', 'pass label values as text');
  }
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function ratio(field: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) fail(field, value, 'must be a fraction between 0 and 1', 'pass for example 0.2 for 20 %');
  return value;
}

function wholeSeconds(field: string, duration: Duration, minSeconds: number, maxSeconds: number, range: string): void {
  const millis = duration instanceof Duration ? duration.toMilliseconds() : Number.NaN;
  if (!Number.isInteger(millis) || millis % 1000 !== 0 || millis < minSeconds * 1000 || millis > maxSeconds * 1000) {
    fail(field, Number.isNaN(millis) ? String(duration) : `${millis}ms`, `must be a whole number of seconds ${range}`,
      'use Duration.minutes(), Duration.hours() or Duration.days() with a whole number');
  }
}

function percent(value: number): string {
  return `${Math.round(value * 1000) / 10} %`;
}

function fail(field: string, received: unknown, problem: string, fix: string): never {
  throw new ConfigurationError(WHERE, field, received, problem, fix);
}
