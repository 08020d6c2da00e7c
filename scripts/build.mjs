// `npm run build` (and `prepare`, so `npm pack` and `npm publish` ship fresh output): compiles lib/ into dist-lib/,
// JavaScript and declarations plus the .sh scripts, after removing the previous output so a deleted source leaves no stale module.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist-lib'), { recursive: true, force: true });
const tsc = join(dirname(createRequire(join(root, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
// The shell scripts the library generates are .sh files read at run time (lib/core/shell-script.ts): ship them
// beside the compiled modules.
if (process.exitCode === 0) {
  for (const file of readdirSync(join(root, 'lib'), { recursive: true })) {
    if (!file.endsWith('.sh')) continue;
    mkdirSync(dirname(join(root, 'dist-lib', file)), { recursive: true });
    copyFileSync(join(root, 'lib', file), join(root, 'dist-lib', file));
  }
}
