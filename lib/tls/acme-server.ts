import { IConstruct } from 'constructs';
import { reject } from '../core/errors';

/** The ACME directory an ACME issuer registers with. */
export class AcmeServer {
  /**
   * Let's Encrypt staging: generous rate limits, certificates no client trusts. Use it until issuance works,
   * then switch to production.
   */
  public static readonly LETS_ENCRYPT_STAGING = new AcmeServer(
    'https://acme-staging-v02.api.letsencrypt.org/directory', 'letsencrypt-staging');

  /** Let's Encrypt production: publicly trusted certificates, strict rate limits. */
  public static readonly LETS_ENCRYPT_PRODUCTION = new AcmeServer(
    'https://acme-v02.api.letsencrypt.org/directory', 'letsencrypt-production');

  /**
   * Another ACME CA, such as a corporate ACME endpoint. The URL is checked by the issuer that uses it.
   *
   * @param directoryUrl the `https://` URL of the ACME directory
   */
  public static custom(directoryUrl: string): AcmeServer {
    return new AcmeServer(directoryUrl, 'acme');
  }

  private constructor(
    /** The ACME directory URL. */
    public readonly directoryUrl: string,
    /** The ClusterIssuer name used when none is given. */
    public readonly defaultIssuerName: string,
  ) {}

  /** Rejects a directory URL that is not an absolute `https://` URL. */
  public validate(scope: IConstruct, field: string): void {
    let parsed: URL | undefined;
    try {
      parsed = new URL(this.directoryUrl);
    } catch {
      parsed = undefined;
    }
    if (parsed?.protocol !== 'https:' || parsed.hostname === '') {
      reject(scope, field, this.directoryUrl, 'must be an absolute https:// URL of an ACME directory',
        'write the directory URL the CA publishes, e.g. \'https://acme.example.com/directory\'');
    }
  }
}
