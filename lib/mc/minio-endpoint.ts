import { k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { isDnsSubdomain } from '../core/names';
import { podsInNamespace } from '../core/network-peers';
import { ISecretReference, SecretValue } from '../core/secret-value';
import { hasHostBits, parseCidr, parseIpv4 } from '../network/ip-address';
import type { IMinioTenant } from '../tenant/minio-tenant-reference';
import { TENANT_LABEL } from '../tenant/tenant-labels';
import { MINIO_PORT } from '../tenant/tenant-network-policy';

/** An access key and secret key, each a value of a Secret: never literal. */
export interface S3Credentials {
  /** The access key (user name). */
  readonly accessKey: SecretValue;
  /**
   * The secret key. It must not contain `:`: mc reads a `:` in `MC_HOST_<alias>` after the access key as the start
   * of a session token (minio/mc cmd/config.go, hostKeyTokens), so the Jobs and the mirror refuse to start with one.
   */
  readonly secretKey: SecretValue;
}

/** Options of {@link MinioEndpoint.tenant}. */
export interface TenantEndpointOptions {
  /** Credentials of a user allowed to do the work (the root user, or a user with the needed policies). */
  readonly credentials: S3Credentials;
  /**
   * The CA certificate that signed the tenant's server certificate (e.g. `certificate.caSecret` or
   * `SecretValue.fromSecretName('<ca secret>', 'ca.crt')`), in the workload's namespace.
   *
   * @default - only the image's public CA bundle, enough for certificates from a public CA
   */
  readonly trustedCa?: SecretValue;
}

/** Options of {@link MinioEndpoint.external}. */
export interface ExternalEndpointOptions extends TenantEndpointOptions {
  /**
   * The address ranges the endpoint's host resolves to, for the egress NetworkPolicy (NetworkPolicies cannot name
   * hosts), e.g. `['10.20.0.0/16']` for an older cluster's internal load balancer.
   */
  readonly allowedCidrs: string[];
}

/** An endpoint as the workloads use it, validated. @internal */
export interface ResolvedEndpoint {
  /** `https://host[:port]`, without credentials. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly credentials: S3Credentials;
  readonly trustedCa?: SecretValue;
  /** Where egress must be allowed to. */
  readonly egress: k8s.NetworkPolicyEgressRule;
  /** The tenant behind the endpoint, if the app knows it. */
  readonly tenant?: IMinioTenant;
}


/**
 * A MinIO (or other S3) server that mc talks to: a tenant of this app or another one, or any server reached by URL.
 * The credentials reach mc only through `MC_HOST_<alias>`, built by Kubernetes from Secret values in the
 * container's environment, never in a command line, a ConfigMap or an image.
 */
export abstract class MinioEndpoint {
  /**
   * Credentials from one Secret holding both keys.
   *
   * @param secret the Secret, e.g. a `KeyVaultExternalSecret` or `Secret.fromSecretName(...)`
   * @param accessKeyKey the key of the access key @default 'access-key'
   * @param secretKeyKey the key of the secret key @default 'secret-key'
   */
  public static credentialsFromSecret(secret: ISecretReference, accessKeyKey = 'access-key', secretKeyKey = 'secret-key'): S3Credentials {
    return { accessKey: SecretValue.fromSecret(secret, accessKeyKey), secretKey: SecretValue.fromSecret(secret, secretKeyKey) };
  }

  /**
   * The S3 Service of a tenant in the cluster, `https://minio.<namespace>.svc` (TLS is always on).
   *
   * @param tenant a `MinioTenant`, or `MinioTenant.fromTenantAttributes(...)` for one defined elsewhere
   */
  public static tenant(tenant: IMinioTenant, options: TenantEndpointOptions): MinioEndpoint {
    return new TenantEndpoint(tenant, options);
  }

  /**
   * A server reached by URL, e.g. an older cluster during a migration.
   *
   * @param url `https://host[:port]`, without path, query or credentials
   */
  public static external(url: string, options: ExternalEndpointOptions): MinioEndpoint {
    return new ExternalEndpoint(url, options);
  }

  /** Validates the endpoint for `scope` and returns what the workloads need. @internal */
  public abstract _resolve(scope: IConstruct, field: string): ResolvedEndpoint;
}

class TenantEndpoint extends MinioEndpoint {
  public constructor(private readonly tenant: IMinioTenant, private readonly options: TenantEndpointOptions) {
    super();
  }

  public _resolve(scope: IConstruct, field: string): ResolvedEndpoint {
    if (typeof this.tenant?.s3Endpoint !== 'string') {
      reject(scope, `${field}.tenant`, this.tenant, 'must be a MinIO tenant', 'pass a MinioTenant or MinioTenant.fromTenantAttributes(...)');
    }
    const parsed = parseEndpointUrl(scope, field, this.tenant.s3Endpoint);
    return {
      ...parsed,
      ...validateAccess(scope, field, this.options),
      tenant: this.tenant,
      // NetworkPolicies see the pod port behind the Service: the operator's `minio` Service targets 9000.
      egress: {
        to: [podsInNamespace(this.tenant.namespace, { [TENANT_LABEL]: this.tenant.name })],
        ports: [{ port: k8s.IntOrString.fromNumber(MINIO_PORT), protocol: 'TCP' }],
      },
    };
  }
}

class ExternalEndpoint extends MinioEndpoint {
  public constructor(private readonly url: string, private readonly options: ExternalEndpointOptions) {
    super();
  }

  public _resolve(scope: IConstruct, field: string): ResolvedEndpoint {
    const parsed = parseEndpointUrl(scope, field, this.url);
    const cidrs = this.options.allowedCidrs ?? [];
    if (cidrs.length === 0) {
      reject(scope, `${field}.allowedCidrs`, cidrs, 'must name at least one address range',
        `give the ranges ${parsed.host} resolves to, e.g. ['10.20.0.0/16']: a NetworkPolicy cannot name a host`);
    }
    cidrs.forEach((cidr, i) => requireCidr(scope, `${field}.allowedCidrs[${i}]`, cidr));
    return {
      ...parsed,
      ...validateAccess(scope, field, this.options),
      egress: {
        to: cidrs.map((cidr) => ({ ipBlock: { cidr } })),
        ports: [{ port: k8s.IntOrString.fromNumber(parsed.port), protocol: 'TCP' }],
      },
    };
  }
}

function validateAccess(scope: IConstruct, field: string, options: TenantEndpointOptions): Pick<ResolvedEndpoint, 'credentials' | 'trustedCa'> {
  if (!options?.credentials) {
    reject(scope, `${field}.credentials`, undefined, 'is required',
      'pass { accessKey, secretKey } as Secret values, e.g. externalSecret.value(\'access-key\')');
  }
  for (const key of ['accessKey', 'secretKey'] as const) {
    const value = options.credentials[key];
    // A literal here is likely the credential itself: the message never shows it.
    if (!(value instanceof SecretValue)) {
      reject(scope, `${field}.credentials.${key}`, value === undefined ? undefined : `<not shown, a ${typeof value}>`, 'must be a SecretValue',
        'reference the Secret holding it, e.g. MinioEndpoint.credentialsFromSecret(secret) or SecretValue.fromSecret(secret, key)');
    }
    SecretValue.validate(scope, `${field}.credentials.${key}`, value);
  }
  if (options.trustedCa !== undefined) SecretValue.validate(scope, `${field}.trustedCa`, options.trustedCa);
  return { credentials: options.credentials, trustedCa: options.trustedCa };
}

/** `https://host[:port]` and nothing else: mc refuses a path, query or fragment in an alias URL (cmd/config.go). */
export function parseEndpointUrl(scope: IConstruct, field: string, url: string): { url: string; host: string; port: number } {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const fix = 'give https://host or https://host:port, without credentials, path or query';
  if (!parsed || parsed.protocol !== 'https:') reject(scope, `${field}.url`, url, 'is not an https URL', fix);
  if (parsed.username || parsed.password) {
    reject(scope, `${field}.url`, '<a URL with credentials>', 'must not carry credentials', 'pass them as credentials: { accessKey, secretKey }');
  }
  if ((parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search || parsed.hash || url.endsWith('?') || url.endsWith('#')) {
    reject(scope, `${field}.url`, url, 'must not have a path, query or fragment', fix);
  }
  const host = parsed.hostname;
  if (!isDnsSubdomain(host) && parseIpv4(host) === undefined) reject(scope, `${field}.url`, url, 'does not name a valid host', fix);
  const port = parsed.port === '' ? 443 : Number(parsed.port);
  return { url: parsed.port === '' ? `https://${host}` : `https://${host}:${port}`, host, port };
}

function requireCidr(scope: IConstruct, field: string, cidr: string): void {
  const network = parseCidr(cidr);
  if (network === undefined || network.address.family !== 4 || hasHostBits(network)) {
    reject(scope, field, cidr, 'is not an IPv4 CIDR without host bits', 'give e.g. 10.20.0.0/16');
  }
}
