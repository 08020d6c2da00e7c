import { createHash, createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';

const API_KEY_PREFIX = 'k1:';
const IDENTITY_PREFIX = 'h1:';
const SEED_BYTES = 32;
const ENCODED_LENGTH = 43;

/** The DER header of a PKCS#8 Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * 32 bytes fill 43 base64 characters with two bits to spare; those bits are zero in the canonical encoding,
 * so the last character is one of these. Requiring it keeps parse/toString a round trip.
 */
const CANONICAL_LAST_CHARACTERS = 'AEIMQUYcgkosw048';

const BASE64URL_CHARACTER = /^[A-Za-z0-9_-]$/;
const IDENTITY_PATTERN = new RegExp(`^${IDENTITY_PREFIX}[A-Za-z0-9_-]{${ENCODED_LENGTH - 1}}[${CANONICAL_LAST_CHARACTERS}]$`);

/**
 * A MinIO KMS (minkms) API key of the `k1:` kind: an Ed25519 seed, written as `k1:` followed by the unpadded
 * base64url encoding of its 32 bytes.
 *
 * The key is a secret; its {@link KmsApiKey.identity} is not, and is what goes into configuration
 * (`admin.identity`, policies). Inspecting or JSON-serializing the object shows the identity only.
 */
export class KmsApiKey {
  /** Generates a new key from 32 random bytes. */
  public static generate(): KmsApiKey {
    return new KmsApiKey(randomBytes(SEED_BYTES));
  }

  /**
   * Parses the `k1:` text form of an API key.
   *
   * @throws Error saying what is wrong (prefix, encoding or length); the message never repeats the key material
   */
  public static parse(text: string): KmsApiKey {
    return new KmsApiKey(decodeApiKey(text));
  }

  /** The public identity of the key: `h1:` + unpadded base64url of SHA-256 over the DER SubjectPublicKeyInfo. */
  public readonly identity: string;

  readonly #seed: Buffer;

  private constructor(seed: Buffer) {
    this.#seed = seed;
    this.identity = identityOfSeed(seed);
  }

  /** The secret `k1:` form, as `minkms` and `MINIO_KMS_API_KEY` expect it. */
  public toString(): string {
    return API_KEY_PREFIX + this.#seed.toString('base64url');
  }
}

/**
 * Computes the `h1:` identity of a `k1:` API key.
 *
 * @throws Error if `apiKey` is not a valid `k1:` key
 */
export function kmsIdentityOf(apiKey: string): string {
  return KmsApiKey.parse(apiKey).identity;
}

/** Whether `text` is a MinIO KMS identity: `h1:` + 43 base64url characters (32 bytes, canonical encoding). */
export function isKmsIdentity(text: string): boolean {
  return typeof text === 'string' && IDENTITY_PATTERN.test(text);
}

function identityOfSeed(seed: Buffer): string {
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return IDENTITY_PREFIX + createHash('sha256').update(spki).digest('base64url');
}

function decodeApiKey(text: string): Buffer {
  if (typeof text !== 'string' || text.length === 0) {
    throw new Error(`KMS API key is empty: expected '${API_KEY_PREFIX}' followed by ${ENCODED_LENGTH} base64url characters`);
  }
  if (!text.startsWith(API_KEY_PREFIX)) {
    throw new Error(wrongPrefixMessage(text));
  }
  const encoded = text.slice(API_KEY_PREFIX.length);
  const characters = [...encoded];
  const invalid = characters.findIndex((character) => !BASE64URL_CHARACTER.test(character));
  if (invalid >= 0) {
    throw new Error(`KMS API key has ${describeCharacter(characters[invalid])} at character ${invalid + 1} after '${API_KEY_PREFIX}': `
      + 'k1 keys are unpadded base64url (A-Z, a-z, 0-9, \'-\' and \'_\'), without \'=\', \'+\', \'/\' or whitespace');
  }
  if (encoded.length !== ENCODED_LENGTH) {
    throw new Error(`KMS API key must have exactly ${ENCODED_LENGTH} base64url characters after '${API_KEY_PREFIX}' `
      + `(received ${encoded.length}): a k1 key encodes a ${SEED_BYTES}-byte Ed25519 seed`);
  }
  if (!CANONICAL_LAST_CHARACTERS.includes(encoded[ENCODED_LENGTH - 1])) {
    throw new Error('KMS API key is not canonically encoded: the last character of a 32-byte base64url value '
      + `must be one of ${CANONICAL_LAST_CHARACTERS} (the key is probably mistyped or truncated)`);
  }
  return Buffer.from(encoded, 'base64url');
}

function wrongPrefixMessage(text: string): string {
  const prefix = /^[A-Za-z0-9]{1,8}:/.exec(text)?.[0];
  if (prefix === 'k2:') {
    return 'KMS API key uses the k2 (ECDSA) format, which is not supported: only k1 (Ed25519) API keys are supported; '
      + 'generate one with `minio-aks kms keygen`';
  }
  if (prefix === IDENTITY_PREFIX) {
    return `KMS API key must start with '${API_KEY_PREFIX}' (received an identity, prefix '${IDENTITY_PREFIX}'): `
      + 'an identity is the public half; pass the k1 API key it was computed from';
  }
  const received = prefix === undefined ? 'no prefix' : `prefix '${prefix}'`;
  return `KMS API key must start with '${API_KEY_PREFIX}' (received ${received}): `
    + `k1 keys are '${API_KEY_PREFIX}' followed by ${ENCODED_LENGTH} base64url characters`;
}

/** Names a character that is not base64url; it cannot be part of the key material, so showing it leaks nothing. */
function describeCharacter(character: string): string {
  if (/^\s$/.test(character)) return 'whitespace';
  if (/^[\x21-\x7e]$/.test(character)) return `'${character}'`;
  return 'a non-ASCII character';
}
