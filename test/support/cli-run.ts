import { runKmsCli } from '../../lib/kms/cli';

/** What one run of the `minio-aks` command printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The version the command reports in tests. */
export const TEST_CLI_VERSION = '1.2.3-test';

/**
 * Runs the `minio-aks` command in-process on `argv` and collects what it prints. `stdin` is its standard input;
 * without one, reading standard input throws `noStdin()`, as a terminal or a closed pipe would.
 */
export function runCli(argv: string[], stdin?: string, noStdin: () => Error = () => new Error('the test gave no standard input')): CliRun {
  let stdout = '';
  let stderr = '';
  const code = runKmsCli(argv, {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    readStdin: () => {
      if (stdin === undefined) throw noStdin();
      return stdin;
    },
  }, { version: TEST_CLI_VERSION });
  return { code, stdout, stderr };
}
