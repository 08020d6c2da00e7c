import { article, canonical, hasType, isObject, Json, sameJson, show } from './json-values';

/**
 * The subset of OpenAPI v2/v3 schema that Kubernetes definitions and CRD structural schemas use.
 *
 * `x-kubernetes-validations` (CEL) is deliberately absent: evaluating CEL needs a CEL interpreter and the
 * Kubernetes type system, so those rules are skipped and must be covered by the constructs' own checks.
 */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean | number;
  readonly exclusiveMaximum?: boolean | number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly not?: Schema;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-embedded-resource'?: boolean;
  readonly 'x-kubernetes-list-type'?: string;
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
}

/** One violation: where (a path of property names and array indexes) and what. */
export interface Issue {
  readonly path: readonly (string | number)[];
  readonly problem: string;
}

/** How a schema is read. */
export interface SchemaContext {
  /** Targets of `#/definitions/<name>` references. */
  readonly definitions: Readonly<Record<string, Schema>>;
  /** Schema that `metadata` of an `x-kubernetes-embedded-resource` is checked against. */
  readonly objectMeta: Schema;
}

interface Mode {
  /**
   * CRD structural schemas: an object without properties keeps no fields, because the API server prunes
   * them. Kubernetes' own definitions use such objects for free-form JSON (RawExtension, FieldsV1).
   */
  readonly structural: boolean;
  /** Inside anyOf/oneOf/allOf/not, which constrain values only: the main schema decides which fields exist. */
  readonly valuesOnly: boolean;
}

type Path = readonly (string | number)[];

const INT32 = 2 ** 31;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const EMBEDDED_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);
/** Compiled `pattern`s, shared by every call: schemas are read-only and patterns repeat a lot. */
const patterns = new Map<string, RegExp>();

/** Every way `value` violates `schema`. `structural` selects the CRD rules (see {@link Mode}). */
export function validateValue(schema: Schema, value: unknown, context: SchemaContext, structural: boolean): Issue[] {
  const issues: Issue[] = [];
  new Walker(context, issues).visit(schema, value, [], { structural, valuesOnly: false });
  return issues;
}

class Walker {
  public constructor(private readonly context: SchemaContext, private readonly issues: Issue[]) {}

  public visit(schema: Schema, value: unknown, path: Path, mode: Mode): void {
    if (schema.$ref !== undefined) {
      // References only ever point into the Kubernetes definitions, whatever schema they came from.
      this.visit(this.resolve(schema.$ref), value, path, { ...mode, structural: false });
      return;
    }
    if (value === null) {
      if (schema.nullable !== true && constrainsShape(schema)) this.report(path, 'must not be null');
      return;
    }
    if (!this.checkType(schema, value, path)) return;
    if (schema.enum !== undefined && !schema.enum.some((allowed) => sameJson(allowed, value))) {
      this.report(path, `must be one of ${schema.enum.map(show).join(', ')} (got ${show(value)})`);
    }
    if (typeof value === 'string') this.checkString(schema, value, path);
    else if (typeof value === 'number') this.checkNumber(schema, value, path);
    else if (Array.isArray(value)) this.checkArray(schema, value, path, mode);
    else if (isObject(value)) this.checkObject(schema, value, path, mode);
    this.checkBranches(schema, value, path, mode);
  }

  private resolve(ref: string): Schema {
    const target = this.context.definitions[ref.replace(/^#\/definitions\//, '')];
    if (target === undefined) throw new Error(`schema reference ${ref} points nowhere`);
    return target;
  }

  /** Reports a wrong type; returns whether the remaining keywords can be checked. */
  private checkType(schema: Schema, value: unknown, path: Path): boolean {
    if (schema.format === 'int-or-string' || schema['x-kubernetes-int-or-string'] === true) {
      if (Number.isInteger(value) || typeof value === 'string') return true;
      this.report(path, `must be an integer or a string (got ${show(value)})`);
      return false;
    }
    if (schema.type === undefined || hasType(value, schema.type)) return true;
    this.report(path, `must be ${article(schema.type)} (got ${show(value)})`);
    return false;
  }

  private checkString(schema: Schema, value: string, path: Path): void {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) {
      this.report(path, `must be at least ${schema.minLength} characters long (got ${show(value)})`);
    }
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      this.report(path, `must be at most ${schema.maxLength} characters long (got ${length})`);
    }
    if (schema.pattern !== undefined && !compiled(schema.pattern).test(value)) {
      this.report(path, `must match ${schema.pattern} (got ${show(value)})`);
    }
    if (schema.format === 'date-time' && !DATE_TIME.test(value)) {
      this.report(path, `must be an RFC 3339 date-time (got ${show(value)})`);
    }
    if (schema.format === 'byte' && !BASE64.test(value)) {
      this.report(path, `must be base64-encoded (got ${show(value)})`);
    }
  }

  private checkNumber(schema: Schema, value: number, path: Path): void {
    if (schema.format === 'int32' && (value < -INT32 || value >= INT32)) {
      this.report(path, `must fit in a 32-bit integer (got ${value})`);
    }
    const { minimum, maximum, exclusiveMinimum: exMin, exclusiveMaximum: exMax } = schema;
    // OpenAPI v3.0 makes exclusiveMinimum a flag on minimum; JSON Schema 6+ makes it a bound of its own.
    const lower = typeof exMin === 'number' ? exMin : minimum;
    const lowerExclusive = typeof exMin === 'number' || exMin === true;
    if (lower !== undefined && (lowerExclusive ? value <= lower : value < lower)) {
      this.report(path, `must be ${lowerExclusive ? 'greater than' : 'at least'} ${lower} (got ${value})`);
    }
    const upper = typeof exMax === 'number' ? exMax : maximum;
    const upperExclusive = typeof exMax === 'number' || exMax === true;
    if (upper !== undefined && (upperExclusive ? value >= upper : value > upper)) {
      this.report(path, `must be ${upperExclusive ? 'less than' : 'at most'} ${upper} (got ${value})`);
    }
  }

  private checkArray(schema: Schema, value: readonly unknown[], path: Path, mode: Mode): void {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      this.report(path, `must have at least ${schema.minItems} items (got ${value.length})`);
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      this.report(path, `must have at most ${schema.maxItems} items (got ${value.length})`);
    }
    this.checkListType(schema, value, path);
    if (schema.items !== undefined) {
      const items = schema.items;
      value.forEach((item, index) => this.visit(items, item, [...path, index], mode));
    }
  }

  /** The API server rejects duplicates in lists declared as sets or as maps keyed by some fields. */
  private checkListType(schema: Schema, value: readonly unknown[], path: Path): void {
    const listType = schema['x-kubernetes-list-type'];
    if (listType !== 'set' && listType !== 'map') return;
    const keys = schema['x-kubernetes-list-map-keys'] ?? [];
    const itemSchema = schema.items?.$ref !== undefined ? this.resolve(schema.items.$ref) : schema.items;
    const firstIndex = new Map<string, number>();
    value.forEach((item, index) => {
      const identity = listType === 'set' ? canonical(item) : canonical(keys.map((key) => {
        const field = isObject(item) ? item[key] : undefined;
        return field ?? itemSchema?.properties?.[key]?.default ?? null;
      }));
      const first = firstIndex.get(identity);
      if (first === undefined) {
        firstIndex.set(identity, index);
      } else if (listType === 'set') {
        this.report([...path, index], `duplicates item [${first}] in a list that is a set (got ${show(item)})`);
      } else {
        const described = keys.map((key) => `${key}=${show(isObject(item) ? item[key] : undefined)}`).join(', ');
        this.report([...path, index], `duplicates the key ${described} of item [${first}]`);
      }
    });
  }

  private checkObject(schema: Schema, value: Json, path: Path, mode: Mode): void {
    const count = Object.keys(value).length;
    if (schema.minProperties !== undefined && count < schema.minProperties) {
      this.report(path, `must have at least ${schema.minProperties} fields (got ${count})`);
    }
    if (schema.maxProperties !== undefined && count > schema.maxProperties) {
      this.report(path, `must have at most ${schema.maxProperties} fields (got ${count})`);
    }
    for (const name of schema.required ?? []) {
      if (value[name] === undefined) this.report([...path, name], 'is required but missing');
    }
    const embedded = schema['x-kubernetes-embedded-resource'] === true;
    if (embedded) this.checkEmbedded(value, path);
    const extra = schema.additionalProperties;
    const closed = !mode.valuesOnly && schema['x-kubernetes-preserve-unknown-fields'] !== true && extra !== true
      && (extra === false || schema.properties !== undefined || (mode.structural && extra === undefined));
    for (const [name, field] of Object.entries(value)) {
      // checkEmbedded has checked metadata against ObjectMeta, of which CRDs only declare a bare object.
      if (embedded && name === 'metadata') continue;
      const declared = schema.properties?.[name];
      if (declared !== undefined) this.visit(declared, field, [...path, name], mode);
      else if (typeof extra === 'object') this.visit(extra, field, [...path, name], mode);
      else if (closed && !(embedded && EMBEDDED_FIELDS.has(name))) this.report([...path, name], 'is not a known field');
    }
  }

  /** An embedded object must say what it is, and its metadata obeys the rules of any object's metadata. */
  private checkEmbedded(value: Json, path: Path): void {
    for (const name of ['apiVersion', 'kind']) {
      if (typeof value[name] !== 'string' || value[name] === '') {
        this.report([...path, name], `must be a non-empty string in an embedded resource (got ${show(value[name])})`);
      }
    }
    if (value.metadata !== undefined) {
      this.visit(this.context.objectMeta, value.metadata, [...path, 'metadata'], { structural: false, valuesOnly: false });
    }
  }

  private checkBranches(schema: Schema, value: unknown, path: Path, mode: Mode): void {
    const branchMode = { ...mode, valuesOnly: true };
    for (const branch of schema.allOf ?? []) this.visit(branch, value, path, branchMode);
    for (const [keyword, branches] of [['anyOf', schema.anyOf], ['oneOf', schema.oneOf]] as const) {
      if (branches === undefined) continue;
      const failures = branches.map((branch) => this.trial(branch, value, path, branchMode));
      const matched = failures.filter((issues) => issues.length === 0).length;
      if (matched === 0) this.report(path, describeMismatch(keyword, branches, failures, value));
      if (keyword === 'oneOf' && matched > 1) this.report(path, `must match exactly one oneOf alternative (matches ${matched})`);
    }
    if (schema.not !== undefined && this.trial(schema.not, value, path, branchMode).length === 0) {
      this.report(path, `must not match the schema under 'not' (got ${show(value)})`);
    }
  }

  private trial(schema: Schema, value: unknown, path: Path, mode: Mode): Issue[] {
    const issues: Issue[] = [];
    new Walker(this.context, issues).visit(schema, value, path, mode);
    return issues;
  }

  private report(path: Path, problem: string): void {
    this.issues.push({ path, problem });
  }
}

function describeMismatch(keyword: string, branches: readonly Schema[], failures: readonly Issue[][], value: unknown): string {
  const types = branches.map((branch) => (Object.keys(branch).length === 1 ? branch.type : undefined));
  if (types.every((type) => type !== undefined)) return `must be ${types.map((type) => article(type!)).join(' or ')} (got ${show(value)})`;
  const reasons = failures.map((issues) => issues[0]?.problem).join('; ');
  return `must match one of the ${keyword} alternatives (${reasons})`;
}

/** Whether a schema says anything about the value's shape, which null then cannot have. */
function constrainsShape(schema: Schema): boolean {
  return schema.type !== undefined || schema.format === 'int-or-string' || schema['x-kubernetes-int-or-string'] === true
    || schema.anyOf !== undefined || schema.oneOf !== undefined || schema.enum !== undefined;
}

function compiled(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern, 'u');
    patterns.set(pattern, regex);
  }
  return regex;
}
