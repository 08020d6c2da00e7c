import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Testing } from 'cdk8s';
import { buildAnalyticsStore } from '../../apps/examples/readme-example';
import { expectValidManifests } from '../support/strict-validator';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  test('the example block is apps/examples/readme-example.ts, which npm test type-checks', () => {
    const block = /<!-- example: apps\/examples\/readme-example\.ts[^>]*-->\n```ts\n([\s\S]*?)```/.exec(readme);
    expect(block?.[1]).toBe(readFileSync(join(root, 'apps', 'examples', 'readme-example.ts'), 'utf8'));
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
