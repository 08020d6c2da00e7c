import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { CertificateSpecPrivateKeyAlgorithm } from '../imports/cert-manager.io';

const ECDSA_CURVES = [256, 384];
const RSA_SIZES = [2048, 3072, 4096];

/**
 * The private key of a certificate.
 *
 * The offered sizes are the ones Go's crypto/tls (the servers and tools this library deploys), browsers
 * and the public ACME CAs all accept: P-521 is left out because browsers do not negotiate it, and RSA sizes other
 * than 2048, 3072 and 4096 are refused by Let's Encrypt.
 */
export class KeyAlgorithm {
  /**
   * An ECDSA key on the NIST curve of the given size: small keys, fast handshakes, accepted everywhere.
   *
   * @param curveBits 256 (P-256) or 384 (P-384)
   */
  public static ecdsa(curveBits: number): KeyAlgorithm {
    return new KeyAlgorithm(CertificateSpecPrivateKeyAlgorithm.ECDSA, curveBits, ECDSA_CURVES, 'ECDSA curve size');
  }

  /**
   * An RSA key, for clients that cannot use ECDSA.
   *
   * @param bits 2048, 3072 or 4096
   */
  public static rsa(bits: number): KeyAlgorithm {
    return new KeyAlgorithm(CertificateSpecPrivateKeyAlgorithm.RSA, bits, RSA_SIZES, 'RSA key size');
  }

  /**
   * An Ed25519 key. Go clients accept it, browsers and public ACME CAs do not: use it for
   * internal endpoints issued by a private CA only.
   */
  public static ed25519(): KeyAlgorithm {
    return new KeyAlgorithm(CertificateSpecPrivateKeyAlgorithm.ED25519, undefined, [], 'Ed25519');
  }

  private constructor(
    /** The algorithm as cert-manager names it. */
    public readonly algorithm: CertificateSpecPrivateKeyAlgorithm,
    /** The key or curve size in bits; `undefined` for Ed25519, whose size is fixed. */
    public readonly size: number | undefined,
    private readonly allowedSizes: readonly number[],
    private readonly sizeDescription: string,
  ) {}

  /** Whether public ACME CAs such as Let's Encrypt sign keys of this algorithm. */
  public get isAcceptedByAcme(): boolean {
    return this.algorithm !== CertificateSpecPrivateKeyAlgorithm.ED25519;
  }

  /**
   * Rejects a size outside the offered ones. Checked where the key is used so that the error names the
   * construct and the field.
   */
  public validate(scope: IConstruct, field: string): void {
    if (this.size !== undefined && !this.allowedSizes.includes(this.size)) {
      const factory = this.algorithm === CertificateSpecPrivateKeyAlgorithm.RSA ? 'rsa' : 'ecdsa';
      reject(scope, field, this.size, `${this.sizeDescription} must be one of ${this.allowedSizes.join(', ')}`,
        `use KeyAlgorithm.${factory}(${this.allowedSizes[0]}) or another listed size`);
    }
  }
}
