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
    const rank = (test) => {
      if (this.hasFailed(test)) return 0;
      return this.time(test) === undefined && STARTS_PROCESSES.test(readFileSync(test.path, 'utf8')) ? 1 : 2;
    };
    // Array.prototype.sort is stable: within a rank, jest's order stays.
    return ordered.sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = ProcessesFirstOnFirstRun;
