import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MembershipScriptOptions, MembershipStep, membershipScript } from '../../lib/kms/membership-script';

const API_KEY = 'k1:AqwjUvaWEE9O83quGOkiO_2D1x37Za9gE4L5UHdq0Ag';
const PORT = 7373;
const NODES = 6;

const host = (ordinal: number): string => `kms-${ordinal}.kms-hl.minio-kms.svc.cluster.local`;
const node = (ordinal: number): string => `${host(ordinal)}:${PORT}`;
const idOf = (ordinal: number): string => String(10 + ordinal);
const hostsUpTo = (count: number): string[] => Array.from({ length: count }, (_, ordinal) => host(ordinal));
const range = (count: number): number[] => Array.from({ length: count }, (_, ordinal) => ordinal);

/** One simulated cluster: the fake minkms's state directory, a fake `sleep` and the script runs against them. */
class SimulatedCluster {
  public readonly dir = mkdtempSync(path.join(tmpdir(), 'kms-membership-'));
  private readonly state = path.join(this.dir, 'state');
  private readonly bin = path.join(this.dir, 'bin');

  public constructor(members: number[], up: number[]) {
    mkdirSync(this.state);
    mkdirSync(this.bin);
    copyFileSync(path.join(__dirname, 'fake-minkms.sh'), path.join(this.bin, 'minkms'));
    chmodSync(path.join(this.bin, 'minkms'), 0o755);
    // Records each pause instead of taking it, so backoff and polling cost nothing and can be asserted.
    writeFileSync(path.join(this.bin, 'sleep'), '#!/bin/sh\nprintf \'%s\\n\' "$1" >>"$FAKE_MINKMS_STATE/sleeps"\n',
      { mode: 0o755 });
    this.write('api-key', API_KEY);
    this.write('ids', range(NODES).map((ordinal) => `${node(ordinal)} ${idOf(ordinal)}`));
    this.write('members', members.map((ordinal) => `${idOf(ordinal)} ${node(ordinal)}`));
    this.write('up', up.map(node));
    this.write('edits', []);
    this.write('log', []);
  }

  /** Writes a state file: a string as is, lines newline-terminated. */
  public write(file: string, content: string | string[]): void {
    const text = typeof content === 'string' ? content : content.map((line) => `${line}\n`).join('');
    writeFileSync(path.join(this.state, file), text);
  }

  /** Runs the script generated for the first `desired` nodes (plus `options`) with sh. */
  public run(desired: number, options: Partial<MembershipScriptOptions> = {}, apiKey = API_KEY, fakeBin = this.bin): Run {
    const script = path.join(this.dir, 'membership.sh');
    writeFileSync(script, membershipScript({ desiredHosts: hostsUpTo(desired), port: PORT, ...options }));
    this.write('log', []);
    this.write('sleeps', []);
    const result = spawnSync('sh', [script], {
      encoding: 'utf8',
      timeout: 10_000,
      env: {
        PATH: `${fakeBin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
        HOME: this.dir,
        TMPDIR: this.dir,
        FAKE_MINKMS_STATE: this.state,
        MINIO_KMS_API_KEY: apiKey,
      },
    });
    const run = {
      code: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
      log: this.lines('log'),
      sleeps: this.lines('sleeps').map(Number),
    };
    // The key must never leak, whatever happened.
    expect(`${run.stdout}${run.stderr}`).not.toContain(API_KEY);
    return run;
  }

  /** The members the cluster agrees on, as ordinals, in the order they joined. */
  public members(): string[] {
    return this.lines('members');
  }

  public lines(file: string): string[] {
    return readFileSync(path.join(this.state, file), 'utf8').split('\n').filter((line) => line !== '');
  }

  public remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly log: string[];
  readonly sleeps: number[];
}

/** The membership changes a run made, in order: every add, rm and edit with the server it ran against. */
function writes(run: Run): string[] {
  return run.log.filter((line) => / (add|rm|edit) /.test(line));
}

const via = (ordinal: number): string => `MINIO_KMS_SERVER=https://${node(ordinal)}`;
const add = (ordinal: number): string => `${via(0)} add ${node(ordinal)}`;
const rm = (ordinal: number): string => `${via(0)} rm ${node(ordinal)}`;
const edit = (on: number, lost: number): string => `${via(on)} edit ${node(on)} --rm ${idOf(lost)}`;
const LEAVE = { step: MembershipStep.LEAVE };
const memberLines = (ordinals: number[]): string[] => ordinals.map((ordinal) => `${idOf(ordinal)} ${node(ordinal)}`);

let clusters: SimulatedCluster[] = [];

function cluster(members: number[], up: number[]): SimulatedCluster {
  const simulated = new SimulatedCluster(members, up);
  clusters.push(simulated);
  return simulated;
}

afterEach(() => {
  clusters.forEach((simulated) => simulated.remove());
  clusters = [];
});

describe('membershipScript against a simulated minkms', () => {
  test('scaling 1 -> 3 adds nodes 1 and 2 through node 0', () => {
    const kms = cluster([0], [0, 1, 2]);

    const run = kms.run(3);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(writes(run)).toEqual([add(1), add(2)]);
    expect(kms.members()).toEqual(memberLines([0, 1, 2]));
    expect(run.stdout).toContain(`membership join: members are exactly [${[0, 1, 2].map(node).join(' ')}]`);
  });

  test('scaling 3 -> 5 adds nodes 3 and 4 through node 0', () => {
    const kms = cluster([0, 1, 2], [0, 1, 2, 3, 4]);

    const run = kms.run(5);

    expect(run.code).toBe(0);
    expect(writes(run)).toEqual([add(3), add(4)]);
    expect(kms.members()).toEqual(memberLines([0, 1, 2, 3, 4]));
  });

  test('scaling 3 -> 5: the leave step before the StatefulSet grows changes nothing and waits for no new node', () => {
    const kms = cluster([0, 1, 2], [0, 1, 2]);

    const run = kms.run(5, LEAVE);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(writes(run)).toEqual([]);
    expect(run.sleeps).toEqual([]);
    expect(run.log.filter((line) => line.endsWith(' stat --json'))).toEqual([`${via(0)} stat --json`, `${via(0)} stat --json`, `${via(0)} stat --json`]);
  });

  test('scaling 5 -> 3 with nodes up: the leave step removes nodes 4 and 3 with rm through node 0, before their pods go', () => {
    const kms = cluster([0, 1, 2, 3, 4], [0, 1, 2, 3, 4]);

    const run = kms.run(3, LEAVE);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(writes(run)).toEqual([rm(3), rm(4)]);
    expect(kms.members()).toEqual(memberLines([0, 1, 2]));
    expect(run.stdout).toContain(`membership leave: no member outside [${[0, 1, 2].map(node).join(' ')}]`);
  });

  test('scaling 5 -> 3 after pods 3 and 4 are gone edits their IDs out of every member that answers', () => {
    const kms = cluster([0, 1, 2, 3, 4], [0, 1, 2]);

    const run = kms.run(3, LEAVE);

    expect(run.code).toBe(0);
    expect(writes(run)).toEqual([edit(0, 3), edit(1, 3), edit(2, 3), edit(0, 4), edit(1, 4), edit(2, 4)]);
    expect(kms.members()).toEqual(memberLines([0, 1, 2]));
    expect(kms.lines('edits')).toEqual([]);
    expect(run.stdout).toContain(`${node(3)} does not answer: editing ID ${idOf(3)} out of every member that answers`);
  });

  test('a live member blocked by a lost one helps edit it out, then goes with rm in the same pass', () => {
    const kms = cluster([0, 1, 2, 3, 4], [0, 1, 2, 3]);

    const run = kms.run(3, LEAVE);

    expect(run.code).toBe(0);
    expect(writes(run)).toEqual([edit(0, 4), edit(1, 4), edit(2, 4), edit(3, 4), rm(3)]);
    expect(run.sleeps).toEqual([]);
    expect(kms.members()).toEqual(memberLines([0, 1, 2]));
  });

  test('the join step also removes what the leave step could not, then adds, since an add needs every member up', () => {
    const kms = cluster([0, 1, 3], [0, 1, 2]);

    const run = kms.run(3);

    expect(run.code).toBe(0);
    expect(writes(run)).toEqual([edit(0, 3), edit(1, 3), add(2)]);
    expect(run.sleeps).toEqual([]);
    expect(kms.members()).toEqual(memberLines([0, 1, 2]));
  });

  test.each([
    ['1 -> 3', [0], [0, 1, 2], 3, MembershipStep.JOIN],
    ['3 -> 5', [0, 1, 2], [0, 1, 2, 3, 4], 5, MembershipStep.JOIN],
    ['5 -> 3 with nodes up', [0, 1, 2, 3, 4], [0, 1, 2, 3, 4], 3, MembershipStep.LEAVE],
    ['5 -> 3 with nodes lost', [0, 1, 2, 3, 4], [0, 1, 2], 3, MembershipStep.LEAVE],
  ])('a second run after %s changes nothing and succeeds', (_name, members, up, desired, step) => {
    const kms = cluster(members, up);
    expect(kms.run(desired, { step }).code).toBe(0);
    const after = kms.members();

    for (const again of [MembershipStep.LEAVE, MembershipStep.JOIN]) {
      const second = kms.run(desired, { step: again });
      expect(second.code).toBe(0);
      expect(writes(second)).toEqual([]);
      expect(second.sleeps).toEqual([]);
    }
    expect(kms.members()).toEqual(after);
  });

  test.each(['proto', 'pretty'])('reads the %s spelling of stat --json', (format) => {
    const kms = cluster([0, 1, 2, 3, 4], [0, 1, 2, 3]);
    kms.write('format', format);

    const run = kms.run(3, LEAVE);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(writes(run)).toEqual([edit(0, 4), edit(1, 4), edit(2, 4), edit(3, 4), rm(3)]);
  });

  test('a release whose stat prints no JSON stops the run at once, before any change', () => {
    const kms = cluster([0, 1, 2], [0, 1, 2]);
    kms.write('format', 'text');

    const run = kms.run(2, { maxAttempts: 3 });

    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`'minkms stat --json' on ${node(0)} printed no JSON object, so this minkms release is not supported`);
    expect(run.sleeps).toEqual([]);
    expect(writes(run)).toEqual([]);
  });

  test('a node that never answers fails the join step with its name, before any change', () => {
    const kms = cluster([0], [0, 1]);

    const run = kms.run(3, { readinessTimeoutSeconds: 4 });

    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`membership join: error: node ${node(2)} did not answer 'minkms stat' within 4s: `
      + `minkms: dial tcp ${node(2)}: connect: connection refused`);
    expect(run.sleeps).toEqual([4]);
    expect(writes(run)).toEqual([]);
    expect(kms.members()).toEqual(memberLines([0]));
  });

  test('readiness polls every 5 s at most, against each node in turn', () => {
    const kms = cluster([0], [0, 1]);

    const run = kms.run(3, { readinessTimeoutSeconds: 12 });

    expect(run.code).not.toBe(0);
    expect(run.sleeps).toEqual([5, 5, 5]);
    expect(run.log.filter((line) => line.endsWith(' stat --json'))).toEqual([
      `${via(0)} stat --json`, `${via(1)} stat --json`, ...Array(4).fill(`${via(2)} stat --json`),
    ]);
  });

  test.each(['add', 'rm', 'edit'])('a %s that keeps failing is retried with doubling pauses capped at 60 s, then fails', (command) => {
    const kms = command === 'add' ? cluster([0], [0, 1]) : cluster([0, 1, 2], command === 'rm' ? [0, 1, 2] : [0, 1]);
    kms.write('fail', command);

    const run = kms.run(command === 'add' ? 2 : 1, { maxAttempts: 9, step: command === 'add' ? MembershipStep.JOIN : MembershipStep.LEAVE });

    expect(run.code).not.toBe(0);
    expect(run.sleeps).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(run.stderr).toContain(`minkms: ${command}: internal server error`);
    expect(run.stderr).toMatch(/membership (join|leave): error: members still differ from \[.*\] after 9 attempts/);
  });

  test('a stat that fails after the wait is retried, then fails the run', () => {
    const kms = cluster([0, 1], [0, 1]);
    kms.write('fail', 'stat');

    const run = kms.run(1, { maxAttempts: 2, readinessTimeoutSeconds: 1, step: MembershipStep.LEAVE });

    expect(run.code).not.toBe(0);
    expect(writes(run)).toEqual([]);
  });

  test('the API key reaches minkms through the environment only and never appears in the output', () => {
    const kms = cluster([0, 1, 2, 3, 4], [0, 1, 2]);
    kms.write('fail', 'edit');

    const run = kms.run(3, { maxAttempts: 2 });

    expect(run.code).not.toBe(0);
    expect(run.log.join('\n')).not.toContain(API_KEY);
    expect(run.log.some((line) => / (-a|--api-key|-k|--insecure)( |$)/.test(line))).toBe(false);
  });

  test('a wrong API key fails the run', () => {
    const kms = cluster([0], [0]);

    const run = kms.run(1, { readinessTimeoutSeconds: 1 }, 'k1:not-the-right-key');

    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('not authorized');
  });

  test('an empty API key fails before minkms runs', () => {
    const kms = cluster([0], [0]);

    const run = kms.run(1, {}, '');

    expect(run.code).not.toBe(0);
    expect(run.stderr).toBe('membership join: error: MINIO_KMS_API_KEY is empty: give the Job the API key from its Secret\n');
    expect(run.log).toEqual([]);
  });

  test('an image without minkms fails before anything runs, naming what is missing', () => {
    const kms = cluster([0], [0]);

    const run = kms.run(1, {}, API_KEY, '/nonexistent');

    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('this image has no minkms: run the Job with the minkms image of the nodes');
  });

  test('caFile is installed where minkms looks for trusted CAs, even from a path with quotes and spaces', () => {
    const kms = cluster([0], [0, 1]);
    kms.write('ca', '-----BEGIN CERTIFICATE-----\nfake\n-----END CERTIFICATE-----\n');
    const caDir = path.join(kms.dir, "it's a dir");
    mkdirSync(caDir);
    const caFile = path.join(caDir, 'ca.crt');
    copyFileSync(path.join(kms.dir, 'state', 'ca'), caFile);

    const untrusted = kms.run(2, { readinessTimeoutSeconds: 1 });
    expect(untrusted.code).not.toBe(0);
    expect(untrusted.stderr).toContain('certificate signed by unknown authority');
    const run = kms.run(2, { caFile });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(writes(run)).toEqual([add(1)]);
  });

  test('a caFile that is not there fails clearly', () => {
    const kms = cluster([0], [0]);

    const run = kms.run(1, { caFile: '/nonexistent/ca.crt' });

    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('cannot read the CA certificate /nonexistent/ca.crt: mount it into the Job');
  });
});

describe('membershipScript script text', () => {
  test('is POSIX sh that quotes every host and never disables TLS verification', () => {
    const script = membershipScript({ desiredHosts: hostsUpTo(2), port: 7443, caFile: '/etc/minkms/ca/ca.crt' });

    expect(script.startsWith("CA_FILE='/etc/minkms/ca/ca.crt'\n")).toBe(true);
    expect(script).toContain(`DESIRED='${host(0)}:7443 ${host(1)}:7443'\n`);
    expect(script).toContain(`SEED='${host(0)}:7443'\n`);
    expect(script).not.toMatch(/ (-k|--insecure)\b/);
    expect(script).not.toMatch(/^\s*(local|function|declare|source)\s|\[\[|<<<|\$'|\$\{\w+\/\//m);
    expect(spawnSync('sh', ['-n'], { input: script }).status).toBe(0);
  });

  test('uses the defaults: 600 s readiness, 8 attempts, the system trust store', () => {
    const script = membershipScript({ desiredHosts: [host(0)], port: PORT });

    expect(script).toContain("READINESS_TIMEOUT='600'\n");
    expect(script).toContain("MAX_ATTEMPTS='8'\n");
    expect(script).toContain("CA_FILE=''\n");
  });
});

describe('membershipScript validation', () => {
  const valid: MembershipScriptOptions = { desiredHosts: hostsUpTo(3), port: PORT };

  test('rejects an empty host list', () => {
    expect(() => membershipScript({ ...valid, desiredHosts: [] }))
      .toThrow(/^membershipScript: desiredHosts must name at least one node \(received \[\]\)/);
  });

  test.each(['kms_1', 'kms-1:7373', 'https://kms-1', 'KMS-1', "kms-1'; rm -rf /", ''])('rejects host %j', (bad) => {
    expect(() => membershipScript({ ...valid, desiredHosts: [host(0), bad] }))
      .toThrow(new RegExp(`^membershipScript: desiredHosts\\[1\\] must be a DNS name \\(received '${escape(bad)}'\\)`));
  });

  test('rejects a repeated host', () => {
    expect(() => membershipScript({ ...valid, desiredHosts: [host(0), host(1), host(0)] }))
      .toThrow(/desiredHosts\[2\] must not repeat desiredHosts\[0\] \(received 'kms-0\.kms-hl/);
  });

  test.each([0, 65_536, 7373.5, Number.NaN])('rejects port %p', (port) => {
    expect(() => membershipScript({ ...valid, port }))
      .toThrow(/^membershipScript: port must be a whole number from 1 to 65535 \(received/);
  });

  test.each([0, -1, 1.5, 86_401])('rejects readinessTimeoutSeconds %p', (readinessTimeoutSeconds) => {
    expect(() => membershipScript({ ...valid, readinessTimeoutSeconds }))
      .toThrow(new RegExp(`readinessTimeoutSeconds must be a whole number from 1 to 86400 \\(received ${readinessTimeoutSeconds}\\)`));
  });

  test.each([0, 101, 2.5])('rejects maxAttempts %p', (maxAttempts) => {
    expect(() => membershipScript({ ...valid, maxAttempts }))
      .toThrow(new RegExp(`maxAttempts must be a whole number from 1 to 100 \\(received ${maxAttempts}\\)`));
  });

  test.each(['ca.crt', 'etc/ca.crt', '/etc/ca\n.crt'])('rejects caFile %j', (caFile) => {
    expect(() => membershipScript({ ...valid, caFile }))
      .toThrow(/^membershipScript: caFile must be an absolute path without control characters \(received '/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
