// `npm run bench`: wall time and peak memory of the main job (the GitOps example) and of synthesizing 1, 10,
// 100 and 1,000 tenants, beside the floor of loading cdk8s-plus-28 alone. Each figure is the median of several
// runs of a fresh node process, as a pipeline would run it. The workloads take turns run after run, so a machine
// that gets busier or quieter meanwhile affects them alike and the ratios to the floor stay fair.
//
// Also the wall time of `npm test`, twice: first as on a fresh clone after `npm ci` (the library just built, none of
// the caches a run leaves behind: jest's cache directory, which also holds the suite's V8 code caches, and the type
// check's .build/tsc/), then once more, as every later run. BENCH_TEST=0 skips it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? '5');

function runOnce({ args, env = {} }) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', join(root, 'scripts', 'peak-rss.cjs'), ...args], {
    cwd: dir,
    env: { ...process.env, CDK8S_OUTDIR: join(dir, 'dist'), ...env },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}`);
  return { ms, kb: Number(/PEAK_RSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? NaN) };
}

const synth = join(root, 'scripts', 'synth.cjs');
const plusEntry = createRequire(join(root, 'package.json')).resolve('cdk8s-plus-28');
const workloads = [
  { name: 'floor: require("cdk8s-plus-28")', args: ['-e', `require(${JSON.stringify(plusEntry)})`] },
  { name: 'main job: GitOps example', args: [synth] },
  ...[1, 10, 100, 1000].map((n) => ({
    name: `${n} tenant${n === 1 ? '' : 's'}`, tenants: n, args: [synth, 'bench/many-tenants.ts'], env: { BENCH_TENANTS: String(n) },
  })),
];

// npm test first: on the shared development machine, npm test timed right after a minute of synth runs took up to
// 40% longer than on its own. The synth ratios absorb such drift (the workloads take turns with the floor); an
// absolute test time does not.
const testTimes = process.env.BENCH_TEST === '0' ? undefined : timeNpmTest();

function timeNpmTest() {
  const jest = join(dirname(createRequire(join(root, 'package.json')).resolve('jest/package.json')), 'bin', 'jest.js');
  const run = (args) => {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  run([join(root, 'scripts', 'build.mjs')]);
  run([jest, '--clearCache']);
  rmSync(join(root, '.build', 'tsc'), { recursive: true, force: true });
  return { first: run([join(root, 'scripts', 'test.mjs')]), again: run([join(root, 'scripts', 'test.mjs')]) };
}

// Warm the bundle and code caches first, as every synth after the first one in a checkout finds them.
runOnce(workloads[1]);
runOnce(workloads[2]);
const samples = workloads.map(() => []);
for (let i = 0; i < runs; i++) {
  workloads.forEach((workload, index) => samples[index].push(runOnce(workload)));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = workloads.map((workload, index) => ({
  ...workload, ms: median(samples[index].map((s) => s.ms)), mb: median(samples[index].map((s) => s.kb)) / 1024,
}));
const floor = results[0].ms;
const oneTenant = results.find((result) => result.tenants === 1).ms;
console.log(`median of ${runs} runs, node ${process.version}\n`);
console.log('| workload | wall time (ms) | x floor | ms per tenant beyond the first | peak RSS (MiB) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const { name, tenants, ms, mb } of results) {
  // Linear cost shows as a constant time per added tenant.
  const perTenant = tenants > 1 ? ((ms - oneTenant) / (tenants - 1)).toFixed(1) : '';
  console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / floor).toFixed(2)} | ${perTenant} | ${mb.toFixed(0)} |`);
}
if (testTimes !== undefined) {
  console.log('\n| npm test | wall time (s) |\n| --- | ---: |');
  console.log(`| first run after npm ci, no caches (a fresh clone) | ${testTimes.first.toFixed(1)} |`);
  console.log(`| next run, caches kept | ${testTimes.again.toFixed(1)} |`);
}
