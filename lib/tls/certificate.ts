import { isIP } from 'node:net';
import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { formatGoDuration } from '../core/go-duration';
import { requireDnsLabel, requireDnsSubdomain } from '../core/names';
import {
  Certificate,
  CertificateSpecPrivateKeyAlgorithm,
  CertificateSpecPrivateKeyEncoding,
  CertificateSpecPrivateKeyRotationPolicy,
  CertificateSpecUsages,
} from '../imports/cert-manager.io';
import { isWildcardName, requireDistinct, requireDnsName } from './dns-names';
import { ICertificateIssuer, requireValidIssuer } from './issuer';
import { KeyAlgorithm } from './key-algorithm';
import { KeyEncoding } from './key-encoding';
import {
  MINIMUM_CERTIFICATE_DURATION,
  MINIMUM_RENEW_BEFORE,
  requireDurationAtLeast,
  requireRenewBeforeShorter,
} from './validity';
import { claimObjectIdentity } from '../core/unique-objects';

import { SecretValue } from '../core/secret-value';
/** Lifetime of a certificate from a non-ACME issuer when none is given: cert-manager's own default. */
export const DEFAULT_CERTIFICATE_DURATION = Duration.days(90);

/** The key of the CA certificate in a Secret written by cert-manager. */
export const CA_CERTIFICATE_KEY = 'ca.crt';

const MAX_COMMON_NAME_LENGTH = 64;

/** Properties of a {@link TlsCertificate}. */
export interface TlsCertificateProps {
  /** `metadata.name` of the Certificate. */
  readonly name: string;

  /**
   * Namespace of the Certificate and of the Secret it writes.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /** The issuer that signs the certificate. */
  readonly issuer: ICertificateIssuer;

  /** DNS subject alternative names; a wildcard is allowed as the whole leftmost label (`*.example.com`). */
  readonly dnsNames: string[];

  /**
   * IP address subject alternative names.
   *
   * @default - none
   */
  readonly ipAddresses?: string[];

  /**
   * Subject common name. Clients match the subject alternative names; set this only for software that still
   * reads the common name.
   *
   * @default - no common name
   */
  readonly commonName?: string;

  /**
   * Name of the `kubernetes.io/tls` Secret cert-manager writes (`tls.crt`, `tls.key` and, except for ACME
   * issuers, `ca.crt`).
   *
   * @default - the Certificate's name
   */
  readonly secretName?: string;

  /**
   * Requested lifetime. Not allowed with an ACME issuer, whose CA decides the lifetime.
   *
   * @default - 90 days (cert-manager's default), or what the ACME CA issues
   */
  readonly duration?: Duration;

  /**
   * How long before expiry the certificate is renewed; must be shorter than `duration`.
   *
   * @default - a third of `duration` (30 days for the default 90); for an ACME issuer, cert-manager renews two
   * thirds into the issued lifetime
   */
  readonly renewBefore?: Duration;

  /**
   * The private key algorithm and size. A new key is generated on every renewal.
   *
   * @default KeyAlgorithm.ecdsa(256)
   */
  readonly keyAlgorithm?: KeyAlgorithm;

  /**
   * How the private key is encoded in `tls.key`.
   *
   * @default KeyEncoding.PKCS8
   */
  readonly keyEncoding?: KeyEncoding;

  /**
   * Whether the certificate may also authenticate its holder as a TLS client (mutual TLS, e.g. a server calling its key server).
   * Public ACME CAs may leave the client usage out whatever is requested.
   *
   * @default false
   */
  readonly clientAuth?: boolean;
}

/**
 * A cert-manager Certificate for a TLS server: a fresh key on every renewal, explicit lifetime and renewal
 * margin, and usages limited to what TLS needs.
 */
export class TlsCertificate extends Construct {
  /** `metadata.name` of the Certificate. */
  public readonly name: string;
  /** Namespace of the Certificate and its Secret, when known at synth time. */
  public readonly namespace: string | undefined;
  /** Name of the Secret cert-manager writes. */
  public readonly secretName: string;
  /** The issuer that signs the certificate. */
  public readonly issuer: ICertificateIssuer;
  /**
   * Where the signing CA's certificate is, for clients that must trust it; `undefined` for ACME issuers,
   * whose Secrets carry no `ca.crt` (their CAs are publicly trusted).
   */
  public readonly caSecret: SecretValue | undefined;
  /** The Certificate object. */
  public readonly resource: Certificate;

  public constructor(scope: Construct, id: string, props: TlsCertificateProps) {
    super(scope, id);
    this.issuer = props.issuer;
    this.name = requireDnsSubdomain(this, 'name', props.name);
    this.secretName = requireDnsSubdomain(this, 'secretName', props.secretName ?? props.name);
    if (props.namespace !== undefined) requireDnsLabel(this, 'namespace', props.namespace);
    this.namespace = props.namespace ?? Chart.of(this).namespace;
    requireIssuerReachable(this, props.issuer, this.namespace);

    validateNames(this, props);
    const keyAlgorithm = props.keyAlgorithm ?? KeyAlgorithm.ecdsa(256);
    const keyEncoding = props.keyEncoding ?? KeyEncoding.PKCS8;
    validateKey(this, props.issuer, keyAlgorithm, keyEncoding);
    const validity = resolveValidity(this, props);

    this.caSecret = props.issuer.isAcme ? undefined : SecretValue.fromSecretName(this.secretName, CA_CERTIFICATE_KEY);
    this.resource = new Certificate(this, 'Resource', {
      metadata: { name: this.name, namespace: props.namespace },
      spec: {
        secretName: this.secretName,
        issuerRef: { ...props.issuer.issuerRef },
        commonName: props.commonName,
        dnsNames: [...props.dnsNames],
        ipAddresses: props.ipAddresses && props.ipAddresses.length > 0 ? [...props.ipAddresses] : undefined,
        duration: validity.duration && formatGoDuration(validity.duration),
        renewBefore: validity.renewBefore && formatGoDuration(validity.renewBefore),
        privateKey: {
          algorithm: keyAlgorithm.algorithm,
          size: keyAlgorithm.size,
          encoding: keyEncoding.encoding,
          // A key that never changes outlives every certificate issued for it; cert-manager 1.18+ defaults to
          // Always as well, written here so that older controllers behave the same.
          rotationPolicy: CertificateSpecPrivateKeyRotationPolicy.ALWAYS,
        },
        usages: usagesFor(keyAlgorithm, props.clientAuth ?? false),
      },
    });
    claimObjectIdentity(this, this.resource);
  }
}

function requireIssuerReachable(scope: Construct, issuer: ICertificateIssuer, namespace: string | undefined): void {
  requireValidIssuer(scope, 'issuer', issuer);
  if (!issuer.kind.isClusterScoped && issuer.namespace !== undefined && issuer.namespace !== namespace) {
    reject(scope, 'issuer', `${issuer.namespace}/${issuer.issuerRef.name}`,
      `is a namespaced Issuer in another namespace than the certificate (${namespace ?? 'no namespace'})`,
      'create the certificate in the Issuer\'s namespace, or issue it from a ClusterIssuer');
  }
}

function validateNames(scope: Construct, props: TlsCertificateProps): void {
  if (props.dnsNames.length === 0) {
    reject(scope, 'dnsNames', props.dnsNames, 'must list at least one DNS name',
      'add the names clients use to reach the server');
  }
  props.dnsNames.forEach((name, index) => {
    requireDnsName(scope, `dnsNames[${index}]`, name, true);
    if (isWildcardName(name) && !props.issuer.issuesWildcardNames) {
      reject(scope, `dnsNames[${index}]`, name, 'is a wildcard, which an ACME issuer without a DNS-01 solver cannot prove',
        'add an AcmeSolver.azureDns(...) solver to the issuer, or list the exact names');
    }
  });
  requireDistinct(scope, 'dnsNames', props.dnsNames);
  (props.ipAddresses ?? []).forEach((address, index) => {
    if (isIP(address) === 0) {
      reject(scope, `ipAddresses[${index}]`, address, 'must be an IPv4 or IPv6 address',
        'write the address without a prefix length or port, e.g. \'10.0.0.10\'');
    }
  });
  requireDistinct(scope, 'ipAddresses', props.ipAddresses ?? []);
  const commonName = props.commonName;
  if (commonName !== undefined && (commonName.length === 0 || commonName.length > MAX_COMMON_NAME_LENGTH)) {
    reject(scope, 'commonName', commonName, `must be 1 to ${MAX_COMMON_NAME_LENGTH} characters, the X.509 limit`,
      'shorten it, or leave commonName out and rely on dnsNames');
  }
}

function validateKey(scope: Construct, issuer: ICertificateIssuer, algorithm: KeyAlgorithm, encoding: KeyEncoding): void {
  algorithm.validate(scope, 'keyAlgorithm');
  if (issuer.isAcme && !algorithm.isAcceptedByAcme) {
    reject(scope, 'keyAlgorithm', algorithm.algorithm, 'is not accepted by ACME CAs such as Let\'s Encrypt',
      'use KeyAlgorithm.ecdsa(256) or KeyAlgorithm.rsa(2048)');
  }
  if (algorithm.algorithm === CertificateSpecPrivateKeyAlgorithm.ED25519
    && encoding.encoding === CertificateSpecPrivateKeyEncoding.PKCS1) {
    reject(scope, 'keyEncoding', encoding.encoding, 'cannot hold an Ed25519 key', 'use KeyEncoding.PKCS8');
  }
}

interface Validity {
  readonly duration?: Duration;
  readonly renewBefore?: Duration;
}

function resolveValidity(scope: Construct, props: TlsCertificateProps): Validity {
  if (props.renewBefore !== undefined) {
    requireDurationAtLeast(scope, 'renewBefore', props.renewBefore, MINIMUM_RENEW_BEFORE);
  }
  if (props.issuer.isAcme) {
    if (props.duration !== undefined) {
      reject(scope, 'duration', formatGoDuration(props.duration),
        'cannot be chosen with an ACME issuer, whose CA decides the lifetime',
        'leave duration out; set renewBefore alone if the renewal margin matters');
    }
    return { renewBefore: props.renewBefore };
  }
  const duration = props.duration ?? DEFAULT_CERTIFICATE_DURATION;
  requireDurationAtLeast(scope, 'duration', duration, MINIMUM_CERTIFICATE_DURATION);
  if (props.renewBefore === undefined) {
    return { duration, renewBefore: Duration.seconds(Math.floor(duration.toSeconds() / 3)) };
  }
  requireRenewBeforeShorter(scope, props.renewBefore, 'renewBefore', duration, 'duration');
  return { duration, renewBefore: props.renewBefore };
}

function usagesFor(algorithm: KeyAlgorithm, clientAuth: boolean): CertificateSpecUsages[] {
  return [
    CertificateSpecUsages.DIGITAL_SIGNATURE,
    // RSA key exchange (TLS 1.2 without ECDHE) encrypts to the key; other algorithms only sign.
    ...(algorithm.algorithm === CertificateSpecPrivateKeyAlgorithm.RSA ? [CertificateSpecUsages.KEY_ENCIPHERMENT] : []),
    CertificateSpecUsages.SERVER_AUTH,
    ...(clientAuth ? [CertificateSpecUsages.CLIENT_AUTH] : []),
  ];
}
