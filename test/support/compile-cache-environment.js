// The jest environment of this suite: Node's, plus one compile per worker for the modules every test file loads,
// from V8 code caches kept between runs.
//
// Jest gives each test file a fresh module registry and compiles every module it loads again with
// vm.compileFunction, which neither V8's compilation cache nor the bytecode of the previous file's functions serve:
// cdk8s-plus-28, the generated CRD classes and the library (several MB of JavaScript) were parsed and compiled
// again for every file. Here a module's wrapper function is compiled once per worker as a vm.Script, whose compiled
// code is not tied to a context, and each test file runs that script in its own context. The file still gets fresh
// closures and fresh module state (the script is run again); what it shares is the bytecode, including that of the
// functions earlier files ran.
//
// That one compile per worker starts from a V8 code cache that an earlier run wrote after the first test file that
// loaded the module, so it holds the functions that file ran too (written at teardown, not when the worker exits:
// jest kills a worker that takes long to exit). The cache lives in jest's cache directory (`npx jest --clearCache` empties
// it), one file per module named after a hash of the Node version, the file name and the exact code, because V8
// itself checks only the length of the source. Like jest's own transform cache, it keeps the files of earlier
// versions of a module.
//
// It also gives every test file the worker's memo (test/support/per-worker.ts), for data that costs more to build
// than to keep, such as the indexed Kubernetes and CRD schemas. Plain JavaScript: jest loads its environment before
// any transform.
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { TestEnvironment } = require('jest-environment-node');

const PATCHED = Symbol.for('minio-aks.compileFunctionOncePerWorker');
/** `vm.compileFunction[STATS]`: how many wrappers were compiled and how many reused, for this suite's own test. */
const STATS = Symbol.for('minio-aks.compileFunctionOncePerWorker.stats');
const PER_WORKER = Symbol.for('minio-aks.perWorker');

/** Where code caches are kept: set by the first environment, from jest's cache directory. */
let cacheDir;
/** Scripts compiled without a usable cache in this worker: their caches are written when the test file ends. */
const unsaved = [];

/**
 * A module's wrapper as a vm.Script, from the code cache of an earlier run when there is one. `key` is the file name
 * and parameters the worker's own map uses.
 */
function compileScript(code, params, filename, key) {
  // Only modules (absolute file names) are cached on disk, not code a test compiles under a made-up name.
  const cacheFile = cacheDir !== undefined && typeof filename === 'string' && path.isAbsolute(filename)
    ? path.join(cacheDir, `${createHash('sha1').update(`${process.version}\0${key}\0`).update(code).digest('hex')}.v8`)
    : undefined;
  let cachedData;
  if (cacheFile !== undefined) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const prefix = `(function (${params.join(', ')}) {`;
  // The wrapper shares the module's first line; the negative offset keeps that line's columns right in stacks.
  const script = new vm.Script(`${prefix}${code}\n})`, { filename, columnOffset: -prefix.length, cachedData });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) unsaved.push({ script, cacheFile });
  return script;
}

function saveCaches() {
  for (const { script, cacheFile } of unsaved.splice(0)) {
    try {
      // Under a temporary name and renamed: another worker may read or write the same cache meanwhile.
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, cacheFile);
    } catch {
      // A cache that cannot be written only makes the next run compile that module again.
    }
  }
}

if (!vm.compileFunction[PATCHED]) {
  const compileFunction = vm.compileFunction;
  const scripts = new Map();
  const stats = { compiled: 0, reused: 0 };
  const compileFunctionOncePerWorker = (code, params = [], options = {}) => {
    if (options.contextExtensions?.length || options.cachedData || options.produceCachedData) {
      return compileFunction(code, params, options);
    }
    // Keyed by file name and compared by text: hashing megabytes of source on every lookup would cost more.
    const key = `${options.filename}\0${params.join(',')}`;
    let entry = scripts.get(key);
    if (entry === undefined || entry.code !== code) {
      // A dynamic import() needs the importModuleDynamically callback of the file that loads the module, which a
      // shared script cannot carry: such a module keeps Node's own path.
      const shareable = !/\bimport\s*\(/.test(code);
      entry = { code, script: shareable ? compileScript(code, params, options.filename, key) : undefined };
      scripts.set(key, entry);
      if (shareable) stats.compiled++;
    } else if (entry.script !== undefined) {
      stats.reused++;
    }
    if (entry.script === undefined) return compileFunction(code, params, options);
    return options.parsingContext === undefined ? entry.script.runInThisContext() : entry.script.runInContext(options.parsingContext);
  };
  compileFunctionOncePerWorker[PATCHED] = true;
  compileFunctionOncePerWorker[STATS] = stats;
  vm.compileFunction = compileFunctionOncePerWorker;
}

const perWorker = new Map();

class CompileOnceEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    if (cacheDir === undefined) {
      const dir = path.join(config.projectConfig.cacheDirectory, 'minio-aks-v8');
      try {
        fs.mkdirSync(dir, { recursive: true });
        cacheDir = dir;
      } catch {
        // Without a writable cache directory every run compiles from source: slower, still correct.
      }
    }
    this.global[PER_WORKER] = perWorker;
  }

  async teardown() {
    saveCaches();
    await super.teardown();
  }
}

module.exports = CompileOnceEnvironment;
