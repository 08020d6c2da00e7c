import { IConstruct } from 'constructs';

/**
 * Thrown for input that the operator, the API server or Azure would reject later.
 *
 * The message always names the construct path, the field, the value received and the fix, so that a
 * failing synth in a pipeline says what to change without reading the library's source.
 */
export class ConfigurationError extends Error {
  public constructor(
    public readonly constructPath: string,
    public readonly field: string,
    public readonly received: unknown,
    problem: string,
    fix: string,
  ) {
    super(`${constructPath}: ${field} ${problem} (received ${describe(received)}): ${fix}`);
    this.name = 'ConfigurationError';
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
