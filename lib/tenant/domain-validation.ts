import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { isDnsSubdomain } from '../core/names';
import { TenantDomainOptions } from './tenant-options';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Rejects S3 domains and console URLs the operator would refuse or MinIO could not serve. */
export function validateDomains(scope: IConstruct, domains: TenantDomainOptions): void {
  for (const [i, domain] of (domains.s3 ?? []).entries()) {
    const [host, port, ...rest] = domain.split(':');
    const validPort = port === undefined || (/^\d+$/.test(port) && Number(port) > 0 && Number(port) < 65536);
    if (rest.length > 0 || !validPort || !isDnsSubdomain(host) || IPV4.test(host)) {
      reject(scope, `domains.s3[${i}]`, domain, 'is not a DNS host name', 'give a host name such as s3.example.com, without scheme or path');
    }
  }
  if (domains.console !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(domains.console);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:' || !isDnsSubdomain(url.hostname)) {
      reject(scope, 'domains.console', domains.console, 'is not an https URL with a DNS host name', 'give a URL such as https://console.example.com');
    }
  }
}
