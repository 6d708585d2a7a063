#!/usr/bin/env bash
# The issue's figure "PostgreSQL primary killed -> writes succeed again (goal < 15 s)", measured on
# the local pair of tools/cluster.sh. Each trial:
#   1. brings the pair up in a fresh folder and creates a table;
#   2. runs bench_pg_failover_writer: an insert every 50 ms through the multi-host URL
#      (target_session_attrs=read-write, connect_timeout=1), reconnecting after any error;
#   3. after 3 s, kills node a's keeper (pg_autoctl and its services) and its PostgreSQL (postmaster
#      and backends) with SIGKILL at once, as a lost host would go;
#   4. takes the time from the kill to the first acknowledged insert after it, and checks on the new
#      primary that every acknowledged row is there (before the kill and after);
#   5. brings the pair down.
# Usage: tests/bench/pg_failover.sh [TRIALS] (default 3). WRITER=path overrides the writer
# (default build-release/tests/bench/bench_pg_failover_writer). Exit 1 if a row was lost.
set -euo pipefail
cd "$(dirname "$0")/../.."
trials=${1:-3}
writer=${WRITER:-build-release/tests/bench/bench_pg_failover_writer}
cluster=tools/cluster.sh
psql=/usr/lib/postgresql/15/bin/psql
[ -x "$writer" ] || { echo "build $writer first (cmake --build build-release --target bench_pg_failover_writer)" >&2; exit 1; }
[ -x "$psql" ] || { echo "psql is missing ($psql)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/souk-failover-XXXXXX")
chmod 755 "$work" # the servers may run as the postgres user, in folders below it
writerPid=
cleanup() {
    if [ -n "$writerPid" ]; then kill "$writerPid" 2>/dev/null || true; fi
    if [ -n "${SOUK_CLUSTER_DIR:-}" ]; then bash "$cluster" down >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

q() { "$psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

# node a's keeper and PostgreSQL: the pg_autoctl supervisor, its services, the postmaster, its backends
nodeAPids() {
    local dir=$SOUK_CLUSTER_DIR p
    {
        p=$(head -n 1 "$(find "$dir/run" -path '*/a/pg_autoctl.pid')")
        echo "$p"
        pgrep -P "$p"
        p=$(head -n 1 "$dir/a/postmaster.pid")
        echo "$p"
        pgrep -P "$p"
    } | sort -un
}

results=()
lostTotal=0
for trial in $(seq "$trials"); do
    export SOUK_CLUSTER_DIR=$work/cluster-$trial
    out=$(bash "$cluster" up)
    url=$(sed -n "s/^database URL: *//p" <<<"$out")
    q "$url" "CREATE TABLE failover_probe (id bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp())"
    sync=$(q "$url" "select current_setting('synchronous_standby_names') || ', synchronous_commit=' ||
                            current_setting('synchronous_commit')")
    log=$work/writer-$trial.log
    "$writer" "$url" >"$log" 2>&1 &
    writerPid=$!
    sleep 3
    mapfile -t victims < <(nodeAPids)
    killMs=$(date +%s%3N)
    kill -KILL "${victims[@]}"
    # the first acknowledged insert after the kill, within 60 s
    firstMs=
    for _ in $(seq 600); do
        firstMs=$(awk -v k="$killMs" '$2 == "ack" && $1 > k { print $1; exit }' "$log")
        [ -n "$firstMs" ] && break
        sleep 0.1
    done
    sleep 1
    kill -TERM "$writerPid"
    wait "$writerPid" || true
    writerPid=
    [ -n "$firstMs" ] || { echo "trial $trial: no write succeeded within 60 s of the kill" >&2; tail "$log" >&2; exit 1; }
    newPort=$(awk -v k="$killMs" '$2 == "ack" && $1 > k { print $4; exit }' "$log")
    oldPort=$(awk '$2 == "ack" { print $4; exit }' "$log")
    ackedBefore=$(awk -v k="$killMs" '$2 == "ack" && $1 <= k' "$log" | wc -l)
    awk '$2 == "ack" { print $3 }' "$log" | sort -n >"$work/acked"
    q "$url" "select id from failover_probe order by id" | sort -n >"$work/present"
    lost=$(comm -23 "$work/acked" "$work/present" | wc -l)
    extra=$(comm -13 "$work/acked" "$work/present" | wc -l)
    lostBefore=$(awk -v k="$killMs" '$2 == "ack" && $1 <= k { print $3 }' "$log" | sort -n |
        comm -23 - "$work/present" | wc -l)
    errors=$(awk -v k="$killMs" '$2 == "error" && $1 > k' "$log" | wc -l)
    state=$(bash "$cluster" status | awk -F'|' '$1 ~ /^ *[ab] *$/ { gsub(/ /, ""); printf "%s:%s/%s ", $1, $6, $7 }')
    ms=$((firstMs - killMs))
    results+=("$ms")
    lostTotal=$((lostTotal + lost))
    echo "trial $trial: writes again after $ms ms (port $oldPort -> $newPort, $errors failed attempts);" \
        "acknowledged before the kill $ackedBefore, of them missing $lostBefore; acknowledged in all" \
        "$(wc -l <"$work/acked"), missing $lost, present but never acknowledged $extra; states after: $state;" \
        "replication: $sync"
    bash "$cluster" down >/dev/null
    unset SOUK_CLUSTER_DIR
done
median=$(printf '%s\n' "${results[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "failover, kill to first write: $(printf '%s ' "${results[@]}")ms; median $median ms (goal < 15000 ms); rows lost: $lostTotal"
[ "$lostTotal" -eq 0 ]
