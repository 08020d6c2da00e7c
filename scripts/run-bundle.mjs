// Runs a CommonJS bundle in this process with a V8 code cache beside it, so that repeated synths skip parsing and
// compiling the bundle (most of it is the generated CRD classes): the first run writes the cache, later runs
// load it. The cache file is named after the Node version and a hash of the bundle's bytes, because V8 itself
// only checks the source length; V8 rejects a cache from other flags, and then a new one is written.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';

export function runBundle(bundle) {
  const source = readFileSync(bundle, 'utf8');
  const hash = createHash('sha256').update(process.version).update(source).digest('hex').slice(0, 16);
  const cacheFile = `${bundle}.${hash}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (cachedData === undefined || script.cachedDataRejected) {
    const prefix = `${basename(bundle)}.`;
    for (const name of readdirSync(dirname(bundle))) {
      if (name.startsWith(prefix) && name.endsWith('.v8cache')) rmSync(join(dirname(bundle), name), { force: true });
    }
    // After the run, so the cache also holds the functions the app executed, not only the top level.
    writeFileSync(cacheFile, script.createCachedData());
  }
  return module.exports;
}
