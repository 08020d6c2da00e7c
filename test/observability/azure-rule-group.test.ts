import { Duration } from 'cdk8s';
import { ConfigurationError } from '../../lib/core/errors';
import {
  AZURE_PROMETHEUS_RULE_GROUP_API_VERSION, AZURE_PROMETHEUS_RULE_GROUP_TYPE, azurePrometheusRuleGroup, azureRuleGroupArmTemplate,
  LabelMatcher, minioAlertRules, MinioMetricsVersion,
} from '../../lib/observability';

/** The properties of a rule in PrometheusRuleGroups.json 2023-03-01 (azure-rest-api-specs), definition PrometheusRule. */
const AZURE_RULE_PROPERTIES = ['record', 'alert', 'enabled', 'expression', 'labels', 'severity', 'for', 'annotations', 'actions', 'resolveConfiguration'];
const ISO_DURATION = /^PT(\d+H)?(\d+M)?(\d+S)?$/;

const set = minioAlertRules({ minioSelector: [LabelMatcher.equals('namespace', 'lake')], labels: { team: 'storage' } });

function isoSeconds(iso: string): number {
  const [, h, m, s] = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso)!;
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}

describe('azureRuleGroupArmTemplate', () => {
  const template = azureRuleGroupArmTemplate(set) as any;
  const text = JSON.stringify(template, null, 2);

  test('is plain JSON (survives a round trip unchanged) with the deployment template schema', () => {
    expect(JSON.parse(text)).toEqual(template);
    expect(template.$schema).toBe('https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#');
    expect(template.contentVersion).toBe('1.0.0.0');
  });

  test('creates one resource of the documented type and API version', () => {
    expect(template.resources).toHaveLength(1);
    expect(template.resources[0].type).toBe('Microsoft.AlertsManagement/prometheusRuleGroups');
    expect(template.resources[0].apiVersion).toBe('2023-03-01');
    expect([AZURE_PROMETHEUS_RULE_GROUP_TYPE, AZURE_PROMETHEUS_RULE_GROUP_API_VERSION]).toEqual(['Microsoft.AlertsManagement/prometheusRuleGroups', '2023-03-01']);
  });

  test('takes workspace, cluster, location, action group and name as parameters', () => {
    expect(Object.keys(template.parameters).sort()).toEqual(
      ['actionGroupResourceId', 'azureMonitorWorkspaceResourceId', 'clusterName', 'clusterResourceId', 'location', 'ruleGroupName']);
    expect(template.parameters.azureMonitorWorkspaceResourceId.defaultValue).toBeUndefined();
    expect(template.parameters.clusterResourceId.defaultValue).toBeUndefined();
    expect(template.parameters.actionGroupResourceId.defaultValue).toBe('');
    const resource = template.resources[0];
    expect(resource.name).toBe("[parameters('ruleGroupName')]");
    expect(resource.location).toBe("[parameters('location')]");
    expect(resource.properties.scopes).toEqual(["[parameters('azureMonitorWorkspaceResourceId')]", "[parameters('clusterResourceId')]"]);
    expect(resource.properties.clusterName).toBe("[parameters('clusterName')]");
  });

  test('notifies the action group only when one is given', () => {
    expect(template.variables.actions).toBe(
      "[if(empty(parameters('actionGroupResourceId')), createArray(), createArray(createObject('actionGroupId', parameters('actionGroupResourceId'))))]");
    expect(template.resources[0].properties.rules.every((r: any) => r.actions === "[variables('actions')]")).toBe(true);
  });

  test('maps every alert rule 1:1, in order', () => {
    const rules = template.resources[0].properties.rules;

    expect(rules).toHaveLength(set.rules.length);
    rules.forEach((azure: any, index: number) => {
      const source = set.rules[index];
      expect(Object.keys(azure).filter((key) => !AZURE_RULE_PROPERTIES.includes(key))).toEqual([]);
      expect(azure.alert).toBe(source.name);
      expect(azure.expression).toBe(source.expression);
      expect(azure.for).toMatch(ISO_DURATION);
      expect(isoSeconds(azure.for)).toBe(source.pendingFor.toSeconds());
      expect(azure.severity).toBe(source.severity.azureSeverity);
      expect(azure.enabled).toBe(true);
      expect(azure.labels).toEqual({ severity: source.severity.label, team: 'storage' });
      expect(azure.annotations).toEqual({ summary: source.summary, description: source.description, runbook: source.runbook });
      expect(azure.resolveConfiguration).toEqual({ autoResolved: true, timeToResolve: 'PT10M' });
    });
  });

  test('evaluates every minute and writes a day as PT24H', () => {
    expect(template.resources[0].properties.interval).toBe('PT1M');
    expect(template.resources[0].properties.rules.find((r: any) => r.alert === 'MinioHealingBacklog').for).toBe('PT24H');
  });

  test('is deterministic', () => {
    expect(JSON.stringify(azureRuleGroupArmTemplate(set), null, 2)).toBe(text);
  });
});

describe('azurePrometheusRuleGroup (data for Pulumi)', () => {
  test('carries the targets as given, whatever their type', () => {
    const workspace = { id: 'ws' };
    const cluster = { id: 'aks' };
    const group = azurePrometheusRuleGroup(set, { workspaceId: workspace, clusterId: cluster, clusterName: { id: 'name' }, actionGroupId: { id: 'ag' } });

    expect(group.ruleGroupName).toBe('minio-alerts');
    expect(group.scopes[0]).toBe(workspace);
    expect(group.scopes[1]).toBe(cluster);
    expect(group.rules.every((r) => r.actions.length === 1 && r.actions[0].actionGroupId.id === 'ag')).toBe(true);
    expect(group.description).toBe('MinIO alerts (metrics v2), generated by minio-aks');
  });

  test('has no actions without an action group, and takes resolveAfter', () => {
    const group = azurePrometheusRuleGroup(minioAlertRules({ metricsVersion: MinioMetricsVersion.V3 }),
      { workspaceId: 'w', clusterId: 'c', clusterName: 'n' }, { resolveAfter: Duration.minutes(15) });

    expect(group.rules.every((r) => r.actions.length === 0 && r.resolveConfiguration.timeToResolve === 'PT15M')).toBe(true);
    expect(group.description).toContain('metrics v3');
  });

  test.each([Duration.seconds(30), Duration.minutes(16), Duration.millis(90_500)])('refuses resolveAfter %p', (resolveAfter) => {
    expect(() => azurePrometheusRuleGroup(set, { workspaceId: 'w', clusterId: 'c', clusterName: 'n' }, { resolveAfter }))
      .toThrow(/azurePrometheusRuleGroup: resolveAfter must be a whole number of seconds between 1 and 15 minutes/);
  });

  test('refuses a set Azure cannot hold in one group', () => {
    const big = { ...set, rules: Array.from({ length: 21 }, () => set.rules[0]) };

    expect(() => azurePrometheusRuleGroup(big, { workspaceId: 'w', clusterId: 'c', clusterName: 'n' })).toThrow(ConfigurationError);
    expect(() => azurePrometheusRuleGroup({ ...set, rules: [] }, { workspaceId: 'w', clusterId: 'c', clusterName: 'n' }))
      .toThrow(/rules must number 1 to 20 in one Azure rule group \(received 0\)/);
  });
});
