import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

describe('the synth cache (.build/)', () => {
  // An app outside lib/ and apps/: the cache must follow what the bundle contains, not two folders.
  const dir = mkdtempSync(join(tmpdir(), 'synth-cache-'));
  const entry = join(dir, 'entry.ts');
  const helper = join(dir, 'helper.ts');
  const bundle = join(root, '.build', `${relative(root, entry).replace(/\.ts$/, '').replace(/[^A-Za-z0-9-]+/g, '_')}.cjs`);
  writeFileSync(entry, "import { value } from './helper';\nconsole.log(value);\n");
  writeFileSync(helper, "export const value: string = 'first';\n");
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(bundle, { force: true });
    for (const name of readdirSync(dirname(bundle))) {
      if (name.startsWith(`${basename(bundle)}.`)) rmSync(join(dirname(bundle), name), { force: true });
    }
  });

  const synth = () => execFileSync(process.execPath, [join(root, 'scripts', 'synth.mjs'), entry], { encoding: 'utf8' }).trim();

  test('reuses the bundle while none of its inputs changed, and rebuilds when any imported file does', () => {
    expect(synth()).toBe('first');
    const built = statSync(bundle).mtimeMs;
    expect(synth()).toBe('first');
    expect(statSync(bundle).mtimeMs).toBe(built);

    writeFileSync(helper, "export const value: string = 'second';\n");
    const later = new Date(built + 5_000);
    utimesSync(helper, later, later);
    expect(synth()).toBe('second');
  });

  test('keeps one V8 code cache per bundle, named after the bytes it was made from', () => {
    const caches = () => readdirSync(dirname(bundle)).filter((name) => name.startsWith(`${basename(bundle)}.`) && name.endsWith('.v8cache'));
    synth();
    const [cache] = caches();
    expect(caches()).toHaveLength(1);
    writeFileSync(helper, "export const value: string = 'third';\n");
    const later = new Date(statSync(bundle).mtimeMs + 5_000);
    utimesSync(helper, later, later);
    expect(synth()).toBe('third');
    expect(caches()).toHaveLength(1);
    expect(caches()).not.toEqual([cache]);
  });
});
