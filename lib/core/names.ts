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
