// The jest environment of this suite: Node's, plus one compile per worker for the modules every test file loads.
//
// Jest gives each test file a fresh module registry and compiles every module it loads again with
// vm.compileFunction, which neither V8's compilation cache nor the bytecode of the previous file's functions serve:
// cdk8s-plus-28, the generated CRD classes and the library (several MB of JavaScript) were parsed and compiled
// again for every file. Here a module's wrapper function is compiled once per worker as a vm.Script, whose compiled
// code is not tied to a context, and each test file runs that script in its own context. The file still gets fresh
// closures and fresh module state (the script is run again); what it shares is the bytecode, including that of the
// functions earlier files ran. Plain JavaScript: jest loads its environment before any transform.
//
// It also gives every test file the worker's memo (test/support/per-worker.ts), for data that costs more to build
// than to keep, such as the indexed Kubernetes and CRD schemas.
const vm = require('node:vm');
const { TestEnvironment } = require('jest-environment-node');

const PATCHED = Symbol.for('minio-aks.compileFunctionOncePerWorker');
/** `vm.compileFunction[STATS]`: how many wrappers were compiled and how many reused, for this suite's own test. */
const STATS = Symbol.for('minio-aks.compileFunctionOncePerWorker.stats');

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
      const prefix = `(function (${params.join(', ')}) {`;
      // The wrapper shares the module's first line; the negative offset keeps that line's columns right in stacks.
      // A dynamic import() needs the importModuleDynamically callback of the file that loads the module, which a
      // shared script cannot carry: such a module keeps Node's own path.
      const script = /\bimport\s*\(/.test(code)
        ? undefined
        : new vm.Script(`${prefix}${code}\n})`, { filename: options.filename, columnOffset: -prefix.length });
      entry = { code, script };
      scripts.set(key, entry);
      if (script !== undefined) stats.compiled++;
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

const PER_WORKER = Symbol.for('minio-aks.perWorker');
const perWorker = new Map();

class CompileOnceEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global[PER_WORKER] = perWorker;
  }
}

module.exports = CompileOnceEnvironment;
