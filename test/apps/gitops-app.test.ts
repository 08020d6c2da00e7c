import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateManifests } from '../support/strict-validator';

const root = join(__dirname, '..', '..');

/** Runs the real main job (`npm run synth`'s script) into a fresh directory and reads back what it wrote. */
function synthToDirectory(): { dir: string; files: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'synth-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'synth.mjs')], { cwd: dir, env: { ...process.env, CDK8S_OUTDIR: join(dir, 'dist') } });
  const out = join(dir, 'dist');
  const files = Object.fromEntries(readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name), 'utf8')]));
  return { dir, files };
}

describe('the GitOps example app', () => {
  const first = synthToDirectory();
  const manifests = Object.values(first.files).flatMap((text) => parseAllDocuments(text).map((doc) => doc.toJS()));

  test('writes manifests that the strict validator accepts with 0 errors', () => {
    expect(Object.keys(first.files)).toEqual(['minio-production.k8s.yaml']);
    expect(validateManifests(manifests)).toEqual([]);
  });

  test('is deterministic: a second synth gives byte-identical files', () => {
    expect(synthToDirectory().files).toEqual(first.files);
  });

  test('puts the namespace first so kubectl apply -f works', () => {
    expect(manifests[0].kind).toBe('Namespace');
    expect(manifests.map((m) => m.kind)).toEqual(['Namespace', 'NetworkPolicy', 'Tenant']);
  });

  test('names carry no hash suffix', () => {
    for (const manifest of manifests) expect(manifest.metadata.name).not.toMatch(/-[0-9a-f]{8}$/);
  });

  test('contains no Secret data and no floating image tag', () => {
    const text = Object.values(first.files).join('\n');
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    expect(text).not.toMatch(/:latest\b/);
    expect(text).not.toMatch(/\b(stringData|MINIO_ROOT_PASSWORD)\b/);
  });

  test('is the production layout: 4 servers x 4 volumes across zones, credentials by reference', () => {
    const tenant = manifests.find((m) => m.kind === 'Tenant');
    expect(tenant.spec.pools).toHaveLength(1);
    expect(tenant.spec.pools[0]).toMatchObject({ servers: 4, volumesPerServer: 4 });
    expect(tenant.spec.pools[0].topologySpreadConstraints[0].topologyKey).toBe('topology.kubernetes.io/zone');
    expect(tenant.spec.configuration).toEqual({ name: 'production-config' });
    expect(manifests[0].metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });
});
