import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as library from '../lib';
import { exportedNames } from './support/public-api';

const lib = join(__dirname, '..', 'lib');
const FOLDERS = ['core', 'tenant', 'kms', 'tls', 'secrets', 'identity', 'network', 'observability', 'mc', 'buckets', 'tiering', 'mirror'];
/** The `minio-aks/pulumi` entry point (lib/pulumi/index.ts, which also re-exports lib/azure): never reached from lib/index.ts. */
const PULUMI_FOLDERS = ['azure', 'pulumi'];

/** A change here is a change of the `minio-aks/pulumi` API. */
const PULUMI_API_SIZE = 31;

describe('the public API', () => {
  const names = exportedNames(join(lib, 'index.ts'));

  test('lib/index.ts and each folder index.ts only re-export', () => {
    for (const file of ['index.ts', ...[...FOLDERS, ...PULUMI_FOLDERS].map((folder) => join(folder, 'index.ts'))]) {
      const statements = readFileSync(join(lib, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').split(';').map((s) => s.trim()).filter(Boolean);
      expect([file, statements.filter((statement) => !/^export (type )?(\*|\{[^}]*\}) from '\.[^']*'$/.test(statement))]).toEqual([file, []]);
    }
  });

  test('lib/index.ts re-exports the folders, and every folder has an index.ts', () => {
    const folders = readdirSync(lib).filter((entry) => statSync(join(lib, entry)).isDirectory() && entry !== 'imports');
    expect(folders.sort()).toEqual([...FOLDERS, ...PULUMI_FOLDERS].sort());
    expect(readFileSync(join(lib, 'index.ts'), 'utf8').trim().split('\n')).toEqual(FOLDERS.map((folder) => `export * from './${folder}';`));
  });

  test('minio-aks/pulumi re-exports the Azure components beside the bridge', () => {
    expect(readFileSync(join(lib, 'pulumi', 'index.ts'), 'utf8')).toMatch(/^export \* from '\.\.\/azure';$/m);
    const pulumiNames = exportedNames(join(lib, 'pulumi', 'index.ts'));
    expect([...pulumiNames.values()].filter((name) => name.internal)).toEqual([]);
    expect(pulumiNames.size).toBe(PULUMI_API_SIZE);
  });

  test('exports nothing tagged @internal', () => {
    expect([...names.values()].filter((name) => name.internal).map((name) => name.name)).toEqual([]);
  });

  test('the runtime exports are the ones the source declares', () => {
    const runtime = [...names.values()].filter((name) => name.runtime).map((name) => name.name).sort();
    expect(Object.keys(library).sort()).toEqual(runtime);
  });

  test('keeps render helpers, scripts, Job internals and validators out', () => {
    for (const internal of ['membershipScript', 'restartScript', 'memberReadinessScript', 'shellQuote', 'renderConfigEnvTemplate',
      'renderHsmMirroring', 'reject', 'requireDnsLabel', 'sortForApply', 'tenantCertificateDnsNames', 'KmsRestartJob',
      'assertUsableAsTenantConfiguration', 'redactKeyMaterial', 'runKmsCli', 'PoolDisruptionBudget', 'TenantNetworkPolicy']) {
      expect([internal, names.has(internal)]).toEqual([internal, false]);
    }
  });

  // A change here is a change of the public API: say it in the commit. Main before issue 8 had 95 and 76; issue 8
  // brought it to 67 and 73; issue 10 (alert data, renderers, token, scraping, audit collector) added 28 and 22, and
  // issue 11 (buckets, policies, tiers, Entra ID sign-in, mirrors) 15 and 16.
  test('its size: 110 run-time names and 113 types', () => {
    const runtime = [...names.values()].filter((name) => name.runtime).length;
    expect({ runtime, types: names.size - runtime }).toEqual({ runtime: 110, types: 113 });
  });
});
