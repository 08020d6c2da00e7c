import { Duration, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { requireDnsLabel, requireDnsSubdomain } from '../core/names';
import {
  ExternalSecret,
  ExternalSecretSpecSecretStoreRefKind,
  ExternalSecretSpecTargetCreationPolicy,
  ExternalSecretSpecTargetTemplateEngineVersion,
} from '../imports/external-secrets.io';
import { toGoDuration } from '../core/go-duration';
import { requireKeyVaultObjectName, requireKeyVaultObjectVersion } from './key-vault-names';
import { IKeyVaultSecretStore } from './key-vault-secret-store';
import { claimObjectIdentity } from '../core/unique-objects';

import { ISecretReference, SecretValue } from '../core/secret-value';
import { namespaceOf } from '../core/namespace';
/** One Key Vault secret copied into a key of the Kubernetes Secret. */
export interface KeyVaultSecretReference {
  /** Key of the value in the Kubernetes Secret, and its name in templates (`{{ .secretKey }}`). */
  readonly secretKey: string;

  /** Name of the secret in Key Vault (1 to 127 letters, digits and hyphens). Its value never enters a manifest. */
  readonly keyVaultSecret: string;

  /**
   * Version of the Key Vault secret (32 hexadecimal digits).
   *
   * @default - the latest version, picked up again at every refresh
   */
  readonly version?: string;
}

/** How the Kubernetes Secret is rendered from the fetched values (template engine v2). */
export interface ExternalSecretTemplate {
  /**
   * Keys of the Kubernetes Secret and the Go templates producing them; templates refer to fetched values as
   * `{{ .secretKey }}`. Templates are public text: never write secret material into them.
   */
  readonly data: Record<string, string>;

  /**
   * Type of the Kubernetes Secret, e.g. `kubernetes.io/tls`.
   *
   * @default - Opaque
   */
  readonly type?: string;
}

/**
 * Properties of a {@link KeyVaultExternalSecret}.
 */
export interface KeyVaultExternalSecretProps {
  /** Name of the ExternalSecret. */
  readonly name: string;

  /** The store to read through. */
  readonly store: IKeyVaultSecretStore;

  /**
   * Namespace of the ExternalSecret and of the Secret it keeps.
   *
   * @default - the namespace of a namespaced store (an ExternalSecret can use only a SecretStore of its own
   * namespace); with a ClusterSecretStore, the chart's namespace
   */
  readonly namespace?: string;

  /**
   * Name of the Kubernetes Secret to create and keep up to date.
   *
   * @default - the ExternalSecret's name
   */
  readonly secretName?: string;

  /** The Key Vault secrets to fetch. */
  readonly data: KeyVaultSecretReference[];

  /**
   * How often values are read again from Key Vault; zero reads them once.
   *
   * @default Duration.hours(1)
   */
  readonly refreshInterval?: Duration;

  /**
   * Renders the Secret's keys from the fetched values instead of copying them one to one.
   *
   * @default - each `secretKey` becomes a key of the Secret
   */
  readonly template?: ExternalSecretTemplate;
}

const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * An ExternalSecret (external-secrets.io/v1) that keeps a Kubernetes Secret filled from Azure Key Vault.
 *
 * Manifests carry only Key Vault secret names. The Secret is owned by the ExternalSecret
 * (`creationPolicy: Owner`), so deleting the ExternalSecret removes it and an unrelated Secret of the same
 * name is never adopted.
 */
export class KeyVaultExternalSecret extends Construct {
  /** Name of the ExternalSecret. */
  public readonly name: string;

  /** Namespace of the ExternalSecret and of its Secret. */
  public readonly namespace: string;

  /** Name of the Kubernetes Secret that External Secrets keeps. */
  public readonly secretName: string;

  private readonly data: KeyVaultSecretReference[] = [];
  private readonly templateData: Record<string, string> | undefined;

  public constructor(scope: Construct, id: string, props: KeyVaultExternalSecretProps) {
    super(scope, id);
    this.name = requireDnsSubdomain(this, 'name', props.name);
    this.namespace = this.resolveNamespace(props);
    this.secretName = requireDnsSubdomain(this, 'secretName', props.secretName ?? props.name);
    const refreshInterval = toGoDuration(this, 'refreshInterval', props.refreshInterval ?? Duration.hours(1));
    if (props.data.length === 0) {
      reject(this, 'data', props.data, 'must name at least one Key Vault secret', 'add a { secretKey, keyVaultSecret } entry');
    }
    props.data.forEach((ref) => this.addData(ref));
    const template = props.template === undefined ? undefined : this.validateTemplate(props.template);
    this.templateData = template === undefined ? undefined : { ...template.data };

    // data and the template are rendered at synth, so that addData() and putTemplate() calls still land.
    const externalSecret = new ExternalSecret(this, 'Resource', {
      metadata: { name: this.name, namespace: this.namespace },
      spec: {
        refreshInterval,
        secretStoreRef: {
          name: props.store.name,
          kind: props.store.clusterScoped
            ? ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE
            : ExternalSecretSpecSecretStoreRefKind.SECRET_STORE,
        },
        target: {
          name: this.secretName,
          creationPolicy: ExternalSecretSpecTargetCreationPolicy.OWNER,
          template: template === undefined ? undefined : {
            engineVersion: ExternalSecretSpecTargetTemplateEngineVersion.V2,
            type: template.type,
            data: Lazy.any({ produce: () => ({ ...this.templateData }) }),
          },
        },
        data: Lazy.any({
          produce: () => this.data.map(ref => ({
            secretKey: ref.secretKey,
            remoteRef: { key: ref.keyVaultSecret, version: ref.version },
          })),
        }),
      },
    });
    claimObjectIdentity(this, externalSecret);
  }

  /** The Secret keys this ExternalSecret fills, in order. */
  public get secretKeys(): string[] {
    return this.data.map((ref) => ref.secretKey);
  }

  /** The Secret External Secrets keeps, for constructs that read a whole Secret. */
  public get secret(): ISecretReference {
    return { name: this.secretName };
  }

  /**
   * One key of the Secret this ExternalSecret keeps, for constructs that read a secret value: a key filled from
   * `data`, or one the template renders.
   *
   * @param key the key within the Secret
   * @default - the only key, when the Secret has exactly one
   */
  public value(key?: string): SecretValue {
    const keys = this.templateData === undefined ? this.secretKeys : Object.keys(this.templateData);
    if (key === undefined) {
      if (keys.length !== 1) {
        reject(this, 'value()', keys, 'needs a key, as the Secret has more than one', `name one of ${keys.join(', ')}`);
      }
      return SecretValue.fromSecretName(this.secretName, keys[0]);
    }
    if (!keys.includes(key)) {
      reject(this, `value('${key}')`, key, `is not a key of Secret '${this.secretName}'`, `use one of ${keys.join(', ')}`);
    }
    return SecretValue.fromSecretName(this.secretName, key);
  }

  /** Fetches one more Key Vault secret into the Secret (or into the template's values). */
  public addData(ref: KeyVaultSecretReference): void {
    const field = `data[${this.data.length}]`;
    requireSecretKey(this, `${field}.secretKey`, ref.secretKey);
    if (this.data.some((existing) => existing.secretKey === ref.secretKey)) {
      reject(this, `${field}.secretKey`, ref.secretKey, 'is used twice', 'give every entry its own secretKey');
    }
    requireKeyVaultObjectName(this, `${field}.keyVaultSecret`, ref.keyVaultSecret);
    if (ref.version !== undefined) requireKeyVaultObjectVersion(this, `${field}.version`, ref.version);
    this.data.push({ ...ref });
  }

  /**
   * Sets the template of one key of the Secret, replacing an earlier one. Only for an ExternalSecret created with a
   * template; templates are public text, never secret material.
   */
  public putTemplate(key: string, template: string): void {
    if (this.templateData === undefined) {
      reject(this, `template.data['${key}']`, key, 'cannot be set on an ExternalSecret created without a template',
        'pass a template when creating the ExternalSecret');
    }
    requireSecretKey(this, `template.data['${key}']`, key);
    this.templateData[key] = template;
  }

  private resolveNamespace(props: KeyVaultExternalSecretProps): string {
    const store = props.store;
    if (!store.clusterScoped) {
      if (store.namespace === undefined) {
        reject(this, 'store.namespace', undefined, `must be set, as SecretStore '${store.name}' is namespaced`,
          'give the store\'s namespace, or mark the store clusterScoped');
      }
      const namespace = props.namespace ?? store.namespace;
      if (namespace !== store.namespace) {
        reject(this, 'namespace', namespace,
          `must be '${store.namespace}', the namespace of SecretStore '${store.name}', as an ExternalSecret can only use a SecretStore of its own namespace`,
          'leave namespace out, or use a store in the namespace you need');
      }
      return requireDnsLabel(this, 'namespace', namespace);
    }
    const namespace = namespaceOf(this, 'namespace', props.namespace);
    if (!(store.allowedNamespaces ?? []).includes(namespace)) {
      reject(this, 'namespace', namespace,
        `is not among the namespaces ClusterSecretStore '${store.name}' serves (${(store.allowedNamespaces ?? []).join(', ')})`,
        'add the namespace to the store\'s clusterScope.allowedNamespaces');
    }
    return namespace;
  }

  private validateTemplate(template: ExternalSecretTemplate): ExternalSecretTemplate {
    const keys = Object.keys(template.data);
    if (keys.length === 0) {
      reject(this, 'template.data', template.data, 'must render at least one key', 'add a key, or drop the template');
    }
    keys.forEach(key => requireSecretKey(this, `template.data['${key}']`, key));
    return template;
  }
}

function requireSecretKey(scope: Construct, field: string, key: string): void {
  if (key.length > 253 || !SECRET_KEY.test(key)) {
    reject(scope, field, key, 'must be a Secret key of at most 253 letters, digits, \'-\', \'_\' and \'.\'',
      'rename the key, e.g. root-password or config.env');
  }
}
