// The fast path behind `npm run synth` and `cdk8s synth`: type checking belongs to `npm run build` and
// `npm test`, so here the app's TypeScript is only bundled by esbuild, with the packages it imports, into .build/
// and then run in this process from a V8 code cache (code-cache.cjs). The bundle is rebuilt only when one of the
// files it was made from (esbuild's metafile inputs, node_modules included), the bundling settings (this file,
// bundle.mjs, tsconfig.json) changed or disappeared. A file counts as changed when its modification or its status
// change time is later than the bundle's: a file put back with an older modification time (a package unpacked with
// its archive's times keeps npm's fixed 1985-10-26; `cp -p` and `rsync -t` keep the source's) still gets a new
// status change time, which the kernel stamps whenever it writes a file.
//
// CommonJS on purpose: an ES module entry point makes Node load its ES module loader too, about 10 ms of a synth
// that takes a few hundred.
'use strict';
const { existsSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');
const { runBundle } = require('./code-cache.cjs');

const root = resolve(__dirname, '..');
const entry = resolve(root, process.argv[2] ?? 'apps/gitops/main.ts');
const name = relative(root, entry).replace(/\.ts$/, '').replace(/[^A-Za-z0-9-]+/g, '_');
const bundle = join(root, '.build', `${name}.cjs`);
const inputsFile = `${bundle}.inputs.json`;
const settings = [__filename, join(root, 'scripts', 'bundle.mjs'), join(root, 'tsconfig.json')];

function isFresh() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return false;
  const built = statSync(bundle).mtimeMs;
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')).map((input) => resolve(root, input));
  return [...inputs, ...settings].every((file) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat !== undefined && Math.max(stat.mtimeMs, stat.ctimeMs) <= built;
  });
}

async function main() {
  if (!isFresh()) {
    const { bundleTypeScript } = await import('./bundle.mjs');
    const inputs = await bundleTypeScript(entry, bundle, root, { dependencies: 'bundle' });
    writeFileSync(inputsFile, `${JSON.stringify(inputs.map((input) => relative(root, input)), null, 1)}\n`);
  }
  runBundle(bundle, join(root, '.build', 'code-cache', name));
}

main().catch((error) => {
  process.exitCode = 1;
  console.error(error);
});
