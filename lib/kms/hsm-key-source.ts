import { requireSecretKey } from '../core/secret-value';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { isDnsSubdomain, requireDnsSubdomain } from '../core/names';
import { HsmSecret } from '../imports/hsm.j5t.io';
import { IKeyVaultSecretStore } from '../secrets/key-vault-secret-store';
import { KeyVaultExternalSecret } from '../secrets/key-vault-external-secret';
import { requireHsmOperatorInt32 } from './hsm-int32';
import { HsmSecretsOperator } from './hsm-secrets-operator';
import { SecretValue } from '../core/secret-value';

/** The KMS cluster an HSM key source is bound to. */
export interface HsmKeyConsumer {
  /** Name of the cluster's StatefulSet. */
  readonly statefulSetName: string;
  /** Namespace of the cluster. */
  readonly namespace: string;
}

/** Options of {@link HsmKeySource.fromKeyVault}. */
export interface KeyVaultHsmKeyOptions {
  /** The SecretStore (AKS workload identity) that reads the vault; in or allowing the cluster's namespace. */
  readonly store: IKeyVaultSecretStore;
  /** Name of the Key Vault secret holding the `hsm:` key. */
  readonly keyVaultSecret: string;
  /** Name of the Kubernetes Secret External Secrets keeps. @default '<cluster>-hsm-key' */
  readonly secretName?: string;
}

/** Options of {@link HsmKeySource.fromHsmSecretsOperator}. */
export interface HsmSecretsOperatorKeyOptions {
  /**
   * The operator instance that syncs the secret, e.g. `HsmSecretsOperator.fromHelmRelease('hsm', 'hsm-system')` or
   * the `operator` of an {@link HsmDevice}. The HSMSecret's `parentRef` names it; an instance handles only the
   * HSMSecrets whose `parentRef` names it.
   */
  readonly operator: HsmSecretsOperator;
  /** The path of the secret on the HSM, which is the HSMSecret's name. */
  readonly hsmPath: string;
  /** The key of the secret on the HSM, and so of the synced Secret, that holds the `hsm:` key. @default 'hsm-key' */
  readonly key?: string;
  /** Name of the Kubernetes Secret the operator syncs. @default '<cluster>-hsm-key' */
  readonly secretName?: string;
  /** Seconds between syncs from the HSM. @default 30 */
  readonly syncIntervalSeconds?: number;
}

/** The default key of the Secret holding the HSM key. */
export const HSM_KEY_SECRET_KEY = 'hsm-key';

/**
 * Where the one HSM key every KMS node shares (`MINIO_KMS_HSM_KEY`) comes from. The key is always read from a
 * Secret by reference, so key material never appears in manifests.
 */
export abstract class HsmKeySource {
  /** A value of a Secret in the cluster's namespace, e.g. `SecretValue.fromSecretName('kms-hsm-key', 'hsm-key')`. */
  public static fromSecret(value: SecretValue): HsmKeySource {
    return new ExistingSecretHsmKey(value);
  }

  /**
   * A Key Vault secret, synced into a Secret by External Secrets through a SecretStore that authenticates with
   * AKS workload identity (the identity needs Key Vault Secrets User on the vault).
   */
  public static fromKeyVault(options: KeyVaultHsmKeyOptions): HsmKeySource {
    return new KeyVaultHsmKey(options);
  }

  /** A secret on a hardware HSM, synced into a Secret by the HSM Secrets Operator (`hsm.j5t.io/v1alpha1`). */
  public static fromHsmSecretsOperator(options: HsmSecretsOperatorKeyOptions): HsmKeySource {
    return new HsmSecretsOperatorKey(options);
  }

  /**
   * Creates whatever keeps the Secret (in `scope`) and returns the Secret key every node reads.
   *
   * @internal
   */
  public abstract _bind(scope: Construct, consumer: HsmKeyConsumer): SecretValue;
}

class ExistingSecretHsmKey extends HsmKeySource {
  public constructor(private readonly value: SecretValue) {
    super();
  }

  public _bind(scope: Construct): SecretValue {
    return SecretValue.validate(scope, 'hsmKey', this.value);
  }
}

class KeyVaultHsmKey extends HsmKeySource {
  public constructor(private readonly options: KeyVaultHsmKeyOptions) {
    super();
  }

  public _bind(scope: Construct, consumer: HsmKeyConsumer): SecretValue {
    const secretName = requireDnsSubdomain(scope, 'hsmKey.secretName', this.options.secretName ?? `${consumer.statefulSetName}-hsm-key`);
    new KeyVaultExternalSecret(scope, 'HsmKey', {
      name: secretName,
      store: this.options.store,
      namespace: consumer.namespace,
      data: [{ secretKey: HSM_KEY_SECRET_KEY, keyVaultSecret: this.options.keyVaultSecret }],
    });
    return SecretValue.fromSecretName(secretName, HSM_KEY_SECRET_KEY);
  }
}

class HsmSecretsOperatorKey extends HsmKeySource {
  public constructor(private readonly options: HsmSecretsOperatorKeyOptions) {
    super();
  }

  public _bind(scope: Construct, consumer: HsmKeyConsumer): SecretValue {
    const operator = this.options.operator;
    operator._validate(scope, 'hsmKey.operator');
    const secretName = requireDnsSubdomain(scope, 'hsmKey.secretName', this.options.secretName ?? `${consumer.statefulSetName}-hsm-key`);
    const key = requireSecretKey(scope, 'hsmKey.key', this.options.key ?? HSM_KEY_SECRET_KEY);
    const interval = requireHsmOperatorInt32(scope, 'hsmKey.syncIntervalSeconds', this.options.syncIntervalSeconds ?? 30, 1, 'seconds', 'use e.g. 30');
    new HsmSecret(scope, 'HsmKey', {
      metadata: { name: requireHsmPath(scope, this.options.hsmPath), namespace: consumer.namespace },
      spec: {
        secretName,
        secretType: 'Opaque',
        autoSync: true,
        syncInterval: interval,
        // The operator instance, not the consumer: an instance handles an HSMSecret only when parentRef.name is its
        // OPERATOR_NAME (its manager Deployment) and parentRef.namespace its own namespace; others ignore it
        // (evanjarrett/hsm-secrets-operator, internal/controller/hsmsecret_controller.go, shouldHandleSecret).
        // Kind and group are not compared; they say what the name is, and match the CRD's defaults.
        parentRef: { group: 'apps', kind: 'Deployment', name: operator.deploymentName, namespace: operator.namespace },
      },
    });
    return SecretValue.fromSecretName(secretName, key);
  }
}


function requireHsmPath(scope: Construct, path: string): string {
  // The operator labels the synced Secret with `hsm-path: <HSMSecret name>` (hsmsecret_controller.go, buildSecret),
  // and a label value holds at most 63 characters: a longer name would leave the Secret uncreatable.
  if (!isDnsSubdomain(path) || path.length > 63) {
    reject(scope, 'hsmKey.hsmPath', path,
      'must be a DNS-1123 subdomain of at most 63 characters (it names the HSMSecret and labels the synced Secret)',
      'use lower-case letters, digits, \'-\' and \'.\', starting and ending with a letter or digit');
  }
  return path;
}
