import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { SecretValue } from '../core/secret-value';
import { TlsCertificate } from '../tls/certificate';
import { isWildcardName } from '../tls/dns-names';
import { ICertificateIssuer } from '../tls/issuer';
import { KeyAlgorithm } from '../tls/key-algorithm';
import { KeyEncoding } from '../tls/key-encoding';
import { DEFAULT_CLUSTER_DOMAIN, tenantCertificateDnsNames, validateTenantNaming } from './tenant-dns-names';
import { CertificateSecretReference, CertificateSecretType } from './tenant-tls';

/** Properties of a {@link TenantCertificate}. */
export interface TenantCertificateProps {
  /** The Tenant's `metadata.name`. */
  readonly tenantName: string;

  /**
   * The Tenant's namespace; the certificate and its Secret go there too.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /** The issuer that signs the certificate. */
  readonly issuer: ICertificateIssuer;

  /**
   * Further DNS names clients use, e.g. `s3.example.com`, or `*.s3.example.com` for bucket DNS. Required for an
   * ACME issuer, which can only prove public names.
   *
   * @default - none
   */
  readonly domains?: string[];

  /**
   * The cluster's DNS domain.
   *
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;

  /**
   * Name of the Certificate and of its Secret.
   *
   * @default - `<tenant>-internal-tls`, or `<tenant>-public-tls` for an ACME issuer (never the operator's own
   * `<tenant>-tls`)
   */
  readonly name?: string;

  /**
   * The private key algorithm and size.
   *
   * @default KeyAlgorithm.ecdsa(256)
   */
  readonly keyAlgorithm?: KeyAlgorithm;

  /**
   * How the private key is encoded.
   *
   * @default KeyEncoding.PKCS8
   */
  readonly keyEncoding?: KeyEncoding;

  /**
   * Requested lifetime; not allowed with an ACME issuer.
   *
   * @default - 90 days, or what the ACME CA issues
   */
  readonly duration?: Duration;

  /**
   * How long before expiry the certificate is renewed.
   *
   * @default - a third of the lifetime
   */
  readonly renewBefore?: Duration;
}

/**
 * The server certificate of a MinIO Tenant, issued by cert-manager, and the `externalCertSecret` entry that
 * hands it to the operator (with `requestAutoCert: false`).
 *
 * From a private CA (or any non-ACME issuer) it carries every name the operator and the pods use inside the
 * cluster plus `domains`; its Secret has `ca.crt`, so the entry has type `cert-manager.io/v1` and the operator
 * mounts the CA for the pods. Remember {@link OperatorCaTrust} so that the operator itself trusts that CA.
 *
 * From an ACME issuer it carries `domains` only: a public CA cannot prove cluster-internal names. Its Secret has
 * no `ca.crt`, so the entry has type `kubernetes.io/tls`. The operator still needs a certificate for the
 * internal names: list a CA-issued TenantCertificate first in `externalCertSecret` (the first entry is the
 * default certificate, the others are chosen by SNI), or keep the operator's own certificate.
 */
export class TenantCertificate extends Construct {
  /** The DNS names on the certificate. */
  public readonly dnsNames: string[];
  /** The underlying certificate. */
  public readonly certificate: TlsCertificate;
  /** Name of the Secret cert-manager writes. */
  public readonly secretName: string;
  /**
   * The Secret and how the operator reads it (`spec.externalCertSecret`): `CERT_MANAGER` for a CA issuer, whose
   * Secret carries the `ca.crt` the operator requires of that type; `KUBERNETES_TLS` for ACME, whose has none.
   */
  public readonly certificateSecret: CertificateSecretReference;
  /** Where the signing CA certificate is; `undefined` for ACME issuers. */
  public readonly caSecret: SecretValue | undefined;

  public constructor(scope: Construct, id: string, props: TenantCertificateProps) {
    super(scope, id);
    const clusterDomain = props.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
    const domains = props.domains ?? [];
    const namespace = props.namespace ?? Chart.of(this).namespace;
    if (namespace === undefined) reject(this, 'namespace', namespace, 'is required', 'set namespace on the certificate or on its chart');
    validateTenantNaming(
      {
        tenantName: props.tenantName,
        namespace,
        clusterDomain,
        extraDomains: domains,
        extraDomainsField: 'domains',
      },
      (field, received, problem, fix) => reject(this, field, received, problem, fix),
    );

    if (props.issuer.isAcme) {
      requirePublicDomains(this, domains, clusterDomain, props.issuer);
      this.dnsNames = [...new Set(domains)];
    } else {
      this.dnsNames = tenantCertificateDnsNames(props.tenantName, namespace, clusterDomain, domains);
    }

    const name = props.name ?? `${props.tenantName}-${props.issuer.isAcme ? 'public' : 'internal'}-tls`;
    if (name === `${props.tenantName}-tls`) {
      reject(this, 'name', name, 'is the Secret the operator writes its own certificate to',
        `choose another name, e.g. '${props.tenantName}-internal-tls'`);
    }
    this.certificate = new TlsCertificate(this, 'Certificate', {
      name,
      namespace,
      issuer: props.issuer,
      dnsNames: this.dnsNames,
      keyAlgorithm: props.keyAlgorithm,
      keyEncoding: props.keyEncoding,
      duration: props.duration,
      renewBefore: props.renewBefore,
    });
    this.secretName = this.certificate.secretName;
    this.caSecret = this.certificate.caSecret;
    this.certificateSecret = {
      name: this.secretName,
      type: props.issuer.isAcme ? CertificateSecretType.KUBERNETES_TLS : CertificateSecretType.CERT_MANAGER,
    };
  }
}

function requirePublicDomains(
  scope: Construct, domains: readonly string[], clusterDomain: string, issuer: ICertificateIssuer,
): void {
  if (domains.length === 0) {
    reject(scope, 'domains', domains, 'must list at least one public name when the issuer is an ACME issuer',
      'add the public names clients use (e.g. \'s3.example.com\'), or issue the internal certificate from a PrivateCa');
  }
  domains.forEach((domain, index) => {
    const field = `domains[${index}]`;
    const internal = !domain.includes('.') || domain.endsWith('.svc') || domain.includes('.svc.')
      || domain === clusterDomain || domain.endsWith(`.${clusterDomain}`);
    if (internal) {
      reject(scope, field, domain, 'is a cluster-internal name, which an ACME CA cannot validate',
        'list only publicly resolvable names here, and issue internal names from a PrivateCa');
    }
    if (isWildcardName(domain) && !issuer.issuesWildcardNames) {
      reject(scope, field, domain, 'is a wildcard, which an ACME issuer without a DNS-01 solver cannot prove',
        'add an AcmeSolver.azureDns(...) solver to the issuer, or list the exact names');
    }
  });
}
