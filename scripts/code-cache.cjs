// A V8 code cache for the synth fast path: `runBundle` compiles the app's bundle (the app, the library and the
// packages it imports, in one file) from a cache kept beside it, so a synth neither parses nor compiles the megabytes
// of JavaScript it runs. Most of what a synth costs beyond running the app was parsing and compiling.
//
// The cache is written when the process exits, so it also holds the functions the synth executed, not only the
// top-level code. V8 itself checks only the source's length (and its own version and flags), so the cache file is
// named after the bundle file it was made from: its inode, size and modification time, read from the same open file
// as the source. bundle.mjs writes every build as a new file, so a rebuilt bundle never meets an older cache. A cache
// V8 rejects (other flags) is replaced, and when a new cache is written, those of earlier bundles are removed.
'use strict';
const { isAscii } = require('node:buffer');
const { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

/** Runs the CommonJS bundle `bundle` in this process, compiled through a code cache in `cacheDir`; returns its exports. */
function runBundle(bundle, cacheDir) {
  const { source, identity } = readBundle(bundle);
  const cacheFile = join(cacheDir, `${identity}-${process.version}-${process.arch}.v8cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => writeCache(script, cacheDir, cacheFile, identity));
  }
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  return module.exports;
}

/** The bundle's text, and what identifies this very file: the stat of the descriptor the text is read from. */
function readBundle(bundle) {
  const fd = openSync(bundle, 'r');
  try {
    const { ino, size, mtimeNs } = fstatSync(fd, { bigint: true });
    const bytes = readFileSync(fd);
    // bundle.mjs writes ASCII, which reads as Latin-1 into a one-byte string several times faster than as UTF-8.
    return { source: bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'), identity: `${ino}-${size}-${mtimeNs}` };
  } finally {
    closeSync(fd);
  }
}

function writeCache(script, cacheDir, cacheFile, identity) {
  mkdirSync(cacheDir, { recursive: true });
  // Written under a temporary name and renamed, so a synth running beside this one never reads half a file.
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, cacheFile);
  for (const name of readdirSync(cacheDir)) {
    if (name.endsWith('.v8cache') && !name.startsWith(`${identity}-`)) rmSync(join(cacheDir, name), { force: true });
  }
}

module.exports = { runBundle };
