import { minioAlertRules, prometheusRuleManifest } from '../../lib/observability';
import { parsePromql } from './promql-tree';

/**
 * The PrometheusRule CRD is not vendored; these are the constraints of its v1 schema (prometheus-operator
 * example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml) that this output touches.
 */
const CRD_DURATION = /^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$/;
const RULE_FIELDS = ['alert', 'annotations', 'expr', 'for', 'keep_firing_for', 'labels', 'record'];
const GROUP_FIELDS = ['interval', 'labels', 'limit', 'name', 'partial_response_strategy', 'query_offset', 'rules'];

describe('prometheusRuleManifest', () => {
  const set = minioAlertRules({ labels: { team: 'storage' } });
  const manifest = prometheusRuleManifest(set, { namespace: 'monitoring', labels: { release: 'kube-prometheus-stack' } });

  test('is a monitoring.coreos.com/v1 PrometheusRule named after the set', () => {
    expect(manifest.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(manifest.kind).toBe('PrometheusRule');
    expect(manifest.metadata).toEqual({ name: 'minio-alerts', namespace: 'monitoring', labels: { release: 'kube-prometheus-stack' } });
    expect(Object.keys(manifest)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });

  test('has one group whose fields and durations the CRD schema accepts', () => {
    expect(manifest.spec.groups).toHaveLength(1);
    const group = manifest.spec.groups[0];
    expect(Object.keys(group).filter((k) => !GROUP_FIELDS.includes(k))).toEqual([]);
    expect(group.name).toBe('minio-alerts');
    expect(group.interval).toMatch(CRD_DURATION);
    for (const rule of group.rules) {
      expect(Object.keys(rule).filter((k) => !RULE_FIELDS.includes(k))).toEqual([]);
      expect(rule.for).toMatch(CRD_DURATION);
      expect(typeof rule.expr).toBe('string');
      expect(Object.values(rule.labels).every((v) => typeof v === 'string')).toBe(true);
      expect(Object.values(rule.annotations).every((v) => typeof v === 'string')).toBe(true);
    }
  });

  test('maps every alert rule 1:1 with its severity label and texts', () => {
    const rules = manifest.spec.groups[0].rules;

    expect(rules.map((r: any) => r.alert)).toEqual(set.rules.map((r) => r.name));
    rules.forEach((rule: any, index: number) => {
      const source = set.rules[index];
      expect(rule.expr).toBe(source.expression);
      expect(parsePromql(rule.expr).errors).toEqual([]);
      expect(rule.labels).toEqual({ severity: source.severity.label, team: 'storage' });
      expect(rule.annotations.runbook).toBe(source.runbook);
    });
    expect(rules.find((r: any) => r.alert === 'MinioHealingBacklog').for).toBe('1d');
    expect(rules.find((r: any) => r.alert === 'MinioNodesOffline').for).toBe('5m');
  });

  test('takes another name and leaves labels out when none are given', () => {
    const other = prometheusRuleManifest(set, { namespace: 'monitoring', name: 'lake-alerts' });

    expect(other.metadata).toEqual({ name: 'lake-alerts', namespace: 'monitoring' });
  });

  test.each([
    [{ namespace: 'Monitoring' }, /prometheusRuleManifest: namespace must be a DNS label/],
    [{ namespace: 'monitoring', name: 'minio_alerts' }, /prometheusRuleManifest: name must be a DNS label .*received 'minio_alerts'/],
  ])('refuses %p', (options, message) => {
    expect(() => prometheusRuleManifest(set, options)).toThrow(message);
  });
});

test.each([
  [{ 'bad key!': 'x' }, /labels has a key that is not a Kubernetes label name \(received 'bad key!'\)/],
  [{ 'Example.com/team': 'x' }, /labels has a key that is not a Kubernetes label name/],
  [{ release: 'not valid' }, /labels.release is not a Kubernetes label value \(received 'not valid'\)/],
])('prometheusRuleManifest refuses labels %p', (labels, message) => {
  expect(() => prometheusRuleManifest(minioAlertRules(), { namespace: 'monitoring', labels })).toThrow(message);
});

test('prometheusRuleManifest accepts prefixed label keys and empty values', () => {
  const manifest = prometheusRuleManifest(minioAlertRules(), { namespace: 'monitoring', labels: { 'example.com/team': 'storage', empty: '' } });

  expect(manifest.metadata.labels).toEqual({ 'example.com/team': 'storage', empty: '' });
});
