import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { nodeChildEnv } from '../support/child-env';

const root = join(__dirname, '..', '..');

describe('the synth cache (.build/)', () => {
  // An app outside lib/ and apps/: the cache must follow what the bundle contains, not two folders.
  const dir = mkdtempSync(join(tmpdir(), 'synth-cache-'));
  const entry = join(dir, 'entry.ts');
  const helper = join(dir, 'helper.ts');
  const name = relative(root, entry).replace(/\.ts$/, '').replace(/[^A-Za-z0-9-]+/g, '_');
  const bundle = join(root, '.build', `${name}.cjs`);
  const cacheDir = join(root, '.build', 'code-cache', name);
  writeFileSync(entry, "import { value } from './helper';\nconsole.log(value);\n");
  writeFileSync(helper, "export const value: string = 'first';\n");
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(bundle, { force: true });
    rmSync(`${bundle}.inputs.json`, { force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const synth = () => execFileSync(process.execPath, [join(root, 'scripts', 'synth.cjs'), entry], { encoding: 'utf8', env: nodeChildEnv() }).trim();

  test('reuses the bundle while none of its inputs changed, and rebuilds when any imported file does', () => {
    expect(synth()).toBe('first');
    const built = statSync(bundle).mtimeMs;
    expect(synth()).toBe('first');
    expect(statSync(bundle).mtimeMs).toBe(built);

    writeFileSync(helper, "export const value: string = 'second';\n");
    const later = new Date(built + 5_000);
    utimesSync(helper, later, later);
    expect(synth()).toBe('second');

    // Put back with an old modification time, as a package unpacked with its archive's times (npm's 1985-10-26):
    // only the status change time tells that the file is new.
    writeFileSync(helper, "export const value: string = 'reinstalled';\n");
    const npmTime = new Date('1985-10-26T08:15:00Z');
    utimesSync(helper, npmTime, npmTime);
    expect(synth()).toBe('reinstalled');
  });

  test('keeps one V8 code cache, named after the bundle file it was made from', () => {
    const caches = () => readdirSync(cacheDir);
    synth();
    const [cache] = caches();
    expect(caches()).toHaveLength(1);
    const { ino, size } = statSync(bundle);
    expect(cache).toMatch(new RegExp(`^${ino}-${size}-\\d+-${process.version}-${process.arch}\\.v8cache$`));
    writeFileSync(helper, "export const value: string = 'third';\n");
    const later = new Date(statSync(bundle).mtimeMs + 5_000);
    utimesSync(helper, later, later);
    expect(synth()).toBe('third');
    expect(caches()).toHaveLength(1);
    expect(caches()).not.toEqual([cache]);
  });
});
