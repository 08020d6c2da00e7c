/** Single-quotes `value` for a POSIX shell; a quote inside becomes `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, "'\\''")}'`;
}
