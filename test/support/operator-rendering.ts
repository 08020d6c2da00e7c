/**
 * Renders a synthesized Tenant the way its consumers do, to see which value each variable has when MinIO starts:
 * - External Secrets fills the configuration Secret's config.env from its template (with the library's guard);
 * - the MinIO Operator merges it with `spec.env` (minio/operator pkg/configuration/tenant_configuration.go:
 *   parseConfEnvSecret, buildTenantEnvs, envVarsToFileContent): literal values only, a `valueFrom` entry becomes
 *   an empty string, and config.env wins over spec.env for the same name;
 * - MinIO reads the resulting file (minio/minio cmd/common-main.go: parsEnvEntry).
 * Files reach MinIO only through `additionalVolumes` + `additionalVolumeMounts` (minio/operator
 * pkg/resources/statefulsets/minio-statefulset.go), which `fileSources` resolves.
 */

/** How a variable got its value, for messages. */
export type EnvSource = 'config.env' | 'spec.env';

/** A variable as MinIO sees it. */
export interface MinioVariable {
  readonly value: string;
  readonly source: EnvSource;
}

/**
 * Fills a config.env template of the library the way External Secrets would: the guard fails on a value with an
 * inner line break or a leading or trailing `"`, and each `{{ trimSuffix "\n" .NAME }}` becomes the value.
 */
export function fillConfigEnvTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const [guard, ...lines] = template.split('\n');
  if (!/^\{\{ range \$name, \$value := \. \}\}.*\{\{ fail .*\{\{ end -\}\}$/.test(guard)) {
    throw new Error(`unexpected template guard: ${guard}`);
  }
  for (const [name, raw] of Object.entries(values)) {
    const value = raw.replace(/\n$/, '');
    if (value.includes('\n')) throw new Error(`${name} holds a line break, which config.env cannot carry`);
    if (value.startsWith('"') || value.endsWith('"')) {
      throw new Error(`${name} starts or ends with a double quote, which the MinIO Operator strips from config.env values`);
    }
  }
  return lines.join('\n').replace(/\{\{ trimSuffix "\\n" \.([A-Za-z_][A-Za-z0-9_]*) \}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`the template reads ${name}, which the ExternalSecret does not fetch`);
    return values[name].replace(/\n$/, '');
  });
}

/** The operator's reading of the configuration Secret's config.env: `export` lines, trimmed, outer `"` stripped. */
export function parseConfigEnvLikeOperator(configEnv: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const raw of configEnv.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith('export ')) continue;
    const entry = line.slice('export '.length);
    const eq = entry.indexOf('=');
    if (eq < 0) continue;
    result.set(entry.slice(0, eq).trim(), entry.slice(eq + 1).trim().replace(/^"+|"+$/g, ''));
  }
  return result;
}

/** MinIO's reading of its environment file: trimmed lines, `export` dropped, one pair of matching quotes stripped. */
export function parseEnvFileLikeMinio(file: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const raw of file.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const entry = line.replace(/^export/, '').trim();
    const eq = entry.indexOf('=');
    if (eq < 0) throw new Error(`MinIO refuses the line '${line}'`);
    let value = entry.slice(eq + 1);
    if (value.length >= 2 && (value[0] === '"' || value[0] === '\'') && value[value.length - 1] === value[0]) {
      value = value.slice(1, -1);
    }
    result.set(entry.slice(0, eq), value);
  }
  return result;
}

/**
 * What MinIO sees for `tenantName`'s variables, given the synthesized manifests and the values that Key Vault
 * holds (by Key Vault secret name). The configuration Secret must be rendered by an ExternalSecret in `manifests`,
 * or given as `existingConfigEnv`.
 */
export function renderMinioEnvironment(
  manifests: readonly any[],
  tenantName: string,
  keyVault: Readonly<Record<string, string>>,
  existingConfigEnv?: string,
): Map<string, MinioVariable> {
  const tenant = manifests.find((m) => m.kind === 'Tenant' && m.metadata.name === tenantName);
  if (tenant === undefined) throw new Error(`no Tenant ${tenantName}`);
  const configEnv = existingConfigEnv ?? renderedConfigEnv(manifests, tenant, keyVault);
  const fromSecret = parseConfigEnvLikeOperator(configEnv);
  const merged = new Map<string, MinioVariable>();
  for (const entry of tenant.spec.env ?? []) {
    if (!fromSecret.has(entry.name)) merged.set(entry.name, { value: entry.value ?? '', source: 'spec.env' });
  }
  for (const [name, value] of fromSecret) merged.set(name, { value, source: 'config.env' });
  const file = [...merged.keys()].sort().map((name) => `export ${name}="${merged.get(name)!.value}"\n`).join('');
  const read = parseEnvFileLikeMinio(file);
  return new Map([...merged].map(([name, variable]) => [name, { ...variable, value: read.get(name) ?? '' }]));
}

function renderedConfigEnv(manifests: readonly any[], tenant: any, keyVault: Readonly<Record<string, string>>): string {
  const secretName = tenant.spec.configuration.name;
  const externalSecret = manifests.find((m) => m.kind === 'ExternalSecret'
    && m.metadata.namespace === tenant.metadata.namespace && m.spec.target.name === secretName);
  if (externalSecret === undefined) throw new Error(`no ExternalSecret renders the configuration Secret ${secretName}`);
  const values: Record<string, string> = {};
  for (const data of externalSecret.spec.data) {
    const value = keyVault[data.remoteRef.key];
    if (value === undefined) throw new Error(`Key Vault holds no secret ${data.remoteRef.key}`);
    values[data.secretKey] = value;
  }
  return fillConfigEnvTemplate(externalSecret.spec.target.template.data['config.env'], values);
}

/** A file mounted into the MinIO container from a Secret, as `additionalVolumes` + `additionalVolumeMounts` give it. */
export interface MountedSecretFile {
  readonly secretName: string;
  readonly key: string;
}

/** The Secret key behind the absolute `path` in the MinIO container, or `undefined` when nothing is mounted there. */
export function mountedSecretFile(tenant: any, path: string): MountedSecretFile | undefined {
  const volumes: any[] = tenant.spec.additionalVolumes ?? [];
  const mounts: any[] = tenant.spec.additionalVolumeMounts ?? [];
  // The operator ignores both lists unless they have the same length.
  if (volumes.length !== mounts.length) return undefined;
  for (const mount of mounts) {
    const prefix = mount.mountPath.endsWith('/') ? mount.mountPath : `${mount.mountPath}/`;
    if (!path.startsWith(prefix)) continue;
    const file = path.slice(prefix.length);
    const volume = volumes.find((v) => v.name === mount.name);
    const item = volume?.secret?.items?.find((i: any) => i.path === file);
    if (item !== undefined) return { secretName: volume.secret.secretName, key: item.key };
  }
  return undefined;
}
