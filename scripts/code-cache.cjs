// V8 code caches for the synth fast path: after `useCodeCache(dir)`, every CommonJS module loaded from node_modules
// (cdk8s, cdk8s-plus-28, yaml...) and the bundle run by `runBundle` compile from a cache kept in `dir`. Parsing and
// compiling is most of what a synth costs beyond running the app, so this is what keeps the main job close to the
// time Node needs to load cdk8s-plus-28 at all.
//
// Caches are written when the process exits, so they also hold the functions the app executed, not only each
// module's top level. A cache file is named after the Node version, the module's path and a hash of its bytes,
// because V8 itself checks only the source length; a cache V8 rejects (other flags) is replaced, and files the
// run did not use are removed whenever a new one is written, so the directory holds one app's caches.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, sep } = require('node:path');
const vm = require('node:vm');

const { createRequire } = Module;

let cacheDir;
const used = new Set();
const pending = [];

/** Compiles CommonJS modules from node_modules, and bundles run by {@link runBundle}, through caches in `dir`. */
function useCodeCache(dir) {
  cacheDir = dir;
  mkdirSync(dir, { recursive: true });
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename, format) {
    // Node 22 also compiles ES modules loaded by require() here (format 'module'): those keep Node's own path.
    if ((format !== undefined && format !== 'commonjs') || !filename.includes(`${sep}node_modules${sep}`)) {
      return compile.call(this, content, filename, format);
    }
    const wrapper = compileCached(content, filename);
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };
  process.once('exit', writeCaches);
}

/** Runs a CommonJS bundle in this process and returns its exports. */
function runBundle(bundle) {
  const module = { exports: {} };
  const wrapper = compileCached(readFileSync(bundle, 'utf8'), bundle);
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return module.exports;
}

function compileCached(content, filename) {
  if (cacheDir === undefined) return vm.runInThisContext(Module.wrap(content), { filename });
  const hash = createHash('sha256').update(`${process.version}\0${filename}\0`).update(content).digest('hex').slice(0, 32);
  const name = `${hash}.v8cache`;
  used.add(name);
  let cachedData;
  try {
    cachedData = readFileSync(join(cacheDir, name));
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) pending.push({ script, name });
  return script.runInThisContext();
}

function writeCaches() {
  if (pending.length === 0) return;
  for (const { script, name } of pending) {
    // Written under a temporary name and renamed, so a synth running beside this one never reads half a file.
    const temporary = join(cacheDir, `${name}.${process.pid}.tmp`);
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, join(cacheDir, name));
  }
  for (const name of readdirSync(cacheDir)) {
    if (!used.has(name) && name.endsWith('.v8cache')) rmSync(join(cacheDir, name), { force: true });
  }
}

/** The `require` Node gives a module: resolution relative to it, and the shared module cache. */
function requireFor(module) {
  const require = (id) => module.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, module);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

module.exports = { runBundle, useCodeCache };
