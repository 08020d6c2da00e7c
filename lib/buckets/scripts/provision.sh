#!/bin/sh
# Converges a tenant's remote tiers, IAM policies and buckets to the declared state with mc, changing only what
# differs and never deleting anything (see lib/buckets/provision-script.ts for the reasoning and the sources).
# Inputs, from the header lib/core/shell-script.ts writes: PLAN (one line per tier, policy and bucket), POLICY_<n>,
# LIFECYCLE_<n>, WAIT_SECONDS. Environment: MC_HOST_target (credentials, built by Kubernetes from Secrets),
# TARGET_SECRET_KEY, and TIER_<n>_SECRET for each tier.
# Needs only a POSIX shell, mc and sleep: the mc image (ubi9-micro) has no grep, sed, awk or jq.
set -eu
: "${PLAN:?}" "${WAIT_SECONDS:?}"

fail() { printf 'provision: error: %s\n' "$*" >&2; exit 1; }
log() { printf 'provision: %s\n' "$*"; }

command -v mc >/dev/null 2>&1 || fail "this image has no mc: use the MinIO client image (McImage)"
case ${TARGET_SECRET_KEY:-} in
  *:*) fail "the secret key holds ':', which mc reads as the start of a session token in MC_HOST_target: use a key without ':'" ;;
esac
work=${TMPDIR:-/tmp}
changes=0

# Prints $1 without any whitespace, so that mc's indented JSON (json.MarshalIndent) and its compact JSON
# (json.Marshal) read alike. Names and values the plan compares never contain whitespace.
compact() {
  set -f
  # shellcheck disable=SC2086 # splitting on whitespace is the point
  set -- $1
  set +f
  printf '%s' "$@"
}

# Whether the output $2 names one of the comma-separated answers in $1 (error codes meaning "not there").
names_absence() {
  list=$1
  while :; do
    item=${list%%,*}
    case $2 in *"$item"*) return 0 ;; esac
    [ "$item" != "$list" ] || return 1
    list=${list#*,}
  done
}

# Reads with `mc --json ARGS` and prints the answer without whitespace, or ABSENT when mc fails with one of the
# answers in $1 ("-" for none). Any other failure ends the script with mc's answer. Use it in an assignment:
# set -e does not apply inside conditions.
read_mc() {
  absent=$1
  shift
  if out=$(mc --json "$@" </dev/null 2>&1); then
    compact "$out"
    return 0
  fi
  if [ "$absent" != - ] && names_absence "$absent" "$out"; then
    printf 'ABSENT'
    return 0
  fi
  fail "mc $1 $2 $3 failed: $out"
}

# Changes something with `mc --json ARGS`, logging $1; a failure ends the script. The arguments are never
# printed: a tier's credentials are among them.
change() {
  what=$1
  shift
  out=$(mc --json "$@" </dev/null 2>&1) || fail "$what failed: $out"
  changes=$((changes + 1))
  log "$what"
}

# Prints the header variable named $1_$2 (the plan's documents and the tiers' secrets).
indexed() {
  eval "printf '%s' \"\${$1_$2:?}\""
}

# A new tenant takes minutes to answer; the Job waits for it rather than failing and backing off.
waited=0
until listing=$(mc --json ls target </dev/null 2>&1); do
  [ "$waited" -lt "$WAIT_SECONDS" ] || fail "the tenant did not answer within ${WAIT_SECONDS}s: $listing"
  sleep 10
  waited=$((waited + 10))
done
buckets=$(compact "$listing")
tiers=""

apply_tier() {
  name=$1 account=$2 container=$3 prefix=$4 endpoint=$5 kind=$6 index=$7 tenant=$8 client=$9
  if [ -z "$tiers" ]; then tiers=$(read_mc - ilm tier ls target); fi
  case $tiers in
    *"\"Name\":\"$name\""*)
      # The tier's own entry: from its name to the next tier's "Version".
      entry=${tiers#*"\"Name\":\"$name\""}
      entry=${entry%%'"Version":'*}
      case $entry in
        *"\"AccountName\":\"$account\""*"\"Bucket\":\"$container\""*) ;;
        *) fail "tier $name exists with another storage account or container; MinIO cannot move a tier: give the new location a new tier name" ;;
      esac
      if [ "$prefix" = - ]; then
        case $entry in *'"Prefix":'*) fail "tier $name exists with a prefix; MinIO cannot move a tier: give the new location a new tier name" ;; esac
      else
        case $entry in *"\"Prefix\":\"$prefix\""*) ;; *) fail "tier $name exists with another prefix; MinIO cannot move a tier: give the new location a new tier name" ;; esac
      fi
      log "tier $name: as declared"
      return 0
      ;;
  esac
  secret=$(indexed TIER "${index}_SECRET")
  set -- ilm tier add azure target "$name" --account-name "$account" --bucket "$container" --endpoint "$endpoint"
  [ "$prefix" = - ] || set -- "$@" --prefix "$prefix"
  if [ "$kind" = sp ]; then
    set -- "$@" --az-sp-tenant-id "$tenant" --az-sp-client-id "$client" --az-sp-client-secret "$secret"
  else
    set -- "$@" --account-key "$secret"
  fi
  change "tier $name: added" "$@"
  tiers=""
}

apply_policy() {
  name=$1 fingerprint=$2 index=$3
  info=$(read_mc XMinioAdminNoSuchPolicy admin policy info target "$name")
  case $info in
    *"$fingerprint"*) log "policy $name: as declared"; return 0 ;;
  esac
  indexed POLICY "$index" >"$work/policy.json"
  change "policy $name: written" admin policy create target "$name" "$work/policy.json"
}

apply_bucket() {
  name=$1 lock=$2 versioning=$3 mode=$4 validity=$5 shown=$6 quota=$7 key=$8 lifecycle=$9
  shift 9
  lifecycle_index=$1
  target="target/$name"
  before=$changes
  case $buckets in
    *"\"key\":\"$name/\""*)
      if [ "$lock" = 1 ]; then
        locked=$(read_mc ObjectLockConfigurationNotFoundError retention info --default "$target")
        [ "$locked" != ABSENT ] || fail "bucket $name exists without object lock, and MinIO turns object lock on only when it creates a bucket: copy the data to a new bucket with object lock"
      fi
      ;;
    *)
      if [ "$lock" = 1 ]; then change "bucket $name: created with object lock" mb --with-lock "$target"
      else change "bucket $name: created" mb "$target"; fi
      ;;
  esac
  if [ "$versioning" != - ]; then
    state=$(read_mc - version info "$target")
    case $state in *'"versioning":{"status":"Enabled"'*) current=on ;; *) current=off ;; esac
    if [ "$versioning" = on ] && [ "$current" = off ]; then change "bucket $name: versioning enabled" version enable "$target"; fi
    if [ "$versioning" = off ] && [ "$current" = on ]; then change "bucket $name: versioning suspended" version suspend "$target"; fi
  fi
  if [ "$mode" != - ]; then
    retention=$(read_mc - retention info --default "$target")
    case $retention in
      *"\"mode\":\"$mode\",\"validity\":\"$shown\""*) ;;
      *) change "bucket $name: default retention $mode $validity" retention set --default "$mode" "$validity" "$target" ;;
    esac
  fi
  if [ "$quota" != - ]; then
    current=$(read_mc XMinioAdminNoSuchQuotaConfiguration quota info "$target")
    case $current in
      *"\"quota\":$quota,"* | *"\"quota\":$quota}"*) ;;
      *) change "bucket $name: quota $quota bytes" quota set "$target" --size "$quota" ;;
    esac
  fi
  if [ "$key" != - ]; then
    current=$(read_mc ServerSideEncryptionConfigurationNotFoundError encrypt info "$target")
    case $current in
      *"\"keyId\":\"$key\""*) ;;
      *) change "bucket $name: default encryption with KMS key $key" encrypt set sse-kms "$key" "$target" ;;
    esac
  fi
  if [ "$lifecycle" != - ]; then
    current=$(read_mc 'NoSuchLifecycleConfiguration,lifecycle configuration not set' ilm rule export "$target")
    case $current in
      *"$lifecycle"*) ;;
      *)
        indexed LIFECYCLE "$lifecycle_index" >"$work/lifecycle.json"
        out=$(mc --json ilm rule import "$target" <"$work/lifecycle.json" 2>&1) || fail "bucket $name: lifecycle import failed: $out"
        changes=$((changes + 1))
        log "bucket $name: lifecycle rules replaced"
        ;;
    esac
  fi
  [ "$changes" != "$before" ] || log "bucket $name: as declared"
}

while read -r kind a b c d e f g h i j; do
  case $kind in
    tier) apply_tier "$a" "$b" "$c" "$d" "$e" "$f" "$g" "$h" "$i" ;;
    policy) apply_policy "$a" "$b" "$c" ;;
    bucket) apply_bucket "$a" "$b" "$c" "$d" "$e" "$f" "$g" "$h" "$i" "$j" ;;
    '') ;;
    *) fail "unknown plan line: $kind" ;;
  esac
done <<PLAN_LINES
$PLAN
PLAN_LINES

if [ "$changes" = 0 ]; then log "nothing to change"; else log "$changes changes"; fi
