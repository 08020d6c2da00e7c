import { Testing } from 'cdk8s';
import { ConfigurationError } from '../../lib';
import { reject } from '../../lib/core/errors';
import { redactKeyMaterial } from '../../lib/core/redaction';

const K1 = 'k1:AqwjUvaWEE9O83quGOkiO_2D1x37Za9gE4L5UHdq0Ag';
const HSM = `hsm:aes256:${Buffer.alloc(32, 7).toString('base64')}`;
const STATIC = `minio-key:${Buffer.alloc(32, 9).toString('base64')}`;

function messageOf(field: string, received: unknown, problem = 'is wrong'): ConfigurationError {
  try {
    reject(Testing.chart(), field, received, problem, 'fix it');
  } catch (error) {
    return error as ConfigurationError;
  }
  throw new Error('reject did not throw');
}

describe('ConfigurationError redaction', () => {
  test.each([
    ['a k1: API key', K1, 'k1:<redacted>'],
    ['an HSM key', HSM, 'hsm:aes256:<redacted>'],
    ['a static KMS key', STATIC, 'minio-key:<redacted>'],
  ])('%s never reaches the message, only its prefix', (_, key, shown) => {
    const error = messageOf('adminIdentity', key);
    expect(error.message).not.toContain(key.slice(-20));
    expect(error.message).toContain(`(received '${shown}')`);
    expect(error.received).toBe(shown);
  });

  test('key material inside objects and in the problem text is redacted too', () => {
    const error = messageOf('hsmKey', { value: HSM }, `must not be ${K1}`);
    expect(error.message).toBe(`test: hsmKey must not be k1:<redacted> (received {"value":"hsm:aes256:<redacted>"}): fix it`);
    expect(error.received).toEqual({ value: 'hsm:aes256:<redacted>' });
  });

  test('values of secret-looking variables are redacted whatever their shape', () => {
    expect(messageOf('env.MINIO_ROOT_PASSWORD', 'hunter2').message).toContain(`(received '<redacted, 7 characters>')`);
    expect(messageOf('secretEnv.MINIO_AUDIT_WEBHOOK_AUTH_TOKEN', 'Bearer abc').message).toContain('<redacted, 10 characters>');
    expect(messageOf('env.MINIO_KMS_SECRET_KEY_FILE', '/etc/key').message).toContain(`(received '/etc/key')`);
    expect(messageOf('rootPassword', 'kv-root-password').message).toContain(`(received 'kv-root-password')`);
  });

  test('ordinary values and short prefixes stay readable', () => {
    expect(redactKeyMaterial('never pass the k1: key itself')).toBe('never pass the k1: key itself');
    expect(redactKeyMaterial('pools[0]: 4 servers')).toBe('pools[0]: 4 servers');
  });
});
