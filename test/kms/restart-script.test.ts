import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { restartScript } from '../../lib/kms/restart-script';

/**
 * A fake kubectl on PATH: the StatefulSet and pods live in files, `refuse` names a verb the API server forbids.
 * Deleting a pod recreates it on the update revision, ready.
 */
const FAKE_KUBECTL = `#!/bin/sh
state=$FAKE_KUBE_STATE
printf '%s\\n' "$*" >>"$state/log"
verb=$1
if [ -f "$state/refuse" ] && [ "$(cat "$state/refuse")" = "$verb" ]; then
  echo "Error from server (Forbidden): $verb is forbidden: User \\"system:serviceaccount:kms:kms-restart\\" cannot $verb" >&2
  exit 1
fi
case "$verb $2" in
  'get statefulset')
    case $* in
      *template-sha256*) cat "$state/template" ;;
      *observedGeneration*) cat "$state/observed" ;;
      *metadata.generation*) cat "$state/generation" ;;
      *updateRevision*) cat "$state/revision" ;;
    esac ;;
  'get pod')
    [ -f "$state/pod-$3" ] || exit 0
    case $* in
      *Ready*) printf '%s|True' "$(cat "$state/pod-$3")" ;;
      *) cat "$state/pod-$3" ;;
    esac ;;
  'delete pod')
    shift 2
    for pod do case $pod in -*) ;; *) cat "$state/revision" >"$state/pod-$pod" ;; esac; done ;;
esac
`;

const FAKE_SLEEP = '#!/bin/sh\nprintf \'%s\\n\' "$1" >>"$FAKE_KUBE_STATE/sleeps"\n';
/** A clock that moves 10 s per call, so waits end without real time passing. */
const FAKE_DATE = '#!/bin/sh\nn=$(cat "$FAKE_KUBE_STATE/clock")\necho $((n + 10)) >"$FAKE_KUBE_STATE/clock"\necho "$n"\n';

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  dirs = [];
});

function run(pods: Record<string, string>, options: { refuse?: string; bin?: boolean; template?: string } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kms-restart-'));
  dirs.push(dir);
  const state = path.join(dir, 'state');
  const bin = path.join(dir, 'bin');
  mkdirSync(state);
  mkdirSync(bin);
  if (options.bin !== false) {
    writeFileSync(path.join(bin, 'kubectl'), FAKE_KUBECTL, { mode: 0o755 });
    writeFileSync(path.join(bin, 'sleep'), FAKE_SLEEP, { mode: 0o755 });
    writeFileSync(path.join(bin, 'date'), FAKE_DATE, { mode: 0o755 });
  }
  const files: Record<string, string> = {
    observed: '2', generation: '2', revision: 'kms-7d9f', template: options.template ?? 'a1b2', clock: '1000', log: '', sleeps: '',
  };
  for (const [pod, revision] of Object.entries(pods)) files[`pod-${pod}`] = revision;
  if (options.refuse) files.refuse = options.refuse;
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(state, file), content);
  const script = restartScript({ statefulSetName: 'kms', podNames: ['kms-0', 'kms-1', 'kms-2'], templateDigest: 'a1b2', timeoutSeconds: 30 });
  // Without the fakes, PATH holds nothing else either: this machine may have a real kubectl.
  const result = spawnSync('/bin/sh', ['-c', script], {
    encoding: 'utf8', timeout: 10_000,
    env: { PATH: options.bin === false ? bin : `${bin}:/usr/bin:/bin`, FAKE_KUBE_STATE: state },
  });
  const log = readFileSync(path.join(state, 'log'), 'utf8').split('\n').filter(Boolean);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, log };
}

describe('restartScript against a fake kubectl', () => {
  test('deletes every node not on the update revision in one call, then waits for all of them', () => {
    const result = run({ 'kms-0': 'kms-5c1a', 'kms-1': 'kms-5c1a', 'kms-2': 'kms-7d9f' });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.log.filter((line) => line.startsWith('delete'))).toEqual(['delete pod kms-0 kms-1 --wait=false']);
    expect(result.stdout).toContain('restart: kms-2 ready on revision kms-7d9f');
  });

  test('restarts nothing while the StatefulSet does not carry the template the Job was made for, then fails', () => {
    const result = run({ 'kms-0': 'kms-5c1a', 'kms-1': 'kms-5c1a', 'kms-2': 'kms-5c1a' }, { template: 'old0' });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("restart: error: statefulset kms did not reach node template a1b2 within 30s (it has 'old0')");
    expect(result.log.some((line) => line.startsWith('delete'))).toBe(false);
  });

  test('leaves nodes already on the update revision alone', () => {
    const result = run({ 'kms-0': 'kms-7d9f', 'kms-1': 'kms-7d9f', 'kms-2': 'kms-7d9f' });

    expect(result.code).toBe(0);
    expect(result.log.some((line) => line.startsWith('delete'))).toBe(false);
    expect(result.stdout).toContain('every KMS node runs revision kms-7d9f');
  });

  test.each(['get', 'delete'])('a refused kubectl %s fails the script with the API server\'s answer', (verb) => {
    const result = run({ 'kms-0': 'kms-5c1a', 'kms-1': 'kms-7d9f', 'kms-2': 'kms-7d9f' }, { refuse: verb });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(new RegExp(`restart: error: kubectl ${verb} .* failed: Error from server \\(Forbidden\\)`));
    expect(result.stdout).not.toContain('every KMS node runs');
  });

  test('an image without kubectl fails before anything runs, naming what is missing', () => {
    const result = run({}, { bin: false });

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('restart: error: this image has no kubectl: use an image with a POSIX shell, kubectl, date and sleep');
  });
});
