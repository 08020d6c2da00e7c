// Bundles one TypeScript entry point into a CommonJS file with esbuild: transpile only, dependencies stay
// external. esbuild is imported on first use, so callers that find a fresh bundle never load it.
export async function bundleTypeScript(entry, outfile) {
  const { buildSync } = await import('esbuild');
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
}
