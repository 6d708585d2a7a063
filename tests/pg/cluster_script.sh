#!/usr/bin/env bash
# tools/cluster.sh from outside: up gives a primary and a secondary whose URL takes a write, status
# shows them, and down leaves none of the folder's processes running. Fails (never skips) when
# PostgreSQL, pg_autoctl or anything else is missing.
#   cluster_script.sh <path of tools/cluster.sh>
set -euo pipefail
script=${1:?usage: cluster_script.sh <tools/cluster.sh>}
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
out=$(bash "$script" up) || fail "up failed"
echo "$out"
echo "up took $((SECONDS - started)) s"
url=$(sed -n "s/^nodes' URL: *//p" <<<"$out")
[[ $url == postgres://*,*target_session_attrs=read-write* ]] || fail "up printed no multi-host read-write URL: '$url'"

bash "$script" up >/dev/null 2>&1 && fail "a second up in the same folder was not refused"

status=$(bash "$script" status) || fail "status failed"
echo "$status"
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
[ "${#pids[@]}" -ge 6 ] || fail "found only ${#pids[@]} processes of $dir before down"

bash "$script" down || fail "down failed"
[ ! -e "$dir" ] || fail "down left $dir"
left=()
for p in "${pids[@]}"; do
    if [ -r "/proc/$p/stat" ] && ! grep -q ') Z ' "/proc/$p/stat"; then left+=("$p $(tr '\0' ' ' <"/proc/$p/cmdline")"); fi
done
[ "${#left[@]}" -eq 0 ] || fail "still running after down: ${left[*]}"
[ -z "$(pgrep -f -- "$dir" || true)" ] || fail "processes of $dir still run after down"
echo "PASS: up, status, a write through the URL, down; ${#pids[@]} processes all gone in $((SECONDS - started)) s"
