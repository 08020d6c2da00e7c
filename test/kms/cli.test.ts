import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { kmsIdentityOf } from '../../lib/kms/api-key';
import { runKmsCli } from '../../lib/kms/cli';
import { isHsmKey } from '../../lib/kms/hsm-key';
import { nodeChildEnv } from '../support/child-env';
import { runCli as run, TEST_CLI_VERSION } from '../support/cli-run';

const API_KEY = 'k1:AqwjUvaWEE9O83quGOkiO_2D1x37Za9gE4L5UHdq0Ag';
const IDENTITY = 'h1:FALvKoL5sB2mfvXrbheZ8tgKjIJZ60gN-VH9TcfK7Q0';

describe('kms keygen', () => {
  test('prints a new API key and its identity on two lines', () => {
    const { code, stdout, stderr } = run(['kms', 'keygen']);

    expect(code).toBe(0);
    expect(stderr).toBe('');
    const match = /^API key: {2}(k1:[A-Za-z0-9_-]{43})\nIdentity: (h1:[A-Za-z0-9_-]{43})\n$/.exec(stdout);
    expect(match).not.toBeNull();
    expect(kmsIdentityOf(match![1])).toBe(match![2]);
  });

  test('prints JSON with --json', () => {
    const { code, stdout } = run(['kms', 'keygen', '--json']);

    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { apiKey: string; identity: string };
    expect(Object.keys(printed).sort()).toEqual(['apiKey', 'identity']);
    expect(kmsIdentityOf(printed.apiKey)).toBe(printed.identity);
  });

  test('rejects unknown options as a usage error', () => {
    const { code, stdout, stderr } = run(['kms', 'keygen', '--yaml']);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe("minio-aks: unknown argument '--yaml' for 'kms keygen': the only option is --json\nRun 'minio-aks kms keygen --help' for usage.\n");
  });
});

describe('kms identity', () => {
  test('prints the identity of a key given as an argument', () => {
    expect(run(['kms', 'identity', API_KEY])).toEqual({ code: 0, stdout: `${IDENTITY}\n`, stderr: '' });
  });

  test("reads the key from standard input when the argument is '-'", () => {
    expect(run(['kms', 'identity', '-'], `  ${API_KEY}\n`)).toEqual({ code: 0, stdout: `${IDENTITY}\n`, stderr: '' });
  });

  test('fails with exit code 1 on empty standard input', () => {
    const { code, stderr } = run(['kms', 'identity', '-'], '\n');

    expect(code).toBe(1);
    expect(stderr).toMatch(/^minio-aks: no API key on standard input/);
  });

  test('fails with exit code 1 when standard input cannot be read', () => {
    const { code, stderr } = run(['kms', 'identity', '-']);

    expect(code).toBe(1);
    expect(stderr).toMatch(/^minio-aks: could not read the API key from standard input \(the test gave no standard input\)/);
  });

  test('fails with exit code 1 on a malformed key without echoing it', () => {
    const truncated = API_KEY.slice(0, 30);
    const { code, stdout, stderr } = run(['kms', 'identity', truncated]);

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe("minio-aks: KMS API key must have exactly 43 base64url characters after 'k1:' (received 27): a k1 key encodes a 32-byte Ed25519 seed\n");
    expect(stderr).not.toContain(truncated.slice(3));
  });

  test('fails with exit code 1 on a k2 key', () => {
    const { code, stderr } = run(['kms', 'identity', 'k2:AAAA']);

    expect(code).toBe(1);
    expect(stderr).toMatch(/only k1 \(Ed25519\) API keys are supported/);
  });

  test('needs exactly one argument', () => {
    expect(run(['kms', 'identity'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/'kms identity' takes one argument.*\(received 0\)/) });
    expect(run(['kms', 'identity', API_KEY, API_KEY])).toMatchObject({ code: 2, stderr: expect.stringMatching(/\(received 2\)/) });
  });

  test('treats other dash arguments as unknown options', () => {
    expect(run(['kms', 'identity', '--json'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown option '--json' for 'kms identity'/) });
  });
});

describe('kms hsm-keygen', () => {
  test('prints an aes256 key by default', () => {
    const { code, stdout } = run(['kms', 'hsm-keygen']);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^hsm:aes256:[A-Za-z0-9+/]{43}=\n$/);
    expect(isHsmKey(stdout.trim())).toBe(true);
  });

  test('prints a chacha20 key on request', () => {
    const { code, stdout } = run(['kms', 'hsm-keygen', 'chacha20']);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^hsm:chacha20:[A-Za-z0-9+/]{43}=\n$/);
  });

  test('rejects an unknown algorithm as a usage error', () => {
    const { code, stdout, stderr } = run(['kms', 'hsm-keygen', 'aes128']);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^minio-aks: HSM key algorithm 'aes128' is not supported: use aes256 or chacha20\n/);
  });

  test('takes at most one argument', () => {
    expect(run(['kms', 'hsm-keygen', 'aes256', 'chacha20'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/at most one argument.*\(received 2\)/) });
  });
});

describe('--version and help', () => {
  test('--version prints the package version and nothing else', () => {
    expect(run(['--version'])).toEqual({ code: 0, stdout: `${TEST_CLI_VERSION}\n`, stderr: '' });
    expect(run(['--version', 'extra'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/'--version' takes no further arguments/) });
  });

  test.each([['help'], ['--help'], ['-h'], ['kms', 'help'], ['kms', '--help'], ['help', 'kms']])('%j prints the overview with exit codes on stdout', (...argv) => {
    const { code, stdout, stderr } = run(argv);

    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: minio-aks <command> \[options\]/);
    for (const command of ['kms keygen', 'kms identity', 'kms hsm-keygen', 'help', '--version']) {
      expect(stdout).toContain(`  ${command}`);
    }
    expect(stdout).toContain('Exit codes: 0 success, 1 malformed key or unreadable input, 2 usage error, 3 internal error.');
  });

  test.each([
    ['keygen', /^Usage: minio-aks kms keygen \[--json\]\n\nGenerate a MinIO KMS API key/],
    ['identity', /^Usage: minio-aks kms identity <api-key \| ->\n\nPrint the identity/],
    ['hsm-keygen', /^Usage: minio-aks kms hsm-keygen \[aes256\|chacha20\]\n\nGenerate a MINIO_KMS_HSM_KEY value/],
  ])('every subcommand has its own help: kms %s', (name, expected) => {
    for (const argv of [['kms', name, '--help'], ['kms', name, '-h'], ['help', 'kms', name], ['kms', 'help', name]]) {
      const { code, stdout, stderr } = run(argv);
      expect([argv, code, stderr]).toEqual([argv, 0, '']);
      expect(stdout).toMatch(expected);
      expect(stdout).toContain('Exit codes:');
    }
  });

  test('help for an unknown topic is a usage error', () => {
    expect(run(['help', 'kes'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^minio-aks: no help for 'kes'/) });
    expect(run(['help', 'kms', 'rotate'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown kms command 'rotate'/) });
    expect(run(['help', 'kms', 'keygen', 'extra'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/'help kms keygen' takes no further arguments/) });
  });
});

describe('usage errors', () => {
  test('no command is a usage error that points at the help', () => {
    expect(run([])).toEqual({ code: 2, stdout: '', stderr: "minio-aks: missing command\nRun 'minio-aks --help' for usage.\n" });
  });

  test('an unknown command is a usage error that names it', () => {
    expect(run(['kes', 'keygen'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^minio-aks: unknown command 'kes': the command groups are 'kms', 'prometheus'\n/) });
    expect(run(['--json'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^minio-aks: unknown command '--json'/) });
  });

  test('a missing or unknown kms command is a usage error', () => {
    expect(run(['kms'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/missing kms command: use 'keygen', 'identity', 'hsm-keygen'/) });
    expect(run(['kms', 'rotate'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown kms command 'rotate'/) });
    expect(run(['kms', 'toString'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown kms command 'toString'/) });
  });

  test("a subcommand's usage error points at that subcommand's help", () => {
    expect(run(['kms', 'identity'])).toMatchObject({ stderr: expect.stringMatching(/Run 'minio-aks kms identity --help' for usage\.\n$/) });
    expect(run(['kms', 'hsm-keygen', 'a', 'b'])).toMatchObject({ stderr: expect.stringMatching(/Run 'minio-aks kms hsm-keygen --help' for usage\.\n$/) });
  });

  test('never echoes a key given in place of a command or an algorithm', () => {
    for (const argv of [[API_KEY], ['kms', API_KEY], ['help', 'kms', API_KEY], ['kms', 'hsm-keygen', 'hsm:aes256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=']]) {
      const { code, stderr } = run(argv);
      expect(code).toBe(2);
      expect(stderr).not.toMatch(/AqwjUvaWEE9O|AAAAAAAA/);
    }
  });
});

describe('internal errors', () => {
  test('exit with code 3 and show the error class only, never its message', () => {
    let failing = '';
    const result = runKmsCli(['kms', 'keygen'], {
      stdout: () => { throw new TypeError(`write failed for ${API_KEY}`); },
      stderr: (text) => { failing += text; },
    }, { version: TEST_CLI_VERSION });
    expect(result).toBe(3);
    expect(failing).toBe('minio-aks: internal error (TypeError); please report it\n');
  });
});

describe('bin/minio-aks.js', () => {
  test('without a compiled library it says how to build one and exits with code 3', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
    mkdirSync(path.join(dir, 'bin'));
    copyFileSync(path.join(__dirname, '..', '..', 'bin', 'minio-aks.js'), path.join(dir, 'bin', 'minio-aks.js'));

    const result = spawnSync(process.execPath, [path.join(dir, 'bin', 'minio-aks.js'), '--version'], { encoding: 'utf8', timeout: 30_000, env: nodeChildEnv() });

    expect(result.status).toBe(3);
    expect(result.stderr).toBe("minio-aks: the compiled library (dist-lib/) is missing: run 'npm run build' in this checkout\n");
  });
});
