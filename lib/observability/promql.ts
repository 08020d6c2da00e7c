import { Duration } from 'cdk8s';
import { LabelMatcher } from './label-matcher';

/** `metric{matchers}`, or the bare metric name without matchers. */
export function selector(metric: string, matchers: readonly LabelMatcher[]): string {
  return matchers.length === 0 ? metric : `${metric}{${matchers.join(', ')}}`;
}

/** `by (a, b)` for an aggregation. */
export function by(labels: readonly string[]): string {
  return `by (${labels.join(', ')})`;
}

const UNITS: ReadonlyArray<readonly [string, number]> = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];

/**
 * A whole number of seconds as a Prometheus duration (`5m`, `1d12h`): the syntax of PromQL range selectors and of
 * rule `for` fields (prometheus/common model.ParseDuration, and the pattern of the PrometheusRule CRD).
 */
export function prometheusDuration(duration: Duration): string {
  let rest = duration.toSeconds();
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.length === 0 ? '0s' : parts.join('');
}

/**
 * A whole number of seconds as an ISO 8601 duration in hours, minutes and seconds (`PT5M`, `PT36H`): the format
 * Azure documents for rule `for`, `timeToResolve` and the group `interval`.
 */
export function isoDuration(duration: Duration): string {
  const seconds = duration.toSeconds();
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${rest > 0 ? `${rest}S` : ''}`;
  return `PT${parts === '' ? '0S' : parts}`;
}
