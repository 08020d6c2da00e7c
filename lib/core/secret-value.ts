import { IConstruct } from 'constructs';
import { reject } from './errors';
import { requireDnsSubdomain } from './names';

/**
 * Anything that names a whole Secret: a cdk8s-plus `Secret` or `Secret.fromSecretName(...)`, or a construct of this
 * library that keeps one (`KeyVaultExternalSecret`, `TenantConfigurationSecret`, ...).
 */
export interface ISecretReference {
  /** Name of the Secret. */
  readonly name: string;
}

/** The name of `secret`, validated for `scope`: something that names a Secret by a DNS subdomain. */
export function requireSecretName(scope: IConstruct, field: string, secret: ISecretReference): string {
  if (typeof secret?.name !== 'string') {
    reject(scope, field, secret, 'must name a Secret', 'pass a cdk8s-plus Secret or a construct that keeps one');
  }
  return requireDnsSubdomain(scope, field, secret.name);
}

/** A Secret data key, as the API server validates it (IsConfigMapKey). */
const SECRET_KEY = /^[-._a-zA-Z0-9]{1,253}$/;

/**
 * One value of a Secret: the Secret and the key within it. This is how every construct of the library takes a
 * secret value, so wiring is by object: `externalSecret.value('api-key')`, `certificate.caSecret`, or
 * `SecretValue.fromSecret(secret, key)` for a Secret the app has as an object. Only the reference reaches the
 * manifests, never the value.
 *
 * The names are checked by the construct that is given the value (so errors carry its path), with
 * {@link SecretValue.validate}.
 */
export class SecretValue {
  /**
   * The value under `key` of `secret`.
   *
   * @param secret a cdk8s-plus `ISecret` or any construct that names a Secret
   * @param key the key within the Secret
   */
  public static fromSecret(secret: ISecretReference, key: string): SecretValue {
    return new SecretValue(secret.name, key);
  }

  /**
   * The value under `key` of a Secret that exists in the cluster already, created outside this app. Prefer
   * {@link SecretValue.fromSecret} with the object when the app defines the Secret.
   */
  public static fromSecretName(secretName: string, key: string): SecretValue {
    return new SecretValue(secretName, key);
  }

  /**
   * Rejects the value for `scope` unless it is a `SecretValue` whose Secret name is a DNS subdomain and whose key
   * is a valid Secret key.
   *
   * @param field the input's name in error messages, e.g. `adminApiKey`
   */
  public static validate(scope: IConstruct, field: string, value: SecretValue): SecretValue {
    if (!(value instanceof SecretValue)) {
      reject(scope, field, value, 'must be a SecretValue',
        'use e.g. externalSecret.value(key) or SecretValue.fromSecret(secret, key)');
    }
    requireDnsSubdomain(scope, `${field}.secretName`, value.secretName);
    requireSecretKey(scope, `${field}.key`, value.key);
    return value;
  }

  private constructor(
    /** Name of the Secret, in the namespace of the workload that reads it. */
    public readonly secretName: string,
    /** The key within the Secret. */
    public readonly key: string,
  ) {}

  /** The Secret as a whole. */
  public get secret(): ISecretReference {
    return { name: this.secretName };
  }
}

/** Rejects a key the API server refuses in a Secret's data: 1 to 253 letters, digits, '-', '_' and '.', not '.' or '..'. */
export function requireSecretKey(scope: IConstruct, field: string, key: string): string {
  if (typeof key !== 'string' || !SECRET_KEY.test(key) || key === '.' || key === '..') {
    reject(scope, field, key, 'is not a valid Secret key', 'use letters, digits, \'-\', \'_\' and \'.\', e.g. api-key');
  }
  return key;
}
