const PER_WORKER = Symbol.for('minio-aks.perWorker');

/**
 * `build()`'s result, built once per jest worker and shared by the test files it runs (a module-level cache lasts
 * one file: jest gives each file a fresh module registry). The environment (compile-cache-environment.js) provides
 * the memo; without it, as under another runner, every call builds afresh. Only for data that no test changes.
 */
export function perWorker<T>(key: string, build: () => T): T {
  const memo = (globalThis as { [PER_WORKER]?: Map<string, unknown> })[PER_WORKER];
  if (memo === undefined) return build();
  if (!memo.has(key)) memo.set(key, build());
  return memo.get(key) as T;
}
