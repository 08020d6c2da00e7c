import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { ISecretReference, requireSecretName } from '../core/secret-value';
import { TlsCertificate } from '../tls/certificate';
import { ICertificateIssuer } from '../tls/issuer';
import { KeyAlgorithm } from '../tls/key-algorithm';

/** Options of a KMS certificate issued by cert-manager. */
export interface KmsCertificateOptions {
  /** Certificate lifetime. @default Duration.days(90) */
  readonly duration?: Duration;
  /** How long before expiry cert-manager renews. @default - a third of the lifetime */
  readonly renewBefore?: Duration;
  /** Private key algorithm. @default KeyAlgorithm.ecdsa(256) */
  readonly keyAlgorithm?: KeyAlgorithm;
}

/** What the KMS cluster needs to know to mount and trust its TLS material. */
export interface KmsTlsBinding {
  /** The Secret with `tls.crt` and `tls.key` (and `ca.crt` when a CA issued it). */
  readonly secretName: string;
  /** Whether the Secret carries the issuing CA as `ca.crt`. */
  readonly hasCa: boolean;
  /** The issuer, when cert-manager issues the certificate: clients in other namespaces get their CA from it. */
  readonly issuer?: ICertificateIssuer;
}

/** The names a KMS certificate must cover. */
export interface KmsCertificateNames {
  readonly name: string;
  readonly namespace: string;
  readonly dnsNames: string[];
}

/**
 * Where the KMS nodes' certificate comes from. minkms requires TLS for every connection, between nodes too, so
 * the certificate covers every node's stable name and the client Service's names.
 */
export abstract class KmsTls {
  /**
   * A cert-manager Certificate from a CA issuer (e.g. `PrivateCa`). ACME issuers are refused: a public CA cannot
   * validate cluster-internal names.
   */
  public static fromIssuer(issuer: ICertificateIssuer, options: KmsCertificateOptions = {}): KmsTls {
    return new IssuedKmsTls(issuer, options);
  }

  /**
   * A TLS Secret in the cluster's namespace, with `tls.crt`, `tls.key` and optionally `ca.crt`: a cdk8s-plus
   * `Secret.fromSecretName(...)` or any construct that names one. Without `ca.crt`, tenants need the CA through
   * `trustedCertificateAuthorities`.
   */
  public static fromSecret(secret: ISecretReference, options: { readonly hasCa?: boolean } = {}): KmsTls {
    return new ExistingKmsTls(secret, options.hasCa ?? true);
  }

  /** @internal */
  public abstract _bind(scope: Construct, names: KmsCertificateNames): KmsTlsBinding;
}

class IssuedKmsTls extends KmsTls {
  public constructor(private readonly issuer: ICertificateIssuer, private readonly options: KmsCertificateOptions) {
    super();
  }

  public _bind(scope: Construct, names: KmsCertificateNames): KmsTlsBinding {
    if (this.issuer.isAcme) {
      reject(scope, 'tls.issuer', this.issuer.issuerRef.name, 'is an ACME issuer, which cannot validate cluster-internal names',
        'use a CA issuer such as PrivateCa for the KMS nodes');
    }
    const certificate = new TlsCertificate(scope, 'Certificate', {
      name: `${names.name}-tls`,
      namespace: names.namespace,
      issuer: this.issuer,
      dnsNames: names.dnsNames,
      duration: this.options.duration,
      renewBefore: this.options.renewBefore,
      keyAlgorithm: this.options.keyAlgorithm,
      // Nodes connect to each other as clients as well as serving.
      clientAuth: true,
    });
    return { secretName: certificate.secretName, hasCa: certificate.caSecret !== undefined, issuer: this.issuer };
  }
}

class ExistingKmsTls extends KmsTls {
  public constructor(private readonly secret: ISecretReference, private readonly hasCa: boolean) {
    super();
  }

  public _bind(scope: Construct): KmsTlsBinding {
    return { secretName: requireSecretName(scope, 'tls.secretName', this.secret), hasCa: this.hasCa };
  }
}
