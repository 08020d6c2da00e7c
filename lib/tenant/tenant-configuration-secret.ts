import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { compareOrdinal } from '../core/ordinal-order';
import { renderConfigEnvTemplate } from './config-env-template';
import { requireKeyVaultObjectName } from '../secrets/key-vault-names';
import { KeyVaultExternalSecret } from '../secrets/key-vault-external-secret';
import { IKeyVaultSecretStore } from '../secrets/key-vault-secret-store';
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
 * `renderConfigEnvTemplate` for how values are quoted. Only Key Vault secret names appear in the
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

  /** The variables config.env sets, in file order: the root credentials, then the others sorted by name. */
  public get variables(): readonly string[] {
    return [ROOT_USER, ROOT_PASSWORD, ...[...this.extraVariables.keys()].sort(compareOrdinal)];
  }

  /** The ExternalSecret keeping the Secret. */
  public readonly externalSecret: KeyVaultExternalSecret;

  /** Name of the Secret, so that this can be passed as a MinioTenant's `configuration`. */
  public get name(): string {
    return this.secretName;
  }

  private readonly extraVariables = new Map<string, string>();

  public constructor(scope: Construct, id: string, props: TenantConfigurationSecretProps) {
    super(scope, id);
    requireKeyVaultObjectName(this, 'rootUser', props.rootUser);
    requireKeyVaultObjectName(this, 'rootPassword', props.rootPassword);
    this.externalSecret = new KeyVaultExternalSecret(this, 'ExternalSecret', {
      name: props.name,
      store: props.store,
      namespace: props.namespace,
      refreshInterval: props.refreshInterval,
      data: [{ secretKey: ROOT_USER, keyVaultSecret: props.rootUser }, { secretKey: ROOT_PASSWORD, keyVaultSecret: props.rootPassword }],
      template: { data: { [TenantConfigurationSecret.CONFIGURATION_KEY]: renderConfigEnvTemplate([ROOT_USER, ROOT_PASSWORD]) } },
    });
    this.secretName = this.externalSecret.secretName;
    this.namespace = this.externalSecret.namespace;
    for (const [name, keyVaultSecret] of Object.entries(props.environment ?? {}).sort(([a], [b]) => compareOrdinal(a, b))) {
      this.addVariable(name, keyVaultSecret, `environment['${name}']`);
    }
  }

  /**
   * Adds a line `export NAME="<value of the Key Vault secret>"` to config.env. A tenant calls this for the secret
   * settings it is given (e.g. its KMS API key); adding the same variable again with the same Key Vault secret
   * changes nothing, with another one it is refused.
   *
   * @param name the environment variable MinIO reads, e.g. MINIO_IDENTITY_OPENID_CLIENT_SECRET
   * @param keyVaultSecret the Key Vault secret holding its value
   * @param field how the caller names this input in errors
   */
  public addVariable(name: string, keyVaultSecret: string, field = `environment['${name}']`): void {
    if (typeof name !== 'string' || !ENV_NAME.test(name)) {
      reject(this, field, name,
        'must be an environment variable name: letters, digits and \'_\', not starting with a digit',
        'use the variable\'s name as MinIO documents it, e.g. MINIO_IDENTITY_OPENID_CLIENT_SECRET');
    }
    if (name === ROOT_USER || name === ROOT_PASSWORD) {
      reject(this, field, name, 'is set from rootUser and rootPassword already',
        'remove it and give its Key Vault secret as rootUser or rootPassword');
    }
    requireKeyVaultObjectName(this, field, keyVaultSecret);
    const existing = this.extraVariables.get(name);
    if (existing === keyVaultSecret) return;
    if (existing !== undefined) {
      reject(this, field, keyVaultSecret, `conflicts with Key Vault secret '${existing}', which already sets ${name}`,
        'set each variable from one Key Vault secret');
    }
    this.extraVariables.set(name, keyVaultSecret);
    this.externalSecret.addData({ secretKey: name, keyVaultSecret });
    this.externalSecret.putTemplate(TenantConfigurationSecret.CONFIGURATION_KEY, renderConfigEnvTemplate(this.variables));
  }
}
