import { IConstruct } from 'constructs';
import { reject } from './errors';
import { isDnsSubdomain } from './names';

/**
 * The API server's rules for label keys, label values and annotation keys (k8s.io/apimachinery
 * pkg/util/validation: IsQualifiedName, IsValidLabelValue; pkg/api/validation/objectmeta.go: annotations use
 * qualified-name keys and at most 256 KiB in total). Values the MinIO Operator copies into a Service or a pod
 * are checked here, so a bad one fails the synth instead of the operator's reconcile.
 */

const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const MAX_NAME_PART = 63;
const MAX_PREFIX = 253;
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** Why `key` is not a qualified name (`[prefix/]name`), or `undefined` when it is one. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'must be a name with at most one \'/\' (an optional DNS-subdomain prefix, then the name)';
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0 || prefix.length > MAX_PREFIX || !isDnsSubdomain(prefix)) {
      return `must have a prefix that is a DNS-1123 subdomain of at most ${MAX_PREFIX} characters`;
    }
  }
  if (name.length === 0 || name.length > MAX_NAME_PART || !QUALIFIED_NAME_PART.test(name)) {
    return `must have a name part of 1 to ${MAX_NAME_PART} letters, digits, '-', '_' and '.', starting and ending with a letter or digit`;
  }
  return undefined;
}

/** Whether `value` is a valid label value: empty, or up to 63 letters, digits, `-`, `_`, `.` between alphanumerics. */
export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= MAX_NAME_PART && QUALIFIED_NAME_PART.test(value));
}

/** Rejects any label whose key or value the API server would refuse. */
export function requireLabels(scope: IConstruct, field: string, labels: Readonly<Record<string, string>> | undefined): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    const problem = qualifiedNameProblem(key);
    if (problem !== undefined) {
      reject(scope, `${field}['${key}']`, key, `is not a valid label key: it ${problem}`, 'use a key such as team or example.com/team');
    }
    if (typeof value !== 'string' || !isLabelValue(value)) {
      reject(scope, `${field}['${key}']`, value, 'is not a valid label value',
        'use at most 63 letters, digits, \'-\', \'_\' and \'.\', starting and ending with a letter or digit (or an empty value)');
    }
  }
}

/** Rejects annotations whose keys the API server would refuse, or whose total size exceeds its limit. */
export function requireAnnotations(scope: IConstruct, field: string, annotations: Readonly<Record<string, string>> | undefined): void {
  let bytes = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    const problem = qualifiedNameProblem(key);
    if (problem !== undefined) {
      reject(scope, `${field}['${key}']`, key, `is not a valid annotation key: it ${problem}`,
        'use a key such as example.com/owner');
    }
    if (typeof value !== 'string') {
      reject(scope, `${field}['${key}']`, value, 'must be a string', 'quote numbers and booleans, e.g. "true"');
    }
    bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (bytes > MAX_ANNOTATIONS_BYTES) {
    reject(scope, field, `${bytes} bytes`, `exceeds the API server's limit of ${MAX_ANNOTATIONS_BYTES} bytes for all annotations of an object`,
      'move large data into a ConfigMap');
  }
}
