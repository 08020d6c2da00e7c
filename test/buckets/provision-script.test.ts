import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { provisionerChart } from './provision-fixtures';

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  dirs = [];
});

/** A fake server: the state folder the fake mc keeps, shared by the runs of one test. */
function server(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'provision-'));
  dirs.push(dir);
  for (const sub of ['state', 'state/buckets', 'bin', 'tmp']) mkdirSync(path.join(dir, sub));
  writeFileSync(path.join(dir, 'state/tiers'), '');
  copyFileSync(path.join(__dirname, 'fake-mc.sh'), path.join(dir, 'bin/mc'));
  writeFileSync(path.join(dir, 'bin/sleep'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return dir;
}

function run(dir: string, script: string, options: { fail?: string; secretKey?: string } = {}) {
  const state = path.join(dir, 'state');
  for (const file of ['log', 'writes']) writeFileSync(path.join(state, file), '');
  if (options.fail) writeFileSync(path.join(state, 'fail'), options.fail);
  else rmSync(path.join(state, 'fail'), { force: true });
  const result = spawnSync('/bin/sh', ['-c', script], {
    encoding: 'utf8', timeout: 20_000,
    env: {
      PATH: `${path.join(dir, 'bin')}:/usr/bin:/bin`, FAKE_MC_STATE: state, TMPDIR: path.join(dir, 'tmp'),
      MC_HOST_target: 'https://admin:secret@minio.lake.svc', TARGET_SECRET_KEY: options.secretKey ?? 'secret',
      TIER_0_SECRET: 'azure-account-key',
    },
  });
  const lines = (file: string) => readFileSync(path.join(state, file), 'utf8').split('\n').filter(Boolean);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, log: lines('log'), writes: lines('writes'), state };
}

describe('the provisioning script against a fake mc', () => {
  const { provisioner } = provisionerChart();

  test('a first run creates the tier, the policy and the buckets with every setting', () => {
    const dir = server();
    const result = run(dir, provisioner.script);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.writes).toEqual([
      'ilm tier add AZURE-COLD',
      'admin policy create 0b6f4e0c-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
      'mb target/reports',
      'version enable target/reports',
      'quota set target/reports 1099511627776',
      'encrypt set lake-default target/reports',
      'ilm rule import target/reports',
      'mb --with-lock target/audit',
      'retention set COMPLIANCE 365d target/audit',
    ]);
    expect(result.stdout).toContain('provision: 9 changes');
    const lifecycle = JSON.parse(readFileSync(path.join(result.state, 'buckets/reports/lifecycle'), 'utf8'));
    expect(lifecycle.Rules[0]).toMatchObject({
      Status: 'Enabled', Filter: { Prefix: 'archive/' },
      Transition: { Days: 30, StorageClass: 'AZURE-COLD' }, NoncurrentVersionExpiration: { NoncurrentDays: 90 },
    });
    const policy = JSON.parse(readFileSync(path.join(result.state, 'policies/0b6f4e0c-1d2e-4f5a-8b9c-0d1e2f3a4b5c'), 'utf8'));
    expect(policy.Statement[0]).toMatchObject({
      Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:ListBucket', 's3:GetObject'],
      Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'],
    });
    // The tier's key reaches mc at run time only, from the environment.
    expect(result.log.find((line) => line.startsWith('--json ilm tier add'))).toBe(
      '--json ilm tier add azure target AZURE-COLD --account-name contosocold --bucket minio-tier --endpoint https://contosocold.blob.core.windows.net --prefix lake/ --account-key azure-account-key');
    expect(provisioner.script).not.toContain('azure-account-key');
  });

  test('a second run changes nothing', () => {
    const dir = server();
    run(dir, provisioner.script);
    const second = run(dir, provisioner.script);

    expect(second.code).toBe(0);
    expect(second.writes).toEqual([]);
    expect(second.stdout).toContain('provision: nothing to change');
    expect(second.stdout).toContain('provision: policy 0b6f4e0c-1d2e-4f5a-8b9c-0d1e2f3a4b5c: as declared');
  });

  test('a changed bucket setting changes only that setting', () => {
    const dir = server();
    run(dir, provisioner.script);
    const changed = provisionerChart({}, { encryptionKey: 'lake-reports' }).provisioner;
    const result = run(dir, changed.script);

    expect(result.code).toBe(0);
    expect(result.writes).toEqual(['encrypt set lake-reports target/reports']);
    expect(changed.jobName).not.toBe(provisioner.jobName);
  });

  test('a changed lifecycle rule replaces the rules once', () => {
    const dir = server();
    run(dir, provisioner.script);
    const { provisioner: changed } = provisionerChart({}, { lifecycle: [{ prefix: 'archive/', expireAfterDays: 400 }] });

    expect(run(dir, changed.script).writes).toEqual(['ilm rule import target/reports']);
    expect(run(dir, changed.script).writes).toEqual([]);
  });

  test('a failing mc call fails the Job with mc\'s answer', () => {
    const dir = server();
    const result = run(dir, provisioner.script, { fail: 'quota' });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('provision: error: mc quota info target/reports failed:');
    expect(result.stderr).toContain('AccessDenied');
    expect(result.writes).not.toContain('encrypt set lake-default target/reports');
  });

  test('a failing change fails the Job without printing the arguments', () => {
    const dir = server();
    const result = run(dir, provisioner.script, { fail: 'add' });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('provision: error: tier AZURE-COLD: added failed:');
    expect(result.stderr).not.toContain('azure-account-key');
  });

  test('refuses a bucket that exists without object lock, and changes nothing in it', () => {
    const dir = server();
    mkdirSync(path.join(dir, 'state/buckets/audit'));
    const result = run(dir, provisioner.script);

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('bucket audit exists without object lock, and MinIO turns object lock on only when it creates a bucket');
  });

  test('refuses a tier of the same name that points elsewhere', () => {
    const dir = server();
    writeFileSync(path.join(dir, 'state/tiers'), 'AZURE-COLD otheraccount minio-tier lake/\n');
    const result = run(dir, provisioner.script);

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('tier AZURE-COLD exists with another storage account or container');
  });

  test('refuses a secret key with a colon before calling mc', () => {
    const result = run(server(), provisioner.script, { secretKey: 'abc:def' });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('the secret key holds \':\'');
    expect(result.log).toEqual([]);
  });

  test('never deletes: a bucket and a policy left out of the app stay', () => {
    const dir = server();
    run(dir, provisioner.script);
    const { provisioner: smaller } = provisionerChart({ buckets: [{ name: 'reports' }], policies: [] });
    const result = run(dir, smaller.script);

    expect(result.code).toBe(0);
    expect(result.log.some((line) => / (rb|rm|remove|clear|suspend) /.test(` ${line} `))).toBe(false);
    expect(existsSync(path.join(dir, 'state/buckets/audit'))).toBe(true);
  });
});
