import { IConstruct } from 'constructs';
import { reject } from '../core/errors';

const HOST_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

/** A reason a name is unfit for a certificate, with what to do about it. */
export interface NameProblem {
  /** Phrased to follow the field name: `must not be empty`. */
  readonly problem: string;
  /** What to write instead. */
  readonly fix: string;
}

/**
 * Why `name` cannot be a DNS subject alternative name, or `undefined` when it can.
 *
 * Names are kept lower-case so that the synthesized list is stable and duplicates are found; a wildcard is only
 * accepted as the whole leftmost label followed by at least two labels, which is what TLS clients match
 * (RFC 6125) and what public CAs issue.
 */
export function dnsNameProblem(name: string, allowWildcard: boolean): NameProblem | undefined {
  if (name.length === 0) {
    return { problem: 'must not be empty', fix: 'write a DNS name such as \'s3.example.com\'' };
  }
  if (name.length > MAX_NAME_LENGTH) {
    return { problem: `must be at most ${MAX_NAME_LENGTH} characters`, fix: 'use a shorter DNS name' };
  }
  const labels = name.split('.');
  if (name.includes('*')) {
    if (!allowWildcard) {
      return { problem: 'must not contain a wildcard', fix: 'write the exact DNS name' };
    }
    if (labels[0] !== '*' || labels.slice(1).some((label) => label.includes('*'))) {
      return {
        problem: 'may carry a wildcard only as its whole leftmost label',
        fix: 'write \'*.example.com\', or list each name separately',
      };
    }
    if (labels.length < 3) {
      return {
        problem: 'must have at least two labels after the wildcard',
        fix: 'write \'*.example.com\' rather than a wildcard over a top-level domain',
      };
    }
  }
  const concrete = labels[0] === '*' ? labels.slice(1) : labels;
  if (!concrete.every((label) => label.length <= MAX_LABEL_LENGTH && HOST_LABEL.test(label))) {
    return {
      problem: `must be a DNS name of labels of at most ${MAX_LABEL_LENGTH} lower-case letters, digits and '-'`,
      fix: 'start and end each label with a letter or digit, and separate labels with single dots',
    };
  }
  return undefined;
}

/** Whether `name` is a wildcard name such as `*.example.com`. */
export function isWildcardName(name: string): boolean {
  return name.startsWith('*.');
}

/** Rejects `name` unless it is a valid DNS subject alternative name. */
export function requireDnsName(scope: IConstruct, field: string, name: string, allowWildcard: boolean): string {
  const found = dnsNameProblem(name, allowWildcard);
  if (found) reject(scope, field, name, found.problem, found.fix);
  return name;
}

/** Rejects `names` if the same name appears twice: cert-manager would keep both and the intent is unclear. */
export function requireDistinct(scope: IConstruct, field: string, names: readonly string[]): void {
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (seen.has(name)) {
      reject(scope, `${field}[${index}]`, name, 'repeats an earlier entry', 'list each name once');
    }
    seen.add(name);
  });
}
