import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { renderConfigEnvTemplate } from './config-env-template';
import { requireKeyVaultObjectName } from './key-vault-names';
import { KeyVaultExternalSecret } from './key-vault-external-secret';
import { IKeyVaultSecretStore } from './key-vault-secret-store';
import { ITenantConfigurationSecret } from './tenant-configuration';

/**
 * Properties of a {@link TenantConfigurationSecret}.
 */
export interface TenantConfigurationSecretProps {
  /** Name of the ExternalSecret and of the Secret it keeps (the Tenant's `configuration.name`). */
  readonly name: string;

  /** The store to read Key Vault through. */
  readonly store: IKeyVaultSecretStore;

  /**
   * Namespace of the Secret: the Tenant's namespace.
   *
   * @default - the namespace of a namespaced store; required with a ClusterSecretStore
   */
  readonly namespace?: string;

  /** Name of the Key Vault secret holding the root user (MINIO_ROOT_USER). */
  readonly rootUser: string;

  /** Name of the Key Vault secret holding the root password (MINIO_ROOT_PASSWORD). */
  readonly rootPassword: string;

  /**
   * Further variables for config.env, each mapped to the Key Vault secret holding its value: secrets
   * without a `_FILE` variant belong here, e.g. `{ MINIO_IDENTITY_OPENID_CLIENT_SECRET: 'entra-client-secret' }`.
   * Lines come out sorted by variable name.
   *
   * @default - only the root credentials
   */
  readonly environment?: Record<string, string>;

  /**
   * How often values are read again from Key Vault.
   *
   * @default Duration.hours(1)
   */
  readonly refreshInterval?: Duration;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ROOT_USER = 'MINIO_ROOT_USER';
const ROOT_PASSWORD = 'MINIO_ROOT_PASSWORD';

/**
 * The MinIO Tenant's configuration Secret (key `config.env`), rendered by External Secrets from Key Vault.
 *
 * Each variable is fetched into the Secret key of the same name and written as `export NAME="value"`; see
 * {@link renderConfigEnvTemplate} for how values are quoted. Only Key Vault secret names appear in the
 * manifests. Give {@link TenantConfigurationSecret.secretName} to the Tenant's `configuration`.
 */
export class TenantConfigurationSecret extends Construct implements ITenantConfigurationSecret {
  /** The key of the Secret the MinIO operator reads. */
  public static readonly CONFIGURATION_KEY = 'config.env';

  /** Name of the Secret holding `config.env`. */
  public readonly secretName: string;

  /** Namespace of the Secret. */
  public readonly namespace: string;

  /** @see ITenantConfigurationSecret.presentBeforePodsStart */
  public readonly presentBeforePodsStart = true as const;

  /** The variables config.env sets, in file order. */
  public readonly variables: readonly string[];

  /** The ExternalSecret keeping the Secret. */
  public readonly externalSecret: KeyVaultExternalSecret;

  /** Name of the Secret, so that this can be passed as a MinioTenant's `configuration`. */
  public get name(): string {
    return this.secretName;
  }

  public constructor(scope: Construct, id: string, props: TenantConfigurationSecretProps) {
    super(scope, id);
    requireKeyVaultObjectName(this, 'rootUser', props.rootUser);
    requireKeyVaultObjectName(this, 'rootPassword', props.rootPassword);
    const extra = Object.entries(props.environment ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, keyVaultSecret] of extra) {
      if (!ENV_NAME.test(name)) {
        reject(this, `environment['${name}']`, name,
          'must be an environment variable name: letters, digits and \'_\', not starting with a digit',
          'use the variable\'s name as MinIO documents it, e.g. MINIO_IDENTITY_OPENID_CLIENT_SECRET');
      }
      if (name === ROOT_USER || name === ROOT_PASSWORD) {
        reject(this, `environment['${name}']`, name, 'is set from rootUser and rootPassword already',
          'remove it from environment and give its Key Vault secret as rootUser or rootPassword');
      }
      requireKeyVaultObjectName(this, `environment['${name}']`, keyVaultSecret);
    }
    const mapping: Array<[string, string]> = [[ROOT_USER, props.rootUser], [ROOT_PASSWORD, props.rootPassword], ...extra];
    this.variables = mapping.map(([name]) => name);

    this.externalSecret = new KeyVaultExternalSecret(this, 'ExternalSecret', {
      name: props.name,
      store: props.store,
      namespace: props.namespace,
      refreshInterval: props.refreshInterval,
      data: mapping.map(([name, keyVaultSecret]) => ({ secretKey: name, keyVaultSecret })),
      template: { data: { [TenantConfigurationSecret.CONFIGURATION_KEY]: renderConfigEnvTemplate(this.variables) } },
    });
    this.secretName = this.externalSecret.secretName;
    this.namespace = this.externalSecret.namespace;
  }
}
