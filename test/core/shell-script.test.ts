import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { shellQuote, shellScript } from '../../lib/core/shell-script';

describe('shellQuote', () => {
  test.each(['plain', "it's", 'a b', '$(rm -rf /)', '`x`', '"q"', ''])('%j reaches sh unchanged', (value) => {
    const result = spawnSync('sh', ['-c', `printf %s ${shellQuote(value)}`], { encoding: 'utf8' });
    expect(result.stdout).toBe(value);
  });
});

describe('shellScript', () => {
  test('puts every input in one sorted, quoted header before the body, without the #! line', () => {
    const script = shellScript('kms/scripts/restart.sh', { STS: "kms'x", PODS: 'kms-0 kms-1' });
    const lines = script.split('\n');
    expect(lines.slice(0, 2)).toEqual(["PODS='kms-0 kms-1'", "STS='kms'\\''x'"]);
    expect(script).not.toContain('#!/bin/sh');
  });

  test('refuses a variable name the script could not read safely', () => {
    expect(() => shellScript('kms/scripts/restart.sh', { 'sts name': 'x' })).toThrow(/shell variable 'sts name' must be upper-case/);
  });

  test('finds lib/<path> from a bundle outside the module tree, as npm run synth runs it', () => {
    const root = mkdtempSync(join(tmpdir(), 'shell-script-'));
    mkdirSync(join(root, 'lib', 'demo', 'scripts'), { recursive: true });
    mkdirSync(join(root, '.build'));
    writeFileSync(join(root, 'lib', 'demo', 'scripts', 'hello.sh'), '#!/bin/sh\necho "hello ${WHO:?}"\n');
    // The compiled module in .build/ resolves scripts as a bundle does: its __dirname is .build/.
    const { buildSync } = require('esbuild');
    buildSync({ entryPoints: [join(__dirname, '../../lib/core/shell-script.ts')], outfile: join(root, '.build', 'bundle.js'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
    const bundled = require(join(root, '.build', 'bundle.js'));
    const result = spawnSync('sh', ['-c', bundled.shellScript('demo/scripts/hello.sh', { WHO: 'world' })], { encoding: 'utf8' });
    expect(result.stdout).toBe('hello world\n');
  });

  test('says what is missing when a script cannot be found', () => {
    expect(() => shellScript('nowhere/scripts/none.sh', {})).toThrow(/cannot find its shell script nowhere\/scripts\/none.sh/);
  });
});
