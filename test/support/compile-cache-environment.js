// The jest environment of this suite: Node's, plus one compile per worker for the modules every test file loads.
//
// Jest gives each test file a fresh module registry and compiles every module it loads again with
// vm.compileFunction, which neither V8's compilation cache nor the bytecode of the previous file's functions serve:
// cdk8s-plus-28, the generated CRD classes and the library (several MB of JavaScript) were parsed and compiled
// again for every file. Here a module's wrapper function is compiled once per worker as a vm.Script, whose compiled
// code is not tied to a context, and each test file runs that script in its own context. The file still gets fresh
// closures and fresh module state (the script is run again); what it shares is the bytecode, including that of the
// functions earlier files ran. Plain JavaScript: jest loads its environment before any transform.
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
    // A dynamic import() needs the importModuleDynamically callback of the file that loads the module, which a
    // shared script cannot carry; the rare option this does not reproduce also keeps Node's own path.
    if (/\bimport\s*\(/.test(code) || options.contextExtensions?.length || options.cachedData || options.produceCachedData) {
      return compileFunction(code, params, options);
    }
    const key = `${options.filename}\0${params.join(',')}\0${code}`;
    let script = scripts.get(key);
    if (script === undefined) {
      const prefix = `(function (${params.join(', ')}) {`;
      // The wrapper shares the module's first line; the negative offset keeps that line's columns right in stacks.
      script = new vm.Script(`${prefix}${code}\n})`, { filename: options.filename, columnOffset: -prefix.length });
      scripts.set(key, script);
      stats.compiled++;
    } else {
      stats.reused++;
    }
    return options.parsingContext === undefined ? script.runInThisContext() : script.runInContext(options.parsingContext);
  };
  compileFunctionOncePerWorker[PATCHED] = true;
  compileFunctionOncePerWorker[STATS] = stats;
  vm.compileFunction = compileFunctionOncePerWorker;
}

module.exports = TestEnvironment;
