// `npm run build` (and `prepare`, so `npm pack` and `npm publish` ship fresh output): compiles lib/ into dist-lib/,
// JavaScript and declarations plus the .sh scripts, after removing the previous output so a deleted source leaves no stale module.
// Where the Pulumi packages are installed (a clone after `npm ci`), it also compiles the Pulumi program into
// .build/pulumi/, the JavaScript that Pulumi.yaml runs: TypeScript 7 breaks Pulumi's own TypeScript support.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');

process.exitCode = compile('tsconfig.build.json', 'dist-lib', 'dist-lib');
if (process.exitCode === 0 && pulumiInstalled()) {
  process.exitCode = compile('tsconfig.pulumi.json', join('.build', 'pulumi'), join('.build', 'pulumi', 'lib'));
}

/** Compiles one project into a fresh `outDir`, with the library's .sh scripts copied into `libOut`. */
function compile(project, outDir, libOut) {
  rmSync(join(root, outDir), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, project)], { stdio: 'inherit' });
  if (result.status !== 0) return result.status ?? 1;
  // The shell scripts the library generates are .sh files read at run time (lib/core/shell-script.ts): ship them
  // beside the compiled modules.
  for (const file of readdirSync(join(root, 'lib'), { recursive: true })) {
    if (!file.endsWith('.sh')) continue;
    mkdirSync(dirname(join(root, libOut, file)), { recursive: true });
    copyFileSync(join(root, 'lib', file), join(root, libOut, file));
  }
  return 0;
}

function pulumiInstalled() {
  try {
    require.resolve('@pulumi/pulumi/package.json');
    return true;
  } catch {
    return false;
  }
}
