/** The `type` of a certificate Secret, which decides the keys the operator mounts from it. */
export class CertificateSecretType {
  /** A generic Secret with `public.crt` and `private.key`. */
  public static readonly OPAQUE = new CertificateSecretType('Opaque');
  /** A `kubernetes.io/tls` Secret (`tls.crt`, `tls.key`): use it for ACME certificates, which carry no `ca.crt`. */
  public static readonly KUBERNETES_TLS = new CertificateSecretType('kubernetes.io/tls');
  /** A cert-manager Secret from a CA issuer: the operator also mounts its required `ca.crt`. */
  public static readonly CERT_MANAGER = new CertificateSecretType('cert-manager.io/v1');

  private constructor(public readonly value: string) {}
}

/** A Secret holding a certificate, with the type that tells the operator how to read it. */
export interface CertificateSecretReference {
  /** Name of the Secret, in the tenant's namespace. */
  readonly name: string;
  /** How the operator reads the Secret. */
  readonly type: CertificateSecretType;
}

/**
 * Where a tenant's server certificate comes from. TLS is always on.
 */
export class TenantTls {
  /**
   * The operator requests a certificate through the Kubernetes CSR API and renews it: the simplest secure setup,
   * trusted by clients that trust the cluster CA.
   */
  public static operatorAutoCert(): TenantTls {
    return new TenantTls(true, []);
  }

  /**
   * Certificates issued elsewhere, e.g. by cert-manager; the operator's own certificate request is turned off.
   *
   * @param secrets one or more certificate Secrets (several serve SNI for several domains)
   */
  public static fromSecrets(...secrets: CertificateSecretReference[]): TenantTls {
    return new TenantTls(false, secrets);
  }

  /**
   * Certificates issued by cert-manager (`TenantCertificate`s); list the CA-issued one covering the internal names
   * first: the operator serves the first entry by default and picks the others by SNI.
   */
  public static fromCertificates(...certificates: { readonly certificateSecret: CertificateSecretReference }[]): TenantTls {
    return TenantTls.fromSecrets(...certificates.map(({ certificateSecret }) => certificateSecret));
  }

  private constructor(
    /** Whether the operator issues the certificate itself. */
    public readonly requestAutoCert: boolean,
    /** Certificate Secrets supplied by the user. */
    public readonly certificateSecrets: CertificateSecretReference[],
  ) {}
}
