import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const PEERS = ['cdk8s', 'cdk8s-plus-28', 'constructs'];

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('package.json', () => {
  test('is publishable and points at compiled JavaScript with declarations and the shell scripts', () => {
    expect(manifest.private).toBeUndefined();
    expect(manifest.main).toBe('dist-lib/index.js');
    expect(manifest.types).toBe('dist-lib/index.d.ts');
    expect(manifest.exports['.']).toEqual({ types: './dist-lib/index.d.ts', default: './dist-lib/index.js' });
    expect(manifest.files).toEqual(['dist-lib/**/*.js', 'dist-lib/**/*.d.ts', 'dist-lib/**/*.sh', 'bin/minio-aks.js']);
    expect(manifest.scripts.prepare).toBe('npm run build');
  });

  test('takes cdk8s, cdk8s-plus-28 and constructs as peers, installed for development too', () => {
    expect(manifest.dependencies).toBeUndefined();
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(PEERS);
    for (const peer of PEERS) expect(manifest.devDependencies[peer]).toBe(manifest.peerDependencies[peer]);
  });

  test('the library needs nothing at run time beyond Node and its peers', () => {
    const imports = typeScriptFiles(join(root, 'lib')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)]
        .map((match) => [relative(root, file), match[1]]));
    const outside = imports.filter(([, specifier]) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !PEERS.includes(specifier));
    expect(outside).toEqual([]);
  });

  test('the command loads only Node built-ins and the compiled library', () => {
    const launcher = readFileSync(join(root, manifest.bin['minio-aks']), 'utf8');
    expect([...launcher.matchAll(/require\(([^)]*)\)/g)].map((match) => match[1]).sort())
      .toEqual(["'node:fs'", "'node:path'", 'compiled', "path.join(root, 'package.json'"]);
  });
});
