import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { formatGoDuration } from '../core/go-duration';

/** The shortest certificate lifetime cert-manager accepts. */
export const MINIMUM_CERTIFICATE_DURATION = Duration.hours(1);

/** The shortest renewal margin cert-manager accepts. */
export const MINIMUM_RENEW_BEFORE = Duration.minutes(5);

/** Rejects `value` unless it is a whole number of seconds and at least `minimum` long. */
export function requireDurationAtLeast(scope: IConstruct, field: string, value: Duration, minimum: Duration): void {
  const millis = value.toMilliseconds();
  if (!Number.isInteger(millis / 1000)) {
    reject(scope, field, value.toHumanString(), 'must be a whole number of seconds',
      'use Duration.hours(), Duration.minutes() or Duration.seconds() with whole amounts');
  }
  if (millis < minimum.toMilliseconds()) {
    reject(scope, field, formatGoDuration(value), `must be at least ${formatGoDuration(minimum)}, the least cert-manager accepts`,
      `raise it to ${formatGoDuration(minimum)} or more`);
  }
}

/** Rejects a `renewBefore` that is not shorter than the certificate's `duration`. */
export function requireRenewBeforeShorter(
  scope: IConstruct, renewBefore: Duration, renewBeforeField: string, duration: Duration, durationField: string,
): void {
  if (renewBefore.toMilliseconds() >= duration.toMilliseconds()) {
    reject(scope, renewBeforeField, formatGoDuration(renewBefore),
      `must be shorter than ${durationField} (${formatGoDuration(duration)}), or the certificate is renewed without end`,
      `lower ${renewBeforeField} or raise ${durationField}; a third of the lifetime is a common choice`);
  }
}
