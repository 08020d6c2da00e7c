// `npm test`: the strict type check and the jest suite, side by side rather than one after the other. The type
// check is a few seconds of mostly one core that jest's workers would otherwise wait for. Jest reports as it goes;
// the type checker's messages follow jest's summary, and the run fails when either of them fails. Arguments go to
// jest (`npm test -- test/kms`).
//
// The type check is `tsc -b`: tsconfig.json (apps, tests, benchmarks, checked against the library's declarations)
// references tsconfig.build.json (the library, compiled into dist-lib/ by `npm run build`, which `npm ci` runs).
// The library is checked again, and dist-lib/ rewritten, only when its sources changed since; both projects keep
// what they learnt (dist-lib/.tsbuildinfo, .build/tsc/), so a run checks again only what changed and what depends
// on it. On a fresh clone that is about 1.6 s instead of 3.5 s for everything; with nothing changed, 0.2 s.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const bin = (pkg, file) => resolve(dirname(require.resolve(`${pkg}/package.json`)), file);

function run(args, stdio) {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio });
    let output = '';
    child.stdout?.on('data', (chunk) => { output += chunk; });
    child.stderr?.on('data', (chunk) => { output += chunk; });
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const typeCheckArgs = ['-b', 'tsconfig.json'];
const [typeCheck, jest] = await Promise.all([
  run([bin('typescript', 'bin/tsc'), ...typeCheckArgs], ['ignore', 'pipe', 'pipe']),
  // A larger young generation for jest and its workers (they inherit the flag): each test file builds a fresh module
  // registry whose short-lived objects otherwise fill the default one many times over; about a fifth less time in
  // garbage collection.
  run(['--max-semi-space-size=32', bin('jest', 'bin/jest.js'), ...process.argv.slice(2)], 'inherit'),
]);
if (typeCheck.code !== 0) process.stderr.write(`\ntsc ${typeCheckArgs.join(' ')} failed:\n${typeCheck.output}`);
process.exitCode = typeCheck.code !== 0 ? typeCheck.code : jest.code;
