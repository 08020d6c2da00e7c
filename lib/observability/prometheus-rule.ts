import { ConfigurationError } from '../core/errors';
import { isDnsLabel, isDnsSubdomain } from '../core/names';
import { AlertRuleSet } from './alert-rule';
import { ruleAnnotations, ruleLabels } from './azure-rule-group';
import { prometheusDuration } from './promql';

/** Options of {@link prometheusRuleManifest}. */
export interface PrometheusRuleManifestOptions {
  /** Namespace of the PrometheusRule; the Prometheus' `ruleNamespaceSelector` must include it. */
  readonly namespace: string;

  /**
   * Name of the PrometheusRule.
   *
   * @default - the rule set's name
   */
  readonly name?: string;

  /**
   * Labels on the PrometheusRule, for the Prometheus' `ruleSelector` (kube-prometheus-stack selects `release: <name>`).
   *
   * @default - none
   */
  readonly labels?: Record<string, string>;
}

/** Kubernetes label name part and value (apimachinery validation `IsQualifiedName`, `IsValidLabelValue`). */
const LABEL_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/**
 * The rule set as a prometheus-operator `monitoring.coreos.com/v1` PrometheusRule, for teams that run their own
 * Prometheus. One group, named after the set; `for` and `interval` in Prometheus duration syntax.
 */
export function prometheusRuleManifest(set: AlertRuleSet, options: PrometheusRuleManifestOptions): Record<string, any> {
  const name = options.name ?? set.name;
  for (const [field, value] of [['namespace', options.namespace], ['name', name]] as const) {
    if (typeof value !== 'string' || !isDnsLabel(value)) {
      throw new ConfigurationError('prometheusRuleManifest', field, value, 'must be a DNS label (lower-case letters, digits and dashes, at most 63 characters)',
        'choose a Kubernetes name such as minio-alerts');
    }
  }
  for (const [key, value] of Object.entries(options.labels ?? {})) {
    const [prefix, labelName] = key.includes('/') ? key.split(/\/(.*)/s) : [undefined, key];
    if ((prefix !== undefined && !isDnsSubdomain(prefix)) || !LABEL_PART.test(labelName)) {
      throw new ConfigurationError('prometheusRuleManifest', 'labels', key, 'has a key that is not a Kubernetes label name',
        'use an optional DNS prefix and a name of at most 63 letters, digits, dashes, dots or underscores');
    }
    if (typeof value !== 'string' || (value !== '' && !LABEL_PART.test(value))) {
      throw new ConfigurationError('prometheusRuleManifest', `labels.${key}`, value, 'is not a Kubernetes label value',
        'use at most 63 letters, digits, dashes, dots or underscores, starting and ending with a letter or digit');
    }
  }
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: {
      name,
      namespace: options.namespace,
      ...(options.labels === undefined ? {} : { labels: { ...options.labels } }),
    },
    spec: {
      groups: [{
        name: set.name,
        interval: prometheusDuration(set.evaluationInterval),
        rules: set.rules.map((rule) => ({
          alert: rule.name,
          expr: rule.expression,
          for: prometheusDuration(rule.pendingFor),
          labels: ruleLabels(rule),
          annotations: ruleAnnotations(rule),
        })),
      }],
    },
  };
}
