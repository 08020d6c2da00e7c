import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { memberReadinessScript } from '../../lib/kms/member-readiness';

const API_KEY = 'k1:AqwjUvaWEE9O83quGOkiO_2D1x37Za9gE4L5UHdq0Ag';
const DOMAIN = 'kms-hl.minio-kms.svc.cluster.local';
const node = (ordinal: number): string => `kms-${ordinal}.${DOMAIN}:7373`;

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  dirs = [];
});

interface Probe {
  /** The pod the probe runs in. */
  readonly pod: string;
  /** Ordinals of the nodes in node 0's cluster, and of the nodes that answer. */
  readonly members: number[];
  readonly up: number[];
  /** The content of the mounted API key file, or undefined for no file. */
  readonly keyFile?: string;
  /** A `minkms` to use instead of test/kms/fake-minkms.sh. */
  readonly minkms?: string;
  readonly caFile?: string;
}

/** Runs the readiness script in `pod` against the simulated cluster: its exit code and output. */
function probe(options: Probe) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kms-readiness-'));
  dirs.push(dir);
  const state = path.join(dir, 'state');
  const bin = path.join(dir, 'bin');
  mkdirSync(state);
  mkdirSync(bin);
  if (options.minkms === undefined) copyFileSync(path.join(__dirname, 'fake-minkms.sh'), path.join(bin, 'minkms'));
  else writeFileSync(path.join(bin, 'minkms'), options.minkms);
  chmodSync(path.join(bin, 'minkms'), 0o755);
  const lines = (items: string[]): string => items.map((line) => `${line}\n`).join('');
  const all = [0, 1, 2];
  writeFileSync(path.join(state, 'api-key'), API_KEY);
  writeFileSync(path.join(state, 'ids'), lines(all.map((ordinal) => `${node(ordinal)} ${10 + ordinal}`)));
  writeFileSync(path.join(state, 'members'), lines(options.members.map((ordinal) => `${10 + ordinal} ${node(ordinal)}`)));
  writeFileSync(path.join(state, 'up'), lines(options.up.map(node)));
  writeFileSync(path.join(state, 'edits'), '');
  const apiKeyFile = path.join(dir, "admin key's dir", 'api-key');
  mkdirSync(path.dirname(apiKeyFile));
  if (options.keyFile !== undefined) writeFileSync(apiKeyFile, options.keyFile);

  const script = memberReadinessScript({
    nodeDomain: DOMAIN, port: 7373, seedHost: `kms-0.${DOMAIN}`, apiKeyFile, caFile: options.caFile,
  });
  const result = spawnSync('/bin/sh', ['-c', script], {
    encoding: 'utf8',
    timeout: 10_000,
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, FAKE_MINKMS_STATE: state, POD_NAME: options.pod },
  });
  expect(`${result.stdout}${result.stderr}`).not.toContain(API_KEY);
  return { code: result.status, stdout: result.stdout };
}

describe('memberReadinessScript against a simulated minkms', () => {
  test('node 0 is ready: its cluster names itself', () => {
    expect(probe({ pod: 'kms-0', members: [0], up: [0], keyFile: API_KEY }).code).toBe(0);
  });

  test('a member of node 0\'s cluster is ready, with a key file that ends in a newline or not', () => {
    expect(probe({ pod: 'kms-1', members: [0, 1], up: [0, 1], keyFile: API_KEY }).code).toBe(0);
    expect(probe({ pod: 'kms-1', members: [0, 1], up: [0, 1], keyFile: `${API_KEY}\n` }).code).toBe(0);
  });

  test('a member is ready while node 0 is down: its cluster still names node 0', () => {
    expect(probe({ pod: 'kms-1', members: [0, 1], up: [1], keyFile: API_KEY }).code).toBe(0);
  });

  test('a new node that the join Job has not added yet is not ready: it is a cluster of its own', () => {
    expect(probe({ pod: 'kms-2', members: [0, 1], up: [0, 1, 2], keyFile: API_KEY }).code).toBe(1);
  });

  test('a node that does not answer is not ready', () => {
    expect(probe({ pod: 'kms-1', members: [0, 1], up: [0], keyFile: API_KEY }).code).toBe(1);
  });

  test('without a readable API key, or with a wrong one, the node is not ready', () => {
    expect(probe({ pod: 'kms-0', members: [0], up: [0] }).code).not.toBe(0);
    expect(probe({ pod: 'kms-0', members: [0], up: [0], keyFile: '' }).code).toBe(1);
    expect(probe({ pod: 'kms-0', members: [0], up: [0], keyFile: 'k1:not-the-right-key' }).code).toBe(1);
  });

  test('a status naming node 0 with its scheme counts, a host that merely starts with node 0\'s does not', () => {
    const answering = (status: string): string => `#!/bin/sh\nprintf '%s\\n' '${status}'\n`;
    const withScheme = answering(`{"NodesUp":{},"NodesDown":{"10":"https://${node(0)}"}}`);
    const lookalike = answering(`{"NodesUp":{"10":{"Host":"${node(0)}0"}},"NodesDown":{}}`);
    expect(probe({ pod: 'kms-1', members: [], up: [], keyFile: API_KEY, minkms: withScheme }).code).toBe(0);
    expect(probe({ pod: 'kms-1', members: [], up: [], keyFile: API_KEY, minkms: lookalike }).code).toBe(1);
  });

  test('with a CA, minkms verifies the node with it as the system trust store (SSL_CERT_FILE)', () => {
    const caFile = '/etc/minkms/tls/ca.crt';
    const trusting = `#!/bin/sh\n[ "\${SSL_CERT_FILE:-}" = ${caFile} ] || exit 1\nprintf '{"NodesUp":{"10":{"Host":"%s"}}}\\n' ${node(0)}\n`;
    expect(probe({ pod: 'kms-0', members: [], up: [], keyFile: API_KEY, minkms: trusting, caFile }).code).toBe(0);
    expect(probe({ pod: 'kms-0', members: [], up: [], keyFile: API_KEY, minkms: trusting }).code).toBe(1);
  });
});
