#!/bin/sh
# A simulated `mc` for provision-script.test.ts, installed on PATH as `mc`. It prints what mc RELEASE.2025-08-13
# prints with --json (indented objects where mc uses json.MarshalIndent, see lib/buckets/provision-script.ts) and
# keeps the server's state in the directory $FAKE_MC_STATE:
#   buckets/<name>/   one folder per bucket, with files lock, versioning, retention, quota, key, lifecycle
#   policies/<name>   policy documents
#   tiers             one tier per line: "NAME ACCOUNT CONTAINER PREFIX" (prefix "-" for none)
#   log               every invocation's arguments; writes        every changing invocation
#   fail              optional: a word; any invocation whose arguments contain it fails like a refused request
set -eu
state=${FAKE_MC_STATE:?}
printf '%s\n' "$*" >>"$state/log"
[ "$1" = --json ] || { echo "fake mc: expected --json first" >&2; exit 2; }
shift
if [ -f "$state/fail" ]; then
  case " $* " in *" $(cat "$state/fail") "*)
    printf '{\n "status": "error",\n "error": {\n  "message": "Unable to do it",\n  "cause": {\n   "message": "Access Denied.",\n   "error": {\n    "Code": "AccessDenied"\n   }\n  }\n }\n}\n'
    exit 1 ;;
  esac
fi
wrote() { printf '%s\n' "$*" >>"$state/writes"; }
missing() { printf '{\n "status": "error",\n "error": {\n  "message": "%s",\n  "cause": {\n   "error": {\n    "Code": "%s"\n   }\n  }\n }\n}\n' "$1" "$2"; exit 1; }
bucket_dir() { printf '%s/buckets/%s' "$state" "${1#target/}"; }
need_bucket() { [ -d "$(bucket_dir "$1")" ] || missing "Unable to find bucket" NoSuchBucket; }

case "$1 ${2:-}" in
  'ls target')
    for dir in "$state"/buckets/*/; do
      [ -d "$dir" ] || continue
      name=$(basename "$dir")
      printf '{\n "status": "success",\n "type": "folder",\n "size": 0,\n "key": "%s/",\n "etag": ""\n}\n' "$name"
    done ;;
  'mb --with-lock' | 'mb target/'*)
    if [ "$2" = --with-lock ]; then target=$3; else target=$2; fi
    dir=$(bucket_dir "$target"); mkdir -p "$dir"
    if [ "$2" = --with-lock ]; then echo 1 >"$dir/lock"; echo Enabled >"$dir/versioning"; fi
    wrote "$*" ;;
  'version info')
    need_bucket "$3"; dir=$(bucket_dir "$3")
    status=$(cat "$dir/versioning" 2>/dev/null || true)
    printf '{\n "Op": "info",\n "status": "success",\n "url": "%s",\n "versioning": {\n  "status": "%s",\n  "MFADelete": ""\n }\n}\n' "$3" "$status" ;;
  'version enable') echo Enabled >"$(bucket_dir "$3")/versioning"; wrote "version enable $3" ;;
  'version suspend') echo Suspended >"$(bucket_dir "$3")/versioning"; wrote "version suspend $3" ;;
  'retention info')
    dir=$(bucket_dir "$4")
    [ -f "$dir/lock" ] || missing "Unable to get bucket lock configuration" ObjectLockConfigurationNotFoundError
    set -- $(cat "$dir/retention" 2>/dev/null || echo ' ')
    printf '{\n "op": "info",\n "enabled": "Enabled",\n "mode": "%s",\n "validity": "%s",\n "status": "success"\n}\n' "${1:-}" "${2:-0DAYS}" ;;
  'retention set')
    count=${5%?}; case $5 in *d) unit=DAYS ;; *) unit=YEARS ;; esac
    echo "$4 $count$unit" >"$(bucket_dir "$6")/retention"; wrote "retention set $4 $5 $6" ;;
  'quota info')
    dir=$(bucket_dir "$3")
    if [ -f "$dir/quota" ]; then
      printf '{\n "status": "success",\n "bucket": "%s",\n "quota": %s,\n "type": "hard"\n}\n' "${3#target/}" "$(cat "$dir/quota")"
    else
      missing "Unable to get bucket quota" XMinioAdminNoSuchQuotaConfiguration
    fi ;;
  'quota set') echo "$5" >"$(bucket_dir "$3")/quota"; wrote "quota set $3 $5" ;;
  'encrypt info')
    dir=$(bucket_dir "$3")
    [ -f "$dir/key" ] || missing "Unable to get encryption info" ServerSideEncryptionConfigurationNotFoundError
    printf '{\n "op": "info",\n "status": "success",\n "url": "%s",\n "encryption": {\n  "algorithm": "aws:kms",\n  "keyId": "%s"\n }\n}\n' "$3" "$(cat "$dir/key")" ;;
  'encrypt set') echo "$4" >"$(bucket_dir "$5")/key"; wrote "encrypt set $4 $5" ;;
  'ilm rule')
    dir=$(bucket_dir "$4")
    case $3 in
      export) [ -f "$dir/lifecycle" ] || missing "Unable to get lifecycle configuration" NoSuchLifecycleConfiguration
        printf '{\n "status": "success",\n "target": "%s",\n "config": %s\n}\n' "$4" "$(cat "$dir/lifecycle")" ;;
      import) cat >"$dir/lifecycle"; wrote "ilm rule import $4" ;;
    esac ;;
  'admin policy')
    case $3 in
      info) [ -f "$state/policies/$5" ] || missing "Unable to fetch policy" XMinioAdminNoSuchPolicy
        printf '{\n "status": "success",\n "policy": "%s",\n "policyInfo": {\n  "PolicyName": "%s",\n  "Policy": %s\n }\n}\n' "$5" "$5" "$(cat "$state/policies/$5")" ;;
      create) mkdir -p "$state/policies"; cp "$6" "$state/policies/$5"; wrote "admin policy create $5" ;;
    esac ;;
  'ilm tier')
    case $3 in
      ls) printf '{"status":"success","tiers":['
        sep=''
        while read -r name account container prefix; do
          [ "$prefix" = - ] && p='' || p=",\"Prefix\":\"$prefix\""
          printf '%s{"Version":"v1","Type":"azure","Name":"%s","Azure":{"AccountName":"%s","AccountKey":"REDACTED","Bucket":"%s"%s}}' "$sep" "$name" "$account" "$container" "$p"
          sep=','
        done <"$state/tiers"
        printf ']}\n' ;;
      add) name=$6; shift 6; account='' container='' prefix=-
        while [ $# -gt 0 ]; do
          case $1 in --account-name) account=$2 ;; --bucket) container=$2 ;; --prefix) prefix=$2 ;; esac
          shift 2
        done
        echo "$name $account $container $prefix" >>"$state/tiers"; wrote "ilm tier add $name" ;;
    esac ;;
  *) echo "fake mc: unknown command: $*" >&2; exit 2 ;;
esac
