import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { requireKeyVaultObjectName } from '../secrets/key-vault-names';
import { TenantConfigurationSecret } from './tenant-configuration-secret';

/** The configuration Secret a tenant was given, as far as secret settings care. */
export interface SecretSettingTarget {
  /** The tenant's `configuration`. */
  readonly configuration: { readonly name: string };
}

/**
 * Where the value of a secret MinIO setting comes from: a KMS API key, an OpenID client secret, an audit
 * webhook token.
 *
 * Such values can only reach MinIO through the configuration Secret's `config.env`. The MinIO Operator writes
 * `Tenant.spec.env` into MinIO's environment file from each entry's literal `value`, so a `valueFrom` Secret
 * reference arrives as an empty string (minio/operator pkg/configuration/tenant_configuration.go:
 * envVarsToFileContent; minio/operator issue 2279), and MinIO reads no `_FILE` variant of these settings.
 */
export abstract class SecretSetting {
  /**
   * A Key Vault secret that the tenant's {@link TenantConfigurationSecret} fetches into config.env. The tenant
   * must use a TenantConfigurationSecret as its `configuration`.
   *
   * @param keyVaultSecret name of the Key Vault secret holding the value
   */
  public static fromKeyVault(keyVaultSecret: string): SecretSetting {
    return new KeyVaultSetting(keyVaultSecret);
  }

  /**
   * A line `export NAME="..."` that the tenant's configuration Secret carries already: an existing Secret the
   * library does not render, or a {@link TenantConfigurationSecret} whose `environment` sets the variable.
   * For an existing Secret this is your promise; keep the line there, or MinIO starts without the setting.
   */
  public static inConfigurationSecret(): SecretSetting {
    return new ExistingLineSetting();
  }

  /**
   * Makes `variable` reach MinIO through the tenant's configuration Secret, or throws.
   *
   * @internal
   */
  public abstract _wire(scope: IConstruct, field: string, variable: string, tenant: SecretSettingTarget): void;
}

class KeyVaultSetting extends SecretSetting {
  public constructor(private readonly keyVaultSecret: string) {
    super();
  }

  public _wire(scope: IConstruct, field: string, variable: string, tenant: SecretSettingTarget): void {
    requireKeyVaultObjectName(scope, field, this.keyVaultSecret);
    if (!(tenant.configuration instanceof TenantConfigurationSecret)) {
      reject(scope, field, this.keyVaultSecret,
        `cannot reach MinIO: the tenant's configuration '${tenant.configuration.name}' is an existing Secret whose config.env the library does not render, so it cannot add ${variable}`,
        'pass a TenantConfigurationSecret as configuration, or put the line in your config.env and use SecretSetting.inConfigurationSecret()');
    }
    tenant.configuration.addVariable(variable, this.keyVaultSecret);
  }
}

class ExistingLineSetting extends SecretSetting {
  public _wire(scope: IConstruct, field: string, variable: string, tenant: SecretSettingTarget): void {
    const configuration = tenant.configuration;
    if (configuration instanceof TenantConfigurationSecret && !configuration.variables.includes(variable)) {
      reject(scope, field, 'SecretSetting.inConfigurationSecret()',
        `cannot reach MinIO: TenantConfigurationSecret '${configuration.secretName}' renders config.env without ${variable}`,
        `use SecretSetting.fromKeyVault('<Key Vault secret>'), or add ${variable} to the TenantConfigurationSecret's environment`);
    }
  }
}
