import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Plain JavaScript beside jest.config.js, loaded by jest itself.
const ProcessesFirstOnFirstRun = require('./test-sequencer');

describe('the test sequencer (test/support/test-sequencer.js)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sequencer-'));
  const file = (name: string, text: string, size: number) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return { path, size };
  };
  const files = [
    file('small.test.ts', "test('x', () => {});\n", 10),
    file('big.test.ts', "test('x', () => {});\n", 5_000),
    file('spawns.test.ts', "import { spawnSync } from 'node:child_process';\n", 20),
  ];
  const context = {
    config: { cache: true, cacheDirectory: dir, id: 'sequencer-test', haste: {} },
    hasteFS: { getSize: (path: string) => files.find((f) => f.path === path)!.size },
  };
  const tests = () => files.map(({ path }) => ({ path, context }));
  const names = (sorted: Array<{ path: string }>) => sorted.map(({ path }) => path.slice(dir.length + 1));

  test('on a first run, files that start processes go first, then jest orders by size', () => {
    const sequencer = new ProcessesFirstOnFirstRun({ contexts: [context], globalConfig: {} });
    expect(names(sequencer.sort(tests()))).toEqual(['spawns.test.ts', 'big.test.ts', 'small.test.ts']);
  });

  test('with the durations of an earlier run, jest\'s order stands: the slowest first', () => {
    const earlier = new ProcessesFirstOnFirstRun({ contexts: [context], globalConfig: {} });
    const durations: Record<string, number> = { 'small.test.ts': 900, 'big.test.ts': 300, 'spawns.test.ts': 100 };
    earlier.cacheResults(tests(), {
      testResults: files.map(({ path }) => ({ testFilePath: path, numFailingTests: 0, perfStats: { runtime: durations[path.slice(dir.length + 1)] } })),
    });
    const sequencer = new ProcessesFirstOnFirstRun({ contexts: [context], globalConfig: {} });
    expect(names(sequencer.sort(tests()))).toEqual(['small.test.ts', 'big.test.ts', 'spawns.test.ts']);
  });
});
