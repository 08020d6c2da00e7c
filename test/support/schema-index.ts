import * as fs from 'fs';
import { loadAll } from 'js-yaml';
import * as path from 'path';
import { Schema, SchemaContext } from './json-schema';
import { perWorker } from './per-worker';

/** The schema a manifest of one apiVersion and kind must satisfy. */
export interface KindSchema {
  readonly schema: Schema;
  /** Whether it is a CRD structural schema (see `validateValue`). */
  readonly structural: boolean;
}

interface CustomResourceDefinition {
  readonly spec: {
    readonly group: string;
    readonly names: { readonly kind: string };
    readonly versions: readonly {
      readonly name: string;
      readonly served: boolean;
      readonly schema?: { readonly openAPIV3Schema?: Schema };
    }[];
  };
}

/** A Kubernetes definition; those of top-level kinds name their group, version and kind. */
interface Definition extends Schema {
  readonly 'x-kubernetes-group-version-kind'?: readonly { readonly group: string; readonly version: string; readonly kind: string }[];
}

interface CoreIndex {
  readonly context: SchemaContext;
  /** Schemas by `group/version/kind`. */
  readonly kinds: ReadonlyMap<string, Schema>;
}

interface CustomIndex {
  /** Schemas of served versions by `group/version/kind`. */
  readonly kinds: ReadonlyMap<string, Schema>;
  /** Served versions by `group/kind`, to explain a request for one that is not served. */
  readonly servedVersions: ReadonlyMap<string, readonly string[]>;
}

const ROOT = path.resolve(__dirname, '..', '..');
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/**
 * Lists whose entries the API server requires to be unique by their patch merge key, although the published
 * schema does not mark them as list maps (pod validation: container, volume and mount names).
 */
const UNIQUE_BY_MERGE_KEY: Readonly<Record<string, readonly string[]>> = {
  'io.k8s.api.core.v1.PodSpec': ['containers', 'initContainers', 'ephemeralContainers', 'volumes'],
  'io.k8s.api.core.v1.Container': ['volumeMounts', 'volumeDevices'],
  'io.k8s.api.core.v1.EphemeralContainer': ['volumeMounts', 'volumeDevices'],
};

/** The Kubernetes 1.28 definitions, parsed and indexed once per jest worker. */
export function schemaContext(): SchemaContext {
  return coreIndex().context;
}

/** The schema for `apiVersion` + `kind`: a Kubernetes 1.28 kind or a served version of a vendored CRD. */
export function findKindSchema(apiVersion: string, kind: string): KindSchema | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  const coreSchema = coreIndex().kinds.get(`${group}/${version}/${kind}`);
  if (coreSchema !== undefined) return { schema: coreSchema, structural: false };
  const customSchema = customIndex().kinds.get(`${group}/${version}/${kind}`);
  return customSchema === undefined ? undefined : { schema: customSchema, structural: true };
}

/** Why {@link findKindSchema} found nothing, phrased to follow the apiVersion. */
export function explainUnknownKind(apiVersion: string, kind: string): string {
  const { group } = splitApiVersion(apiVersion);
  const served = customIndex().servedVersions.get(`${group}/${kind}`);
  if (served !== undefined) {
    return `${apiVersion} is not served for ${kind} (served: ${served.map((v) => `${group}/${v}`).join(', ')})`;
  }
  return `${apiVersion} ${kind} is neither a Kubernetes 1.28 kind nor defined by a CRD in crds/`;
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function coreIndex(): CoreIndex {
  return perWorker('schema-index/core', buildCoreIndex);
}

function buildCoreIndex(): CoreIndex {
  const file = path.join(ROOT, 'schemas', 'k8s-v1.28.0-definitions.json');
  const definitions = JSON.parse(fs.readFileSync(file, 'utf8')).definitions as Record<string, Definition>;
  markUniqueLists(definitions);
  const kinds = new Map<string, Schema>();
  for (const schema of Object.values(definitions)) {
    for (const { group, version, kind } of schema['x-kubernetes-group-version-kind'] ?? []) {
      kinds.set(`${group}/${version}/${kind}`, schema);
    }
  }
  return { context: { definitions, objectMeta: { $ref: `#/definitions/${OBJECT_META}` } }, kinds };
}

function markUniqueLists(definitions: Record<string, Schema>): void {
  for (const [name, fields] of Object.entries(UNIQUE_BY_MERGE_KEY)) {
    const properties = definitions[name].properties as Record<string, Record<string, unknown>>;
    for (const field of fields) {
      properties[field] = {
        ...properties[field],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': [properties[field]['x-kubernetes-patch-merge-key']],
      };
    }
  }
}

function customIndex(): CustomIndex {
  return perWorker('schema-index/custom', buildCustomIndex);
}

function buildCustomIndex(): CustomIndex {
  const kinds = new Map<string, Schema>();
  const servedVersions = new Map<string, string[]>();
  const dir = path.join(ROOT, 'crds');
  const files = fs.readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).map((file) => path.join(dir, file));
  // js-yaml rather than yaml: it reads the vendored CRDs (1.3 MB) in about a tenth of the time, to the same values.
  const crds = files.flatMap((file) => loadAll(fs.readFileSync(file, 'utf8'))) as (CustomResourceDefinition | null)[];
  for (const crd of crds) {
    if (crd?.spec?.versions === undefined) continue;
    const { group, names, versions } = crd.spec;
    const served = versions.filter((v) => v.served && v.schema?.openAPIV3Schema !== undefined);
    servedVersions.set(`${group}/${names.kind}`, served.map((v) => v.name));
    for (const version of served) {
      const root = version.schema!.openAPIV3Schema!;
      // The API server checks a custom resource's metadata as ObjectMeta; CRDs only declare a bare object.
      const metadata = { $ref: `#/definitions/${OBJECT_META}` };
      kinds.set(`${group}/${version.name}/${names.kind}`, { ...root, properties: { ...root.properties, metadata } });
    }
  }
  return { kinds, servedVersions };
}
