import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { SecretValue } from '../core/secret-value';

/**
 * How a scrape proves itself to MinIO's metrics endpoints.
 *
 * MinIO's Prometheus auth defaults to `jwt`: a scrape without a bearer token gets 403 (minio/minio
 * cmd/metrics-router.go, `MINIO_PROMETHEUS_AUTH_TYPE`; cmd/jwt.go `metricsRequestAuthenticate`).
 */
export abstract class MetricsAuthentication {
  /**
   * A bearer token (mint one with `mintPrometheusToken` or `minio-aks prometheus token`) kept in a Secret in the
   * monitor's namespace: Azure managed Prometheus reads Secrets of PodMonitors only from their own namespace.
   */
  public static bearerToken(token: SecretValue): MetricsAuthentication {
    return new BearerTokenAuthentication(token);
  }

  /**
   * No credential: only for a tenant whose metrics are public (`metrics: { public: true }`, which sets
   * `MINIO_PROMETHEUS_AUTH_TYPE=public`). Anyone who reaches port 9000 can then read them.
   */
  public static publicMetrics(): MetricsAuthentication {
    return new PublicAuthentication();
  }

  /** The token, or `undefined` for public metrics. @internal */
  public abstract _token(scope: IConstruct, field: string): SecretValue | undefined;
}

class BearerTokenAuthentication extends MetricsAuthentication {
  public constructor(private readonly token: SecretValue) {
    super();
  }

  public _token(scope: IConstruct, field: string): SecretValue {
    return SecretValue.validate(scope, `${field}.token`, this.token);
  }
}

class PublicAuthentication extends MetricsAuthentication {
  public _token(): undefined {
    return undefined;
  }
}

/** Rejects anything but a {@link MetricsAuthentication}. */
export function requireMetricsAuthentication(scope: IConstruct, field: string, value: unknown): MetricsAuthentication {
  if (!(value instanceof MetricsAuthentication)) {
    reject(scope, field, value === undefined ? undefined : typeof value, 'must be a MetricsAuthentication',
      'use MetricsAuthentication.bearerToken(SecretValue.fromSecret(secret, key)), or MetricsAuthentication.publicMetrics() for a tenant with metrics: { public: true }');
  }
  return value;
}
