import { Duration } from 'cdk8s';
import { ConfigurationError } from '../../lib/core/errors';
import {
  AlertSeverity, CERT_MANAGER_METRICS, LabelMatcher, MC_MIRROR_METRICS, minioAlertRules, MinioAlertRulesOptions,
  MinioMetricsVersion, SCRAPE_METRICS,
} from '../../lib/observability';
import { metricNames, parsePromql } from './promql-tree';

const VERSIONS = [MinioMetricsVersion.V2, MinioMetricsVersion.V3];
const EVERYTHING: MinioAlertRulesOptions = {
  minioSelector: [LabelMatcher.equals('namespace', 'lake'), LabelMatcher.matches('job', 'minio-.*')],
  certificateSelector: [LabelMatcher.equals('exported_namespace', 'lake')],
  mirrorSelector: [LabelMatcher.equals('job', 'lake-mirror')],
};

function knownMetrics(version: MinioMetricsVersion): Set<string> {
  return new Set([...version.catalog, ...CERT_MANAGER_METRICS, ...MC_MIRROR_METRICS, ...SCRAPE_METRICS].map((m) => m.name));
}

function rule(options: MinioAlertRulesOptions, name: string) {
  const found = minioAlertRules(options).rules.find((r) => r.name === name);
  if (found === undefined) throw new Error(`no rule ${name}`);
  return found;
}

describe.each(VERSIONS.map((v) => [v.id, v] as const))('minioAlertRules with metrics %s', (_id, version) => {
  const set = minioAlertRules({ ...EVERYTHING, metricsVersion: version });

  test.each(set.rules.map((r) => [r.name, r.expression]))('%s parses without syntax errors', (_name, expression) => {
    expect(parsePromql(expression).errors).toEqual([]);
  });

  test.each(set.rules.map((r) => [r.name, r.expression]))('%s reads only metrics listed for this version', (_name, expression) => {
    const known = knownMetrics(version);
    const names = metricNames(expression);

    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !known.has(name))).toEqual([]);
  });

  test('never reads a metric of the other version', () => {
    const other = VERSIONS.find((v) => v !== version)!;
    const otherOnly = new Set(other.catalog.map((m) => m.name));
    const used = set.rules.flatMap((r) => metricNames(r.expression));

    expect(used.filter((name) => otherOnly.has(name))).toEqual([]);
  });

  test('applies the MinIO selector to every MinIO series and up, and the other selectors to theirs', () => {
    const minio = new Set(version.catalog.map((m) => m.name));
    for (const r of set.rules) {
      for (const selector of parsePromql(r.expression).selectors) {
        if (minio.has(selector.metric) || selector.metric === 'up') {
          expect(selector.matchers).toEqual(['namespace="lake"', 'job=~"minio-.*"']);
        } else if (selector.metric.startsWith('certmanager_')) {
          expect(selector.matchers).toEqual(['exported_namespace="lake"']);
        } else {
          expect(selector.matchers).toEqual(['job="lake-mirror"']);
        }
      }
    }
  });

  test('keeps the deployment labels in every aggregation', () => {
    for (const r of set.rules) {
      for (const grouping of parsePromql(r.expression).groupings) {
        expect(grouping.slice(0, 3)).toEqual(['cluster', 'namespace', 'job']);
      }
    }
  });

  test('groups erasure-set alerts by the version\'s own pool and set labels', () => {
    const [pool, setLabel] = version.names.erasureSetLabels;
    const lost = set.rules.find((r) => r.name === 'MinioErasureSetWriteQuorumLost')!;

    expect(parsePromql(lost.expression).groupings[0]).toEqual(['cluster', 'namespace', 'job', pool, setLabel]);
    expect(lost.summary).toContain(`{{ $labels.${pool} }}`);
  });

  test('has a summary, description and runbook for every rule, and unique names', () => {
    for (const r of set.rules) {
      expect(r.summary.length).toBeGreaterThan(10);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.runbook.length).toBeGreaterThan(40);
    }
    expect(new Set(set.rules.map((r) => r.name)).size).toBe(set.rules.length);
  });

  test('is deterministic', () => {
    expect(JSON.stringify(minioAlertRules({ ...EVERYTHING, metricsVersion: version }))).toBe(JSON.stringify(set));
  });
});

describe('minioAlertRules defaults', () => {
  test('v2 covers every concern, with the severities chosen for each', () => {
    const set = minioAlertRules();

    expect(set.name).toBe('minio-alerts');
    expect(set.metricsVersion).toBe(MinioMetricsVersion.V2);
    expect(set.rules.map((r) => [r.name, r.severity.azureSeverity, r.severity.label, r.pendingFor.toSeconds()])).toEqual([
      ['MinioErasureSetWriteQuorumLost', 0, 'critical', 60],
      ['MinioErasureSetWriteQuorumAtRisk', 1, 'error', 300],
      ['MinioNodesOffline', 1, 'error', 300],
      ['MinioDrivesOffline', 2, 'warning', 300],
      ['MinioHealingBacklog', 2, 'warning', 86400],
      ['MinioCapacityLow', 2, 'warning', 900],
      ['MinioCapacityCritical', 1, 'error', 300],
      ['MinioCapacityFillForecast', 2, 'warning', 3600],
      ['MinioKmsUnreachable', 0, 'critical', 300],
      ['MinioKmsErrors', 2, 'warning', 600],
      ['MinioCertificateExpiringSoon', 2, 'warning', 3600],
      ['MinioCertificateExpiryImminent', 1, 'error', 600],
      ['MinioMetricsAbsent', 2, 'warning', 600],
    ]);
  });

  test('v3 leaves out the KMS alerts: metrics v3 has no KMS metrics', () => {
    const names = minioAlertRules({ metricsVersion: MinioMetricsVersion.V3 }).rules.map((r) => r.name);

    expect(names).not.toContain('MinioKmsUnreachable');
    expect(names).not.toContain('MinioKmsErrors');
    expect(names).toContain('MinioErasureSetWriteQuorumLost');
  });

  test('adds the mirror alert only when a mirror selector is given', () => {
    expect(minioAlertRules().rules.map((r) => r.name)).not.toContain('MinioMirrorFailures');
    expect(rule({ mirrorSelector: [] }, 'MinioMirrorFailures').expression)
      .toBe('sum by (cluster, namespace, job) (increase(mc_mirror_failed_s3ops[15m])) > 0');
  });

  test('watches up only for selected targets: up exists for every target in the workspace', () => {
    expect(minioAlertRules().rules.map((r) => r.name)).not.toContain('MinioScrapeTargetDown');
    expect(rule({ minioSelector: [LabelMatcher.equals('job', 'minio')] }, 'MinioScrapeTargetDown').expression).toBe('up{job="minio"} == 0');
  });

  test('fires when no MinIO metric arrives at all', () => {
    expect(rule({ metricsVersion: MinioMetricsVersion.V3 }, 'MinioMetricsAbsent').expression).toBe('absent(minio_cluster_health_nodes_online_count)');
  });

  test('leaves out certificate alerts when asked', () => {
    expect(minioAlertRules({ certificateAlerts: false }).rules.map((r) => r.name).filter((n) => n.includes('Certificate'))).toEqual([]);
  });

  test('ignores certificates cert-manager reports with expiry 0 (not issued yet)', () => {
    expect(rule({}, 'MinioCertificateExpiringSoon').expression).toBe(
      'certmanager_certificate_expiration_timestamp_seconds > 0 and (certmanager_certificate_expiration_timestamp_seconds - time()) < 1209600');
  });

  test('KMS alerts count connection errors with failures and need zero successes to call the KMS unreachable', () => {
    expect(rule({ groupBy: ['job'] }, 'MinioKmsUnreachable').expression).toBe(
      'sum by (job) (rate(minio_cluster_kms_request_error[5m]) + rate(minio_cluster_kms_request_failure[5m])) > 0 '
      + 'and sum by (job) (rate(minio_cluster_kms_request_success[5m])) == 0');
  });
});

describe('minioAlertRules parameters', () => {
  test('thresholds and durations reach the expressions', () => {
    const options: MinioAlertRulesOptions = {
      groupBy: ['job'],
      capacityWarningFreeRatio: 0.25,
      capacityCriticalFreeRatio: 0.05,
      fillForecastLookback: Duration.hours(12),
      fillForecastHorizon: Duration.days(7),
      writeQuorumSpareDrives: 1,
      healingBacklogAfter: Duration.hours(36),
      kmsErrorRatio: 0.01,
      certificateExpiryWarning: Duration.days(21),
      certificateExpiryCritical: Duration.days(7),
    };

    expect(rule(options, 'MinioCapacityLow').expression).toMatch(/ < 0\.25$/);
    expect(rule(options, 'MinioCapacityCritical').expression).toMatch(/ < 0\.05$/);
    expect(rule(options, 'MinioCapacityFillForecast').expression)
      .toBe('min by (job) (predict_linear(minio_cluster_capacity_usable_free_bytes[12h], 604800)) < 0');
    expect(rule(options, 'MinioErasureSetWriteQuorumAtRisk').expression).toContain(') <= 1) and (');
    expect(rule(options, 'MinioHealingBacklog').pendingFor.toSeconds()).toBe(36 * 3600);
    expect(rule(options, 'MinioKmsErrors').expression).toMatch(/ > 0\.01$/);
    expect(rule(options, 'MinioCertificateExpiringSoon').expression).toMatch(/ < 1814400$/);
    expect(rule(options, 'MinioCertificateExpiryImminent').expression).toMatch(/ < 604800$/);
  });

  test('pendingFor replaces a rule\'s for, omit removes rules, labels reach every rule', () => {
    const set = minioAlertRules({
      pendingFor: { MinioDrivesOffline: Duration.minutes(15) },
      omit: ['MinioMetricsAbsent'],
      labels: { team: 'storage', env: 'prod' },
    });

    expect(set.rules.find((r) => r.name === 'MinioDrivesOffline')!.pendingFor.toSeconds()).toBe(900);
    expect(set.rules.map((r) => r.name)).not.toContain('MinioMetricsAbsent');
    expect(set.rules.every((r) => JSON.stringify(r.labels) === '{"env":"prod","team":"storage"}')).toBe(true);
  });

  test('an empty groupBy aggregates over everything', () => {
    expect(rule({ groupBy: [] }, 'MinioNodesOffline').expression).toBe('max by () (minio_cluster_nodes_offline_total) > 0');
  });
});

describe('minioAlertRules refuses bad parameters', () => {
  test.each<[string, MinioAlertRulesOptions, RegExp]>([
    ['a name that is no DNS label', { name: 'MinIO Alerts' }, /name must be a DNS label .*received 'MinIO Alerts'/],
    ['a ratio of 1', { capacityWarningFreeRatio: 1 }, /capacityWarningFreeRatio must be a fraction between 0 and 1 \(received 1\)/],
    ['a critical ratio above the warning ratio', { capacityCriticalFreeRatio: 0.3 }, /capacityCriticalFreeRatio must be below capacityWarningFreeRatio \(0.2\) \(received 0.3\)/],
    ['a negative spare', { writeQuorumSpareDrives: -1 }, /writeQuorumSpareDrives must be a whole number from 0 to 8/],
    ['a fractional spare', { writeQuorumSpareDrives: 1.5 }, /writeQuorumSpareDrives must be a whole number from 0 to 8/],
    ['an evaluation interval above 15 minutes', { evaluationInterval: Duration.minutes(20) }, /evaluationInterval must be a whole number of seconds between 1 and 15 minutes \(received '1200000ms'\)/],
    ['a fractional forecast horizon', { fillForecastHorizon: Duration.millis(3_600_500) }, /fillForecastHorizon must be a whole number of seconds/],
    ['a critical expiry longer than the warning', { certificateExpiryCritical: Duration.days(20) }, /certificateExpiryCritical must be shorter than certificateExpiryWarning \(14d\) \(received '20d'\)/],
    ['a label MinIO sets itself in groupBy', { groupBy: ['namespace', 'server'] }, /groupBy\[1\] is a label MinIO v2 metrics carry themselves \(received 'server'\)/],
    ['a v3 exporter label in groupBy', { metricsVersion: MinioMetricsVersion.V3, groupBy: ['pool_id'] }, /groupBy\[0\] is a label MinIO v3 metrics carry themselves/],
    ['a duplicate in groupBy', { groupBy: ['job', 'job'] }, /groupBy\[1\] is listed twice/],
    ['an invalid label name in groupBy', { groupBy: ['k8s-namespace'] }, /groupBy\[0\] must be a Prometheus label name \(received 'k8s-namespace'\)/],
    ['an unknown alert in omit', { omit: ['MinioKmsDown'] }, /omit names no alert of this rule set \(received 'MinioKmsDown'\): use one of MinioErasureSetWriteQuorumLost/],
    ['a KMS alert in omit for v3', { metricsVersion: MinioMetricsVersion.V3, omit: ['MinioKmsErrors'] }, /omit names no alert of this rule set/],
    ['an unknown alert in pendingFor', { pendingFor: { Nope: Duration.minutes(1) } }, /pendingFor.Nope names no alert of this rule set/],
    ['a pendingFor over 7 days', { pendingFor: { MinioDrivesOffline: Duration.days(8) } }, /pendingFor.MinioDrivesOffline must be a whole number of seconds between 0 and 7 days/],
    ['a severity label', { labels: { severity: 'page' } }, /labels.severity is set by each rule/],
    ['a bad label name', { labels: { 'team-name': 'x' } }, /labels.team-name must be a Prometheus label name/],
    ['a selector that is not a list of matchers', { minioSelector: ['job="x"'] as any }, /minioSelector must be a list of LabelMatcher/],
  ])('%s', (_name, options, message) => {
    expect(() => minioAlertRules(options)).toThrow(ConfigurationError);
    expect(() => minioAlertRules(options)).toThrow(message);
  });
});

describe('LabelMatcher', () => {
  test('writes PromQL matchers with escaped values', () => {
    expect(LabelMatcher.equals('job', 'a"b\\c').toString()).toBe('job="a\\"b\\\\c"');
    expect(LabelMatcher.notEquals('job', 'x').toString()).toBe('job!="x"');
    expect(LabelMatcher.matches('job', 'minio-.*').toString()).toBe('job=~"minio-.*"');
    expect(LabelMatcher.doesNotMatch('job', 'a|b').toString()).toBe('job!~"a|b"');
    expect(parsePromql(`up{${LabelMatcher.equals('job', 'a"b\\c')}}`).errors).toEqual([]);
  });

  test.each<[string, () => LabelMatcher, RegExp]>([
    ['a label name with a dash', () => LabelMatcher.equals('app-name', 'x'), /LabelMatcher: name must be a Prometheus label name/],
    ['the metric name label', () => LabelMatcher.equals('__name__', 'up'), /name selects the metric name/],
    ['a lookahead, which RE2 lacks', () => LabelMatcher.matches('job', '(?!x).*'), /uses lookaround or a backreference/],
    ['a regular expression that does not compile', () => LabelMatcher.matches('job', '(a'), /is not a valid regular expression/],
  ])('refuses %s', (_name, make, message) => {
    expect(make).toThrow(message);
  });
});

test('AlertSeverity maps Azure severities 0-4 to labels', () => {
  expect([AlertSeverity.CRITICAL, AlertSeverity.ERROR, AlertSeverity.WARNING, AlertSeverity.INFORMATIONAL, AlertSeverity.VERBOSE]
    .map((s) => [s.azureSeverity, s.label])).toEqual([[0, 'critical'], [1, 'error'], [2, 'warning'], [3, 'info'], [4, 'verbose']]);
});
