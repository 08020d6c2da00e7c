/**
 * Literal values that cannot pass through MinIO's environment file unchanged.
 *
 * The operator writes every `Tenant.spec.env` value into that file as `export NAME="value"` without escaping, and
 * MinIO reads it back line by line (minio/operator pkg/configuration/tenant_configuration.go: envVarsToFileContent;
 * minio/minio cmd/common-main.go: parsEnvEntry): a line break splits the value and turns its rest into lines of
 * their own. Values from the configuration Secret's config.env additionally lose leading and trailing whitespace
 * and `"` (parseConfEnvSecret: TrimSpace, then Trim `"`); a value is refused with those too, so that it means the
 * same wherever in config.env it ends up.
 */
export function configEnvValueProblem(value: string): { problem: string; fix: string } | undefined {
  if (/[\r\n]/.test(value)) {
    return { problem: 'holds a line break, which MinIO\'s config.env cannot carry', fix: 'write the value on one line' };
  }
  if (/^[\s"]|[\s"]$/.test(value)) {
    return {
      problem: 'starts or ends with whitespace or a double quote, which the MinIO Operator strips from config.env values',
      fix: 'remove the surrounding whitespace and quotes: the value is quoted for you',
    };
  }
  return undefined;
}
