// The order jest runs test files in: jest's own (files that failed last time first, then the slowest by the
// durations it recorded), except on a first run. Jest has no durations then and falls back to file size, which
// put small files that start processes (synth and esbuild runs, shellcheck, shell simulations) last, where one
// worker ran them alone for seconds while the other had finished. Here such files go first when jest has no
// duration for them. Plain JavaScript: jest loads its sequencer before any transform.
const { readFileSync } = require('node:fs');
const TestSequencer = require('@jest/test-sequencer').default;

const STARTS_PROCESSES = /from 'node:child_process'|require\('(node:)?child_process'\)/;

class ProcessesFirstOnFirstRun extends TestSequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    // Ranked once per file, not in the comparator: a file is read only when jest has no duration for it.
    const ranks = new Map(ordered.map((test) => {
      if (this.hasFailed(test)) return [test, 0];
      return [test, this.time(test) === undefined && STARTS_PROCESSES.test(readFileSync(test.path, 'utf8')) ? 1 : 2];
    }));
    // Array.prototype.sort is stable: within a rank, jest's order stays.
    return ordered.sort((a, b) => ranks.get(a) - ranks.get(b));
  }
}

module.exports = ProcessesFirstOnFirstRun;
