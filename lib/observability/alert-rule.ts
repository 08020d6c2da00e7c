import { Duration } from 'cdk8s';
import { AlertSeverity } from './alert-severity';
import { MinioMetricsVersion } from './metrics-version';

/** One alert, independent of where it is deployed; the renderers turn it into Azure or prometheus-operator rules. */
export interface AlertRule {
  /** The alert name, unique in its set. */
  readonly name: string;
  /** The PromQL expression; every series it returns is a firing alert. */
  readonly expression: string;
  /** How long the expression must keep returning a series before the alert fires (`for`). */
  readonly pendingFor: Duration;
  /** How bad it is. */
  readonly severity: AlertSeverity;
  /** One line for the notification title; may use `{{ $labels.x }}` and `{{ $value }}`. */
  readonly summary: string;
  /** What is wrong and what it means, for the notification body. */
  readonly description: string;
  /** What to do: the runbook paragraph. */
  readonly runbook: string;
  /** Labels added to every alert of this rule, beside `severity`. */
  readonly labels: Readonly<Record<string, string>>;
}

/** A named, ordered set of alert rules evaluated together. */
export interface AlertRuleSet {
  /** The group name, also the default name of the rendered Azure rule group and PrometheusRule. */
  readonly name: string;
  /** The MinIO metrics version the expressions read. */
  readonly metricsVersion: MinioMetricsVersion;
  /** How often the group is evaluated. */
  readonly evaluationInterval: Duration;
  /** The rules, in evaluation order. */
  readonly rules: readonly AlertRule[];
}
