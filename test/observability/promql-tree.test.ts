import { metricNames, parsePromql } from './promql-tree';

describe('parsePromql (the test helper)', () => {
  test('reports syntax errors', () => {
    expect(parsePromql('sum(rate(x[5m])').errors.length).toBeGreaterThan(0);
    expect(parsePromql('up{job="a"').errors.length).toBeGreaterThan(0);
    expect(parsePromql('up == ').errors.length).toBeGreaterThan(0);
  });

  test('reads metric names from selectors only, not from function names, labels or strings', () => {
    expect(metricNames('histogram_quantile(0.9, sum by (le) (rate(a_total{job="b_total"}[5m]))) / on (job) c and time() > 0'))
      .toEqual(['a_total', 'c']);
  });

  test('reads matchers and grouping labels', () => {
    const parsed = parsePromql('max by (x, y) (m{a="1", b=~"2"})');

    expect(parsed.selectors).toEqual([{ metric: 'm', matchers: ['a="1"', 'b=~"2"'] }]);
    expect(parsed.groupings).toEqual([['x', 'y']]);
  });
});
