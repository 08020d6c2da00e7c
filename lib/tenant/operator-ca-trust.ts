import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { requireDnsLabel } from '../core/names';
import {
  Certificate,
  CertificateSpecPrivateKeyAlgorithm,
  CertificateSpecPrivateKeyEncoding,
  CertificateSpecPrivateKeyRotationPolicy,
  CertificateSpecUsages,
} from '../imports/cert-manager.io';
import { DEFAULT_CERTIFICATE_DURATION } from '../tls/certificate';
import { ICertificateIssuer, requireValidIssuer } from '../tls/issuer';
import { formatGoDuration } from '../core/go-duration';

/** The namespace of a default MinIO operator install. */
export const MINIO_OPERATOR_NAMESPACE = 'minio-operator';

/** The operator trusts the certificates in every Secret of its namespace whose name starts with this. */
export const OPERATOR_CA_SECRET_PREFIX = 'operator-ca-tls-';

/** A third of the lifetime, as for any certificate: the renewal also refreshes `ca.crt`. */
const RENEW_BEFORE = Duration.days(30);

/** The subject common name holds 64 characters and repeats the Secret name. */
const MAX_SUFFIX_LENGTH = 64 - OPERATOR_CA_SECRET_PREFIX.length;

/** Properties of an {@link OperatorCaTrust}. */
export interface OperatorCaTrustProps {
  /**
   * The CA issuer that signs the tenant certificates, e.g. a {@link PrivateCa}. It must be a ClusterIssuer
   * (or an Issuer in the operator's namespace) and must not be ACME.
   */
  readonly issuer: ICertificateIssuer;

  /**
   * What tells this trust apart from others in the operator's namespace; the Secret is `operator-ca-tls-<suffix>`.
   *
   * @default - the issuer's name, which tells CAs apart
   */
  readonly suffix?: string;

  /**
   * The namespace the MinIO operator runs in.
   *
   * @default 'minio-operator'
   */
  readonly operatorNamespace?: string;
}

/**
 * Makes the MinIO operator trust a private CA.
 *
 * The operator calls every tenant over HTTPS (health, initial users and buckets, STS), so it must trust the CA
 * behind the tenant's certificate. Besides the system roots and the cluster CA, it trusts the PEM in `ca.crt`,
 * `tls.crt` and `public.crt` of each Secret in its own namespace named `operator-ca-tls-*`, and picks up
 * changes to them while running.
 *
 * This construct asks the same CA for a certificate in the operator's namespace: cert-manager writes the CA
 * certificate into its Secret as `ca.crt` and refreshes it on every renewal, so the CA's public certificate
 * reaches the operator without copying the CA's key pair out of cert-manager's namespace. The certificate itself
 * is never served: it has no subject alternative names, so no TLS client would accept it for any host.
 */
export class OperatorCaTrust extends Construct {
  /** Name of the Secret the operator reads, `operator-ca-tls-<suffix>`. */
  public readonly secretName: string;
  /** The operator's namespace. */
  public readonly operatorNamespace: string;
  /** The Certificate object. */
  public readonly resource: Certificate;

  public constructor(scope: Construct, id: string, props: OperatorCaTrustProps) {
    super(scope, id);
    const suffix = requireDnsLabel(this, 'suffix', props.suffix ?? props.issuer.issuerRef.name, MAX_SUFFIX_LENGTH);
    this.operatorNamespace = requireDnsLabel(this, 'operatorNamespace', props.operatorNamespace ?? MINIO_OPERATOR_NAMESPACE);
    requireCaIssuerFor(this, props.issuer, this.operatorNamespace);
    this.secretName = `${OPERATOR_CA_SECRET_PREFIX}${suffix}`;

    this.resource = new Certificate(this, 'Resource', {
      metadata: { name: this.secretName, namespace: this.operatorNamespace },
      spec: {
        secretName: this.secretName,
        issuerRef: { ...props.issuer.issuerRef },
        commonName: this.secretName,
        duration: formatGoDuration(DEFAULT_CERTIFICATE_DURATION),
        renewBefore: formatGoDuration(RENEW_BEFORE),
        privateKey: {
          algorithm: CertificateSpecPrivateKeyAlgorithm.ECDSA,
          size: 256,
          encoding: CertificateSpecPrivateKeyEncoding.PKCS8,
          rotationPolicy: CertificateSpecPrivateKeyRotationPolicy.ALWAYS,
        },
        usages: [CertificateSpecUsages.DIGITAL_SIGNATURE],
      },
    });
  }
}

function requireCaIssuerFor(scope: Construct, issuer: ICertificateIssuer, operatorNamespace: string): void {
  requireValidIssuer(scope, 'issuer', issuer);
  if (issuer.isAcme) {
    reject(scope, 'issuer', issuer.issuerRef.name, 'is an ACME issuer, whose certificates carry no ca.crt to trust',
      'leave OperatorCaTrust out: ACME certificates chain to public roots the operator already trusts');
  }
  if (!issuer.kind.isClusterScoped && issuer.namespace !== operatorNamespace) {
    reject(scope, 'issuer', `${issuer.namespace ?? '(unknown namespace)'}/${issuer.issuerRef.name}`,
      `is a namespaced Issuer outside the operator's namespace (${operatorNamespace}), so it cannot sign there`,
      'make the CA a ClusterIssuer (PrivateCa with IssuerKind.CLUSTER_ISSUER), which every namespace can use');
  }
}
