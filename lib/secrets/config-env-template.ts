/**
 * The External Secrets template (engine v2) that renders MinIO's `config.env` from fetched values.
 *
 * Each variable becomes a line `export NAME="value"` whose value is the fetched Key Vault secret stored
 * under the Secret key NAME. MinIO (and the operator) read the file line by line and only strip the
 * surrounding quotes; they do not unescape anything, so values are written verbatim between double quotes
 * (a quote inside a value survives as is). A line break cannot be carried at all: a single trailing one, as
 * left by `az keyvault secret set --file`, is dropped, and any other makes the template fail, so External
 * Secrets reports the variable's name instead of MinIO reading a garbled configuration.
 *
 * @param variables environment variable names, each also the Secret key of its value, in output order
 */
export function renderConfigEnvTemplate(variables: readonly string[]): string {
  const guard = '{{ range $name, $value := . }}'
    + '{{ if contains "\\n" (trimSuffix "\\n" $value) }}'
    + '{{ fail (printf "%s holds a line break, which config.env cannot carry" $name) }}'
    + '{{ end }}{{ end -}}\n';
  return guard + variables.map(name => `export ${name}="{{ trimSuffix "\\n" .${name} }}"\n`).join('');
}
