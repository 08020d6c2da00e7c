import { IConstruct } from 'constructs';
import { redactKeyMaterial, redactsByFieldName } from './redaction';

/**
 * Thrown for input that the operator, the API server or Azure would reject later.
 *
 * The message always names the construct path, the field, the value received and the fix, so that a
 * failing synth in a pipeline says what to change without reading the library's source. Key material and
 * passwords never reach the message (see `redactKeyMaterial`): pipelines keep their logs.
 */
export class ConfigurationError extends Error {
  /** The value received, redacted like the message when it is or holds key material. */
  public readonly received: unknown;

  public constructor(
    public readonly constructPath: string,
    public readonly field: string,
    received: unknown,
    problem: string,
    fix: string,
  ) {
    const shown = redactsByFieldName(field) && typeof received === 'string' ? `<redacted, ${received.length} characters>` : received;
    super(redactKeyMaterial(`${constructPath}: ${field} ${problem} (received ${describe(shown)}): ${fix}`));
    this.name = 'ConfigurationError';
    this.received = redactValue(shown);
  }
}

/**
 * Throws a {@link ConfigurationError} for `scope`.
 *
 * @param scope the construct whose input is wrong
 * @param field the input's name as the user wrote it, e.g. `pools[1].servers`
 * @param received the value received
 * @param problem what is wrong, phrased to follow the field name: `must be at least 1`
 * @param fix what to do instead
 */
export function reject(scope: IConstruct, field: string, received: unknown, problem: string, fix: string): never {
  throw new ConfigurationError(scope.node.path, field, received, problem, fix);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value}'`;
  return JSON.stringify(value) ?? String(value);
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactKeyMaterial(value);
  if (value === null || typeof value !== 'object') return value;
  try {
    return JSON.parse(redactKeyMaterial(JSON.stringify(value)));
  } catch {
    return '<not shown>';
  }
}
