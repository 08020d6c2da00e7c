// Whatever this writer does not write itself goes to cdk8s's `Yaml.stringify`, which calls the `yaml` package with
// cdk8s's own options (YAML 1.1, so that PyYAML and other 1.1 readers read the output alike, and no line folding;
// node_modules/cdk8s/lib/yaml.js): the copy and the options cdk8s uses, whichever it brings.
import { Yaml } from 'cdk8s';

/**
 * Writes documents exactly as cdk8s's `Yaml.stringify(...docs)` does (the same bytes, checked by
 * test/core/manifest-yaml.test.ts), several times faster.
 *
 * `yaml` builds a node tree for every value and tests every plain string against each YAML type: 80 of the 110 ms
 * the example platform's synth took. This walks plain JSON values directly and writes block mappings
 * and sequences as `yaml` does. It writes a scalar itself only when the result is certain: integers, booleans,
 * null, and strings of {@link isPlainSafe}. Every other string or number is written by `yaml` itself (once per
 * distinct value), and a document holding anything else (undefined, a non-plain object, an unusual key) is written
 * whole by `yaml`, so quoting and block scalar styles always stay `yaml`'s.
 */
export function stringifyManifests(docs: readonly unknown[]): string {
  return docs.map((doc) => (doc === undefined ? '\n' : stringifyDocument(doc))).join('---\n');
}

function stringifyDocument(doc: unknown): string {
  if (!isWritable(doc) || typeof doc !== 'object' || doc === null) return Yaml.stringify(doc);
  const lines: string[] = [];
  if (Array.isArray(doc)) {
    if (doc.length === 0) return '[]\n';
    writeSequence(doc, '', '', lines);
  } else {
    if (Object.keys(doc).length === 0) return '{}\n';
    writeMapping(doc as Record<string, unknown>, '', '', lines);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Strings `yaml` writes plain in a block mapping or sequence and every YAML 1.1 and 1.2 resolver reads as a string,
 * in three shapes, all of them without `#`, quotes, flow indicators or other indicators:
 * - a letter or `/` first, then letters, digits and `._/ :-`: a letter or slash first rules out numbers (digits,
 *   signs, `.inf`, `.nan`, `0x`, `0o`, `0b`), timestamps, `~`, `<<` and every indicator;
 * - one or two dashes and a letter first (`-c`, `--config`): no number, and no `- ` or `---` document marker;
 * - a Kubernetes quantity or duration such as `64Mi` or `720h`: digits not starting with 0 (no `0x`/`0o`/`0b`)
 *   followed by letters only, so no float exponent (`1e3`), sexagesimal (`1:30`) or timestamp can match.
 * `: ` (which starts a mapping value) and a trailing colon or space are refused below, as `yaml`'s plain-string test
 * refuses them (eemeli/yaml src/stringify/stringifyString.ts, `plainString`); the YAML 1.1 types are those of
 * yaml.org/type (bool, null, int, float, timestamp, merge).
 */
const PLAIN_SAFE = /^(?:(?:[A-Za-z/]|--?[A-Za-z])[A-Za-z0-9._/ :-]*|[1-9][0-9]*[A-Za-z]+)$/;

/** Plain words a YAML 1.1 resolver reads as booleans or null (yaml-1.1 `bool` and `null` tags), in any case. */
const RESERVED_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);

/** Whether {@link stringifyManifests} writes `value` itself, bare (exported for its tests). */
export function isPlainSafe(value: string): boolean {
  return PLAIN_SAFE.test(value)
    && !value.includes(': ')
    && !value.endsWith(':')
    && !value.endsWith(' ')
    && !RESERVED_WORDS.has(value.toLowerCase());
}

/**
 * Keys `yaml` writes plain before a colon: plain-safe, and short, since `yaml` writes a key longer than 1,024
 * characters as an explicit `? ` key (eemeli/yaml src/stringify/stringifyPair.ts).
 */
function isSimpleKey(key: string): boolean {
  return key.length <= 1000 && isPlainSafe(key);
}

/** Whether the walk below can write `value` (and everything inside it) itself; otherwise `yaml` writes the document. */
function isWritable(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isWritable(value[i])) return false;
        return true;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      if (Object.getOwnPropertySymbols(value).length > 0) return false;
      for (const [key, item] of Object.entries(value)) if (!isSimpleKey(key) || !isWritable(item)) return false;
      return true;
    }
    default:
      return false;
  }
}

/**
 * Writes the items of a mapping whose keys start at column `indent`; the first line continues `firstPrefix` (a
 * sequence's `- `), the others start with `indent`.
 */
function writeMapping(map: Record<string, unknown>, indent: string, firstPrefix: string, lines: string[]): void {
  let prefix = firstPrefix;
  for (const key of Object.keys(map)) {
    const value = map[key];
    const head = `${prefix}${key}:`;
    prefix = indent;
    if (value !== null && typeof value === 'object') {
      if (Array.isArray(value)) {
        if (value.length === 0) lines.push(`${head} []`);
        else {
          lines.push(head);
          // yaml's default `indentSeq: true` indents a sequence under a key by one step.
          writeSequence(value, `${indent}  `, `${indent}  `, lines);
        }
      } else if (Object.keys(value).length === 0) {
        lines.push(`${head} {}`);
      } else {
        lines.push(head);
        writeMapping(value as Record<string, unknown>, `${indent}  `, `${indent}  `, lines);
      }
    } else {
      lines.push(`${head} ${scalar(value, indent)}`);
    }
  }
}

/** Writes the items of a sequence whose dashes start at column `indent`; the first continues `firstPrefix`. */
function writeSequence(items: readonly unknown[], indent: string, firstPrefix: string, lines: string[]): void {
  let prefix = firstPrefix;
  for (const value of items) {
    const head = `${prefix}-`;
    prefix = indent;
    if (value !== null && typeof value === 'object') {
      if (Array.isArray(value)) {
        if (value.length === 0) lines.push(`${head} []`);
        else writeSequence(value, `${indent}  `, `${head} `, lines);
      } else if (Object.keys(value).length === 0) {
        lines.push(`${head} {}`);
      } else {
        writeMapping(value as Record<string, unknown>, `${indent}  `, `${head} `, lines);
      }
    } else {
      lines.push(`${head} ${scalar(value, indent)}`);
    }
  }
}

/**
 * A scalar in a mapping or sequence item at column `indent`. `yaml` writes a block scalar's content one step deeper
 * than the item that holds it and leaves empty lines empty, so its rendering as a top-level mapping value is the
 * same text with `indent` put before every continuation line that is not empty.
 */
function scalar(value: unknown, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && isPlainSafe(value)) return value;
  const rendered = renderedByYaml(value);
  return indent === '' || !rendered.includes('\n') ? rendered : rendered.replace(/\n(?=[^\n])/g, `\n${indent}`);
}

const renderedScalars = new Map<unknown, string>();

/** `yaml`'s own text for `value` as the value of a top-level mapping key, without the key and the final newline. */
function renderedByYaml(value: unknown): string {
  let rendered = renderedScalars.get(value);
  if (rendered === undefined) {
    const text = Yaml.stringify({ k: value });
    // `k: ` then the scalar; a block scalar's header stays on the key's line.
    rendered = text.slice('k: '.length, -1);
    renderedScalars.set(value, rendered);
  }
  return rendered;
}
