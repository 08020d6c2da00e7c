import { createHash, generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { isKmsIdentity, KmsApiKey, kmsIdentityOf } from '../../lib/kms/api-key';

/**
 * k1 -> h1 pairs from the Go package aead.dev/mtls (github.com/aead/mtls), which minkms uses for its keys.
 * The first is its ExampleClientServer output; the other two are example private keys whose identities appear
 * in its identity_test.go.
 */
const VECTORS: ReadonlyArray<readonly [string, string]> = [
  ['k1:AqwjUvaWEE9O83quGOkiO_2D1x37Za9gE4L5UHdq0Ag', 'h1:FALvKoL5sB2mfvXrbheZ8tgKjIJZ60gN-VH9TcfK7Q0'],
  ['k1:rEvhGSEz3JBPamsG4x09DQ6qHOXElhGvXJeqRl4wD-c', 'h1:9edVjiHvgN6h5L1AmEjUgyapyTdCcrO54-INxKHeDdw'],
  ['k1:VUP2ZuJttWBTJpv3T8aeJR4jaemYYBgjqAri1uK78No', 'h1:01Wao7cTy0ZGRsOmZzjtnrIliF2ozLlwkGa4adRMAYI'],
];

const VALID_BODY = 'AqwjUvaWEE9O83quGOkiO_2D1x37Za9gE4L5UHdq0Ag';

describe('KmsApiKey identity', () => {
  test.each(VECTORS)('%s has identity %s', (apiKey, identity) => {
    expect(KmsApiKey.parse(apiKey).identity).toBe(identity);
    expect(kmsIdentityOf(apiKey)).toBe(identity);
  });

  test('matches the SPKI hash of a key pair made by node:crypto from scratch', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const seed = privateKey.export({ format: 'jwk' }).d!;
    const spki = publicKey.export({ type: 'spki', format: 'der' });

    expect(kmsIdentityOf(`k1:${seed}`)).toBe(`h1:${createHash('sha256').update(spki).digest('base64url')}`);
  });
});

describe('KmsApiKey.generate', () => {
  test('makes a k1 key that parses back to the same key and identity', () => {
    const key = KmsApiKey.generate();
    const text = key.toString();

    expect(text).toMatch(/^k1:[A-Za-z0-9_-]{43}$/);
    expect(KmsApiKey.parse(text).toString()).toBe(text);
    expect(KmsApiKey.parse(text).identity).toBe(key.identity);
    expect(isKmsIdentity(key.identity)).toBe(true);
  });

  test('makes a different key every time', () => {
    const keys = new Set(Array.from({ length: 20 }, () => KmsApiKey.generate().toString()));

    expect(keys.size).toBe(20);
  });

  test('keeps the secret out of inspection and JSON', () => {
    const key = KmsApiKey.generate();
    const body = key.toString().slice(3);

    expect(inspect(key, { showHidden: true, depth: 5 })).not.toContain(body);
    expect(JSON.stringify(key)).not.toContain(body);
    expect(inspect(key)).toContain(key.identity);
  });
});

describe('KmsApiKey.parse', () => {
  test('round-trips every vector unchanged', () => {
    for (const [apiKey] of VECTORS) {
      expect(KmsApiKey.parse(apiKey).toString()).toBe(apiKey);
    }
  });

  test('rejects an empty key', () => {
    expect(() => KmsApiKey.parse('')).toThrow(/KMS API key is empty: expected 'k1:' followed by 43 base64url characters/);
  });

  test('rejects a key without a prefix and does not echo it', () => {
    expectRejected(VALID_BODY, /must start with 'k1:' \(received no prefix\)/);
  });

  test('rejects an unknown prefix, naming only the prefix', () => {
    expectRejected(`k9:${VALID_BODY}`, /must start with 'k1:' \(received prefix 'k9:'\)/);
  });

  test('rejects k2 (ECDSA) keys as unsupported', () => {
    expectRejected('k2:MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oGOnA', /k2 \(ECDSA\) format, which is not supported: only k1 \(Ed25519\) API keys are supported/);
  });

  test('rejects an identity given where the key belongs', () => {
    expectRejected(VECTORS[0][1], /received an identity, prefix 'h1:'.*pass the k1 API key/);
  });

  test('rejects padding', () => {
    expectRejected(`k1:${VALID_BODY}=`, /has '=' at character 44 after 'k1:': k1 keys are unpadded base64url/);
  });

  test('rejects standard base64 characters', () => {
    expectRejected(`k1:${VALID_BODY.slice(0, 10)}+${VALID_BODY.slice(11)}`, /has '\+' at character 11/);
    expectRejected(`k1:${VALID_BODY.slice(0, 5)}/${VALID_BODY.slice(6)}`, /has '\/' at character 6/);
  });

  test('rejects surrounding whitespace', () => {
    expectRejected(`k1:${VALID_BODY}\n`, /has whitespace at character 44/);
    expectRejected(`k1: ${VALID_BODY}`, /has whitespace at character 1/);
  });

  test('rejects non-ASCII characters', () => {
    expectRejected(`k1:${VALID_BODY.slice(0, 42)}é`, /has a non-ASCII character at character 43/);
  });

  test('rejects a truncated key, giving the length received', () => {
    expectRejected(`k1:${VALID_BODY.slice(0, 40)}`, /must have exactly 43 base64url characters after 'k1:' \(received 40\): a k1 key encodes a 32-byte Ed25519 seed/);
  });

  test('rejects a key that is too long', () => {
    expectRejected(`k1:${VALID_BODY}AAAA`, /must have exactly 43 base64url characters after 'k1:' \(received 47\)/);
  });

  test('rejects a non-canonical last character', () => {
    expectRejected(`k1:${VALID_BODY.slice(0, 42)}h`, /is not canonically encoded: the last character .* must be one of AEIMQUYcgkosw048/);
  });
});

describe('isKmsIdentity', () => {
  test.each([
    'h1:01Wao7cTy0ZGRsOmZzjtnrIliF2ozLlwkGa4adRMAYI',
    'h1:9edVjiHvgN6h5L1AmEjUgyapyTdCcrO54-INxKHeDdw',
    'h1:Ks-Q7OFe1W_ktXYdoBmHxLWKICLyGRj1P4wFQoZ2JKA',
  ])('accepts %s', (identity) => {
    expect(isKmsIdentity(identity)).toBe(true);
  });

  test.each([
    ['an API key', 'k1:rEvhGSEz3JBPamsG4x09DQ6qHOXElhGvXJeqRl4wD-c'],
    ['44 characters', 'h1:XCYpGV3rHlfQH10EQ85UbomqW08Chx5Z0ZBTFKpfGqQs'],
    ['42 characters', 'h1:rakZkIp7uZSoIo1zXl52o75m3GWBK20EntBW4zd-oQ'],
    ['standard base64', 'h1:01Wao7cTy0ZGRsOmZzjtnrIliF2ozLlwkGa4adRMA+I'],
    ['a non-canonical ending', 'h1:01Wao7cTy0ZGRsOmZzjtnrIliF2ozLlwkGa4adRMAYJ'],
    ['the empty string', ''],
  ])('rejects %s', (_label, text) => {
    expect(isKmsIdentity(text)).toBe(false);
  });
});

/** Expects parse to fail with `message`, and the message not to contain the key's body. */
function expectRejected(text: string, message: RegExp): void {
  let thrown: unknown;
  try {
    KmsApiKey.parse(text);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Error);
  const received = (thrown as Error).message;
  expect(received).toMatch(message);
  expect(received).not.toContain(text.replace(/^[a-z0-9]+:/, '').trim().slice(0, 12));
}
