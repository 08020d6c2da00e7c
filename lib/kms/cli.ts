import { readFileSync } from 'node:fs';
import { Duration } from 'cdk8s';
import { ConfigurationError } from '../core/errors';
import { mintPrometheusToken } from '../observability/prometheus-token';
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

/** What the command line tool reports about itself. */
export interface KmsCliOptions {
  /** The package version, printed by `--version`. */
  readonly version: string;
}

/** Exit codes of the `minio-aks` command, as documented in its help and the README. */
export const KmsCliExitCode = {
  /** The command did what was asked. */
  SUCCESS: 0,
  /** A key given to the tool was malformed, or standard input could not be read. */
  BAD_INPUT: 1,
  /** The command line was wrong: unknown command or option, wrong number of arguments. */
  USAGE: 2,
  /** The tool itself failed (a bug or a broken installation); the message says what happened. */
  INTERNAL: 3,
} as const;

const EXIT_CODES = `Exit codes: 0 success, 1 malformed key or unreadable input, 2 usage error, 3 internal error.
Keys are never echoed in messages; only 'prometheus token' prints a secret, the token, on standard output.
`;

/** One subcommand: its help text and what it does. */
interface Command {
  readonly usage: string;
  readonly summary: string;
  readonly details: string;
  run(args: readonly string[], io: KmsCliIo): void;
}

const KMS_COMMANDS: Readonly<Record<string, Command>> = {
  'keygen': {
    usage: 'kms keygen [--json]',
    summary: 'generate a MinIO KMS API key (k1:) and print it with its identity (h1:)',
    details: 'Options:\n  --json   print {"apiKey": ..., "identity": ...} on one line\n',
    run: keygen,
  },
  'identity': {
    usage: 'kms identity <api-key | ->',
    summary: "print the identity (h1:) of a k1 API key; '-' reads the key from standard input",
    details: "Pass '-' and pipe the key in to keep it out of shell history and process listings.\n",
    run: identity,
  },
  'hsm-keygen': {
    usage: 'kms hsm-keygen [aes256|chacha20]',
    summary: 'generate a MINIO_KMS_HSM_KEY value (default aes256)',
    details: 'The same value must reach every node of a KMS cluster; store it in Key Vault or an HSM.\n',
    run: hsmKeygen,
  },
};

const PROMETHEUS_COMMANDS: Readonly<Record<string, Command>> = {
  token: {
    usage: 'prometheus token --access-key <key> [--secret-key-file <file|->] [--lifetime <n>d|h|s]',
    summary: "mint the bearer token MinIO's metrics endpoints accept (HS512 JWT, iss prometheus, sub the access key)",
    details: `The secret key is read from a file, or from standard input ('-', the default), never from the command line.
Options:
  --access-key <key>         the MinIO user or service account (it needs admin:Prometheus)
  --secret-key-file <file>   where its secret key is; '-' for standard input (default)
  --lifetime <n>d|h|s        how long the token stays valid (default 365d, at most 36500d)
Store the printed token in a Secret beside the PodMonitor; rotate it before it expires.
`,
    run: prometheusToken,
  },
};

/** The command groups, by the word that selects them. */
const GROUPS: Readonly<Record<string, Readonly<Record<string, Command>>>> = { kms: KMS_COMMANDS, prometheus: PROMETHEUS_COMMANDS };
const GROUP_NAMES = Object.keys(GROUPS).map((name) => `'${name}'`).join(', ');

function commandNames(group: string): string {
  return Object.keys(GROUPS[group]).map((name) => `'${name}'`).join(', ');
}

function mainUsage(): string {
  const rows = Object.values(GROUPS).flatMap((commands) => Object.values(commands))
    .map((command) => `  ${command.usage}\n      ${command.summary}`);
  return `Usage: minio-aks <command> [options]

Commands:
${rows.join('\n')}
  help [<group> [<command>]]
      show help (also --help or -h after any command)

Options:
  --version                          print the version
  --help, -h                         show help

${EXIT_CODES}`;
}

function commandUsage(command: Command): string {
  return `Usage: minio-aks ${command.usage}\n\n${capitalized(command.summary)}.\n\n${command.details}\n${EXIT_CODES}`;
}

/** The command line was wrong: exit code 2, with a pointer to the help of the command concerned. */
class UsageError extends Error {
  public constructor(message: string, public readonly helpCommand: string) {
    super(message);
  }
}

/** A key or input given to the tool was unusable: exit code 1. */
class BadInputError extends Error {}

/**
 * Runs the `minio-aks` command line tool.
 *
 * @param argv the arguments after the program name, e.g. `['kms', 'keygen']`
 * @param io where output goes and where a key given as `-` comes from
 * @param options what the tool reports about itself
 * @returns the process exit code, one of {@link KmsCliExitCode}
 */
export function runKmsCli(argv: readonly string[], io: KmsCliIo, options: KmsCliOptions): number {
  try {
    dispatch(argv, io, options);
    return KmsCliExitCode.SUCCESS;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`minio-aks: ${error.message}\nRun '${error.helpCommand}' for usage.\n`);
      return KmsCliExitCode.USAGE;
    }
    if (error instanceof BadInputError) {
      io.stderr(`minio-aks: ${error.message}\n`);
      return KmsCliExitCode.BAD_INPUT;
    }
    // Only the error's class is shown: an unexpected message could quote an argument, and an argument may be a key.
    io.stderr(`minio-aks: internal error (${(error as Error)?.name ?? typeof error}); please report it\n`);
    return KmsCliExitCode.INTERNAL;
  }
}

function dispatch(argv: readonly string[], io: KmsCliIo, options: KmsCliOptions): void {
  const [first, ...rest] = argv;
  if (first === undefined) {
    throw new UsageError('missing command', 'minio-aks --help');
  }
  if (first === '--version') {
    expectNothingAfter('--version', rest, 'minio-aks --help');
    io.stdout(`${options.version}\n`);
    return;
  }
  if (isHelp(first)) {
    return help(first === 'help' ? rest : [], io);
  }
  if (!isGroup(first)) {
    throw new UsageError(`unknown command ${shown(first)}: the command groups are ${GROUP_NAMES}`, 'minio-aks --help');
  }
  const [name, ...args] = rest;
  if (name === undefined) {
    throw new UsageError(`missing ${first} command: use ${commandNames(first)}`, 'minio-aks --help');
  }
  if (isHelp(name)) {
    return help(name === 'help' ? [first, ...args] : [first], io);
  }
  const command = groupCommand(first, name);
  if (args.some(isHelp)) {
    io.stdout(commandUsage(command));
    return;
  }
  command.run(args, io);
}

function help(topic: readonly string[], io: KmsCliIo): void {
  const [group, name, ...extra] = topic;
  if (group === undefined || (isGroup(group) && name === undefined)) {
    io.stdout(mainUsage());
    return;
  }
  if (!isGroup(group)) {
    throw new UsageError(`no help for ${shown(group)}: the command groups are ${GROUP_NAMES}`, 'minio-aks --help');
  }
  expectNothingAfter(`help ${group} ${name}`, extra, 'minio-aks --help');
  io.stdout(commandUsage(groupCommand(group, name!)));
}

function isGroup(word: string): boolean {
  return Object.prototype.hasOwnProperty.call(GROUPS, word);
}

function groupCommand(group: string, name: string): Command {
  const commands = GROUPS[group];
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (command === undefined) {
    throw new UsageError(`unknown ${group} command ${shown(name)}: use ${commandNames(group)}`, 'minio-aks --help');
  }
  return command;
}

function keygen(args: readonly string[], io: KmsCliIo): void {
  const unknown = args.find((arg) => arg !== '--json');
  if (unknown !== undefined) {
    throw new UsageError(`unknown argument ${shown(unknown)} for 'kms keygen': the only option is --json`, 'minio-aks kms keygen --help');
  }
  const key = KmsApiKey.generate();
  if (args.includes('--json')) {
    io.stdout(`${JSON.stringify({ apiKey: key.toString(), identity: key.identity })}\n`);
  } else {
    io.stdout(`API key:  ${key.toString()}\nIdentity: ${key.identity}\n`);
  }
}

function identity(args: readonly string[], io: KmsCliIo): void {
  const helpCommand = 'minio-aks kms identity --help';
  if (args.length !== 1) {
    throw new UsageError(`'kms identity' takes one argument, the API key or '-' to read it from standard input `
      + `(received ${args.length})`, helpCommand);
  }
  const [arg] = args;
  if (arg !== '-' && arg.startsWith('-')) {
    throw new UsageError(`unknown option ${shown(arg)} for 'kms identity'`, helpCommand);
  }
  const text = arg === '-' ? readKeyFromStdin(io) : arg;
  let key: KmsApiKey;
  try {
    key = KmsApiKey.parse(text);
  } catch (error) {
    throw new BadInputError((error as Error).message);
  }
  io.stdout(`${key.identity}\n`);
}

function hsmKeygen(args: readonly string[], io: KmsCliIo): void {
  const helpCommand = 'minio-aks kms hsm-keygen --help';
  if (args.length > 1) {
    throw new UsageError(`'kms hsm-keygen' takes at most one argument, the algorithm (received ${args.length})`, helpCommand);
  }
  let algorithm = HsmKeyAlgorithm.AES256;
  if (args.length === 1) {
    try {
      algorithm = HsmKeyAlgorithm.fromName(args[0]);
    } catch (error) {
      throw new UsageError((error as Error).message, helpCommand);
    }
  }
  io.stdout(`${generateHsmKey(algorithm)}\n`);
}

function prometheusToken(args: readonly string[], io: KmsCliIo): void {
  const helpCommand = 'minio-aks prometheus token --help';
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const option = args[i];
    if (!['--access-key', '--secret-key-file', '--lifetime'].includes(option)) {
      throw new UsageError(`unknown argument ${shown(option)} for 'prometheus token': the options are --access-key, --secret-key-file and --lifetime`
        + (option.startsWith('--secret') ? '; a secret key is never taken on the command line' : ''), helpCommand);
    }
    if (options.has(option)) throw new UsageError(`'${option}' is given twice`, helpCommand);
    if (args[i + 1] === undefined) throw new UsageError(`'${option}' needs a value`, helpCommand);
    options.set(option, args[i + 1]);
  }
  const accessKey = options.get('--access-key');
  if (accessKey === undefined) throw new UsageError("'prometheus token' needs --access-key", helpCommand);
  const lifetime = parseLifetime(options.get('--lifetime') ?? '365d', helpCommand);
  const file = options.get('--secret-key-file') ?? '-';
  const secretKey = file === '-' ? readSecretFromStdin(io, 'secret key') : readSecretFile(file);
  try {
    io.stdout(`${mintPrometheusToken({ accessKey, secretKey, lifetime })}\n`);
  } catch (error) {
    // The library's messages never hold the secret key (mintPrometheusToken reports only its length).
    if (error instanceof ConfigurationError) throw new BadInputError(error.message);
    throw error;
  }
}

function parseLifetime(text: string, helpCommand: string): Duration {
  const match = /^([1-9][0-9]{0,7})([dhs])$/.exec(text);
  if (match === null) {
    throw new UsageError(`--lifetime ${shown(text)} is not a whole number of days, hours or seconds (e.g. 365d, 720h)`, helpCommand);
  }
  const amount = Number(match[1]);
  return match[2] === 'd' ? Duration.days(amount) : match[2] === 'h' ? Duration.hours(amount) : Duration.seconds(amount);
}

function readSecretFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BadInputError(`could not read the secret key file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return requireSecretText(text, 'secret key file');
}

function readSecretFromStdin(io: KmsCliIo, what: string): string {
  let input: string;
  try {
    input = io.readStdin === undefined ? readFileSync(0, 'utf8') : io.readStdin();
  } catch (error) {
    throw new BadInputError(`could not read the ${what} from standard input (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return requireSecretText(input, 'standard input');
}

/** The text without its trailing line break (a file or `echo` adds one); nothing else is trimmed from a secret. */
function requireSecretText(text: string, where: string): string {
  const value = text.replace(/\r?\n$/, '');
  if (value.length === 0) throw new BadInputError(`no secret key in the ${where}`);
  return value;
}

function readKeyFromStdin(io: KmsCliIo): string {
  let input: string;
  try {
    input = io.readStdin === undefined ? readFileSync(0, 'utf8') : io.readStdin();
  } catch (error) {
    throw new BadInputError(`could not read the API key from standard input (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const text = input.trim();
  if (text.length === 0) {
    throw new BadInputError('no API key on standard input: pipe a k1 key in, e.g. from a file or a secret store');
  }
  return text;
}

function expectNothingAfter(what: string, extra: readonly string[], helpCommand: string): void {
  if (extra.length > 0) {
    throw new UsageError(`'${what}' takes no further arguments (received ${extra.length})`, helpCommand);
  }
}

function isHelp(arg: string): boolean {
  return arg === 'help' || arg === '--help' || arg === '-h';
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Quotes an argument in a message only if it looks like a command or option word, so a mistyped key is never echoed. */
function shown(arg: string): string {
  return /^-{0,2}[A-Za-z][A-Za-z0-9-]{0,31}$/.test(arg) ? `'${arg}'` : '(not shown)';
}
