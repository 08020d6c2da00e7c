import { randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const ENCODED_LENGTH = 44;

/** The canonical padded base64 of 32 bytes: 42 free characters, one whose low two bits are zero, then '='. */
const CANONICAL_ENCODING = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;
const BASE64_CHARACTER = /^[A-Za-z0-9+/=]$/;

/**
 * The cipher named in a MinIO KMS HSM key (`MINIO_KMS_HSM_KEY`), which seals everything the KMS stores.
 */
export class HsmKeyAlgorithm {
  /** AES-256 (`hsm:aes256:`). */
  public static readonly AES256 = new HsmKeyAlgorithm('aes256');

  /** ChaCha20-Poly1305 (`hsm:chacha20:`). */
  public static readonly CHACHA20 = new HsmKeyAlgorithm('chacha20');

  /** Every algorithm minkms accepts. */
  public static readonly ALL: readonly HsmKeyAlgorithm[] = [HsmKeyAlgorithm.AES256, HsmKeyAlgorithm.CHACHA20];

  /**
   * Looks an algorithm up by the name used in the key text (`aes256`, `chacha20`).
   *
   * @throws Error naming the accepted algorithms
   */
  public static fromName(name: string): HsmKeyAlgorithm {
    const found = HsmKeyAlgorithm.ALL.find((algorithm) => algorithm.name === name);
    if (found === undefined) {
      const received = /^[A-Za-z0-9-]{1,16}$/.test(name) ? `'${name}' ` : '';
      throw new Error(`HSM key algorithm ${received}is not supported: use ${acceptedNames()}`);
    }
    return found;
  }

  /** The text that starts every key of this algorithm, e.g. `hsm:aes256:`. */
  public readonly prefix: string;

  private constructor(public readonly name: string) {
    this.prefix = `hsm:${name}:`;
  }
}

/**
 * Generates a new HSM key: the algorithm's prefix and the standard padded base64 of 32 random bytes.
 *
 * @param algorithm the cipher to name in the key
 * @default HsmKeyAlgorithm.AES256
 */
export function generateHsmKey(algorithm: HsmKeyAlgorithm = HsmKeyAlgorithm.AES256): string {
  return algorithm.prefix + randomBytes(KEY_BYTES).toString('base64');
}

/** Whether `text` is a well-formed HSM key (`hsm:aes256:` or `hsm:chacha20:` + padded base64 of 32 bytes). */
export function isHsmKey(text: string): boolean {
  return describeHsmKeyProblem(text) === undefined;
}

/**
 * Checks the format of an HSM key: `hsm:aes256:` or `hsm:chacha20:` followed by the standard padded base64 of
 * exactly 32 bytes (55 or 57 characters in all).
 *
 * @throws Error saying what is wrong; the message never repeats the key material
 */
export function validateHsmKey(text: string): void {
  const problem = describeHsmKeyProblem(text);
  if (problem !== undefined) {
    throw new Error(problem);
  }
}

function describeHsmKeyProblem(text: string): string | undefined {
  if (typeof text !== 'string' || text.length === 0) {
    return `HSM key is empty: expected ${prefixes()} followed by the padded base64 of ${KEY_BYTES} bytes`;
  }
  const algorithm = HsmKeyAlgorithm.ALL.find((candidate) => text.startsWith(candidate.prefix));
  if (algorithm === undefined) {
    return wrongPrefixMessage(text);
  }
  const encoded = text.slice(algorithm.prefix.length);
  const characters = [...encoded];
  const invalid = characters.findIndex((character) => !BASE64_CHARACTER.test(character));
  if (invalid >= 0) {
    const character = characters[invalid];
    const hint = character === '-' || character === '_'
      ? 'the key looks base64url-encoded; HSM keys use standard base64 (\'+\' and \'/\')'
      : 'HSM keys use standard base64 (A-Z, a-z, 0-9, \'+\', \'/\' and \'=\' padding) without whitespace';
    return `HSM key has ${describeCharacter(character)} at character ${invalid + 1} after '${algorithm.prefix}': ${hint}`;
  }
  if (encoded.length === ENCODED_LENGTH - 1 && !encoded.includes('=')) {
    return `HSM key is missing its base64 padding: ${KEY_BYTES} bytes are ${ENCODED_LENGTH} characters ending in '=' `
      + `(${algorithm.prefix.length + ENCODED_LENGTH} characters in all with '${algorithm.prefix}')`;
  }
  if (encoded.length !== ENCODED_LENGTH) {
    return `HSM key must have exactly ${ENCODED_LENGTH} base64 characters after '${algorithm.prefix}' `
      + `(received ${encoded.length}): the key is ${KEY_BYTES} random bytes in padded base64, `
      + `${algorithm.prefix.length + ENCODED_LENGTH} characters in all`;
  }
  if (!CANONICAL_ENCODING.test(encoded)) {
    return `HSM key is not the canonical base64 of ${KEY_BYTES} bytes: exactly one '=' may appear, at the end, `
      + 'after one of AEIMQUYcgkosw048 (the key is probably mistyped or truncated)';
  }
  return undefined;
}

function wrongPrefixMessage(text: string): string {
  const algorithmName = /^hsm:([A-Za-z0-9-]{1,16}):/.exec(text)?.[1];
  if (algorithmName !== undefined) {
    return `HSM key algorithm '${algorithmName}' is not supported: use ${prefixes()}`;
  }
  const prefix = /^[A-Za-z0-9]{1,8}:/.exec(text)?.[0];
  const received = prefix === undefined ? 'no prefix' : `prefix '${prefix}'`;
  return `HSM key must start with ${prefixes()} (received ${received})`;
}

function prefixes(): string {
  return HsmKeyAlgorithm.ALL.map((algorithm) => `'${algorithm.prefix}'`).join(' or ');
}

function acceptedNames(): string {
  return HsmKeyAlgorithm.ALL.map((algorithm) => algorithm.name).join(' or ');
}

/** Names a character that is not base64; it cannot be part of the key material, so showing it leaks nothing. */
function describeCharacter(character: string): string {
  if (/^\s$/.test(character)) return 'whitespace';
  if (/^[\x21-\x7e]$/.test(character)) return `'${character}'`;
  return 'a non-ASCII character';
}
