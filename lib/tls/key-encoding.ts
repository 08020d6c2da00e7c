import { CertificateSpecPrivateKeyEncoding } from '../imports/cert-manager.io';

/** How the private key is written into the Secret's `tls.key`. */
export class KeyEncoding {
  /**
   * PKCS#8 (`BEGIN PRIVATE KEY`): one format for every algorithm, the only one that holds Ed25519 keys, and the
   * one Java and most non-Go clients expect. Go's crypto/tls reads it as well.
   */
  public static readonly PKCS8 = new KeyEncoding(CertificateSpecPrivateKeyEncoding.PKCS8);

  /**
   * cert-manager's own default: PKCS#1 (`BEGIN RSA PRIVATE KEY`) for RSA keys, SEC 1 (`BEGIN EC PRIVATE KEY`) for
   * ECDSA keys. Only for consumers that cannot read PKCS#8.
   */
  public static readonly PKCS1 = new KeyEncoding(CertificateSpecPrivateKeyEncoding.PKCS1);

  private constructor(
    /** The encoding as cert-manager names it. */
    public readonly encoding: CertificateSpecPrivateKeyEncoding,
  ) {}
}
