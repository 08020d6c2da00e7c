import { IConstruct } from 'constructs';
import { requireDnsLabel, requireDnsSubdomain } from '../core/names';

/** The API group of cert-manager's own issuers. */
export const CERT_MANAGER_GROUP = 'cert-manager.io';

/** Whether an issuer serves one namespace (`Issuer`) or the whole cluster (`ClusterIssuer`). */
export class IssuerKind {
  /** A namespaced `Issuer`: only Certificates in its own namespace can use it. */
  public static readonly ISSUER = new IssuerKind('Issuer', false);
  /** A cluster-scoped `ClusterIssuer`: Certificates in every namespace can use it. */
  public static readonly CLUSTER_ISSUER = new IssuerKind('ClusterIssuer', true);

  private constructor(
    /** The Kubernetes kind, as written in `issuerRef.kind`. */
    public readonly kind: string,
    /** Whether Certificates in any namespace can refer to it. */
    public readonly isClusterScoped: boolean,
  ) {}
}

/** The `issuerRef` of a cert-manager Certificate. */
export interface IssuerRef {
  /** Name of the Issuer or ClusterIssuer. */
  readonly name: string;
  /** `Issuer` or `ClusterIssuer`. */
  readonly kind: string;
  /** API group of the issuer. */
  readonly group: string;
}

/**
 * Something that signs certificates through cert-manager: an issuer this library creates
 * ({@link LetsEncryptIssuer}, {@link PrivateCa}) or one that already exists in the cluster
 * ({@link CertificateIssuer.fromClusterIssuerName}).
 */
export interface ICertificateIssuer {
  /** How a Certificate refers to the issuer. */
  readonly issuerRef: IssuerRef;
  /** Whether the issuer is namespaced or cluster-wide. */
  readonly kind: IssuerKind;
  /**
   * Whether the issuer speaks ACME. ACME CAs validate every name publicly, decide the certificate lifetime
   * themselves and never return the CA certificate, so issued Secrets have no `ca.crt`.
   */
  readonly isAcme: boolean;
  /** The namespace of a namespaced issuer, when known; `undefined` for a ClusterIssuer. */
  readonly namespace?: string;
  /** Whether the issuer can sign wildcard names (an ACME issuer needs a DNS-01 solver for them). */
  readonly issuesWildcardNames: boolean;
}

/** Options for an issuer that already exists in the cluster. */
export interface ExistingIssuerOptions {
  /**
   * Whether the issuer is an ACME issuer (Let's Encrypt or another ACME CA); it decides whether issued Secrets
   * carry `ca.crt`.
   *
   * @default false
   */
  readonly isAcme?: boolean;
}

/** Options for a namespaced Issuer that already exists in the cluster. */
export interface ExistingNamespacedIssuerOptions extends ExistingIssuerOptions {
  /**
   * The namespace the Issuer lives in, so that a Certificate in another namespace is rejected at synth time
   * instead of staying un-issued.
   *
   * @default - unknown: the Issuer is assumed to live in the namespace of each Certificate that uses it
   */
  readonly namespace?: string;
}

/** References to issuers that exist outside this library. */
export class CertificateIssuer {
  /**
   * A namespaced `Issuer` that already exists. Its name is checked by the construct that uses it.
   *
   * @param name the Issuer's `metadata.name`
   */
  public static fromIssuerName(name: string, options: ExistingNamespacedIssuerOptions = {}): ICertificateIssuer {
    return existing(name, IssuerKind.ISSUER, options.isAcme ?? false, options.namespace);
  }

  /**
   * A `ClusterIssuer` that already exists. Its name is checked by the construct that uses it.
   *
   * @param name the ClusterIssuer's `metadata.name`
   */
  public static fromClusterIssuerName(name: string, options: ExistingIssuerOptions = {}): ICertificateIssuer {
    return existing(name, IssuerKind.CLUSTER_ISSUER, options.isAcme ?? false, undefined);
  }

  private constructor() {}
}

function existing(name: string, kind: IssuerKind, isAcme: boolean, namespace: string | undefined): ICertificateIssuer {
  return {
    issuerRef: { name, kind: kind.kind, group: CERT_MANAGER_GROUP },
    kind,
    isAcme,
    namespace,
    // Whether an existing ACME issuer has a DNS-01 solver is unknown here; the CA reports it if not.
    issuesWildcardNames: true,
  };
}

/**
 * Checks the parts of `issuer` a Certificate relies on, reporting them under `field` (e.g. `issuer.name`).
 * Issuers created by this library are valid already; references to existing ones are checked here.
 */
export function requireValidIssuer(scope: IConstruct, field: string, issuer: ICertificateIssuer): void {
  requireDnsSubdomain(scope, `${field}.name`, issuer.issuerRef.name);
  if (issuer.namespace !== undefined) {
    requireDnsLabel(scope, `${field}.namespace`, issuer.namespace);
  }
}
