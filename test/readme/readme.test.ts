import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Testing } from 'cdk8s';
import { buildAnalyticsStore } from '../../apps/examples/readme-example';
import { expectValidManifests } from '../support/strict-validator';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  // Every TypeScript block in the README is a file under apps/examples/, which npm test type-checks.
  const blocks = [...readme.matchAll(/<!-- example: (\S+)[^>]*-->\n```ts\n([\s\S]*?)```/g)];

  test('has TypeScript examples, every one marked with its file', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBe((readme.match(/```ts\n/g) ?? []).length);
  });

  test.each(blocks.map((block) => [block[1], block[2]]))('the block of %s is that file', (file, text) => {
    expect(text).toBe(readFileSync(join(root, file), 'utf8'));
  });

  test('the example synthesizes valid manifests with both pools', () => {
    const manifests = Testing.synth(buildAnalyticsStore(Testing.app()));
    expectValidManifests(manifests);
    const tenant = manifests.find((m) => m.kind === 'Tenant');
    expect(tenant.spec.pools.map((p: any) => p.name)).toEqual(['pool-0', 'pool-1']);
  });

  test('gives the two commands, and CI runs the same test command', () => {
    expect(readme).toContain('npm ci && npm run synth');
    expect(readme).toContain('npm test');
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
