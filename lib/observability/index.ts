export * from './prometheus-token';
export * from './metric-catalog';
export * from './metrics-version';
export { LabelMatcher } from './label-matcher';
export * from './alert-severity';
export * from './alert-rule';
export * from './alert-rules';
export {
  AZURE_PROMETHEUS_RULE_GROUP_API_VERSION, AZURE_PROMETHEUS_RULE_GROUP_TYPE, azurePrometheusRuleGroup, azureRuleGroupArmTemplate,
} from './azure-rule-group';
export type { AzurePrometheusRule, AzurePrometheusRuleGroup, AzureRuleGroupOptions, AzureRuleGroupTargets } from './azure-rule-group';
export * from './prometheus-rule';
export * from './grafana-dashboard';
