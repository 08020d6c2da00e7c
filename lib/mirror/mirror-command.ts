import { shellScript } from '../core/shell-script';

/** Options of `mc mirror`, validated by the mirror. */
export interface MirrorCommandOptions {
  readonly source: string;
  readonly target: string;
  readonly activeActive: boolean;
  readonly overwrite: boolean;
  readonly remove: boolean;
  readonly retry: boolean;
  readonly exclude: readonly string[];
  readonly monitoringPort: number;
}

/**
 * The arguments of `mc mirror` (minio/mc cmd/mirror-main.go at RELEASE.2025-08-13T08-35-41Z): `--watch` keeps
 * mirroring new changes and loops forever, `--active-active` does so for a two-way setup (one mirror each way, each
 * skipping objects the other wrote); `--overwrite`, `--remove`, `--exclude` (repeatable) and `--retry` (per
 * object) as named; `--monitoring-address` serves Prometheus metrics at `/metrics`, started before the first pass
 * (mainMirror), so a liveness probe on it does not kill a long initial copy. `--json` (a global flag) makes
 * every log line JSON. With `dryRun` the run is a single pass with `--dry-run` and no watching.
 */
export function mirrorArguments(options: MirrorCommandOptions, dryRun = false): string[] {
  const args = ['--json', 'mirror'];
  if (dryRun) args.push('--dry-run');
  else args.push(options.activeActive ? '--active-active' : '--watch');
  if (options.overwrite) args.push('--overwrite');
  if (options.remove) args.push('--remove');
  if (options.retry) args.push('--retry');
  for (const pattern of options.exclude) args.push('--exclude', pattern);
  if (!dryRun) args.push('--monitoring-address', `0.0.0.0:${options.monitoringPort}`);
  args.push(options.source, options.target);
  return args;
}

/**
 * The container command that runs mc: a POSIX shell script that first refuses secret keys mc would misread, then
 * execs mc with the arguments that follow it. No credential is among them: mc reads them from `MC_HOST_<alias>`.
 */
export function runMcCommand(secretVariables: readonly string[], args: readonly string[]): string[] {
  return ['/bin/sh', '-c', shellScript('mirror/scripts/run-mc.sh', { SECRET_VARIABLES: secretVariables.join(' ') }), 'mc', ...args];
}
