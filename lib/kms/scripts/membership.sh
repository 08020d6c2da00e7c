#!/bin/sh
# Makes the MinIO KMS cluster's members exactly DESIRED: the leave or join step of a membership change (see
# lib/kms/membership-script.ts for the reasoning and the sources on minkms).
# Inputs, from the header lib/core/shell-script.ts writes: STEP (leave or join), DESIRED (HOST:PORT of every node
# that must be a member, node 0 first), SEED (node 0), PORT (for addresses given without one), READINESS_TIMEOUT,
# MAX_ATTEMPTS, and CA_FILE (the CA that verifies the nodes, or empty for the system trust store).
# Needs MINIO_KMS_API_KEY in the environment; it is never put on a command line nor printed.
set -eu
: "${STEP:?}" "${DESIRED:?}" "${SEED:?}" "${PORT:?}" "${READINESS_TIMEOUT:?}" "${MAX_ATTEMPTS:?}" "${CA_FILE?}"
# Status text is split into words below; no word may expand as a file name pattern.
set -f

# Readiness polls at most every 5 s; the pauses between attempts double up to 60 s.
READINESS_INTERVAL=5
[ "$READINESS_TIMEOUT" -ge "$READINESS_INTERVAL" ] || READINESS_INTERVAL=$READINESS_TIMEOUT
MAX_BACKOFF=60

log() { printf 'membership %s: %s\n' "$STEP" "$*"; }
warn() { printf 'membership %s: %s\n' "$STEP" "$*" >&2; }
fail() { printf 'membership %s: error: %s\n' "$STEP" "$*" >&2; exit 1; }

# What this script assumes about the image, checked before anything changes.
[ -n "${MINIO_KMS_API_KEY:-}" ] || fail 'MINIO_KMS_API_KEY is empty: give the Job the API key from its Secret'
tools='minkms sleep'
[ -z "$CA_FILE" ] || tools="$tools cp mkdir"
for tool in $tools; do
  command -v "$tool" >/dev/null 2>&1 || fail "this image has no $tool: run the Job with the minkms image of the nodes"
done

# Makes minkms trust CA_FILE, without ever turning verification off.
if [ -n "$CA_FILE" ]; then
  [ -r "$CA_FILE" ] || fail "cannot read the CA certificate $CA_FILE: mount it into the Job"
  # minkms trusts the system store and $HOME/.minkms/certs/CAs; HOME moves to a fresh directory the Job can write.
  HOME="${TMPDIR:-/tmp}/minkms-membership.$$"
  export HOME
  mkdir -p "$HOME/.minkms/certs/CAs"
  cp "$CA_FILE" "$HOME/.minkms/certs/CAs/ca.crt"
  # Go programs also read SSL_CERT_FILE as their system store; set in case a release ignores the CAs directory.
  SSL_CERT_FILE=$CA_FILE
  export SSL_CERT_FILE
fi

# Runs minkms against node $1 (HOST:PORT); every other argument goes to minkms.
kms() {
  kms_node=$1
  shift
  MINIO_KMS_SERVER="https://$kms_node" minkms "$@" </dev/null
}

# Succeeds when the space-separated list $1 holds the word $2.
contains() {
  case " $1 " in
    *" $2 "*) return 0 ;;
  esac
  return 1
}

# Prints "PATH VALUE" for every string, number or literal in the JSON text $1, PATH being the object keys from
# the root joined by '/', e.g. "NodesUp/0/Host kms-0.kms-hl.ns.svc.cluster.local:7373". Whitespace runs become
# one space first; strings are taken up to the next quote, which holds for the IDs and hosts read here.
json_paths() {
  # shellcheck disable=SC2086 # splitting on whitespace is the point
  set -- $1
  jp_rest="$*"
  jp_path=
  jp_key=
  jp_depth=0
  jp_stop='[], }]*'
  while [ -n "$jp_rest" ]; do
    jp_char=${jp_rest%"${jp_rest#?}"}
    jp_rest=${jp_rest#?}
    case $jp_char in
      '{' | '[')
        [ "$jp_depth" -eq 0 ] || jp_path="$jp_path/$jp_key"
        jp_depth=$((jp_depth + 1))
        jp_key=
        ;;
      '}' | ']')
        jp_depth=$((jp_depth - 1))
        jp_path=${jp_path%/*}
        jp_key=
        ;;
      '"')
        jp_string=${jp_rest%%'"'*}
        jp_rest=${jp_rest#*'"'}
        jp_after=${jp_rest# }
        case $jp_after in
          :*)
            jp_key=$jp_string
            jp_rest=${jp_after#:}
            ;;
          *)
            jp_full="$jp_path/$jp_key"
            printf '%s %s\n' "${jp_full#/}" "$jp_string"
            ;;
        esac
        ;;
      [-0-9tfn])
        # shellcheck disable=SC2295 # jp_stop is a pattern
        jp_tail=${jp_rest%%$jp_stop}
        jp_rest=${jp_rest#"$jp_tail"}
        jp_full="$jp_path/$jp_key"
        printf '%s %s\n' "${jp_full#/}" "$jp_char$jp_tail"
        ;;
    esac
  done
}

# Prints HOST:PORT for an address given as HOST, HOST:PORT or https://HOST[:PORT].
address() {
  address_value=${1#https://}
  address_value=${address_value%/}
  case $address_value in
    *:*) printf '%s\n' "$address_value" ;;
    *) printf '%s:%s\n' "$address_value" "$PORT" ;;
  esac
}

# Prints one "ID HOST:PORT up|down" line per member in the 'minkms stat --json' output $1: NodesUp maps IDs to
# node status with a Host, NodesDown maps IDs to addresses (kms-go ClusterStatusResponse; the CLI may print
# the Go field names or the protobuf JSON names nodes_up, host and nodes_down, so both are read).
members_of() {
  json_paths "$1" | while read -r members_path members_value; do
    case $members_path in
      NodesUp/*/Host | nodes_up/*/host) members_state=up ;;
      NodesDown/* | nodes_down/*) members_state=down ;;
      *) continue ;;
    esac
    members_id=${members_path#*/}
    members_id=${members_id%/*}
    case $members_id in '' | */* | *[!0-9]*) continue ;; esac
    printf '%s %s %s\n' "$members_id" "$(address "$members_value")" "$members_state"
  done
}

# Prints the hosts (second words) of the member lines in $1 whose state is $2 (up, down or any).
hosts_of() {
  printf '%s\n' "$1" | while read -r hosts_id hosts_host hosts_state; do
    [ -n "$hosts_id" ] || continue
    if [ "$2" = any ] || [ "$2" = "$hosts_state" ]; then printf '%s ' "$hosts_host"; fi
  done
}

# Reads the members as the seed sees them into MEMBERS; fails the whole script if the output is not JSON, since
# retrying cannot change which release runs.
read_members() {
  read_status=$(kms "$SEED" stat --json) || { warn "could not read the cluster status from $SEED"; return 1; }
  case $read_status in
    '{'*) ;;
    *) fail "'minkms stat --json' on $SEED printed no JSON object, so this minkms release is not supported: $read_status" ;;
  esac
  MEMBERS=$(members_of "$read_status")
  if ! contains "$(hosts_of "$MEMBERS" any)" "$SEED"; then
    warn "the status read from $SEED does not name $SEED, so 'minkms stat --json' output is not what members_of expects:"
    printf '%s\n' "$read_status" >&2
    return 1
  fi
}

# One pass. Runs as an if-condition, where set -e does not apply, so every step checks its own result.
reconcile() {
  read_members || return 1
  up=$(hosts_of "$MEMBERS" up)
  down=$(hosts_of "$MEMBERS" down)
  log "members up: [${up% }], down: [${down% }]"
  failed=no
  # Lost members first: writes need every member, so a lost member blocks every rm and add until it is gone.
  # 'edit --rm' changes one node's own cluster definition, so it runs on every member that answers.
  lost=$(printf '%s\n' "$MEMBERS" | while read -r lost_id lost_host lost_state; do
    if [ "$lost_state" = down ] && ! contains "$DESIRED" "$lost_host"; then printf '%s=%s ' "$lost_id" "$lost_host"; fi
  done)
  for entry in $lost; do
    log "${entry#*=} does not answer: editing ID ${entry%%=*} out of every member that answers"
    for node in $up; do
      log "editing $node: --rm ${entry%%=*}"
      kms "$node" edit "$node" --rm "${entry%%=*}" || failed=yes
    done
  done
  [ "$failed" = no ] || return 1
  for node in $up; do
    if ! contains "$DESIRED" "$node"; then
      log "removing $node through $SEED"
      kms "$SEED" rm "$node" || failed=yes
    fi
  done
  if [ "$STEP" = join ]; then
    members=$(hosts_of "$MEMBERS" any)
    for node in $DESIRED; do
      if ! contains "$members" "$node"; then
        log "adding $node through $SEED"
        kms "$SEED" add "$node" || failed=yes
      fi
    done
  fi
  [ "$failed" = no ] || return 1
  verify
}

# Succeeds when no member is undesired and, for the join step, every desired node is a member that answers.
verify() {
  read_members || return 1
  verify_all=$(hosts_of "$MEMBERS" any)
  verify_up=$(hosts_of "$MEMBERS" up)
  for verify_host in $verify_all; do
    contains "$DESIRED" "$verify_host" || { warn "$verify_host is still a member"; return 1; }
  done
  if [ "$STEP" = join ]; then
    for verify_host in $DESIRED; do
      contains "$verify_up" "$verify_host" || { warn "$verify_host is not a member that answers"; return 1; }
    done
  fi
}

if [ "$STEP" = join ]; then waiting_for=$DESIRED; else waiting_for=$SEED; fi
log "waiting up to ${READINESS_TIMEOUT}s for $waiting_for to answer"
waited=0
for node in $waiting_for; do
  until stat_error=$(kms "$node" stat --json 2>&1 >/dev/null); do
    [ "$waited" -lt "$READINESS_TIMEOUT" ] ||
      fail "node $node did not answer 'minkms stat' within ${READINESS_TIMEOUT}s: $stat_error"
    sleep "$READINESS_INTERVAL"
    waited=$((waited + READINESS_INTERVAL))
  done
  log "$node answers"
done

attempt=1
delay=1
until reconcile; do
  [ "$attempt" -lt "$MAX_ATTEMPTS" ] || fail "members still differ from [$DESIRED] after $MAX_ATTEMPTS attempts"
  log "attempt $attempt of $MAX_ATTEMPTS failed; retrying in ${delay}s"
  sleep "$delay"
  attempt=$((attempt + 1))
  delay=$((delay * 2))
  [ "$delay" -le "$MAX_BACKOFF" ] || delay=$MAX_BACKOFF
done
if [ "$STEP" = join ]; then log "members are exactly [$DESIRED]"; else log "no member outside [$DESIRED]"; fi
