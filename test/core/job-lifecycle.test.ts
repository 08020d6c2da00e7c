import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { argoCdJobAnnotations, jobFingerprint, JOB_TTL_SECONDS } from '../../lib/core/job-lifecycle';

const LIB = join(__dirname, '..', '..', 'lib');

/** The relative imports of every TypeScript file in `folder` of lib/. */
function importsOf(folder: string): string[] {
  return readdirSync(join(LIB, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => [...readFileSync(join(LIB, folder, file), 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => `${file}: ${m[1]}`));
}

describe('the Job lifecycle every Job of the library shares', () => {
  test('a fingerprint is eight hex digits that follow the inputs', () => {
    expect(jobFingerprint({ a: 1 })).toMatch(/^[0-9a-f]{8}$/);
    expect(jobFingerprint({ a: 1 })).toBe(jobFingerprint({ a: 1 }));
    expect(jobFingerprint({ a: 2 })).not.toBe(jobFingerprint({ a: 1 }));
  });

  test('Argo CD runs the Job as a Sync hook in its wave, replacing the previous run', () => {
    expect(argoCdJobAnnotations(-1)).toEqual({
      'argocd.argoproj.io/hook': 'Sync',
      'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      'argocd.argoproj.io/sync-wave': '-1',
    });
    expect(JOB_TTL_SECONDS).toBe(300);
  });

  test('buckets, mirror, mc and tiering do not depend on the KMS', () => {
    const fromKms = ['buckets', 'mirror', 'mc', 'tiering'].flatMap(importsOf).filter((line) => /\/kms\//.test(line));
    expect(fromKms).toEqual([]);
  });
});
