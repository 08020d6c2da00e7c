/**
 * The External Secrets template (engine v2) that renders MinIO's `config.env` from fetched values.
 *
 * Each variable becomes a line `export NAME="value"` whose value is the fetched Key Vault secret stored
 * under the Secret key NAME. MinIO (and the operator) read the file line by line and only strip the
 * surrounding quotes; they do not unescape anything, so values are written verbatim between double quotes
 * (a quote inside a value survives as is). Two kinds of value cannot be carried, and fail the template so that
 * External Secrets reports the variable's name instead of MinIO reading a changed value:
 * - a line break (a single trailing one, as left by `az keyvault secret set --file`, is dropped);
 * - a `"` at the start or end: the operator strips every leading and trailing `"` of a config.env value
 *   (minio/operator pkg/configuration/tenant_configuration.go: parseConfEnvSecret, `strings.Trim(..., "\"")`).
 *
 * @param variables environment variable names, each also the Secret key of its value, in output order
 */
export function renderConfigEnvTemplate(variables: readonly string[]): string {
  const guard = '{{ range $name, $value := . }}{{ $v := trimSuffix "\\n" $value }}'
    + '{{ if contains "\\n" $v }}'
    + '{{ fail (printf "%s holds a line break, which config.env cannot carry" $name) }}'
    + '{{ end }}'
    + '{{ if or (hasPrefix "\\"" $v) (hasSuffix "\\"" $v) }}'
    + '{{ fail (printf "%s starts or ends with a double quote, which the MinIO Operator strips from config.env values" $name) }}'
    + '{{ end }}{{ end -}}\n';
  return guard + variables.map(name => `export ${name}="{{ trimSuffix "\\n" .${name} }}"\n`).join('');
}
