import { Duration } from 'cdk8s';
import { LabelMatcher } from '../../lib/observability';
import { by, isoDuration, prometheusDuration, selector } from '../../lib/observability/promql';

describe('PromQL and ISO 8601 formatting', () => {
  test.each([
    [Duration.seconds(0), '0s', 'PT0S'],
    [Duration.seconds(90), '1m30s', 'PT1M30S'],
    [Duration.minutes(5), '5m', 'PT5M'],
    [Duration.hours(36), '1d12h', 'PT36H'],
    [Duration.days(14), '14d', 'PT336H'],
  ])('%p is %s and %s', (duration, prometheus, iso) => {
    expect(prometheusDuration(duration)).toBe(prometheus);
    expect(isoDuration(duration)).toBe(iso);
  });

  test('writes selectors and groupings', () => {
    expect(selector('up', [])).toBe('up');
    expect(selector('up', [LabelMatcher.equals('job', 'a'), LabelMatcher.notEquals('pod', 'b')])).toBe('up{job="a", pod!="b"}');
    expect(by(['cluster', 'job'])).toBe('by (cluster, job)');
  });
});
