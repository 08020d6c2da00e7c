// The fast path behind `npm run synth` and `cdk8s synth`: type checking belongs to `npm run build` and
// `npm test`, so here the app's TypeScript is only bundled by esbuild (dependencies stay external) into
// .build/, rebuilt only when a source file is newer than the bundle, and then run in this process.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleTypeScript } from './bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = resolve(root, process.argv[2] ?? 'apps/gitops/main.ts');
const bundle = join(root, '.build', `${entry.slice(root.length + 1).replace(/[\\/]/g, '_').replace(/\.ts$/, '')}.cjs`);

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(bundle)
  || ['lib', 'apps'].some((dir) => newestSourceTime(join(root, dir)) > statSync(bundle).mtimeMs);
if (stale) await bundleTypeScript(entry, bundle);
createRequire(join(root, 'package.json'))(bundle);
