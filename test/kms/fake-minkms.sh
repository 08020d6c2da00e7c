#!/bin/sh
# A simulated `minkms` CLI for membership-script.test.ts, installed on PATH as `minkms`.
#
# The cluster lives in the directory $FAKE_MINKMS_STATE:
#   api-key   the only API key accepted (MINIO_KMS_API_KEY)
#   ids       "HOST:PORT ID" for every node that can exist; a node keeps its ID
#   members   "ID HOST:PORT" for every member of the cluster
#   up        "HOST:PORT" for every node that answers
#   edits     "HOST:PORT ID": the node HOST has edited ID out of its cluster definition
#   log       every invocation, as "MINIO_KMS_SERVER=<value> <arguments>"
#   fail      optional: a command name that always fails, as a broken cluster would
#   ca        optional: the CA that must be in $HOME/.minkms/certs/CAs, as TLS verification would require
#   format    optional: how `stat --json` prints (kms-go ClusterStatusResponse): `go` (default: NodesUp, Host,
#             NodesDown, compact), `proto` (nodes_up, host, nodes_down), `pretty` (go names over many lines),
#             `text` (a release that ignores --json)
#
# Like the real one: writes (add, rm) need every member up and run against a member; a node that is not a member
# is a cluster of its own; `edit HOST --rm ID` force-removes a node that is down, and the node leaves the cluster
# once every remaining member that answers has edited it out.
set -eu
state=${FAKE_MINKMS_STATE:?}
server_url=${MINIO_KMS_SERVER:-https://localhost:7373}
printf 'MINIO_KMS_SERVER=%s %s\n' "$server_url" "$*" >>"$state/log"

die() { printf 'minkms: %s\n' "$*" >&2; exit 1; }
# Sets address_value to HOST:PORT for an address given as HOST, HOST:PORT or https://HOST[:PORT]. The helpers set
# variables rather than print, since each $(...) costs a process.
address() {
  address_value=${1#https://}
  address_value=${address_value%/}
  case $address_value in *:*) ;; *) address_value="$address_value:7373" ;; esac
}
# The lookups read the state files with shell built-ins: the tests run this script hundreds of times, and a grep,
# awk or cat process for each lookup was most of their time.
is_up() {
  while IFS= read -r up_line || [ -n "$up_line" ]; do [ "$up_line" != "$1" ] || return 0; done <"$state/up"
  return 1
}
# Prints the second field of every line of file $1 whose first field is $2.
second_field_where_first_is() {
  while read -r first_field second_field rest || [ -n "$first_field" ]; do
    [ "$first_field" != "$2" ] || printf '%s\n' "$second_field"
  done <"$1"
}
is_member() {
  while read -r member_id member_address rest || [ -n "$member_id" ]; do [ "$member_address" != "$1" ] || return 0; done <"$state/members"
  return 1
}
id_of() { second_field_where_first_is "$state/ids" "$1"; }
host_of_id() { second_field_where_first_is "$state/members" "$1"; }
all_members_up() {
  while read -r member_id member_host rest || [ -n "$member_id" ]; do
    is_up "$member_host" || die "cannot write: node $member_host is offline, writes need every node"
  done <"$state/members"
}
# Sets first_line_value to the first line of the state file $1, or to $2 when the file does not exist.
first_line() {
  first_line_value=$2
  if [ -f "$1" ]; then first_line_value=''; IFS= read -r first_line_value <"$1" || true; fi
}
require_member() { is_member "$1" || die "server not part of cluster: $1"; }
# Succeeds when node $1 has edited the member with ID $2 out of its cluster definition.
edited_out() {
  while read -r edit_host edit_id rest || [ -n "$edit_host" ]; do
    [ "$edit_host" != "$1" ] || [ "$edit_id" != "$2" ] || return 0
  done <"$state/edits"
  return 1
}
newline='
'

address "$server_url"
server=$address_value
first_line "$state/api-key" ''
[ "${MINIO_KMS_API_KEY:-}" = "$first_line_value" ] || die 'not authorized: invalid API key'
for argument do
  case $argument in -k|--insecure|-a|--api-key) die "the membership script must not use $argument" ;; esac
done
if [ -f "$state/ca" ]; then
  cmp -s "$state/ca" "$HOME/.minkms/certs/CAs/ca.crt" 2>/dev/null ||
    die "tls: failed to verify certificate: x509: certificate signed by unknown authority"
fi
command=${1:-}
[ $# -eq 0 ] || shift
first_line "$state/fail" ''
if [ -n "$first_line_value" ] && [ "$first_line_value" = "$command" ]; then
  die "$command: internal server error"
fi
is_up "$server" || die "dial tcp $server: connect: connection refused"

case $command in
  stat)
    [ "${1:-}" = --json ] || die 'the membership script must ask for --json'
    first_line "$state/format" go
    format=$first_line_value
    # The members this node sees: every member it has not edited out; a node that is not a member sees itself.
    view=
    if is_member "$server"; then
      while read -r member_id member_host rest || [ -n "$member_id" ]; do
        edited_out "$server" "$member_id" || view="$view$member_id $member_host$newline"
      done <"$state/members"
    else
      view="$(id_of "$server") $server$newline"
    fi
    if [ "$format" = text ]; then
      while read -r id host; do printf '%s  %s  online\n' "$id" "$host"; done <<EOF
$view
EOF
      exit 0
    fi
    up_key=NodesUp down_key=NodesDown host_key=Host separator='' closing=''
    case $format in
      proto) up_key=nodes_up down_key=nodes_down host_key=host ;;
      pretty) separator="$newline  " closing=$newline ;;
    esac
    # Every up node also carries its cluster definition (Nodes), a nested map the parser must not mistake for members.
    definition='' ups='' downs=''
    while read -r id host; do
      [ -n "$id" ] || continue
      definition="$definition${definition:+,}\"$id\":\"$host\""
    done <<EOF
$view
EOF
    while read -r id host; do
      [ -n "$id" ] || continue
      if is_up "$host"; then
        ups="$ups${ups:+,}$separator\"$id\": {\"Version\": \"2026-07-17T11-53-00Z\", \"$host_key\": \"$host\", \"UpTime\": 3723000000000, \"Nodes\": {$definition}}"
      else
        downs="$downs${downs:+,}$separator\"$id\": \"$host\""
      fi
    done <<EOF
$view
EOF
    printf '{%s"%s": {%s}, %s"%s": {%s}%s}\n' "$separator" "$up_key" "$ups" "$separator" "$down_key" "$downs" "$closing"
    ;;
  add)
    [ $# -eq 1 ] || die 'usage: minkms add HOST[:PORT]'
    address "$1"
    target=$address_value
    require_member "$server"
    all_members_up
    is_up "$target" || die "dial tcp $target: connect: connection refused"
    ! is_member "$target" || die "$target is already part of the cluster"
    printf '%s %s\n' "$(id_of "$target")" "$target" >>"$state/members"
    ;;
  rm)
    [ $# -eq 1 ] || die 'usage: minkms rm HOST[:PORT]'
    address "$1"
    target=$address_value
    require_member "$server"
    is_member "$target" || die "$target is not part of the cluster"
    [ "$target" != "$server" ] || die 'run rm from a node that remains in the cluster'
    all_members_up
    awk -v h="$target" '$2 != h' "$state/members" >"$state/members.new"
    mv "$state/members.new" "$state/members"
    ;;
  edit)
    [ $# -ge 1 ] || die 'usage: minkms edit HOST[:PORT] [--rm ID]...'
    address "$1"
    edited=$address_value
    shift
    is_up "$edited" || die "dial tcp $edited: connect: connection refused"
    require_member "$edited"
    while [ $# -gt 0 ]; do
      if [ "$1" != --rm ] || [ $# -lt 2 ]; then die "edit: unexpected argument $1"; fi
      lost_host=$(host_of_id "$2")
      [ -n "$lost_host" ] || die "edit: no node with ID $2"
      ! is_up "$lost_host" || die "edit: node $2 ($lost_host) is online: use minkms rm"
      printf '%s %s\n' "$edited" "$2" >>"$state/edits"
      shift 2
    done
    # A lost node leaves the cluster once every remaining member that answers has edited it out.
    for lost_id in $(awk '{ print $2 }' "$state/edits" | sort -u); do
      lost_host=$(host_of_id "$lost_id")
      pending=no
      for member_host in $(awk -v l="$lost_host" '$2 != l { print $2 }' "$state/members"); do
        if is_up "$member_host" && ! grep -qxF "$member_host $lost_id" "$state/edits"; then pending=yes; fi
      done
      if [ "$pending" = no ]; then
        awk -v i="$lost_id" '$1 != i' "$state/members" >"$state/members.new"
        mv "$state/members.new" "$state/members"
        awk -v i="$lost_id" '$2 != i' "$state/edits" >"$state/edits.new"
        mv "$state/edits.new" "$state/edits"
      fi
    done
    ;;
  *)
    die "unknown command '$command'"
    ;;
esac
