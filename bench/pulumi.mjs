// `npm run bench:pulumi`: wall time of the Pulumi program under mocks (every resource registered, no cloud, no CLI)
// beside the floor of `require('@pulumi/pulumi')` alone. Medians of fresh node processes that take turns.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? '5');
const script = join(root, 'bench', 'pulumi-program.cjs');
const workloads = [
  { name: 'floor: require("@pulumi/pulumi")', args: [script, '--floor'], times: [] },
  { name: 'Pulumi program under mocks', args: [script], times: [] },
];

let resources = '';
for (let run = 0; run < runs; run += 1) {
  for (const workload of workloads) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, workload.args, { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${workload.name} failed:\n${result.stderr}`);
    workload.times.push(Number(process.hrtime.bigint() - started) / 1e6);
    resources = /RESOURCES=(\d+)/.exec(result.stderr)?.[1] ?? resources;
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const floor = median(workloads[0].times);
for (const workload of workloads) {
  const ms = median(workload.times);
  console.log(`${workload.name.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / floor).toFixed(2)}x floor`);
}
console.log(`(${resources} resources registered; median of ${runs} runs)`);
