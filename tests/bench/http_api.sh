#!/usr/bin/env bash
# The node's HTTPS figure: GET /v1/orders/{id} on soukd with keep-alive, measured with wrk, against
# a bare QHttpServer route (bench_http_baseline) answering the same bytes with the same certificate,
# in the same run. Rounds alternate which server goes first; the figure is the median of the
# per-round ratios soukd/baseline, so a noisy machine moves both sides of each ratio together.
# Two more references on soukd split the difference: GET /v1/sessions/current checks the key (its
# last use is written through the engine's writer) and answers a small JSON without reading the
# order; GET /healthz has neither the key check nor an engine read.
#
# Usage (from the repository root, after building the Release tree):
#   cmake --build build-release --target bench_http_baseline soukd soukctl
#   tests/bench/http_api.sh [ROUNDS]           (default 3)
# Environment: BUILD (build-release), ORDERS (2000), DURATION (10s), CONNECTIONS (32),
# THREADS (1), SOUKD_PORT (18443), BASELINE_PORT (18444), KEEP=1 keeps the work folder.
# Needs wrk and curl (Debian: apt-get install wrk curl).
set -euo pipefail

ROUNDS=${1:-3}
BUILD=${BUILD:-build-release}
ORDERS=${ORDERS:-2000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
SOUKD_PORT=${SOUKD_PORT:-18443}
BASELINE_PORT=${BASELINE_PORT:-18444}

SOUKD=$BUILD/app/soukd/soukd
SOUKCTL=$BUILD/app/soukctl/soukctl
BASELINE=$BUILD/tests/bench/bench_http_baseline
for program in "$SOUKD" "$SOUKCTL" "$BASELINE"; do
    [[ -x $program ]] || { echo "http_api.sh: $program is missing; build it first" >&2; exit 2; }
done
for tool in wrk curl; do
    command -v "$tool" >/dev/null || { echo "http_api.sh: $tool is not installed" >&2; exit 2; }
done

WORK=$(mktemp -d)
STORE=$WORK/bench.souk
SOUKD_PID=
BASELINE_PID=

cleanup() {
    # only the two servers this script started, by their pids
    [[ -n $BASELINE_PID ]] && kill "$BASELINE_PID" 2>/dev/null || true
    [[ -n $SOUKD_PID ]] && kill "$SOUKD_PID" 2>/dev/null || true
    if [[ ${KEEP:-0} == 1 ]]; then echo "work folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# Waits until FILE holds the line "... listening on https://127.0.0.1:PORT" (10 s at most).
wait_listening() {
    local file=$1 port=$2 pid=$3
    for _ in $(seq 100); do
        grep -q "listening on https://127.0.0.1:$port" "$file" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || { echo "http_api.sh: server exited; log:" >&2; cat "$WORK"/*.log >&2; exit 1; }
        sleep 0.1
    done
    echo "http_api.sh: nothing listens on $port after 10 s" >&2
    exit 1
}

# (a) a store with demo orders, an admin and an API key
echo "== store: $ORDERS simulated orders" >&2
"$SOUKCTL" --store "$STORE" simulate --orders "$ORDERS" --seed 7 >"$WORK/simulate.txt" 2>&1
# a password of its own: a user still on a one-time password may do nothing but change it
echo "bench's own long password" | "$SOUKCTL" --store "$STORE" users add bench --role admin --password-stdin >/dev/null
KEY=$("$SOUKCTL" --store "$STORE" apikeys create --user bench --name http-bench | tail -n 1)
ORDER_ID=$("$SOUKCTL" --store "$STORE" orders list --limit 1 2>/dev/null | cut -f 2)
[[ -n $KEY && -n $ORDER_ID ]] || { echo "http_api.sh: no key or no order" >&2; exit 1; }

# (b) soukd with a limiter that does not refuse the benchmark (the settings' upper bounds)
cat >"$WORK/soukd.conf" <<EOF
[limits]
per_address_rate=1000000
per_address_burst=10000000
per_principal_rate=1000000
per_principal_burst=10000000
EOF
"$SOUKD" --store "$STORE" --listen "127.0.0.1:$SOUKD_PORT" --config "$WORK/soukd.conf" \
    >"$WORK/soukd.out" 2>"$WORK/soukd.log" &
SOUKD_PID=$!
wait_listening "$WORK/soukd.out" "$SOUKD_PORT" "$SOUKD_PID"
CERT=$STORE.cert.pem
KEYFILE=$STORE.key.pem

# (c) the order's JSON exactly as soukd sends it
ORDER_PATH=/v1/orders/$ORDER_ID
status=$(curl -sS --cacert "$CERT" -H "Authorization: Bearer $KEY" -o "$WORK/order.json" -w '%{http_code}' \
    "https://127.0.0.1:$SOUKD_PORT$ORDER_PATH")
[[ $status == 200 ]] || { echo "http_api.sh: soukd answered $status:" >&2; cat "$WORK/order.json" >&2; exit 1; }

# (d) the baseline with the same certificate and bytes; check it answers them
"$BASELINE" --cert "$CERT" --key "$KEYFILE" --port "$BASELINE_PORT" --body "$WORK/order.json" \
    >"$WORK/baseline.out" 2>"$WORK/baseline.log" &
BASELINE_PID=$!
wait_listening "$WORK/baseline.out" "$BASELINE_PORT" "$BASELINE_PID"
curl -sS --cacert "$CERT" -o "$WORK/baseline.json" "https://127.0.0.1:$BASELINE_PORT$ORDER_PATH"
cmp -s "$WORK/order.json" "$WORK/baseline.json" || { echo "http_api.sh: the baseline's bytes differ" >&2; exit 1; }
echo "== order $ORDER_ID: $(wc -c <"$WORK/order.json") bytes of JSON; both servers answer them" >&2

# (e) wrk, alternating; every request carries the same header (the baseline ignores it)
# Prints "REQ_PER_S P99_MS NON_2XX" for one wrk run against URL.
measure() {
    local url=$1 out
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $KEY" "$url")
    echo "$out" >>"$WORK/wrk.txt"
    awk '
        /^Requests\/sec:/ { rps = $2 }
        /^ +99%/ { v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
                   p99 = (unit == "us") ? v / 1000 : (unit == "s") ? v * 1000 : v }
        /Non-2xx or 3xx responses:/ { bad = $NF }
        END { printf "%s %.2f %d\n", rps, p99, bad + 0 }' <<<"$out"
}

declare -a BASE_RPS BASE_P99 NODE_RPS NODE_P99 AUTH_RPS AUTH_P99 HEALTH_RPS HEALTH_P99 RATIO AUTH_RATIO HEALTH_RATIO
for round in $(seq "$ROUNDS"); do
    echo "== round $round of $ROUNDS" >&2
    if ((round % 2 == 1)); then order=(base node auth health); else order=(node auth health base); fi
    for who in "${order[@]}"; do
        case $who in
        base) read -r rps p99 bad < <(measure "https://127.0.0.1:$BASELINE_PORT$ORDER_PATH")
              BASE_RPS[round]=$rps BASE_P99[round]=$p99 ;;
        node) read -r rps p99 bad < <(measure "https://127.0.0.1:$SOUKD_PORT$ORDER_PATH")
              NODE_RPS[round]=$rps NODE_P99[round]=$p99 ;;
        auth) read -r rps p99 bad < <(measure "https://127.0.0.1:$SOUKD_PORT/v1/sessions/current")
              AUTH_RPS[round]=$rps AUTH_P99[round]=$p99 ;;
        health) read -r rps p99 bad < <(measure "https://127.0.0.1:$SOUKD_PORT/healthz")
                HEALTH_RPS[round]=$rps HEALTH_P99[round]=$p99 ;;
        esac
        ((bad == 0)) || { echo "http_api.sh: $who answered $bad requests with an error" >&2; exit 1; }
    done
    RATIO[round]=$(awk -v a="${NODE_RPS[round]}" -v b="${BASE_RPS[round]}" 'BEGIN { printf "%.1f", 100 * a / b }')
    AUTH_RATIO[round]=$(awk -v a="${AUTH_RPS[round]}" -v b="${BASE_RPS[round]}" 'BEGIN { printf "%.1f", 100 * a / b }')
    HEALTH_RATIO[round]=$(awk -v a="${HEALTH_RPS[round]}" -v b="${BASE_RPS[round]}" 'BEGIN { printf "%.1f", 100 * a / b }')
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; order JSON $(wc -c <"$WORK/order.json") bytes; $ORDERS orders in the store"
echo
echo "| round | baseline req/s | p99 | soukd order req/s | p99 | **soukd/baseline** | soukd /v1/sessions/current req/s | p99 | /baseline | soukd /healthz req/s | p99 | /baseline |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for round in $(seq "$ROUNDS"); do
    printf '| %s | %.0f | %s ms | %.0f | %s ms | **%s %%** | %.0f | %s ms | %s %% | %.0f | %s ms | %s %% |\n' "$round" \
        "${BASE_RPS[round]}" "${BASE_P99[round]}" "${NODE_RPS[round]}" "${NODE_P99[round]}" "${RATIO[round]}" \
        "${AUTH_RPS[round]}" "${AUTH_P99[round]}" "${AUTH_RATIO[round]}" \
        "${HEALTH_RPS[round]}" "${HEALTH_P99[round]}" "${HEALTH_RATIO[round]}"
done
MEDIAN=$(median "${RATIO[@]}")
echo
echo "median soukd/baseline (req/s): $MEDIAN %   (goal >= 70 %: $(awk -v m="$MEDIAN" 'BEGIN { print (m >= 70) ? "met" : "not met" }'))"
echo "median soukd /v1/sessions/current/baseline (req/s): $(median "${AUTH_RATIO[@]}") %"
echo "median soukd /healthz/baseline (req/s): $(median "${HEALTH_RATIO[@]}") %"

# stop both; soukd must drain and exit 0
kill -TERM "$BASELINE_PID"
wait "$BASELINE_PID" 2>/dev/null || true
BASELINE_PID=
kill -TERM "$SOUKD_PID"
rc=0
wait "$SOUKD_PID" || rc=$?
SOUKD_PID=
if ((rc != 0)); then
    echo "http_api.sh: soukd exited $rc on SIGTERM; log:" >&2
    cat "$WORK/soukd.log" >&2
    exit 1
fi
echo "soukd stopped on SIGTERM with exit 0"
