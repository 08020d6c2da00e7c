// The fast path behind `npm run synth` and `cdk8s synth`: type checking belongs to `npm run build` and
// `npm test`, so here the app's TypeScript is only bundled by esbuild (dependencies stay external) into
// .build/ and then run in this process with V8 code caches (code-cache.cjs). The bundle is rebuilt only when
// one of the files it was made from (esbuild's metafile inputs), the bundling settings or tsconfig.json changed
// or disappeared.
//
// CommonJS on purpose: an ES module entry point makes Node load its ES module loader too, about 10 ms of a synth
// that takes a few hundred.
'use strict';
const { existsSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');
const { runBundle, useCodeCache } = require('./code-cache.cjs');

const root = resolve(__dirname, '..');
const entry = resolve(root, process.argv[2] ?? 'apps/gitops/main.ts');
const name = relative(root, entry).replace(/\.ts$/, '').replace(/[^A-Za-z0-9-]+/g, '_');
const bundle = join(root, '.build', `${name}.cjs`);
const inputsFile = `${bundle}.inputs.json`;
const settings = [join(root, 'scripts', 'bundle.mjs'), join(root, 'tsconfig.json')];

function isFresh() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return false;
  const built = statSync(bundle).mtimeMs;
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')).map((input) => resolve(root, input));
  return [...inputs, ...settings].every((file) => existsSync(file) && statSync(file).mtimeMs <= built);
}

async function main() {
  if (!isFresh()) {
    const { bundleTypeScript } = await import('./bundle.mjs');
    const inputs = await bundleTypeScript(entry, bundle, root);
    writeFileSync(inputsFile, `${JSON.stringify(inputs.map((input) => relative(root, input)), null, 1)}\n`);
  }
  useCodeCache(join(root, '.build', 'code-cache', name));
  runBundle(bundle);
}

main().catch((error) => {
  process.exitCode = 1;
  console.error(error);
});
