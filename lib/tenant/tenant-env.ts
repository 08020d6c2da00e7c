import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { TenantSpecEnv } from '../imports/minio.min.io';
import { configEnvValueProblem } from './config-env-value';
import { KMS_VARIABLES } from './tenant-encryption';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Credentials are read from the configuration Secret's config.env only; env would put them in the Tenant. */
const CONFIG_ENV_ONLY = ['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD', 'MINIO_ACCESS_KEY', 'MINIO_SECRET_KEY'];

/** Names whose value is secret material: a literal value would land in the synthesized YAML. */
const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY)/;

/**
 * MinIO's own erasure set size override. The library derives set sizes, parity checks and PodDisruptionBudgets
 * from MinIO's automatic choice, which this would change.
 */
const SET_DRIVE_COUNT = 'MINIO_ERASURE_SET_DRIVE_COUNT';

/** Whether metrics need a token (minio/minio cmd/metrics-router.go): owned by the tenant's `metrics.public`. */
export const PROMETHEUS_AUTH_TYPE = 'MINIO_PROMETHEUS_AUTH_TYPE';

/**
 * Validates one variable of a tenant's extra environment and returns its Tenant form.
 *
 * Only literal values reach MinIO: the operator writes `spec.env` into MinIO's environment file from each entry's
 * `value`, so a `valueFrom` reference would arrive as an empty string (minio/operator
 * pkg/configuration/tenant_configuration.go: envVarsToFileContent; minio/operator issue 2279).
 */
export function renderTenantEnvVar(scope: IConstruct, name: string, value: kplus.EnvValue): TenantSpecEnv {
  const field = `env.${name}`;
  if (!ENV_NAME.test(name)) {
    reject(scope, field, name, 'is not a valid environment variable name', 'use letters, digits and underscores, not starting with a digit');
  }
  if (name === 'MINIO_UPDATE') {
    reject(scope, field, value.value ?? 'a reference', 'cannot be set',
      'leave it unset: with MINIO_UPDATE=off the operator falls back to a rolling update that mixes MinIO versions');
  }
  if (KMS_VARIABLES.test(name)) {
    reject(scope, field, value.value ?? 'a reference', 'selects a KMS, which the encryption option owns',
      'use encryption: TenantEncryption.kms(), kesWithKeyVault() or staticKey(); a tenant uses exactly one KMS');
  }
  if (CONFIG_ENV_ONLY.includes(name)) {
    reject(scope, field, 'a value', 'must not be set on the Tenant',
      'put the root credentials in the configuration Secret\'s config.env (e.g. rendered from Key Vault by External Secrets)');
  }
  if (name === SET_DRIVE_COUNT) {
    reject(scope, field, value.value ?? 'a reference', 'cannot be set',
      'leave it unset: pool checks and PodDisruptionBudgets follow the erasure set size MinIO picks itself');
  }
  if (name === PROMETHEUS_AUTH_TYPE) {
    reject(scope, field, value.value ?? 'a reference', 'is owned by the metrics option',
      'use metrics: { public: true } to serve metrics without a token; leave it out to require one');
  }
  if (value.value === undefined) {
    reject(scope, field, 'a Secret reference',
      'would reach MinIO as an empty string: the MinIO Operator copies only literal values from Tenant.spec.env into MinIO\'s config.env',
      `put the value in the configuration Secret: secretEnv: { ${name}: SecretSetting.fromKeyVault('<Key Vault secret>') } with a TenantConfigurationSecret, or a line in your own config.env`);
  }
  const text = String(value.value);
  if (SECRET_NAME.test(name) && !name.endsWith('_FILE')) {
    reject(scope, field, 'a literal value', 'holds secret material, which must not appear in manifests',
      `use secretEnv: { ${name}: SecretSetting.fromKeyVault('<Key Vault secret>') }, which puts it in config.env`);
  }
  const problem = configEnvValueProblem(text);
  if (problem !== undefined) reject(scope, field, text, problem.problem, problem.fix);
  return { name, value: text };
}
