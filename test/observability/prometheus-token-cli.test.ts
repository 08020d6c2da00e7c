import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli-run';

const SECRET = 'metrics-reader-secret-key';

/** Standard input that is not ready, as a terminal answers a non-blocking read. */
const notReady = () => Object.assign(new Error('no stdin'), { code: 'EAGAIN' });
const run = (argv: string[], stdin?: string) => runCli(argv, stdin, notReady);

function claimsOf(token: string): Record<string, unknown> {
  const [header, payload, signature] = token.split('.');
  expect(createHmac('sha512', SECRET).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
  expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS512', typ: 'JWT' });
  return JSON.parse(Buffer.from(payload, 'base64url').toString());
}

describe('minio-aks prometheus token', () => {
  test('reads the secret key from standard input and prints only a token that verifies with it', () => {
    const before = Math.floor(Date.now() / 1000);
    const { code, stdout, stderr } = run(['prometheus', 'token', '--access-key', 'metrics-reader', '--lifetime', '30d'], `${SECRET}\n`);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = claimsOf(stdout.trim());
    expect(claims).toMatchObject({ iss: 'prometheus', sub: 'metrics-reader' });
    expect(claims.exp).toBeGreaterThanOrEqual(before + 30 * 86400);
    expect(claims.exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 30 * 86400);
  });

  test('reads the secret key from a file, with a default lifetime of 365 days', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'token-')), 'secret');
    writeFileSync(file, `${SECRET}\n`);
    const { code, stdout } = run(['prometheus', 'token', '--secret-key-file', file, '--access-key', 'metrics-reader']);
    expect(code).toBe(0);
    const claims = claimsOf(stdout.trim());
    expect((claims.exp as number) - Math.floor(Date.now() / 1000)).toBeGreaterThan(364 * 86400);
  });

  test('never takes the secret key on the command line and never echoes it', () => {
    const result = run(['prometheus', 'token', '--access-key', 'metrics-reader', '--secret-key', SECRET]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a secret key is never taken on the command line');
    expect(result.stderr).not.toContain(SECRET);
    const short = run(['prometheus', 'token', '--access-key', 'metrics-reader'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/secretKey must have at least 8 characters \(received 'a secret key of 5 characters'\)/);
    expect(short.stderr).not.toContain('short\n');
  });

  test('usage errors: missing access key, bad lifetime, unknown option; unreadable input is exit 1', () => {
    expect(run(['prometheus', 'token'], SECRET)).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs --access-key/) });
    expect(run(['prometheus', 'token', '--access-key', 'a1b', '--lifetime', '1y'], SECRET)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--lifetime \(not shown\) is not a whole number of days, hours or seconds/) });
    expect(run(['prometheus', 'token', '--access-key'], SECRET)).toMatchObject({ code: 2, stderr: expect.stringMatching(/'--access-key' needs a value/) });
    expect(run(['prometheus', 'token', '--access-key', 'metrics-reader'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/could not read the secret key from standard input \(EAGAIN\)/) });
    expect(run(['prometheus', 'token', '--access-key', 'x', '--secret-key-file', '/nonexistent/file'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/ENOENT/) });
    expect(run(['prometheus', 'rotate'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown prometheus command 'rotate': use 'token'/) });
  });

  test('has its own help, and the overview lists it', () => {
    for (const argv of [['prometheus', 'token', '--help'], ['help', 'prometheus', 'token']]) {
      const { code, stdout } = run(argv);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: minio-aks prometheus token --access-key <key>/);
      expect(stdout).toContain('never from the command line');
    }
    expect(run(['--help']).stdout).toContain('  prometheus token');
  });
});
