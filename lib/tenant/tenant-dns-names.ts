import { ConfigurationError } from '../core/errors';
import { isDnsLabel } from '../core/names';
import { dnsNameProblem } from '../tls/dns-names';

/** The cluster DNS domain of AKS and of most clusters. */
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/** The operator names the headless Service `<tenant>-hl`, and a DNS label holds 63 characters. */
const MAX_TENANT_NAME_LENGTH = 63 - '-hl'.length;

/** Reports invalid input; throws. */
export type InputFailure = (field: string, received: unknown, problem: string, fix: string) => never;

/** The inputs of a tenant certificate's DNS names. */
export interface TenantNamingInput {
  readonly tenantName: string;
  readonly namespace: string;
  readonly clusterDomain: string;
  readonly extraDomains: readonly string[];
  /** How the caller calls the extra domains, for messages. */
  readonly extraDomainsField: string;
}

/**
 * The DNS names a MinIO Tenant's server certificate must carry for the operator and the pods to reach it:
 * the S3 Service `minio` (short, `.svc` and fully qualified), every pod behind the headless Service
 * `<tenant>-hl`, and the bucket-DNS names `<bucket>.<ns>.svc.<domain>`, the same names the operator puts in its
 * own certificates (minio/operator pkg/apis/minio.min.io/v2/helper.go: AllMinIOHosts; names.go:
 * MinIOBucketBaseWildcardDomain). Then `extraDomains`, with duplicates dropped and the order kept, so the list is
 * stable across synths.
 *
 * Throws a {@link ConfigurationError} naming the bad input.
 *
 * @param tenantName the Tenant's `metadata.name` (at most 60 characters: the operator appends `-hl`)
 * @param namespace the Tenant's namespace
 * @param clusterDomain the cluster's DNS domain
 * @param extraDomains further names clients use, e.g. `s3.example.com` or `*.s3.example.com`
 */
export function tenantCertificateDnsNames(
  tenantName: string,
  namespace: string,
  clusterDomain: string = DEFAULT_CLUSTER_DOMAIN,
  extraDomains: readonly string[] = [],
): string[] {
  const fail: InputFailure = (field, received, problem, fix) => {
    throw new ConfigurationError('tenantCertificateDnsNames', field, received, problem, fix);
  };
  const input = { tenantName, namespace, clusterDomain, extraDomains, extraDomainsField: 'extraDomains' };
  validateTenantNaming(input, fail);
  return dedupe([...tenantServiceDnsNames(tenantName, namespace, clusterDomain), ...extraDomains]);
}

/** The operator-facing names alone, for inputs already validated. */
export function tenantServiceDnsNames(tenantName: string, namespace: string, clusterDomain: string): string[] {
  const svc = `${namespace}.svc.${clusterDomain}`;
  return [
    `minio.${namespace}`,
    `minio.${namespace}.svc`,
    `minio.${svc}`,
    `*.${tenantName}-hl.${svc}`,
    `*.${svc}`,
  ];
}

/** Checks tenant name, namespace, cluster domain and extra domains, and that every resulting name fits. */
export function validateTenantNaming(input: TenantNamingInput, fail: InputFailure): void {
  if (!isDnsLabel(input.tenantName, MAX_TENANT_NAME_LENGTH)) {
    fail('tenantName', input.tenantName, `must be a DNS-1123 label of at most ${MAX_TENANT_NAME_LENGTH} characters`,
      'use lower-case letters, digits and \'-\', starting and ending with a letter or digit; the operator appends \'-hl\'');
  }
  if (!isDnsLabel(input.namespace)) {
    fail('namespace', input.namespace, 'must be a DNS-1123 label of at most 63 characters',
      'use lower-case letters, digits and \'-\', starting and ending with a letter or digit');
  }
  const domainProblem = dnsNameProblem(input.clusterDomain, false);
  if (domainProblem) fail('clusterDomain', input.clusterDomain, domainProblem.problem, domainProblem.fix);
  input.extraDomains.forEach((domain, index) => {
    const found = dnsNameProblem(domain, true);
    if (found) fail(`${input.extraDomainsField}[${index}]`, domain, found.problem, found.fix);
  });
  for (const name of tenantServiceDnsNames(input.tenantName, input.namespace, input.clusterDomain)) {
    if (dnsNameProblem(name, true)) {
      fail('clusterDomain', input.clusterDomain, `makes the name '${name}' longer than 253 characters`,
        'use a shorter cluster domain, namespace or tenant name');
    }
  }
}

function dedupe(names: readonly string[]): string[] {
  return [...new Set(names)];
}
