#!/bin/sh
# The readiness check of a KMS node: succeeds only when the cluster this node belongs to contains node 0 (see
# lib/kms/member-readiness.ts for the reasoning).
# Inputs, from the header lib/core/shell-script.ts writes: NODE_DOMAIN (this node answers as
# $POD_NAME.$NODE_DOMAIN), PORT, SEED_HOST (node 0), API_KEY_FILE, and CA_FILE (the CA that verifies the node, or
# empty for the system trust store). POD_NAME comes from the container's environment.
# Only shell built-ins and minkms run, the same assumptions as the membership Jobs.
set -eu
: "${NODE_DOMAIN:?}" "${PORT:?}" "${SEED_HOST:?}" "${API_KEY_FILE:?}" "${CA_FILE?}" "${POD_NAME:?}"

key=
# A key file without a final newline fills key and still makes read fail.
read -r key <"$API_KEY_FILE" || [ -n "$key" ] || exit 1
MINIO_KMS_API_KEY=$key
export MINIO_KMS_API_KEY
if [ -n "$CA_FILE" ]; then
  SSL_CERT_FILE=$CA_FILE
  export SSL_CERT_FILE
fi
status=$(MINIO_KMS_SERVER="https://$POD_NAME.$NODE_DOMAIN:$PORT" minkms stat --json </dev/null 2>/dev/null) || exit 1
seed="$SEED_HOST:$PORT"
case $status in
  *"\"$seed\""* | *"\"https://$seed\""*) exit 0 ;;
esac
exit 1
