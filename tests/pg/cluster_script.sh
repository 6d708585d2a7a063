#!/usr/bin/env bash
# tools/cluster.sh from outside: up 2 gives a primary and a secondary whose URL takes a write, and
# two soukd nodes on it that answer an admin's request with the key up printed, each under a node
# id of its own; status shows them all, and down leaves none of the folder's processes running.
# Fails (never skips) when PostgreSQL, pg_autoctl, soukd or anything else is missing.
#   cluster_script.sh <tools/cluster.sh> <soukd> <soukctl>
set -euo pipefail
script=${1:?usage: cluster_script.sh <tools/cluster.sh> <soukd> <soukctl>}
export SOUKD=${2:?usage: cluster_script.sh <tools/cluster.sh> <soukd> <soukctl>}
export SOUKCTL=${3:?usage: cluster_script.sh <tools/cluster.sh> <soukd> <soukctl>}
psql=/usr/lib/postgresql/15/bin/psql

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

[ -x "$psql" ] || fail "psql is missing ($psql)"
dir=$(mktemp -d "${TMPDIR:-/tmp}/souk-cluster-test-XXXXXX")
export SOUK_CLUSTER_DIR=$dir
trap 'bash "$script" down >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT

rc=0
bash "$script" >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "no argument: exit $rc, expected 2 (usage)"

started=$SECONDS
out=$(bash "$script" up 2) || fail "up failed"
echo "$out"
echo "up took $((SECONDS - started)) s"
url=$(sed -n "s/^database URL: *//p" <<<"$out")
[[ $url == postgres://*,*target_session_attrs=read-write* ]] || fail "up printed no multi-host read-write URL: '$url'"

bash "$script" up >/dev/null 2>&1 && fail "a second up in the same folder was not refused"

status=$(bash "$script" status) || fail "status failed"
echo "$status"
[ "$(grep -c '  node [12]  https://127.0.0.1:[0-9]*  pid [0-9]*  ready$' <<<"$status")" = 2 ] ||
    fail "status does not show two ready soukd nodes"

# each node answers the admin's key, over TLS pinned to the certificate up printed
key=$(sed -n 's/^admin API key: *\(sk_[A-Za-z0-9_-]*\).*/\1/p' <<<"$out")
fingerprint=$(sed -n 's/^certificate SHA-256: *//p' <<<"$out")
mapfile -t nodes < <(sed -n 's|^  \(https://127.0.0.1:[0-9]*\)$|\1|p' <<<"$out")
[ -n "$key" ] && [ -n "$fingerprint" ] && [ "${#nodes[@]}" -eq 2 ] ||
    fail "up printed no key, fingerprint or two node URLs"
grep -q "^console on every node: .* --connect ${nodes[0]},${nodes[1]} --trust $fingerprint\$" <<<"$out" ||
    fail "up printed no console line naming both nodes"
for node in "${nodes[@]}"; do
    SOUK_API_KEY=$key "$SOUKCTL" --url "$node" --trust "$fingerprint" orders list >/dev/null ||
        fail "$node did not answer the admin's request"
done
ids=$(grep -ho 'as node [0-9]*' "$dir"/logs/soukd-*.log | sort -u | wc -l)
[ "$ids" -eq 2 ] || fail "the two nodes do not hold two node ids ($(grep -ho 'as node [0-9]*' "$dir"/logs/soukd-*.log))"
grep -Eq '\| +primary \| +primary *$' <<<"$status" || fail "status shows no primary"
grep -Eq '\| +secondary \| +secondary *$' <<<"$status" || fail "status shows no secondary"
grep -q 'streaming' <<<"$status" || fail "status shows no streaming standby"

written=$("$psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$url&connect_timeout=5" \
    -c "create table cluster_probe (x bigint)" -c "insert into cluster_probe values (42)" \
    -c "select sum(x) from cluster_probe") || fail "the URL did not take a write"
[ "$written" = 42 ] || fail "wrote 42, read back '$written'"

# every process of this folder, and their children, before down
mapfile -t pids < <(pgrep -f -- "$dir" || true)
for p in "${pids[@]}"; do mapfile -t -O "${#pids[@]}" pids < <(pgrep -P "$p" || true); done
[ "${#pids[@]}" -ge 8 ] || fail "found only ${#pids[@]} processes of $dir before down"

bash "$script" down || fail "down failed"
[ ! -e "$dir" ] || fail "down left $dir"
left=()
for p in "${pids[@]}"; do
    if [ -r "/proc/$p/stat" ] && ! grep -q ') Z ' "/proc/$p/stat"; then left+=("$p $(tr '\0' ' ' <"/proc/$p/cmdline")"); fi
done
[ "${#left[@]}" -eq 0 ] || fail "still running after down: ${left[*]}"
[ -z "$(pgrep -f -- "$dir" || true)" ] || fail "processes of $dir still run after down"
echo "PASS: up 2, status, a write through the URL, both soukd nodes answering, down; ${#pids[@]} processes all gone in $((SECONDS - started)) s"
