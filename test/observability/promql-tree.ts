import { parser } from '@prometheus-io/lezer-promql';

/** A vector selector found in an expression: its metric name and its label matchers as written. */
export interface ParsedSelector {
  readonly metric: string;
  readonly matchers: string[];
}

/** What the Prometheus project's own PromQL grammar makes of an expression. */
export interface ParsedExpression {
  /** Syntax errors: nodes the parser had to insert or skip. */
  readonly errors: string[];
  readonly selectors: ParsedSelector[];
  /** The labels of every `by (...)` clause, one list per aggregation. */
  readonly groupings: string[][];
}

/**
 * Parses `expression` with @prometheus-io/lezer-promql and reads metric names from the syntax tree: the `Identifier`
 * of each `VectorSelector`, never a regular expression over the text.
 */
export function parsePromql(expression: string): ParsedExpression {
  const tree = parser.parse(expression);
  const errors: string[] = [];
  const selectors: ParsedSelector[] = [];
  const groupings: string[][] = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(`at ${node.from}: '${expression.slice(node.from, node.to + 10)}'`);
      if (node.name === 'VectorSelector') {
        const identifier = node.node.getChild('Identifier');
        const matchers = node.node.getChild('LabelMatchers');
        selectors.push({
          metric: identifier === null ? '' : expression.slice(identifier.from, identifier.to),
          matchers: matchers === null ? [] : matchers.getChildren('UnquotedLabelMatcher').map((m) => expression.slice(m.from, m.to)),
        });
      }
      if (node.name === 'AggregateModifier') {
        const labels = node.node.getChild('GroupingLabels');
        groupings.push(labels === null ? [] : labels.getChildren('LabelName').map((l) => expression.slice(l.from, l.to)));
      }
    },
  });
  return { errors, selectors, groupings };
}

/** The metric names an expression reads. */
export function metricNames(expression: string): string[] {
  return [...new Set(parsePromql(expression).selectors.map((s) => s.metric))].sort();
}
