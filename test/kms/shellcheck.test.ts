import { spawnSync } from 'node:child_process';
import { Testing } from 'cdk8s';
import { KmsTls } from '../../lib';
import { kmsChart } from './kms-fixtures';

/** Every shell script a KMS cluster synthesizes: Job commands and exec probes that run `sh -c`. */
function generatedScripts(manifests: any[]): Array<[string, string]> {
  const scripts: Array<[string, string]> = [];
  for (const manifest of manifests) {
    const pod = manifest.spec?.template?.spec;
    for (const container of pod?.containers ?? []) {
      const where = `${manifest.kind}/${manifest.metadata.name} ${container.name}`;
      for (const [what, command] of [['command', container.command], ['readiness', container.readinessProbe?.exec?.command]]) {
        if (Array.isArray(command) && command[0] === '/bin/sh' && command[1] === '-c') scripts.push([`${where} ${what}`, command[2]]);
      }
    }
  }
  return scripts;
}

const variants = {
  'with a CA': kmsChart(),
  'without a CA': kmsChart({ tls: KmsTls.fromSecret({ name: 'kms-tls-existing' }, { hasCa: false }), replicas: 5 }),
};

const generated = Object.fromEntries(Object.entries(variants).map(([name, { chart }]) => [name, generatedScripts(Testing.synth(chart))]));

describe.each(Object.entries(generated))('generated shell scripts %s', (name, scripts) => {
  test('covers the leave, join and restart Jobs and the readiness check', () => {
    expect(scripts.map(([where]) => where.replace(/-[0-9a-f]{8}\b/, '-*'))).toEqual([
      'StatefulSet/kms minkms readiness', 'Job/kms-leave-3-* membership command', 'Job/kms-join-3-* membership command',
      'Job/kms-restart-* restart command',
    ].map((where) => (name === 'without a CA' ? where.replace('-3-', '-5-') : where)));
  });
});

/**
 * The text after the settings a script starts with (`NAME='value'` lines, shellScript's header): scripts that share
 * it differ only in quoted values, which shellcheck reads alike, so one of each is checked (a run is 0.1-0.3 s).
 */
function bodyOf(script: string): string {
  const lines = script.split('\n');
  return lines.slice(lines.findIndex((line) => !/^[A-Z][A-Z0-9_]*='[^']*'$/.test(line))).join('\n');
}
const distinct = [...new Map(Object.values(generated).flat().map(([where, script]) => [bodyOf(script), [where, script] as const])).values()];

describe('every distinct generated script, with its settings', () => {
  test('are the readiness check, the membership script and the restart script', () => {
    expect(distinct.map(([where]) => where.split(' ').slice(1).join(' '))).toEqual(['minkms readiness', 'membership command', 'restart command']);
  });

  test.each(distinct)('%s passes shellcheck -s sh', (_where, script) => {
    const result = spawnSync('shellcheck', ['-s', 'sh', '-'], { input: script, encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});
