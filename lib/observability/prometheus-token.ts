import { createHmac } from 'node:crypto';
import { Duration } from 'cdk8s';
import { ConfigurationError } from '../core/errors';

/**
 * The issuer MinIO requires: its metrics middleware refuses any token whose `iss` is not `prometheus`
 * (minio/minio cmd/metrics.go, `AuthMiddleware`: `claims.VerifyIssuer("prometheus", true)`).
 */
export const PROMETHEUS_TOKEN_ISSUER = 'prometheus';

/**
 * The longest lifetime accepted: the 100 years that `mc admin prometheus generate` gives its own tokens
 * (minio/mc cmd/admin-prometheus-generate.go, `defaultPrometheusJWTExpiry`).
 */
export const MAX_PROMETHEUS_TOKEN_LIFETIME = Duration.days(100 * 365);

/** Shortest access and secret keys MinIO accepts (minio/minio internal/auth/credentials.go, `accessKeyMinLen`, `secretKeyMinLen`). */
const ACCESS_KEY_MIN_LENGTH = 3;
const SECRET_KEY_MIN_LENGTH = 8;

const WHERE = 'mintPrometheusToken';

/** What {@link mintPrometheusToken} needs. */
export interface PrometheusTokenOptions {
  /**
   * Access key of the MinIO user (or service account) the scraper acts as. The user needs the
   * `admin:Prometheus` action; MinIO answers 403 otherwise.
   */
  readonly accessKey: string;

  /** Secret key of that user: the HMAC key of the token. Never written anywhere by this function. */
  readonly secretKey: string;

  /** How long the token stays valid, in whole seconds, at most {@link MAX_PROMETHEUS_TOKEN_LIFETIME}. */
  readonly lifetime: Duration;

  /**
   * The moment the lifetime counts from.
   *
   * @default the current time
   */
  readonly issuedAt?: Date;
}

/**
 * Mints the bearer token MinIO's metrics endpoints accept when `MINIO_PROMETHEUS_AUTH_TYPE` is `jwt` (the default).
 *
 * The token is the one `mc admin prometheus generate` makes (minio/mc cmd/utils.go, `getPrometheusToken`): an HS512
 * JWT with the registered claims `iss` = `prometheus`, `sub` = the access key and `exp`, signed with the user's secret
 * key. MinIO reads the access key from `sub`, looks up that user's secret key, checks the HMAC and the expiry
 * (minio/minio cmd/jwt.go `metricsRequestAuthenticate`, internal/jwt/parser.go `ParseWithClaims`).
 *
 * The result is a secret: store it in a Secret, never in a manifest.
 *
 * @throws ConfigurationError for keys MinIO would never accept or a lifetime that is not a whole, positive number
 *   of seconds; the message never contains the secret key
 */
export function mintPrometheusToken(options: PrometheusTokenOptions): string {
  const { accessKey, secretKey, lifetime } = options;
  if (typeof accessKey !== 'string' || accessKey.length < ACCESS_KEY_MIN_LENGTH) {
    throw new ConfigurationError(WHERE, 'accessKey', accessKey, `must have at least ${ACCESS_KEY_MIN_LENGTH} characters`,
      'pass the access key of a MinIO user or service account that is allowed admin:Prometheus');
  }
  if (typeof secretKey !== 'string' || secretKey.length < SECRET_KEY_MIN_LENGTH) {
    const received = typeof secretKey === 'string' ? `a secret key of ${secretKey.length} characters` : typeof secretKey;
    throw new ConfigurationError(WHERE, 'secretKey', received, `must have at least ${SECRET_KEY_MIN_LENGTH} characters`,
      'pass the secret key that belongs to the access key');
  }
  const issuedAt = options.issuedAt ?? new Date();
  if (!(issuedAt instanceof Date) || Number.isNaN(issuedAt.getTime())) {
    throw new ConfigurationError(WHERE, 'issuedAt', String(issuedAt), 'must be a valid date', 'omit it to count from now');
  }
  const seconds = lifetimeSeconds(lifetime);
  const claims = {
    iss: PROMETHEUS_TOKEN_ISSUER,
    sub: accessKey,
    exp: Math.floor(issuedAt.getTime() / 1000) + seconds,
  };
  const signingInput = `${encode({ alg: 'HS512', typ: 'JWT' })}.${encode(claims)}`;
  const signature = createHmac('sha512', secretKey).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

function lifetimeSeconds(lifetime: Duration): number {
  const millis = lifetime instanceof Duration ? lifetime.toMilliseconds() : Number.NaN;
  const max = MAX_PROMETHEUS_TOKEN_LIFETIME.toMilliseconds();
  if (!Number.isInteger(millis) || millis <= 0 || millis % 1000 !== 0 || millis > max) {
    throw new ConfigurationError(WHERE, 'lifetime', Number.isNaN(millis) ? String(lifetime) : `${millis}ms`,
      'must be a whole number of seconds, more than zero and at most 100 years',
      'use Duration.days(), Duration.hours() or Duration.seconds() with a whole number; rotate the token before it expires');
  }
  return millis / 1000;
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
