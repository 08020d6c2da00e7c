#!/bin/sh
# Compares source and target with `mc diff` and fails when they differ (see lib/mirror/mirror-verify-job.ts).
# Inputs, from the header lib/core/shell-script.ts writes: SOURCE, TARGET (alias/bucket paths), EXTRA_ALLOWED
# (1 when objects only in the target are expected, as without --remove).
set -eu
: "${SOURCE:?}" "${TARGET:?}" "${EXTRA_ALLOWED:?}"

fail() { printf 'mirror-verify: error: %s\n' "$*" >&2; exit 1; }

command -v mc >/dev/null 2>&1 || fail "this image has no mc: use the MinIO client image (McImage)"
out=$(mc --json diff "$SOURCE" "$TARGET" </dev/null 2>&1) || fail "mc diff failed: $out"

# mc diff prints one indented JSON object per difference, "diff" being a number (minio/mc cmd/difference.go,
# differType: 1 none, 2 size, 3 metadata, 4 type, 5 only in source, 6 only in target, 7 active-active mtime), and
# reports objects it could not compare as errors without failing (cmd/diff-main.go).
set -f
# shellcheck disable=SC2086 # removing whitespace is the point
set -- $out
set +f
flat=$(printf '%s' "$@")
case $flat in *'"status":"error"'*) fail "mc diff could not compare every object: $out" ;; esac
differences=0
extra=0
rest=$flat
while :; do
  case $rest in *'"diff":'*) ;; *) break ;; esac
  rest=${rest#*'"diff":'}
  kind=${rest%%[!0-9]*}
  case $kind in
    1) ;;
    6) extra=$((extra + 1)) ;;
    *) differences=$((differences + 1)) ;;
  esac
done
[ "$EXTRA_ALLOWED" = 1 ] || differences=$((differences + extra))
if [ "$differences" -gt 0 ]; then
  fail "$differences objects differ between $SOURCE and $TARGET"
fi
printf 'mirror-verify: %s and %s match (%s objects only in the target)\n' "$SOURCE" "$TARGET" "$extra"
