import { IConstruct } from 'constructs';
import { reject } from '../core/errors';

/**
 * Checks shared by the load balancer option groups. The options are typed, but they also arrive from YAML platform
 * files and plain JavaScript, so every value is checked at run time as well.
 */

/** Rejects `value` unless it is a plain object. */
export function requireObject(scope: IConstruct, field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    reject(scope, field, value, 'must be an object of options', 'pass an object, or leave it out');
  }
  return value as Record<string, unknown>;
}

/**
 * Rejects the first key of `value` that is not in `known`, naming what the options belong to. Keys whose value is
 * `undefined` count as absent, as they do everywhere else in the options.
 */
export function rejectUnknownKeys(
  scope: IConstruct, field: string, value: Record<string, unknown>, known: readonly string[], owner: string,
): void {
  const unknown = definedKeys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    reject(scope, `${field}.${unknown}`, value[unknown], `is not an option of ${owner}`,
      `use only ${known.join(', ')}`);
  }
}

/** Rejects `value` unless it is a whole number from `min` to `max`. */
export function requireWholeNumber(
  scope: IConstruct, field: string, value: unknown, min: number, max: number, why: string,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    reject(scope, field, value, `must be a whole number ${range}`, why);
  }
  return value;
}

/** Rejects `value` unless it is `true` or `false`. */
export function requireBoolean(scope: IConstruct, field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    reject(scope, field, value, 'must be true or false', 'write the boolean without quotes');
  }
  return value;
}

/**
 * Rejects `value` unless it is a non-empty list of strings without repeats (compared case-insensitively, as Azure
 * compares names and ids).
 */
export function requireStringList(scope: IConstruct, field: string, value: unknown, what: string): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) {
    reject(scope, field, value, `must be a non-empty list of ${what}`, 'list at least one, or leave the option out');
  }
  const seen = new Set<string>();
  value.forEach((item: unknown, index: number) => {
    if (typeof item !== 'string') {
      reject(scope, `${field}[${index}]`, item, 'must be a string', `write each of the ${what} as text`);
    }
    if (seen.has(item.toLowerCase())) {
      reject(scope, `${field}[${index}]`, item, 'is listed twice', 'list each entry once');
    }
    seen.add(item.toLowerCase());
  });
  return value as string[];
}

/** The keys of `value` whose value is not `undefined`. */
export function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}

/** The annotations with their keys sorted, so the same input always synthesizes the same bytes. */
export function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) {
    sorted[key] = record[key];
  }
  return sorted;
}
