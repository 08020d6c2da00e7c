import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const PEERS = ['cdk8s', 'cdk8s-plus-28', 'constructs'];
/** Only `minio-aks/pulumi` (lib/pulumi and lib/azure) loads them: a cdk8s-only consumer does not install them. */
const OPTIONAL_PEERS = ['@pulumi/azure-native', '@pulumi/kubernetes', '@pulumi/pulumi', '@pulumi/random'];
const PULUMI_FOLDERS = ['lib/azure/', 'lib/pulumi/'];

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
    expect(manifest.exports['./pulumi']).toEqual({ types: './dist-lib/pulumi/index.d.ts', default: './dist-lib/pulumi/index.js' });
    expect(manifest.files).toEqual(['dist-lib/**/*.js', 'dist-lib/**/*.d.ts', 'dist-lib/**/*.sh', 'bin/minio-aks.js']);
    expect(manifest.scripts.prepare).toBe('npm run build');
  });

  test('takes cdk8s, cdk8s-plus-28 and constructs as peers, installed for development too', () => {
    expect(manifest.dependencies).toBeUndefined();
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual([...OPTIONAL_PEERS, ...PEERS].sort());
    for (const peer of PEERS) expect(manifest.devDependencies[peer]).toBe(manifest.peerDependencies[peer]);
  });

  test('takes the Pulumi packages as optional peers, pinned for development inside the peer range', () => {
    expect(Object.keys(manifest.peerDependenciesMeta).sort()).toEqual(OPTIONAL_PEERS);
    for (const peer of OPTIONAL_PEERS) {
      expect(manifest.peerDependenciesMeta[peer]).toEqual({ optional: true });
      expect(manifest.peerDependencies[peer]).toBe(`^${manifest.devDependencies[peer]}`);
    }
    // 3.249.0 and later declare Node >= 22; its optional peer typescript < 7 is satisfied by ours.
    expect(manifest.devDependencies['@pulumi/pulumi']).toBe('3.248.0');
    expect(manifest.overrides['@pulumi/pulumi']).toEqual({ typescript: '$typescript' });
  });

  test('the library needs nothing at run time beyond Node and its peers; only minio-aks/pulumi loads Pulumi', () => {
    const imports = typeScriptFiles(join(root, 'lib')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)]
        .map((match) => [relative(root, file), match[1]]));
    const inPulumiFolder = (file: string) => PULUMI_FOLDERS.some((folder) => file.startsWith(folder));
    const outside = imports.filter(([file, specifier]) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !PEERS.includes(specifier)
      && !(inPulumiFolder(file) && OPTIONAL_PEERS.some((peer) => specifier === peer || specifier.startsWith(`${peer}/`))));
    expect(outside).toEqual([]);
    // Import per service: the azure-native root loads every module (about 0.4 s more).
    expect(imports.filter(([, specifier]) => specifier === '@pulumi/azure-native' || specifier === '@pulumi/kubernetes')).toEqual([]);
    const reachingPulumi = imports.filter(([file, specifier]) => !inPulumiFolder(file) && /^\.\.?\/(?:\.\.\/)*(azure|pulumi)(\/|$)/.test(specifier));
    expect(reachingPulumi).toEqual([]);
  });

  test('the command loads only Node built-ins and the compiled library', () => {
    const launcher = readFileSync(join(root, manifest.bin['minio-aks']), 'utf8');
    expect([...launcher.matchAll(/require\(([^)]*)\)/g)].map((match) => match[1]).sort())
      .toEqual(["'node:fs'", "'node:path'", 'compiled', "path.join(root, 'package.json'"]);
  });
});
