#!/bin/sh
# Runs mc with the arguments the container gives after the script (`sh -c <script> mc <arguments>`), after checking
# what mc itself would misread (see lib/mirror/mirror-command.ts). Inputs, from the header lib/core/shell-script.ts
# writes: SECRET_VARIABLES (the variables holding the aliases' secret keys, from Secrets).
set -eu
: "${SECRET_VARIABLES:?}"

fail() { printf 'mc-mirror: error: %s\n' "$*" >&2; exit 1; }

command -v mc >/dev/null 2>&1 || fail "this image has no mc: use the MinIO client image (McImage)"
for variable in $SECRET_VARIABLES; do
  secret=$(eval "printf '%s' \"\${$variable:-}\"")
  [ -n "$secret" ] || fail "$variable is empty: check the Secret it comes from"
  case $secret in
    *:*) fail "$variable holds ':', which mc reads as the start of a session token in MC_HOST_<alias>: use a key without ':'" ;;
  esac
done
exec mc "$@"
