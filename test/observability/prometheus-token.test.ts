import { createHmac } from 'node:crypto';
import { Duration } from 'cdk8s';
import { ConfigurationError } from '../../lib/core/errors';
import { MAX_PROMETHEUS_TOKEN_LIFETIME, mintPrometheusToken } from '../../lib/observability/prometheus-token';

const ACCESS_KEY = 'metrics-reader';
const SECRET_KEY = 'a-secret-key-of-forty-characters-xxxxxxx';
const ISSUED_AT = new Date('2026-11-30T00:00:00Z');

function mint(overrides: Partial<Parameters<typeof mintPrometheusToken>[0]> = {}): string {
  return mintPrometheusToken({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, lifetime: Duration.days(30), issuedAt: ISSUED_AT, ...overrides });
}

function decode(part: string): any {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

describe('mintPrometheusToken', () => {
  test('signs header and claims with HMAC-SHA512 keyed by the secret key, as MinIO verifies it', () => {
    const [header, payload, signature] = mint().split('.');
    const expected = createHmac('sha512', SECRET_KEY).update(`${header}.${payload}`).digest('base64url');

    expect(signature).toBe(expected);
    expect(createHmac('sha512', 'another-secret-key').update(`${header}.${payload}`).digest('base64url')).not.toBe(signature);
  });

  test('uses unpadded base64url in all three parts, the JWT compact form MinIO decodes', () => {
    expect(mint()).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  test('declares HS512 in the header', () => {
    expect(decode(mint().split('.')[0])).toEqual({ alg: 'HS512', typ: 'JWT' });
  });

  test('carries exactly iss prometheus, sub the access key and exp the end of the lifetime', () => {
    const claims = decode(mint().split('.')[1]);

    expect(claims).toEqual({
      iss: 'prometheus',
      sub: ACCESS_KEY,
      exp: Date.parse('2026-12-30T00:00:00Z') / 1000,
    });
  });

  test('counts the lifetime from now when issuedAt is omitted', () => {
    const before = Math.floor(Date.now() / 1000);
    const claims = decode(mintPrometheusToken({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, lifetime: Duration.hours(1) }).split('.')[1]);
    const after = Math.floor(Date.now() / 1000);

    expect(claims.exp).toBeGreaterThanOrEqual(before + 3600);
    expect(claims.exp).toBeLessThanOrEqual(after + 3600);
  });

  test('accepts the 100-year lifetime of mc admin prometheus generate', () => {
    const claims = decode(mint({ lifetime: MAX_PROMETHEUS_TOKEN_LIFETIME }).split('.')[1]);

    expect(claims.exp).toBe(ISSUED_AT.getTime() / 1000 + 100 * 365 * 86400);
  });

  test('is deterministic for the same input', () => {
    expect(mint()).toBe(mint());
  });

  test.each([
    ['zero', Duration.seconds(0)],
    ['a fraction of a second', Duration.millis(1500)],
    ['more than 100 years', Duration.days(100 * 365 + 1)],
  ])('refuses a lifetime of %s', (_name, lifetime) => {
    expect(() => mint({ lifetime })).toThrow(/mintPrometheusToken: lifetime must be a whole number of seconds, more than zero and at most 100 years/);
  });

  test('refuses an access key MinIO would never have', () => {
    expect(() => mint({ accessKey: 'ab' })).toThrow(ConfigurationError);
    expect(() => mint({ accessKey: 'ab' })).toThrow(/accessKey must have at least 3 characters \(received 'ab'\)/);
  });

  test('refuses a short secret key without repeating it', () => {
    const secret = 'short';
    let message = '';
    try {
      mint({ secretKey: secret });
    } catch (error) {
      message = (error as Error).message;
    }

    expect(message).toMatch(/secretKey must have at least 8 characters \(received 'a secret key of 5 characters'\)/);
    expect(message).not.toContain(secret);
  });

  test('refuses an invalid issuedAt', () => {
    expect(() => mint({ issuedAt: new Date('not a date') })).toThrow(/issuedAt must be a valid date/);
  });
});
