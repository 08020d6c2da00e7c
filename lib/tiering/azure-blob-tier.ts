import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { SecretValue } from '../core/secret-value';
import { requireGuid } from '../identity/guid';
import { KeyVaultExternalSecret } from '../secrets/key-vault-external-secret';
import type { IKeyVaultSecretStore } from '../secrets/key-vault-secret-store';
import { IRemoteTier } from './remote-tier';

/** Key Vault secrets (through External Secrets) or an existing Secret holding a tier's credentials. */
export abstract class AzureTierCredentials {
  /**
   * The storage account's access key, from Key Vault.
   *
   * @param store the Key Vault store to read through
   * @param keyVaultSecret the Key Vault secret holding the key
   */
  public static accountKey(store: IKeyVaultSecretStore, keyVaultSecret: string): AzureTierCredentials {
    return new KeyVaultCredentials(store, { 'account-key': keyVaultSecret }, undefined);
  }

  /**
   * A service principal with Storage Blob Data Contributor on the container, its client secret from Key Vault.
   * mc takes no managed or workload identity for Azure tiers (minio/mc cmd/ilm-tier-add.go).
   *
   * @param tenantId the Entra tenant of the service principal
   * @param clientId the service principal's application (client) ID
   * @param clientSecretKeyVaultSecret the Key Vault secret holding its client secret
   */
  public static servicePrincipal(store: IKeyVaultSecretStore, tenantId: string, clientId: string, clientSecretKeyVaultSecret: string): AzureTierCredentials {
    return new KeyVaultCredentials(store, { 'client-secret': clientSecretKeyVaultSecret }, { tenantId, clientId });
  }

  /** The account key from a Secret that exists already, in the provisioner's namespace. */
  public static accountKeyFromSecret(value: SecretValue): AzureTierCredentials {
    return new ExistingSecretCredentials(value);
  }

  /** @internal */
  public abstract _bind(tier: AzureBlobTier): ResolvedTierCredentials;
}

/** What the provisioning Job needs to add a tier. @internal */
export interface ResolvedTierCredentials {
  /** `key` for an account key, `sp` for a service principal. */
  readonly kind: 'key' | 'sp';
  /** The Secret value mc gets as `--account-key` or `--az-sp-client-secret`, at run time only. */
  readonly secret: SecretValue;
  /** The Secret's namespace, when the library creates it. */
  readonly namespace?: string;
  readonly tenantId?: string;
  readonly clientId?: string;
}

class KeyVaultCredentials extends AzureTierCredentials {
  public constructor(
    private readonly store: IKeyVaultSecretStore,
    private readonly data: Record<string, string>,
    private readonly principal: { tenantId: string; clientId: string } | undefined,
  ) {
    super();
  }

  public _bind(tier: AzureBlobTier): ResolvedTierCredentials {
    if (this.principal) {
      requireGuid(tier, 'credentials.tenantId', this.principal.tenantId);
      requireGuid(tier, 'credentials.clientId', this.principal.clientId);
    }
    const [[key, keyVaultSecret]] = Object.entries(this.data);
    const secret = new KeyVaultExternalSecret(tier, 'Credentials', {
      name: `${tier.tierName.toLowerCase().replace(/_/g, '-')}-tier`,
      store: this.store,
      data: [{ secretKey: key, keyVaultSecret }],
    });
    return { kind: this.principal ? 'sp' : 'key', secret: secret.value(key), namespace: secret.namespace, ...this.principal };
  }
}

class ExistingSecretCredentials extends AzureTierCredentials {
  public constructor(private readonly value: SecretValue) {
    super();
  }

  public _bind(tier: AzureBlobTier): ResolvedTierCredentials {
    if (!(this.value instanceof SecretValue)) {
      // A literal here is likely the account key itself: the message never shows it.
      reject(tier, 'credentials', '<not shown>', 'must reference a Secret value', 'use SecretValue.fromSecret(secret, key)');
    }
    return { kind: 'key', secret: SecretValue.validate(tier, 'credentials', this.value) };
  }
}

/** Properties of an {@link AzureBlobTier}. */
export interface AzureBlobTierProps {
  /**
   * The tier's name in MinIO: upper-case letters, digits, '_' and '-'. Transition rules name it as their storage
   * class; mc upper-cases tier names (minio/mc cmd/ilm-tier-add.go) and MinIO refuses others (minio/minio
   * cmd/tier.go, TierConfigMgr.Add: errTierNameNotUppercase), so a lower-case name would not be the name the rules
   * use.
   */
  readonly name: string;
  /** The storage account (3 to 24 lower-case letters and digits). MinIO cannot move a tier to another account. */
  readonly storageAccount: string;
  /** The blob container objects go to (3 to 63 lower-case letters, digits and '-'). */
  readonly container: string;
  /**
   * A prefix inside the container, e.g. `minio/lake/`. MinIO stores it as given and refuses a container and prefix
   * that another MinIO deployment already tiers to (cmd/tier.go, TierConfigMgr.Add: errTierBackendInUse).
   *
   * @default - the container's root
   */
  readonly prefix?: string;
  /**
   * The Blob service endpoint.
   *
   * @default - `https://<storageAccount>.blob.core.windows.net`
   */
  readonly endpoint?: string;
  /** The credentials, from Key Vault through External Secrets or from an existing Secret. */
  readonly credentials: AzureTierCredentials;
}

const TIER_NAME = /^[A-Z0-9][A-Z0-9_-]{0,62}$/;
const ACCOUNT = /^[a-z0-9]{3,24}$/;
const CONTAINER = /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9!_.*'()/-]{1,512}$/;

/**
 * A remote tier in an Azure storage account, created in MinIO by a {@link TenantProvisioner} (`mc ilm tier add
 * azure`), and the Secret holding its credentials, rendered from Key Vault by External Secrets.
 *
 * mc sets no blob access tier for Azure tiers: objects land in the account's default access tier. To keep
 * transitioned data cheaper, set the storage account's default access tier to Cool or Cold, or add an Azure
 * lifecycle management rule on the container (and prefix) that moves blobs to Cold. Do not move them to Archive:
 * MinIO reads a transitioned object from the tier on every GET, and archived blobs must be rehydrated first.
 */
export class AzureBlobTier extends Construct implements IRemoteTier {
  /** The tier's name in MinIO. */
  public readonly tierName: string;
  /** The storage account. */
  public readonly storageAccount: string;
  /** The container. */
  public readonly container: string;
  /** The prefix in the container, if any. */
  public readonly prefix: string | undefined;
  /** The Blob endpoint. */
  public readonly endpoint: string;
  /** The host objects are written to. */
  public readonly storageHost: string;
  /** The credentials, resolved. @internal */
  public readonly _credentials: ResolvedTierCredentials;

  public constructor(scope: Construct, id: string, props: AzureBlobTierProps) {
    super(scope, id);
    if (typeof props.name !== 'string' || !TIER_NAME.test(props.name)) {
      const upper = typeof props.name === 'string' ? props.name.toUpperCase().replace(/[^A-Z0-9_-]/g, '-') : 'WARM';
      reject(this, 'name', props.name, 'must be upper case: letters, digits, \'_\' and \'-\', at most 63',
        `use '${upper}': mc upper-cases tier names, and transition rules must name the tier as MinIO stores it`);
    }
    if (!ACCOUNT.test(props.storageAccount ?? '')) {
      reject(this, 'storageAccount', props.storageAccount, 'is not a storage account name', 'use 3 to 24 lower-case letters and digits');
    }
    if (!CONTAINER.test(props.container ?? '')) {
      reject(this, 'container', props.container, 'is not a blob container name', 'use 3 to 63 lower-case letters, digits and single hyphens');
    }
    if (props.prefix !== undefined && !PREFIX.test(props.prefix)) {
      reject(this, 'prefix', props.prefix, 'is not a usable prefix', 'use letters, digits and !_.*\'()/-, e.g. minio/lake/');
    }
    const endpoint = props.endpoint ?? `https://${props.storageAccount}.blob.core.windows.net`;
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:' || (url.pathname !== '/' && url.pathname !== '') || url.search || url.username) {
      reject(this, 'endpoint', endpoint, 'is not an https endpoint', 'give e.g. https://contoso.blob.core.windows.net');
    }
    this.tierName = props.name;
    this.storageAccount = props.storageAccount;
    this.container = props.container;
    this.prefix = props.prefix;
    this.endpoint = `https://${url.host}`;
    this.storageHost = url.hostname;
    if (!(props.credentials instanceof AzureTierCredentials)) {
      reject(this, 'credentials', `<not shown, a ${typeof props.credentials}>`, 'must be AzureTierCredentials',
        'use AzureTierCredentials.accountKey(store, secret) or .servicePrincipal(store, tenantId, clientId, secret)');
    }
    this._credentials = props.credentials._bind(this);
  }
}
