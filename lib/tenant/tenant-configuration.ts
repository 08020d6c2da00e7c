import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { KeyVaultSecretProviderClass } from '../secrets/key-vault-secret-provider-class';

/**
 * A Secret fit to be a MinIO Tenant's `configuration`: it holds `config.env` and exists whether or not any
 * pod runs.
 *
 * The operator reads the configuration Secret before it creates the first MinIO pod, so the Secret must
 * not depend on a pod: a Secret synced by the Secrets Store CSI driver only exists while a pod mounts its
 * volume, and can never serve here. External Secrets ({@link TenantConfigurationSecret}) keeps one in
 * place independently of pods.
 */
export interface ITenantConfigurationSecret {
  /** Name of the Secret, for the Tenant's `configuration.name`. */
  readonly secretName: string;

  /** Namespace of the Secret, which must be the Tenant's. */
  readonly namespace: string;

  /** Marks sources that keep the Secret in place without any pod; only such sources carry it. */
  readonly presentBeforePodsStart: true;
}

/**
 * Rejects `candidate` unless it can serve as a Tenant's configuration Secret, with a message that says
 * why a Secrets Store CSI class cannot. For constructs (the Tenant) that accept a configuration source.
 *
 * @param scope the construct receiving the candidate, for the error's path
 * @param field the input's name as the user wrote it, e.g. `configuration`
 * @param candidate the value given
 * @param tenantNamespace the Tenant's namespace, which the Secret must share
 */
export function assertUsableAsTenantConfiguration(
  scope: IConstruct,
  field: string,
  candidate: unknown,
  tenantNamespace?: string,
): asserts candidate is ITenantConfigurationSecret {
  if (candidate instanceof KeyVaultSecretProviderClass) {
    reject(scope, field, candidate.name,
      'is a Secrets Store CSI class, whose Secret exists only while a pod mounts it, but the MinIO operator reads the configuration before any pod starts',
      'render config.env with TenantConfigurationSecret (External Secrets) instead');
  }
  const source = candidate as Partial<ITenantConfigurationSecret> | undefined;
  if (typeof source !== 'object' || source === null || source.presentBeforePodsStart !== true
    || typeof source.secretName !== 'string' || typeof source.namespace !== 'string') {
    reject(scope, field, typeof candidate,
      'must be a configuration Secret that exists before any MinIO pod starts',
      'pass a TenantConfigurationSecret');
  }
  if (tenantNamespace !== undefined && source.namespace !== tenantNamespace) {
    reject(scope, field, source.namespace,
      `must be in the Tenant's namespace '${tenantNamespace}', as the operator reads the Secret from there`,
      `create the TenantConfigurationSecret in namespace '${tenantNamespace}'`);
  }
}
