import { ConfigurationError } from '../core/errors';

/** Prometheus label names (prometheus/common model `LabelNameRE`, the legacy name rule every exporter here meets). */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Regular expression syntax that JavaScript accepts but Prometheus' RE2 does not, so a matcher that compiles here
 * would still be refused by Prometheus: lookaround and backreferences.
 */
const NOT_RE2 = /\(\?<?[=!]|\\[1-9]|\\k</;

/**
 * One label matcher of a PromQL selector, such as `namespace="minio-lake"` or `job=~"minio-.*"`.
 *
 * Values are written as PromQL string literals (escaped), so any value is safe to pass.
 */
export class LabelMatcher {
  /** `name="value"` */
  public static equals(name: string, value: string): LabelMatcher {
    return new LabelMatcher(name, '=', value);
  }

  /** `name!="value"` */
  public static notEquals(name: string, value: string): LabelMatcher {
    return new LabelMatcher(name, '!=', value);
  }

  /** `name=~"regex"`: the whole value must match (Prometheus anchors the expression). */
  public static matches(name: string, regex: string): LabelMatcher {
    return new LabelMatcher(name, '=~', regex);
  }

  /** `name!~"regex"` */
  public static doesNotMatch(name: string, regex: string): LabelMatcher {
    return new LabelMatcher(name, '!~', regex);
  }

  private constructor(
    /** The label name. */
    public readonly name: string,
    /** The PromQL operator: `=`, `!=`, `=~` or `!~`. */
    public readonly operator: string,
    /** The value or regular expression, unescaped. */
    public readonly value: string,
  ) {
    checkLabelName('LabelMatcher', 'name', name);
    if (name === '__name__') {
      throw new ConfigurationError('LabelMatcher', 'name', name, 'selects the metric name, which the rules choose themselves',
        'match on a label such as job or namespace');
    }
    if (typeof value !== 'string') {
      throw new ConfigurationError('LabelMatcher', 'value', value, 'must be a string', 'pass the label value as text');
    }
    if (operator.includes('~')) checkRegex(value);
  }

  /** The matcher in PromQL syntax. */
  public toString(): string {
    return `${this.name}${this.operator}${JSON.stringify(this.value)}`;
  }
}

/** Throws unless `name` is a Prometheus label name. */
export function checkLabelName(where: string, field: string, name: string): void {
  if (typeof name !== 'string' || !LABEL_NAME.test(name)) {
    throw new ConfigurationError(where, field, name, 'must be a Prometheus label name',
      'use letters, digits and underscores, not starting with a digit');
  }
}

function checkRegex(regex: string): void {
  if (NOT_RE2.test(regex)) {
    throw new ConfigurationError('LabelMatcher', 'value', regex, 'uses lookaround or a backreference, which Prometheus (RE2) does not support',
      'write the expression without (?=, (?!, (?<=, (?<! or \\1');
  }
  try {
    new RegExp(regex);
  } catch {
    throw new ConfigurationError('LabelMatcher', 'value', regex, 'is not a valid regular expression', 'fix the expression');
  }
}
