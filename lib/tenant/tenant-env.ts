import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { TenantSpecEnv } from '../imports/minio.min.io';
import { KMS_VARIABLES } from './tenant-encryption';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Credentials are read from the configuration Secret's config.env only; env would put them in the Tenant. */
const CONFIG_ENV_ONLY = ['MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD', 'MINIO_ACCESS_KEY', 'MINIO_SECRET_KEY'];

/** Names whose value is secret material: a literal value would land in the synthesized YAML. */
const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY)/;

/**
 * Validates a tenant's extra environment and renders it sorted by name, so that output does not depend on the
 * order in which variables were added.
 */
export function renderTenantEnv(scope: IConstruct, env: Record<string, kplus.EnvValue>): TenantSpecEnv[] {
  return Object.keys(env).sort().map((name) => {
    const field = `env.${name}`;
    const value = env[name];
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
    if (value.value !== undefined && SECRET_NAME.test(name) && !name.endsWith('_FILE')) {
      reject(scope, field, 'a literal value', 'holds secret material, which must not appear in manifests',
        'use EnvValue.fromSecretValue() to reference a Secret, or put it in config.env');
    }
    return value.value !== undefined ? { name, value: String(value.value) } : { name, valueFrom: value.valueFrom };
  });
}
