import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Single-quotes `value` for a POSIX shell; a quote inside becomes `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, "'\\''")}'`;
}

const VARIABLE = /^[A-Z][A-Z0-9_]*$/;
const bodies = new Map<string, string>();

/**
 * A shell script the library ships as a `.sh` file (checked by shellcheck in the tests), preceded by one header
 * that assigns its inputs, each single-quoted: the only place where values from TypeScript enter a script.
 *
 * @param path the file below `lib/`, e.g. `kms/scripts/join.sh`
 * @param variables the script's inputs, upper-case names; the file reads them as `${NAME:?}`
 */
export function shellScript(path: string, variables: Record<string, string | number>): string {
  const header = Object.keys(variables).sort().map((name) => {
    if (!VARIABLE.test(name)) throw new Error(`shell variable '${name}' must be upper-case letters, digits and '_'`);
    return `${name}=${shellQuote(String(variables[name]))}`;
  });
  const body = scriptBody(path);
  return `${header.join('\n')}\n${body}`;
}

/** The file's text without its `#!` line, read once per process. */
function scriptBody(path: string): string {
  let body = bodies.get(path);
  if (body === undefined) {
    body = readFileSync(locate(path), 'utf8').replace(/^#![^\n]*\n/, '');
    bodies.set(path, body);
  }
  return body;
}

/**
 * Where `lib/<path>` is: beside the compiled or source module tree this file belongs to (`lib/` under jest,
 * `dist-lib/` in the installed package, where the build copies the `.sh` files), or, for a bundle of the sources
 * such as `npm run synth`'s, under the nearest folder above the bundle that has `lib/<path>`.
 */
function locate(path: string): string {
  const beside = join(dirname(__dirname), path);
  if (existsSync(beside)) return beside;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'lib', path);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`minio-aks cannot find its shell script ${path}: bundle minio-aks only together with its .sh files`);
}
