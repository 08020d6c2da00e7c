import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { reject } from '../core/errors';

/** The shortest certificate lifetime cert-manager accepts. */
export const MINIMUM_CERTIFICATE_DURATION = Duration.hours(1);

/** The shortest renewal margin cert-manager accepts. */
export const MINIMUM_RENEW_BEFORE = Duration.minutes(5);

/**
 * Writes `duration` the way cert-manager parses it (a Go duration such as `2160h` or `1h30m`).
 *
 * Hours are the largest unit on purpose: Go durations have no days, and `2160h` reads the same in every
 * cert-manager version.
 */
export function toGoDuration(duration: Duration): string {
  const totalSeconds = Math.round(duration.toMilliseconds() / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [
    hours > 0 ? `${hours}h` : '',
    minutes > 0 ? `${minutes}m` : '',
    seconds > 0 ? `${seconds}s` : '',
  ].join('');
  return parts === '' ? '0s' : parts;
}

/** Rejects `value` unless it is a whole number of seconds and at least `minimum` long. */
export function requireDurationAtLeast(scope: IConstruct, field: string, value: Duration, minimum: Duration): void {
  const millis = value.toMilliseconds();
  if (!Number.isInteger(millis / 1000)) {
    reject(scope, field, value.toHumanString(), 'must be a whole number of seconds',
      'use Duration.hours(), Duration.minutes() or Duration.seconds() with whole amounts');
  }
  if (millis < minimum.toMilliseconds()) {
    reject(scope, field, toGoDuration(value), `must be at least ${toGoDuration(minimum)}, the least cert-manager accepts`,
      `raise it to ${toGoDuration(minimum)} or more`);
  }
}

/** Rejects a `renewBefore` that is not shorter than the certificate's `duration`. */
export function requireRenewBeforeShorter(
  scope: IConstruct, renewBefore: Duration, renewBeforeField: string, duration: Duration, durationField: string,
): void {
  if (renewBefore.toMilliseconds() >= duration.toMilliseconds()) {
    reject(scope, renewBeforeField, toGoDuration(renewBefore),
      `must be shorter than ${durationField} (${toGoDuration(duration)}), or the certificate is renewed without end`,
      `lower ${renewBeforeField} or raise ${durationField}; a third of the lifetime is a common choice`);
  }
}
