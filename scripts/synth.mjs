// The fast path behind `npm run synth` and `cdk8s synth`: type checking belongs to `npm run build` and
// `npm test`, so here the app's TypeScript is only bundled by esbuild (dependencies stay external) into
// .build/ and then run in this process with V8 code caches (code-cache.mjs). The bundle is rebuilt only when
// one of the files it was made from (esbuild's metafile inputs), the bundling settings or tsconfig.json changed
// or disappeared.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleTypeScript } from './bundle.mjs';
import { runBundle, useCodeCache } from './code-cache.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
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

if (!isFresh()) {
  const inputs = await bundleTypeScript(entry, bundle, root);
  writeFileSync(inputsFile, `${JSON.stringify(inputs.map((input) => relative(root, input)), null, 1)}\n`);
}
useCodeCache(join(root, '.build', 'code-cache', name));
runBundle(bundle);
