import { readFileSync } from 'node:fs';
import { KmsApiKey } from './api-key';
import { HsmKeyAlgorithm, generateHsmKey } from './hsm-key';

/** Where the command line tool writes, and where it reads a key given as `-`. */
export interface KmsCliIo {
  /** Receives normal output, newline-terminated. */
  stdout(text: string): void;
  /** Receives error messages, newline-terminated. */
  stderr(text: string): void;
  /**
   * Returns everything on standard input.
   *
   * @default - reads the process's standard input to its end
   */
  readStdin?(): string;
}

const EXIT_OK = 0;
const EXIT_BAD_KEY = 1;
const EXIT_USAGE = 2;

const USAGE = `Usage: minio-aks <command>

Commands:
  kms keygen [--json]                generate a MinIO KMS API key (k1:) and print it with its identity (h1:)
  kms identity <api-key | ->         print the identity (h1:) of a k1 API key; '-' reads the key from
                                     standard input, which keeps it out of shell history
  kms hsm-keygen [aes256|chacha20]   generate a MINIO_KMS_HSM_KEY value (default aes256)
  help                               show this help

Exit codes: 0 success, 1 malformed key, 2 usage error.
`;

/** The command line was wrong: exit code 2, with a pointer to the help. */
class UsageError extends Error {}

/** A key given to the tool was malformed: exit code 1. */
class BadKeyError extends Error {}

/**
 * Runs the `minio-aks` command line tool.
 *
 * @param argv the arguments after the program name, e.g. `['kms', 'keygen']`
 * @param io where output goes and where a key given as `-` comes from
 * @returns the process exit code: 0 success, 1 malformed key, 2 usage error
 */
export function runKmsCli(argv: readonly string[], io: KmsCliIo): number {
  try {
    dispatch(argv, io);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`minio-aks: ${error.message}\nRun 'minio-aks help' for usage.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof BadKeyError) {
      io.stderr(`minio-aks: ${error.message}\n`);
      return EXIT_BAD_KEY;
    }
    throw error;
  }
}

function dispatch(argv: readonly string[], io: KmsCliIo): void {
  const [command, ...rest] = argv;
  if (command === undefined) {
    throw new UsageError('missing command');
  }
  if (isHelp(command)) {
    io.stdout(USAGE);
    return;
  }
  if (command !== 'kms') {
    throw new UsageError(`unknown command ${shown(command)}`);
  }
  const [subcommand, ...args] = rest;
  switch (subcommand) {
    case 'keygen':
      return keygen(args, io);
    case 'identity':
      return identity(args, io);
    case 'hsm-keygen':
      return hsmKeygen(args, io);
    case undefined:
      throw new UsageError("missing kms command: use 'keygen', 'identity' or 'hsm-keygen'");
    default:
      if (isHelp(subcommand)) {
        io.stdout(USAGE);
        return;
      }
      throw new UsageError(`unknown kms command ${shown(subcommand)}: use 'keygen', 'identity' or 'hsm-keygen'`);
  }
}

function keygen(args: readonly string[], io: KmsCliIo): void {
  const unknown = args.find((arg) => arg !== '--json');
  if (unknown !== undefined) {
    throw new UsageError(`unknown argument ${shown(unknown)} for 'kms keygen': the only option is --json`);
  }
  const key = KmsApiKey.generate();
  if (args.includes('--json')) {
    io.stdout(`${JSON.stringify({ apiKey: key.toString(), identity: key.identity })}\n`);
  } else {
    io.stdout(`API key:  ${key.toString()}\nIdentity: ${key.identity}\n`);
  }
}

function identity(args: readonly string[], io: KmsCliIo): void {
  if (args.length !== 1) {
    throw new UsageError(`'kms identity' takes one argument, the API key or '-' to read it from standard input `
      + `(received ${args.length})`);
  }
  const [arg] = args;
  if (arg !== '-' && arg.startsWith('-')) {
    throw new UsageError(`unknown option ${shown(arg)} for 'kms identity'`);
  }
  const text = arg === '-' ? readKeyFromStdin(io) : arg;
  let key: KmsApiKey;
  try {
    key = KmsApiKey.parse(text);
  } catch (error) {
    throw new BadKeyError((error as Error).message);
  }
  io.stdout(`${key.identity}\n`);
}

function hsmKeygen(args: readonly string[], io: KmsCliIo): void {
  if (args.length > 1) {
    throw new UsageError(`'kms hsm-keygen' takes at most one argument, the algorithm (received ${args.length})`);
  }
  let algorithm = HsmKeyAlgorithm.AES256;
  if (args.length === 1) {
    try {
      algorithm = HsmKeyAlgorithm.fromName(args[0]);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  io.stdout(`${generateHsmKey(algorithm)}\n`);
}

function readKeyFromStdin(io: KmsCliIo): string {
  let input: string;
  try {
    input = io.readStdin === undefined ? readFileSync(0, 'utf8') : io.readStdin();
  } catch (error) {
    throw new BadKeyError(`could not read the API key from standard input (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const text = input.trim();
  if (text.length === 0) {
    throw new BadKeyError('no API key on standard input: pipe a k1 key in, e.g. from a file or a secret store');
  }
  return text;
}

function isHelp(arg: string): boolean {
  return arg === 'help' || arg === '--help' || arg === '-h';
}

/** Quotes an argument in a message only if it looks like a command or option word, so a mistyped key is never echoed. */
function shown(arg: string): string {
  return /^-{0,2}[A-Za-z][A-Za-z0-9-]{0,31}$/.test(arg) ? `'${arg}'` : '(not shown)';
}
