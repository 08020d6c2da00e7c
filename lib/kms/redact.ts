/**
 * How a value that may be key material appears in an error message: `k1:…(redacted)` for API keys,
 * `hsm:aes256:…(redacted)` for HSM keys, an `h1:` identity (public) as it is, and anything else as its length only,
 * since a mistyped key has no prefix to recognise it by.
 */
export function redactKeyMaterial(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value.startsWith('h1:')) return value;
  const prefix = /^(k[12]:|hsm:[a-z0-9]+:|hsm:)/.exec(value);
  return prefix ? `${prefix[1]}…(redacted)` : `…(redacted, ${value.length} characters)`;
}
