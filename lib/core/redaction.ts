/**
 * Redaction of key material in messages. Errors end up in CI logs and issue trackers, so a mistyped field that
 * received a key must not print the key. Only the recognisable prefix stays, so the message still says what
 * kind of value arrived.
 */

/** minkms API keys: `k1:` (Ed25519 seed) and `k2:` (ECDSA scalar), base64url. */
const KMS_API_KEY = /\b(k[12]):[A-Za-z0-9_-]{16,}/g;
/** minkms HSM keys: `hsm:<algorithm>:` and standard base64. */
const HSM_KEY = /\b(hsm:[a-z0-9-]+):[A-Za-z0-9+/]{16,}={0,2}/g;
/** MinIO static KMS keys (MINIO_KMS_SECRET_KEY): `<name>:` and standard base64 of 32 bytes. */
const STATIC_KMS_KEY = /([A-Za-z0-9_.-]+):[A-Za-z0-9+/]{43}=/g;

/**
 * Environment variables whose values are secrets by name, whatever their shape (passwords, tokens, client
 * secrets), as fields `env.NAME` or `secretEnv.NAME`; `_FILE` variables hold paths.
 */
const SECRET_VARIABLE_FIELD = /^(env|secretEnv)\.[A-Z0-9_]*(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY)[A-Z0-9_]*$/;

/** `text` with every minkms API key, HSM key and static KMS key replaced by its prefix and `<redacted>`. */
export function redactKeyMaterial(text: string): string {
  return text
    .replace(KMS_API_KEY, '$1:<redacted>')
    .replace(HSM_KEY, '$1:<redacted>')
    .replace(STATIC_KMS_KEY, '$1:<redacted>');
}

/** Whether a field (e.g. `env.MINIO_ROOT_PASSWORD`) holds a secret whatever its value looks like. */
export function redactsByFieldName(field: string): boolean {
  return SECRET_VARIABLE_FIELD.test(field) && !field.endsWith('_FILE');
}

/**
 * How a value that should be public but may be key material appears in an error message (e.g. an `h1:` identity
 * field given something else): an `h1:` identity as it is, `k1:…(redacted)` for API keys, `hsm:aes256:…(redacted)`
 * for HSM keys, and anything else as its length only, since a mistyped key has no prefix to recognise it by.
 */
export function redactUnlessIdentity(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value.startsWith('h1:')) return value;
  const prefix = /^(k[12]:|hsm:[a-z0-9]+:|hsm:)/.exec(value);
  return prefix ? `${prefix[1]}…(redacted)` : `…(redacted, ${value.length} characters)`;
}
