import { generateHsmKey, HsmKeyAlgorithm, isHsmKey, validateHsmKey } from '../../lib/kms/hsm-key';

/** The padded base64 of 32 fixed bytes, with both '+' and '/' in it. */
const BODY = 'EUuFv/kzbafhG1WPyQM9d7HrJV+Z0w1Hgbv1L2mj3Rc=';

describe('HsmKeyAlgorithm', () => {
  test('names the two ciphers minkms accepts', () => {
    expect(HsmKeyAlgorithm.ALL.map((algorithm) => algorithm.prefix)).toEqual(['hsm:aes256:', 'hsm:chacha20:']);
  });

  test('looks algorithms up by name', () => {
    expect(HsmKeyAlgorithm.fromName('aes256')).toBe(HsmKeyAlgorithm.AES256);
    expect(HsmKeyAlgorithm.fromName('chacha20')).toBe(HsmKeyAlgorithm.CHACHA20);
  });

  test('rejects an unknown name, listing the accepted ones', () => {
    expect(() => HsmKeyAlgorithm.fromName('aes128')).toThrow(/HSM key algorithm 'aes128' is not supported: use aes256 or chacha20/);
  });

  test('does not echo a name that looks like key material', () => {
    expect(() => HsmKeyAlgorithm.fromName(`hsm:aes256:${BODY}`)).toThrow(/^HSM key algorithm is not supported: use aes256 or chacha20$/);
  });
});

describe('generateHsmKey', () => {
  test('makes an aes256 key of 55 characters by default', () => {
    const key = generateHsmKey();

    expect(key).toMatch(/^hsm:aes256:[A-Za-z0-9+/]{43}=$/);
    expect(key).toHaveLength(55);
    expect(Buffer.from(key.slice('hsm:aes256:'.length), 'base64')).toHaveLength(32);
    expect(isHsmKey(key)).toBe(true);
  });

  test('makes a chacha20 key of 57 characters', () => {
    const key = generateHsmKey(HsmKeyAlgorithm.CHACHA20);

    expect(key).toMatch(/^hsm:chacha20:[A-Za-z0-9+/]{43}=$/);
    expect(key).toHaveLength(57);
    expect(() => validateHsmKey(key)).not.toThrow();
  });

  test('makes a different key every time', () => {
    expect(new Set(Array.from({ length: 20 }, () => generateHsmKey())).size).toBe(20);
  });
});

describe('validateHsmKey', () => {
  test.each([`hsm:aes256:${BODY}`, `hsm:chacha20:${BODY}`])('accepts %s', (key) => {
    expect(() => validateHsmKey(key)).not.toThrow();
    expect(isHsmKey(key)).toBe(true);
  });

  test('rejects an empty key', () => {
    expectRejected('', /HSM key is empty: expected 'hsm:aes256:' or 'hsm:chacha20:' followed by the padded base64 of 32 bytes/);
  });

  test('rejects a key without a prefix and does not echo it', () => {
    expectRejected(BODY, /HSM key must start with 'hsm:aes256:' or 'hsm:chacha20:' \(received no prefix\)/);
  });

  test('rejects a KMS API key given where the HSM key belongs', () => {
    expectRejected('k1:AqwjUvaWEE9O83quGOkiO_2D1x37Za9gE4L5UHdq0Ag', /must start with 'hsm:aes256:' or 'hsm:chacha20:' \(received prefix 'k1:'\)/);
  });

  test('rejects an unknown algorithm, naming it', () => {
    expectRejected(`hsm:aes128:${BODY}`, /HSM key algorithm 'aes128' is not supported: use 'hsm:aes256:' or 'hsm:chacha20:'/);
  });

  test('rejects base64url', () => {
    expectRejected(`hsm:aes256:${BODY.replace('+', '-')}`, /has '-' at character 27 after 'hsm:aes256:': the key looks base64url-encoded/);
  });

  test('rejects whitespace', () => {
    expectRejected(`hsm:aes256:${BODY}\n`, /has whitespace at character 45 after 'hsm:aes256:'/);
  });

  test('rejects other characters', () => {
    expectRejected(`hsm:chacha20:${BODY.slice(0, 3)}*${BODY.slice(4)}`, /has '\*' at character 4 after 'hsm:chacha20:': HSM keys use standard base64/);
  });

  test('rejects a key without padding', () => {
    expectRejected(`hsm:aes256:${BODY.slice(0, 43)}`, /HSM key is missing its base64 padding: 32 bytes are 44 characters ending in '=' \(55 characters in all/);
  });

  test('rejects a truncated key, giving the length received', () => {
    expectRejected(`hsm:chacha20:${BODY.slice(0, 30)}`, /must have exactly 44 base64 characters after 'hsm:chacha20:' \(received 30\).*57 characters in all/);
  });

  test('rejects a key that is too long', () => {
    expectRejected(`hsm:aes256:${BODY}AAAA`, /must have exactly 44 base64 characters after 'hsm:aes256:' \(received 48\)/);
  });

  test('rejects padding in the wrong place', () => {
    expectRejected(`hsm:aes256:${BODY.slice(0, 20)}=${BODY.slice(21)}`, /is not the canonical base64 of 32 bytes: exactly one '=' may appear, at the end/);
  });

  test('rejects a non-canonical last character', () => {
    expectRejected(`hsm:aes256:${BODY.slice(0, 42)}t=`, /is not the canonical base64 of 32 bytes/);
  });
});

/** Expects validation to fail with `message`, and the message not to contain the key material. */
function expectRejected(text: string, message: RegExp): void {
  expect(isHsmKey(text)).toBe(false);
  let thrown: unknown;
  try {
    validateHsmKey(text);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Error);
  const received = (thrown as Error).message;
  expect(received).toMatch(message);
  const material = text.replace(/^(hsm:[a-z0-9]+:|k1:)/, '').slice(0, 12);
  if (material.length > 0) expect(received).not.toContain(material);
}
