import * as pulumi from '@pulumi/pulumi';
import * as random from '@pulumi/random';
import { KmsApiKey } from '../kms/api-key';

/** Both key kinds are 32 random bytes: an AES-256 key, an Ed25519 seed. */
const KEY_BYTES = 32;

/**
 * A MinIO KMS HSM key made in the program: `hsm:aes256:` and the standard padded base64 of 32 random bytes, the
 * form `MINIO_KMS_HSM_KEY` takes (see lib/kms/hsm-key.ts). The bytes come from @pulumi/random's RandomBytes, whose
 * outputs are secrets and stay the same from one `pulumi up` to the next.
 */
export class GeneratedHsmKey extends pulumi.ComponentResource {
  /** The key, a Pulumi secret. */
  public readonly value: pulumi.Output<string>;

  public constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super('minio-aks:azure:GeneratedHsmKey', name, {}, opts);
    // Replacing these bytes would orphan every key the KMS ever wrapped with them.
    const bytes = new random.RandomBytes(name, { length: KEY_BYTES }, { parent: this, protect: opts?.protect ?? true });
    this.value = pulumi.secret(bytes.base64.apply(hsmKeyFromBase64));
    this.registerOutputs({ value: this.value });
  }
}

/**
 * A MinIO KMS API key made in the program (`k1:` Ed25519 seed), with its public identity (`h1:`), which
 * configuration such as `admin.identity` takes.
 */
export class GeneratedKmsApiKey extends pulumi.ComponentResource {
  /** The `k1:` key, a Pulumi secret. */
  public readonly apiKey: pulumi.Output<string>;
  /** The `h1:` identity: a hash of the public key, so a plain output. */
  public readonly identity: pulumi.Output<string>;

  public constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super('minio-aks:azure:GeneratedKmsApiKey', name, {}, opts);
    const seed = new random.RandomBytes(name, { length: KEY_BYTES }, { parent: this, protect: opts?.protect ?? true });
    const key = seed.base64.apply(kmsApiKeyFromBase64);
    this.apiKey = pulumi.secret(key.apply((apiKey) => apiKey.toString()));
    this.identity = pulumi.unsecret(key.apply((apiKey) => apiKey.identity));
    this.registerOutputs({ identity: this.identity });
  }
}

/** `hsm:aes256:` + the padded base64 of 32 bytes given in base64. */
export function hsmKeyFromBase64(base64: string): string {
  return `hsm:aes256:${Buffer.from(base64, 'base64').toString('base64')}`;
}

/** The `k1:` API key whose Ed25519 seed is the 32 bytes given in base64. */
export function kmsApiKeyFromBase64(base64: string): KmsApiKey {
  return KmsApiKey.parse(`k1:${Buffer.from(base64, 'base64').toString('base64url')}`);
}
