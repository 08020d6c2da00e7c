import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { formatGoDuration } from '../core/go-duration';
import { requireDnsLabel } from '../core/names';
import {
  Certificate,
  CertificateSpecPrivateKeyRotationPolicy,
  CertificateSpecUsages,
  ClusterIssuer,
  Issuer,
} from '../imports/cert-manager.io';
import { makeClusterScoped } from './cluster-scope';
import { CERT_MANAGER_GROUP, ICertificateIssuer, IssuerKind, IssuerRef } from './issuer';
import { KeyAlgorithm } from './key-algorithm';
import { KeyEncoding } from './key-encoding';
import {
  MINIMUM_CERTIFICATE_DURATION,
  MINIMUM_RENEW_BEFORE,
  requireDurationAtLeast,
  requireRenewBeforeShorter,
} from './validity';

/** The namespace a default Helm install of cert-manager runs in, and so its cluster resource namespace. */
export const CERT_MANAGER_NAMESPACE = 'cert-manager';

/** Ten years: the CA outlives many generations of the 90-day certificates it signs, and is renewed rarely. */
export const DEFAULT_CA_DURATION = Duration.days(3650);

/** One year of overlap in which the renewed CA certificate can reach every trust store before the old one expires. */
export const DEFAULT_CA_RENEW_BEFORE = Duration.days(365);

const BOOTSTRAP_SUFFIX = '-bootstrap';
const MAX_NAME_LENGTH = 63 - BOOTSTRAP_SUFFIX.length;

/** Properties of a {@link PrivateCa}. */
export interface PrivateCaProps {
  /**
   * Name of the CA issuer, the CA Certificate and the Secret holding the CA key pair.
   *
   * @default 'minio-private-ca'
   */
  readonly name?: string;

  /**
   * Namespace of the CA Certificate and its Secret. A CA ClusterIssuer reads its Secret from cert-manager's
   * cluster resource namespace, so with {@link IssuerKind.CLUSTER_ISSUER} this must be that namespace
   * (cert-manager's own namespace unless `--cluster-resource-namespace` says otherwise). With
   * {@link IssuerKind.ISSUER} it is the one namespace whose Certificates the CA can sign.
   *
   * @default 'cert-manager'
   */
  readonly namespace?: string;

  /**
   * Whether the CA signs for the whole cluster (ClusterIssuer) or for its own namespace only (Issuer).
   *
   * @default IssuerKind.CLUSTER_ISSUER
   */
  readonly issuerKind?: IssuerKind;

  /**
   * Subject common name of the CA certificate, shown to whoever inspects a chain.
   *
   * @default - the name
   */
  readonly commonName?: string;

  /**
   * The CA's key.
   *
   * @default KeyAlgorithm.ecdsa(256)
   */
  readonly keyAlgorithm?: KeyAlgorithm;

  /**
   * Lifetime of the CA certificate.
   *
   * @default - 3650 days (87600h)
   */
  readonly duration?: Duration;

  /**
   * How long before expiry the CA certificate is renewed.
   *
   * @default - 365 days
   */
  readonly renewBefore?: Duration;
}

/**
 * A private certificate authority run by cert-manager: a self-signed bootstrap Issuer signs a CA Certificate,
 * and a CA issuer signs with the resulting key pair. Certificates it issues carry the CA certificate as
 * `ca.crt`, which is what clients mount to trust them.
 *
 * The bootstrap issuer is a namespaced Issuer beside the CA Certificate rather than a ClusterIssuer: nothing
 * else needs it, and a cluster-wide self-signing issuer would only invite misuse.
 *
 * The CA keeps its key across renewals (`rotationPolicy: Never`): the renewed CA certificate then has the same
 * subject and key, so certificates signed before the renewal keep verifying against either CA certificate and
 * trust stores can be updated at leisure within `renewBefore`.
 */
export class PrivateCa extends Construct implements ICertificateIssuer {
  public readonly issuerRef: IssuerRef;
  public readonly kind: IssuerKind;
  public readonly isAcme = false;
  public readonly namespace: string | undefined;
  public readonly issuesWildcardNames = true;

  /** Namespace of the CA Certificate and of the Secret holding the CA key pair. */
  public readonly caNamespace: string;
  /** Name of the Secret holding the CA key pair (`tls.crt`, `tls.key`, `ca.crt`). */
  public readonly caSecretName: string;
  /** The CA Certificate object. */
  public readonly caCertificate: Certificate;

  public constructor(scope: Construct, id: string, props: PrivateCaProps = {}) {
    super(scope, id);
    const name = requireDnsLabel(this, 'name', props.name ?? 'minio-private-ca', MAX_NAME_LENGTH);
    this.caNamespace = requireDnsLabel(this, 'namespace', props.namespace ?? CERT_MANAGER_NAMESPACE);
    this.kind = props.issuerKind ?? IssuerKind.CLUSTER_ISSUER;
    this.namespace = this.kind.isClusterScoped ? undefined : this.caNamespace;
    this.caSecretName = name;
    this.issuerRef = { name, kind: this.kind.kind, group: CERT_MANAGER_GROUP };

    const commonName = props.commonName ?? name;
    if (commonName.length === 0 || commonName.length > 64) {
      reject(this, 'commonName', commonName, 'must be 1 to 64 characters, the X.509 limit', 'shorten it');
    }
    const keyAlgorithm = props.keyAlgorithm ?? KeyAlgorithm.ecdsa(256);
    keyAlgorithm.validate(this, 'keyAlgorithm');
    const duration = props.duration ?? DEFAULT_CA_DURATION;
    const renewBefore = props.renewBefore ?? DEFAULT_CA_RENEW_BEFORE;
    requireDurationAtLeast(this, 'duration', duration, MINIMUM_CERTIFICATE_DURATION);
    requireDurationAtLeast(this, 'renewBefore', renewBefore, MINIMUM_RENEW_BEFORE);
    requireRenewBeforeShorter(this, renewBefore, 'renewBefore', duration, 'duration');

    const bootstrapName = `${name}${BOOTSTRAP_SUFFIX}`;
    new Issuer(this, 'Bootstrap', {
      metadata: { name: bootstrapName, namespace: this.caNamespace },
      spec: { selfSigned: {} },
    });
    this.caCertificate = new Certificate(this, 'CaCertificate', {
      metadata: { name, namespace: this.caNamespace },
      spec: {
        isCa: true,
        commonName,
        secretName: this.caSecretName,
        issuerRef: { name: bootstrapName, kind: IssuerKind.ISSUER.kind, group: CERT_MANAGER_GROUP },
        duration: formatGoDuration(duration),
        renewBefore: formatGoDuration(renewBefore),
        privateKey: {
          algorithm: keyAlgorithm.algorithm,
          size: keyAlgorithm.size,
          encoding: KeyEncoding.PKCS8.encoding,
          rotationPolicy: CertificateSpecPrivateKeyRotationPolicy.NEVER,
        },
        usages: [CertificateSpecUsages.DIGITAL_SIGNATURE, CertificateSpecUsages.CERT_SIGN, CertificateSpecUsages.CRL_SIGN],
      },
    });
    const caSpec = { ca: { secretName: this.caSecretName } };
    if (this.kind.isClusterScoped) {
      makeClusterScoped(new ClusterIssuer(this, 'Resource', { metadata: { name }, spec: caSpec }));
    } else {
      new Issuer(this, 'Resource', { metadata: { name, namespace: this.caNamespace }, spec: caSpec });
    }
  }
}
