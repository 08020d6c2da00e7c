import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { reject } from './errors';

/**
 * Writes `duration` the way Go's `time.ParseDuration` reads it (`2160h`, `1h30m`, `45s`), the format of
 * cert-manager's durations and External Secrets' `refreshInterval`. Hours are the largest unit on purpose: Go
 * durations have no days. Fractions of a second are rounded: callers validate whole seconds where it matters.
 */
export function formatGoDuration(duration: Duration): string {
  const totalSeconds = Math.round(duration.toMilliseconds() / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = `${hours > 0 ? `${hours}h` : ''}${minutes > 0 ? `${minutes}m` : ''}${seconds > 0 ? `${seconds}s` : ''}`;
  return parts === '' ? '0s' : parts;
}

/** Rejects `duration` unless it is a whole, non-negative number of seconds, and formats it as a Go duration. */
export function toGoDuration(scope: IConstruct, field: string, duration: Duration): string {
  const millis = duration.toMilliseconds();
  if (millis < 0 || millis % 1000 !== 0) {
    reject(scope, field, `${millis}ms`, 'must be a whole, non-negative number of seconds',
      'use Duration.seconds(), Duration.minutes() or Duration.hours() with a whole number');
  }
  return formatGoDuration(duration);
}
