// Bundles one TypeScript entry point into a CommonJS file with esbuild: transpile only. esbuild is imported on first
// use, so callers that find a fresh bundle never load it.
//
// `dependencies: 'bundle'` (the synth fast path) puts the packages the entry imports into the file too: Node then
// reads, resolves and wraps one file instead of some 300 modules of cdk8s, cdk8s-plus-28, constructs and yaml, and
// esbuild leaves out their doc comments (most of cdk8s-plus-28's bytes). `'external'` leaves them to Node's require.
// The file is written under a temporary name and renamed, so each build is a new file (code-cache.cjs relies on
// that) and a synth running beside this one never reads half of it. It is written ASCII-only: esbuild escapes
// every other character in code but keeps comments as they are, and one curly quote in a comment makes Node decode
// the whole file as UTF-8 into a two-byte string, about 10 ms for the 2 MB synth bundle instead of 1 ms.
// Returns the files the bundle was made from (esbuild's metafile inputs), as absolute paths.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export async function bundleTypeScript(entry, outfile, root, { dependencies = 'external' } = {}) {
  const { buildSync } = await import('esbuild');
  const { metafile, outputFiles } = buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: dependencies === 'bundle' ? undefined : 'external',
    // An app outside the project (the synth cache test writes one in the temp directory) uses its packages too.
    nodePaths: [resolve(root, 'node_modules')],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: root,
    metafile: true,
    write: false,
  });
  mkdirSync(dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temporary, outputFiles[0].text.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
  renameSync(temporary, outfile);
  return Object.keys(metafile.inputs).map((input) => resolve(root, input));
}
