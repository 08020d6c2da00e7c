import { IConstruct } from 'constructs';
import { reject } from './errors';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Whether `value` is an RFC 1123 DNS label, the rule for names of Services, Namespaces and most objects. */
export function isDnsLabel(value: string, maxLength = 63): boolean {
  return value.length <= maxLength && DNS_LABEL.test(value);
}

/** Whether `value` is an RFC 1123 DNS subdomain, the rule for names of Secrets, ConfigMaps and custom resources. */
export function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && DNS_SUBDOMAIN.test(value);
}

/** Rejects `value` unless it is a DNS label of at most `maxLength` characters. */
export function requireDnsLabel(scope: IConstruct, field: string, value: string, maxLength = 63): string {
  if (!isDnsLabel(value, maxLength)) {
    reject(scope, field, value,
      `must be a DNS-1123 label of at most ${maxLength} characters`,
      'use lower-case letters, digits and \'-\', starting and ending with a letter or digit');
  }
  return value;
}

/** Rejects `value` unless it is a DNS subdomain. */
export function requireDnsSubdomain(scope: IConstruct, field: string, value: string): string {
  if (!isDnsSubdomain(value)) {
    reject(scope, field, value,
      'must be a DNS-1123 subdomain of at most 253 characters',
      'use lower-case letters, digits, \'-\' and \'.\', starting and ending with a letter or digit');
  }
  return value;
}

const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Whether `value` is an RFC 1035 DNS label (starts with a letter), the rule for Service names. */
export function isDns1035Label(value: string, maxLength = 63): boolean {
  return value.length <= maxLength && DNS_1035_LABEL.test(value);
}

/**
 * Rejects `value` unless it is a DNS-1035 label of at most `maxLength` characters: the rule for names that end up
 * in a Service's name (the API server refuses a Service whose name starts with a digit).
 */
export function requireDns1035Label(scope: IConstruct, field: string, value: string, maxLength = 63, why = ''): string {
  if (typeof value !== 'string' || !isDns1035Label(value, maxLength)) {
    reject(scope, field, value,
      `must be a DNS-1035 label of at most ${maxLength} characters${why}`,
      'use lower-case letters, digits and \'-\', starting with a letter and ending with a letter or digit');
  }
  return value;
}
