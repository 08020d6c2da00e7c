import { isDnsLabel, isDnsSubdomain } from '../../lib/core/names';
import { Issue, validateValue } from './json-schema';
import { explainUnknownKind, findKindSchema, schemaContext } from './schema-index';

/**
 * Checks manifests the way the API server would, only stricter about unknown fields: core kinds against the
 * Kubernetes 1.28 definitions, custom resources against the served versions of the CRDs in crds/.
 *
 * Each error reads `<Kind>/<namespace>/<name> <path>: <problem>` (`<Kind>/<name>` for cluster-scoped objects).
 * CEL rules (`x-kubernetes-validations`) are not evaluated.
 */
export function validateManifests(objects: readonly unknown[]): string[] {
  return objects.flatMap((object, index) => validateManifest(object, index));
}

/** Throws an Error listing every error from {@link validateManifests}, one per line, if there is any. */
export function expectValidManifests(objects: readonly unknown[]): void {
  const errors = validateManifests(objects);
  if (errors.length > 0) {
    throw new Error(`${errors.length} manifest error(s):\n${errors.join('\n')}`);
  }
}

/** Name rules stricter than the DNS-1123 subdomain that every other kind's name must be. */
const NAME_RULES: Readonly<Record<string, { readonly test: (name: string) => boolean; readonly rule: string }>> = {
  Namespace: { test: (name) => isDnsLabel(name), rule: 'a DNS-1123 label of at most 63 characters' },
  Service: { test: (name) => isDnsLabel(name) && /^[a-z]/.test(name), rule: 'a DNS-1035 label of at most 63 characters' },
};
const SUBDOMAIN_RULE = 'a DNS-1123 subdomain of at most 253 characters';

function validateManifest(object: unknown, index: number): string[] {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    return [`manifest [${index}]: must be an object (got ${JSON.stringify(object)})`];
  }
  const manifest = object as Record<string, unknown>;
  const metadata = (manifest.metadata ?? {}) as Record<string, unknown>;
  const kind = typeof manifest.kind === 'string' ? manifest.kind : '<no kind>';
  const name = typeof metadata.name === 'string' ? metadata.name : '<no name>';
  const label = typeof metadata.namespace === 'string' ? `${kind}/${metadata.namespace}/${name}` : `${kind}/${name}`;
  const issues = [...identityIssues(manifest, kind, metadata), ...schemaIssues(manifest, kind)];
  return issues.map((issue) => `${label} ${formatPath(issue.path)}: ${issue.problem}`);
}

function identityIssues(manifest: Record<string, unknown>, kind: string, metadata: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  if (typeof manifest.kind !== 'string') issues.push({ path: ['kind'], problem: 'is required but missing' });
  if (metadata.name === undefined) {
    issues.push({ path: ['metadata', 'name'], problem: 'is required but missing' });
  } else if (typeof metadata.name === 'string') {
    const rule = NAME_RULES[kind] ?? { test: isDnsSubdomain, rule: SUBDOMAIN_RULE };
    if (!rule.test(metadata.name)) {
      issues.push({ path: ['metadata', 'name'], problem: `must be ${rule.rule} (got ${JSON.stringify(metadata.name)})` });
    }
  }
  if (typeof metadata.namespace === 'string' && !isDnsLabel(metadata.namespace)) {
    issues.push({ path: ['metadata', 'namespace'], problem: `must be a DNS-1123 label (got ${JSON.stringify(metadata.namespace)})` });
  }
  return issues;
}

function schemaIssues(manifest: Record<string, unknown>, kind: string): Issue[] {
  if (typeof manifest.apiVersion !== 'string') return [{ path: ['apiVersion'], problem: 'is required but missing' }];
  if (typeof manifest.kind !== 'string') return [];
  const found = findKindSchema(manifest.apiVersion, kind);
  if (found === undefined) return [{ path: ['apiVersion'], problem: explainUnknownKind(manifest.apiVersion, kind) }];
  return validateValue(found.schema, manifest, schemaContext(), found.structural);
}

/** `spec.containers[0].name`; keys that are not plain identifiers in brackets: `labels["app.kubernetes.io/name"]`. */
function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path.map((part, i) => {
    if (typeof part === 'number') return `[${part}]`;
    if (/^[A-Za-z_$][\w$-]*$/.test(part)) return i === 0 ? part : `.${part}`;
    return `[${JSON.stringify(part)}]`;
  }).join('');
}
