// The jest environment of this suite: Node's, plus V8 code caches for the modules every test file compiles again.
//
// Jest gives each test file a fresh module registry and compiles every module it loads with vm.compileFunction,
// which V8's own compilation cache does not serve: cdk8s-plus-28 and the generated CRD classes (several MB of
// JavaScript) were parsed again for every file, about a quarter of the suite's time. Here each worker keeps the
// code cache V8 produces on a module's first compile and hands it back for the same source text later, so only
// the first test file in a worker pays the full parse. The cache is keyed on the exact source text and lives only
// as long as the worker process. (Plain JavaScript: jest loads its environment before any transform.)
const vm = require('node:vm');
const { TestEnvironment } = require('jest-environment-node');

const PATCHED = Symbol.for('minio-aks.compileFunctionWithCodeCache');

if (!vm.compileFunction[PATCHED]) {
  const compileFunction = vm.compileFunction;
  const caches = new Map();
  const compileFunctionWithCodeCache = (code, params, options = {}) => {
    const cachedData = caches.get(code);
    if (cachedData !== undefined) return compileFunction(code, params, { ...options, cachedData });
    const compiled = compileFunction(code, params, { ...options, produceCachedData: true });
    if (compiled.cachedDataProduced) caches.set(code, compiled.cachedData);
    return compiled;
  };
  compileFunctionWithCodeCache[PATCHED] = true;
  vm.compileFunction = compileFunctionWithCodeCache;
}

module.exports = TestEnvironment;
