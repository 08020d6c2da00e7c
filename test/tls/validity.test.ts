import { Duration } from 'cdk8s';
import { formatGoDuration } from '../../lib/core/go-duration';

describe('formatGoDuration', () => {
  test.each([
    [Duration.days(90), '2160h'],
    [Duration.days(3650), '87600h'],
    [Duration.hours(1), '1h'],
    [Duration.minutes(90), '1h30m'],
    [Duration.seconds(3725), '1h2m5s'],
    [Duration.minutes(5), '5m'],
    [Duration.seconds(45), '45s'],
    [Duration.seconds(0), '0s'],
  ])('writes %p as %p', (duration, expected) => {
    expect(formatGoDuration(duration)).toBe(expected);
  });
});
