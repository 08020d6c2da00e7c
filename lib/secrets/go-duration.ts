import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { reject } from '../core/errors';

/**
 * Writes `duration` the way Go's `time.ParseDuration` reads it (`1h`, `1h30m`, `45s`), the format of
 * External Secrets' `refreshInterval`. Whole seconds only: the controller works at that resolution.
 */
export function toGoDuration(scope: IConstruct, field: string, duration: Duration): string {
  const millis = duration.toMilliseconds();
  if (millis < 0 || millis % 1000 !== 0) {
    reject(scope, field, `${millis}ms`, 'must be a whole, non-negative number of seconds',
      'use Duration.seconds(), Duration.minutes() or Duration.hours() with a whole number');
  }
  const total = millis / 1000;
  if (total === 0) return '0s';
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${hours > 0 ? `${hours}h` : ''}${minutes > 0 ? `${minutes}m` : ''}${seconds > 0 ? `${seconds}s` : ''}`;
}
