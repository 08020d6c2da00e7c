import { App, Chart, Yaml } from 'cdk8s';
import * as YAML from 'yaml';
import { buildAuditedStore } from '../../apps/examples/audit-logs';
import { buildAzureBlobTier } from '../../apps/examples/azure-blob-tier';
import { buildInternalS3Endpoint } from '../../apps/examples/azure-load-balancer';
import { buildBucketsAndPolicies } from '../../apps/examples/buckets-and-policies';
import { buildCertManagerTls } from '../../apps/examples/cert-manager';
import { buildEntraSignIn } from '../../apps/examples/entra-sign-in';
import { buildHsmBackedKms } from '../../apps/examples/hsm-mirrored-key';
import { buildKeyVaultFiles } from '../../apps/examples/key-vault-files';
import { buildKeyVaultSecrets } from '../../apps/examples/key-vault-secrets';
import { buildEncryptedStore } from '../../apps/examples/kms-cluster';
import { buildScrapedStore } from '../../apps/examples/metrics-scraping';
import { buildMigrationMirror } from '../../apps/examples/migration-mirror';
import { buildAnalyticsStore } from '../../apps/examples/readme-example';
import { buildWorkloadIdentity } from '../../apps/examples/workload-identity';
import { buildExamplePlatform } from '../../apps/gitops/example-platform';
import { isPlainSafe, stringifyManifests } from '../../lib/core/manifest-yaml';

/** What cdk8s writes today: the reference the fast writer must match byte for byte. */
function cdk8sBytes(docs: unknown[]): string {
  return Yaml.stringify(...docs);
}

function chartDocuments(app: App): unknown[][] {
  return app.charts.map((chart: Chart) => chart.toJson());
}

const BUILDERS: Record<string, (app: App) => unknown> = {
  'example platform': (app) => buildExamplePlatform(app),
  'example platform with PrometheusRule': (app) => buildExamplePlatform(app, undefined, { prometheusRule: true }),
  buildAuditedStore,
  buildAzureBlobTier,
  buildInternalS3Endpoint,
  buildBucketsAndPolicies,
  buildCertManagerTls,
  buildEntraSignIn,
  buildHsmBackedKms,
  buildKeyVaultFiles,
  buildKeyVaultSecrets,
  buildEncryptedStore,
  buildScrapedStore,
  buildMigrationMirror,
  buildAnalyticsStore,
  buildWorkloadIdentity,
};

describe('stringifyManifests writes the bytes of cdk8s Yaml.stringify', () => {
  test.each(Object.keys(BUILDERS))('%s', (name) => {
    const app = new App({ outdir: '/nonexistent' });
    BUILDERS[name](app);
    const files = chartDocuments(app);
    expect(files.length).toBeGreaterThan(0);
    for (const docs of files) expect(stringifyManifests(docs)).toBe(cdk8sBytes(docs));
  });

  /** Strings a YAML resolver may read as something else, or that need quoting or a block scalar. */
  function trickyStrings(): string[] {
    const words = ['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', '~', 'nan', 'inf', 'NaN', '.inf',
      '-.inf', '.nan', '.NaN', '<<', '=', 'Null', 'NULL', 'TRUE', 'False'];
    const cased = words.flatMap((word) => [word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1)]);
    const numbers = ['0', '1', '-1', '+1', '007', '0o17', '0x1F', '0b101', '1_000', '1.5', '1e3', '-1.5E-3', '.5', '5.',
      '190:20:30', '1:2', '12e03', '0.0', '-0', '123456789012345678901234567890'];
    const dates = ['2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2002-12-14T00:00:00Z'];
    const indicators = ['-', '- a', '-a', '?', '? a', '?a', ':', ': a', 'a:', 'a: b', 'a:b', 'a :b', '#', 'a #b', 'a#b',
      '|', '| a', '>', '> a', '!', '!tag', '&a', '*a', '%', '@', '`', ',', '[a]', '{a: 1}', 'a, b', '---', '...',
      '--- a', 'a\'b', '\'a\'', '"a"', 'a"b', 'a\\b', '\\', '\t', 'a\tb'];
    const spaces = ['', ' ', '  ', ' a', 'a ', ' a ', 'a  b'];
    const unicode = ['ü', 'Grüße', '日本語', 'a\u00a0b', 'emoji 🙂', '\u2028', 'a\u0085b', '\u0000', '\u001b[0m', '\ufeffa'];
    const lines = ['a\nb', 'a\n', '\na', 'a\n\nb\n', 'a\n\n', '  indented\nline', 'a\n  b\n', '#!/bin/sh\nset -eu\necho "$X"\n',
      'trailing \nspace', 'a\r\nb', '\n', '\n\n', '- a\n- b', 'key: value\nother: 1\n'];
    const long = ['x'.repeat(500), 'k'.repeat(1000), 'k'.repeat(1001), 'k'.repeat(1025), 'k'.repeat(2000), `${'word '.repeat(100)}end`, `${'a '.repeat(200)}\n${'b '.repeat(200)}`];
    const plain = ['minio', 'quay.io/minio/operator:v6.0.4', 'app.kubernetes.io/name', 'a b c', 'Yes please', 'no-op',
      'on call', 'true2', 'nulls', 'x:y', 'http://example.com/a', 'A.B_C-D/E', '/', '/tmp', '/a b', '/a:', '/a: b', '-c',
      '--config', '--', '-', '--1', '-x-', '64Mi', '1h', '720h', '1e', '1E', '1e3', '1E3', '0x', '0b', '0o', '0xff', '0b1',
      '0o7', '1_000m', '1:30m', '10m0s', '2001-12-14x', '1y', '1n', '1.5Gi'];
    return [...cased, ...numbers, ...dates, ...indicators, ...spaces, ...unicode, ...lines, ...long, ...plain];
  }

  const scalars: unknown[] = [...trickyStrings(), 0, 1, -1, 42, 2 ** 53, -(2 ** 53), 1e21, 1.5, -0, 0.1, true, false,
    null, Number.MAX_SAFE_INTEGER];

  /** `value` at several depths: as mapping values and sequence items, nested both ways. */
  function nestings(value: unknown): unknown[] {
    return [
      { k: value },
      { a: { b: value, c: [value, { d: value }] } },
      [value, [value, [value]], { e: [value] }],
      { f: [[value, { g: { h: [value] } }]], i: {}, j: [] },
      [{ k: value, l: value }, [], {}, [[]]],
      ...(typeof value === 'string' ? [{ [value]: value, m: { [value]: [value] } }] : []),
    ];
  }

  test('a corpus of tricky scalars at several depths', () => {
    for (const value of scalars) {
      const docs = nestings(value);
      const bytes = stringifyManifests(docs);
      expect({ value, bytes }).toEqual({ value, bytes: cdk8sBytes(docs) });
      // yaml (and so cdk8s) writes a `<<` key bare, which a YAML 1.1 reader takes for a merge key: the same bytes
      // as cdk8s, but no round trip.
      if (value === '<<') continue;
      const parsed = YAML.parseAllDocuments(bytes, { version: '1.1' }).map((doc) => doc.toJSON());
      // -0 reads back as 0 and 2 ** 53 as written: compare through JSON, which cannot tell either apart.
      expect(JSON.stringify(parsed)).toEqual(JSON.stringify(docs));
    }
  });

  test('every string it writes bare reads back as that string in YAML 1.1 and 1.2, as key and as value', () => {
    const bare = trickyStrings().filter(isPlainSafe);
    expect(bare.length).toBeGreaterThan(20);
    for (const value of bare) {
      for (const version of ['1.1', '1.2'] as const) {
        expect(YAML.parse(`v: ${value}\nl:\n  - ${value}\n`, { version })).toEqual({ v: value, l: [value] });
        // Longer keys are written by yaml, as explicit keys.
        if (value.length <= 1000) expect(YAML.parse(`${value}: 1\n`, { version })).toEqual({ [value]: 1 });
      }
    }
  });

  test('strings a resolver reads otherwise are never written bare', () => {
    for (const value of ['minio', 'a b', 'x:y', 'a/b.c-d_e', '/tmp', '--config', '64Mi']) expect(stringifyManifests([{ k: value }])).toBe(`k: ${value}\n`);
    for (const value of ['yes', 'On', 'NULL', 'a: b', 'a:', 'a ', '', '-', '0x1F', '1e3', '1:30']) {
      expect(stringifyManifests([{ k: value }])).not.toBe(`k: ${value}\n`);
    }
  });

  test('documents it cannot walk go to yaml whole, with the same result', () => {
    class Box { public readonly v = 1; }
    const odd: unknown[] = [undefined, null, 'text', 5, [], {}, { u: undefined }, [undefined], { 'a key': 1, 'yes': 2 },
      { ': x': 1 }, { nested: new Box() }, { date: new Date(0) }, { n: Number.NaN, i: Infinity }, { [Symbol('s')]: 1, a: 1 },
      [1, , 3], Object.create(null)];
    for (const doc of odd) expect(stringifyManifests([doc])).toBe(cdk8sBytes([doc]));
    expect(stringifyManifests(odd)).toBe(cdk8sBytes(odd));
  });
});
