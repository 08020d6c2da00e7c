// Bundles one TypeScript entry point into a CommonJS file with esbuild: transpile only, dependencies stay
// external. esbuild is imported on first use, so callers that find a fresh bundle never load it.
// Returns the files the bundle was made from (esbuild's metafile inputs), as absolute paths.
import { resolve } from 'node:path';

export async function bundleTypeScript(entry, outfile, root) {
  const { buildSync } = await import('esbuild');
  const { metafile } = buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: root,
    metafile: true,
  });
  return Object.keys(metafile.inputs).map((input) => resolve(root, input));
}
