import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Testing } from 'cdk8s';
import { buildInternalS3Endpoint } from '../../apps/examples/azure-load-balancer';
import { buildCertManagerTls } from '../../apps/examples/cert-manager';
import { buildHsmBackedKms } from '../../apps/examples/hsm-mirrored-key';
import { buildKeyVaultFiles } from '../../apps/examples/key-vault-files';
import { buildKeyVaultSecrets } from '../../apps/examples/key-vault-secrets';
import { buildEncryptedStore } from '../../apps/examples/kms-cluster';
import { buildAnalyticsStore } from '../../apps/examples/readme-example';
import { buildWorkloadIdentity } from '../../apps/examples/workload-identity';
import { buildAzureBlobTier } from '../../apps/examples/azure-blob-tier';
import { buildBucketsAndPolicies } from '../../apps/examples/buckets-and-policies';
import { buildEntraSignIn } from '../../apps/examples/entra-sign-in';
import { buildMigrationMirror } from '../../apps/examples/migration-mirror';
import { buildExamplePlatform } from '../../apps/gitops/example-platform';

const root = join(__dirname, '..', '..');

/** Every Secret name and Secret key the manifests refer to or create. */
function secretNamesAndKeys(manifests: any[]): Set<string> {
  const found = new Set<string>();
  const visit = (value: any): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item));
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string' && (key === 'secretName' || key === 'secretKey')) found.add(child);
      if (typeof child === 'object' && child !== null && ['secretKeyRef', 'pinSecret', 'configuration', 'kesSecret'].includes(key)) {
        for (const field of ['name', 'key']) if (typeof (child as any)[field] === 'string') found.add((child as any)[field]);
      }
      if (['externalCertSecret', 'externalCaCertSecret'].includes(key) && Array.isArray(child)) child.forEach((s: any) => found.add(s.name));
      if (key === 'secret' && typeof child === 'object' && child !== null) {
        for (const item of (child as any).items ?? []) found.add(item.key);
      }
      visit(child);
    }
  };
  for (const manifest of manifests) {
    if (manifest.kind === 'Secret') found.add(manifest.metadata.name);
    if (manifest.kind === 'ExternalSecret') {
      found.add(manifest.spec.target.name);
      Object.keys(manifest.spec.target.template?.data ?? {}).forEach((key) => found.add(key));
    }
    visit(manifest.spec);
  }
  return found;
}

/** How often `text` appears as a quoted string literal in `source`. */
function literalCount(source: string, text: string): number {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (source.match(new RegExp(`(['"\`])${escaped}\\1`, 'g')) ?? []).length;
}

const EXAMPLES: [string, (app: App) => unknown][] = [
  ['apps/gitops/example-platform.ts', (app) => buildExamplePlatform(app)],
  ['apps/examples/readme-example.ts', buildAnalyticsStore],
  ['apps/examples/workload-identity.ts', buildWorkloadIdentity],
  ['apps/examples/key-vault-secrets.ts', buildKeyVaultSecrets],
  ['apps/examples/key-vault-files.ts', buildKeyVaultFiles],
  ['apps/examples/azure-load-balancer.ts', buildInternalS3Endpoint],
  ['apps/examples/cert-manager.ts', buildCertManagerTls],
  ['apps/examples/kms-cluster.ts', buildEncryptedStore],
  ['apps/examples/hsm-mirrored-key.ts', buildHsmBackedKms],
  ['apps/examples/entra-sign-in.ts', buildEntraSignIn],
  ['apps/examples/buckets-and-policies.ts', buildBucketsAndPolicies],
  ['apps/examples/azure-blob-tier.ts', buildAzureBlobTier],
  ['apps/examples/migration-mirror.ts', buildMigrationMirror],
];

describe('examples read as object wiring', () => {
  test.each(EXAMPLES)('%s types no Secret name or key twice', (path, build) => {
    const app = Testing.app();
    build(app);
    const manifests = app.charts.flatMap((chart) => chart.toJson());
    const names = secretNamesAndKeys(manifests);
    const source = readFileSync(join(root, path), 'utf8');
    const repeated = [...names].filter((name) => literalCount(source, name) > 1);
    expect(repeated).toEqual([]);
  });

  test('the scan finds the Secret names and keys of an example, and a name typed twice', () => {
    const app = Testing.app();
    buildExamplePlatform(app);
    const names = secretNamesAndKeys(app.charts.flatMap((chart) => chart.toJson()));
    expect([...names]).toEqual(expect.arrayContaining(['kms-admin-api-key', 'api-key', 'production-config', 'minio-internal-ca']));
    const source = "const a = { secretName: 'kms-admin' };\nconst b = SecretValue.fromSecretName('kms-admin', 'api-key');";
    expect(literalCount(source, 'kms-admin')).toBe(2);
    expect(literalCount(source, 'api-key')).toBe(1);
  });
});
