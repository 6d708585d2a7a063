#!/usr/bin/env bash
# A local cluster: a pg_auto_failover monitor, a primary and a hot standby of PostgreSQL 15, and
# N soukd nodes sharing that database over TLS, on free loopback ports, in one state folder.
#   tools/cluster.sh up [N]   start them (N soukd nodes, default 0); print the database URL, the
#                             node URLs, the certificate's SHA-256, an admin API key, the logs
#   tools/cluster.sh status   the soukd nodes' readiness, the database's states and replication lag
#   tools/cluster.sh rejoin a|b  start a database node again after it died; it rejoins as the standby
#   tools/cluster.sh down     stop everything up started and remove the state folder (KEEP=1 keeps it)
# soukd, soukctl and souk: $SOUKD, $SOUKCTL and $SOUK, else in $SOUK_BIN_DIR, else the build folder's.
# The state folder is $SOUK_CLUSTER_DIR, else $XDG_RUNTIME_DIR/souk-cluster, else
# ${TMPDIR:-/tmp}/souk-cluster-$USER. Run as root, the servers run as the postgres user (PostgreSQL
# refuses root); otherwise as the caller. Local use only: connections over loopback are trusted.
set -euo pipefail

PG_BIN=${SOUK_PG_BINDIR:-/usr/lib/postgresql/15/bin}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -n "${SOUK_BIN_DIR:-}" ]; then
    SOUKD=${SOUKD:-$SOUK_BIN_DIR/soukd}
    SOUKCTL=${SOUKCTL:-$SOUK_BIN_DIR/soukctl}
    SOUK=${SOUK:-$SOUK_BIN_DIR/souk}
else
    SOUKD=${SOUKD:-$ROOT/build-release/app/soukd/soukd}
    SOUKCTL=${SOUKCTL:-$ROOT/build-release/app/soukctl/soukctl}
    SOUK=${SOUK:-$ROOT/build-release/app/souk/souk}
fi
ADMIN=cluster-admin # the platform admin up makes, whose API key it prints
NODE_ROLE=souk # the login role and database the soukd nodes use
NODES=(b a monitor) # stopping order: the standby, the primary, then the monitor

usage() {
    cat >&2 <<'EOF'
usage: tools/cluster.sh up [N] | status | rejoin a|b | down
  up [N]   start a pg_auto_failover monitor, a primary and a hot standby (PostgreSQL 15) and N
           soukd nodes (default 0) on free loopback ports; prints the node URLs and an admin key
  status   the soukd nodes' readiness, the database's states, replication lag and URL
  rejoin a|b  start database node a or b again after it died or was stopped (a lost host coming
           back): pg_auto_failover rejoins it as the standby of the node promoted meanwhile
  down     stop what up started and remove the state folder (KEEP=1 keeps it)
state folder: $SOUK_CLUSTER_DIR, else $XDG_RUNTIME_DIR/souk-cluster, else ${TMPDIR:-/tmp}/souk-cluster-$USER
EOF
    exit 2
}

die() {
    echo "cluster.sh: $*" >&2
    exit 1
}

if [ -n "${SOUK_CLUSTER_DIR:-}" ]; then
    DIR=$SOUK_CLUSTER_DIR
elif [ -n "${XDG_RUNTIME_DIR:-}" ]; then
    DIR=$XDG_RUNTIME_DIR/souk-cluster
else
    DIR=${TMPDIR:-/tmp}/souk-cluster-${USER:-$(id -un)}
fi
case $DIR in
/*) ;;
*) DIR=$PWD/$DIR ;;
esac

asRoot() { [ "$(id -u)" -eq 0 ]; }

# Runs a PostgreSQL program as the servers' user with a bare environment: pg_autoctl probes every
# folder on PATH for pg_ctl, and keeps its configuration and pid files under the XDG folders.
pgCommand() {
    PG_COMMAND=(env -i "PATH=$PG_BIN:/usr/bin:/bin" "HOME=$DIR" "LANG=C.UTF-8"
        "XDG_CONFIG_HOME=$DIR/config" "XDG_DATA_HOME=$DIR/data" "XDG_RUNTIME_DIR=$DIR/run"
        "PG_REGRESS_SOCK_DIR=$DIR/sock" "PGHOST=$DIR/sock")
    if asRoot; then PG_COMMAND=(runuser -u postgres -- "${PG_COMMAND[@]}"); fi
}

asPg() {
    pgCommand
    "${PG_COMMAND[@]}" "$@"
}

# sql PORT DATABASE STATEMENT: one statement as the servers' superuser over the node's socket.
sql() {
    asPg psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$DIR/sock" -p "$1" -d "$2" -c "$3"
}

portFree() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && [ ! -e "$DIR/sock/.s.PGSQL.$1" ]
}

# A loopback port nobody listens on and not already taken here (a race with other programs, as always).
# Called as PORT=$(freePort): the caller adds it to TAKEN (take PORT), the subshell cannot.
take() { TAKEN="${TAKEN:-} $1"; }
freePort() {
    local p
    for _ in $(seq 200); do
        p=$((20000 + RANDOM % 30000))
        case " ${TAKEN:-} " in *" $p "*) continue ;; esac
        if portFree "$p"; then
            TAKEN="${TAKEN:-} $p"
            echo "$p"
            return 0
        fi
    done
    die "no free loopback port found"
}

# Whether pid runs (a zombie does not) and is one of ours (pid reuse).
ours() {
    local stat rest
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    rest=${stat##*) } # "pid (name) S ...": the name may hold spaces
    [ "${rest%% *}" != Z ] || return 1
    case $(cat "/proc/$1/comm" 2>/dev/null) in
    pg_autoctl | postgres | postmaster | runuser | setsid | env | soukd) return 0 ;;
    *) return 1 ;;
    esac
}

# Every pid this cluster has or had: recorded at start, from the pid files now, and their children.
knownPids() {
    local pids=() f p
    [ -f "$DIR/pids" ] && mapfile -t pids <"$DIR/pids"
    while IFS= read -r f; do
        pids+=("$(head -n 1 "$f" 2>/dev/null || true)") # gone meanwhile: its process stopped
    done < <(find "$DIR/run" -name pg_autoctl.pid 2>/dev/null)
    for n in "${NODES[@]}"; do
        [ -f "$DIR/$n/postmaster.pid" ] && pids+=("$(head -n 1 "$DIR/$n/postmaster.pid" 2>/dev/null || true)")
    done
    for p in "${pids[@]}"; do
        [[ $p =~ ^[0-9]+$ ]] || continue
        echo "$p"
        pgrep -P "$p" 2>/dev/null || true
    done | sort -un
}

alivePids() {
    local p
    for p in $(knownPids); do
        if ours "$p"; then echo "$p"; fi
    done
}

record() { echo "$1" >>"$DIR/pids"; }

# Starts `pg_autoctl ARGS...` in the background, in its own session, logging to logs/NAME.log.
startAutoctl() {
    local name=$1
    shift
    pgCommand
    setsid "${PG_COMMAND[@]}" pg_autoctl "$@" >>"$DIR/logs/$name.log" 2>&1 </dev/null &
    record $!
}

# A node's reported and goal states, from the monitor: "a:primary/primary b:secondary/secondary".
states() {
    sql "$PORT_MONITOR" pg_auto_failover \
        "select coalesce(string_agg(nodename || ':' || reportedstate || '/' || goalstate, ' ' order by nodeid), '')
           from pgautofailover.node" 2>/dev/null || true
}

# waitFor SECONDS WHAT COMMAND...: polls COMMAND every 0.5 s.
waitFor() {
    local seconds=$1 what=$2 deadline=$((SECONDS + $1))
    shift 2
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || die "$what within ${seconds} s"
        sleep 0.5
    done
}

saveEnv() {
    {
        echo "PORT_MONITOR=$PORT_MONITOR"
        echo "PORT_A=$PORT_A"
        echo "PORT_B=$PORT_B"
        echo "URL='${URL:-}'"
        echo "MONITOR_URL='${MONITOR_URL:-}'"
    } >"$DIR/cluster.env"
}

loadEnv() {
    [ -f "$DIR/cluster.env" ] || die "no cluster in $DIR (tools/cluster.sh up starts one)"
    # shellcheck disable=SC1091
    . "$DIR/cluster.env"
}

logTails() {
    local f
    for f in "$DIR"/logs/*.log; do
        [ -f "$f" ] || continue
        echo "--- last lines of $f" >&2
        tail -n 15 "$f" >&2
    done
}

checkTools() {
    [ -x "$PG_BIN/pg_ctl" ] || die "PostgreSQL 15 is not installed ($PG_BIN/pg_ctl); apt-get install postgresql-15"
    command -v pg_autoctl >/dev/null ||
        die "pg_autoctl is missing; apt-get install postgresql-15-auto-failover pg-auto-failover-cli"
    [ -x "$PG_BIN/psql" ] || die "psql is missing ($PG_BIN/psql)"
    if asRoot; then
        command -v runuser >/dev/null || die "runuser is missing (util-linux)"
        id postgres >/dev/null 2>&1 || die "run as root, the servers need the postgres user, which does not exist"
    fi
}

prepareDir() {
    if [ -f "$DIR/cluster.env" ]; then
        if [ -n "$(alivePids)" ]; then
            die "a cluster is already up in $DIR (tools/cluster.sh status shows it; down stops it)"
        fi
        die "$DIR holds a stopped cluster's state; tools/cluster.sh down removes it"
    fi
    if [ -e "$DIR" ] && [ -n "$(ls -A "$DIR" 2>/dev/null)" ]; then
        die "$DIR exists and is not empty; choose another SOUK_CLUSTER_DIR or remove it"
    fi
    mkdir -p "$DIR"/{config,data,run,sock,logs}
    chmod 700 "$DIR/run"
    if asRoot; then chown -R postgres: "$DIR"; fi
    asPg test -w "$DIR" -a -x "$DIR" ||
        die "the postgres user cannot write in $DIR (a parent folder is closed to it?); set SOUK_CLUSTER_DIR"
    # a socket path is limited to 107 bytes
    [ ${#DIR} -le 80 ] || die "$DIR is too long for the servers' sockets; set a shorter SOUK_CLUSTER_DIR"
}

startMonitor() {
    asPg pg_autoctl create monitor --pgdata "$DIR/monitor" --pgport "$PORT_MONITOR" --hostname 127.0.0.1 \
        --auth trust --no-ssl >>"$DIR/logs/monitor.log" 2>&1 || die "pg_autoctl create monitor failed"
    # pg_autoctl listens on every address by default: the local cluster listens on loopback only
    asPg pg_autoctl config set --pgdata "$DIR/monitor" postgresql.listen_addresses 127.0.0.1 >/dev/null
    startAutoctl monitor run --pgdata "$DIR/monitor"
    waitFor 60 "the monitor did not start" sql "$PORT_MONITOR" pg_auto_failover \
        "select 1 from pgautofailover.formation limit 1"
    # failover within seconds: the defaults (a 20 s unhealthy timeout, 30 s to demote) take ~50 s
    local setting
    for setting in health_check_period=1000 health_check_timeout=1000 health_check_max_retries=1 \
        health_check_retry_delay=500 node_considered_unhealthy_timeout=3000 primary_demote_timeout=3000; do
        sql "$PORT_MONITOR" pg_auto_failover "ALTER SYSTEM SET pgautofailover.${setting%=*} = ${setting#*=}" >/dev/null
    done
    sql "$PORT_MONITOR" pg_auto_failover "select pg_reload_conf()" >/dev/null
    MONITOR_URL="postgres://autoctl_node@127.0.0.1:$PORT_MONITOR/pg_auto_failover?sslmode=disable"
}

startNode() {
    local name=$1 port=$2
    startAutoctl "$name" create postgres --pgdata "$DIR/$name" --pgport "$port" --listen 127.0.0.1 \
        --hostname 127.0.0.1 --name "$name" --dbname "$NODE_ROLE" --monitor "$MONITOR_URL" \
        --auth trust --no-ssl --run
}

stateIs() { [[ " $(states) " == *" $1 "* ]]; }

# The standby's base backup waits for a spread checkpoint (minutes on an idle primary): ask for one
# while it waits.
waitForPair() {
    local deadline=$((SECONDS + 150))
    until stateIs a:primary/primary && stateIs b:secondary/secondary; do
        [ $SECONDS -lt $deadline ] || die "the pair did not reach primary + secondary in 150 s ($(states))"
        sql "$PORT_A" postgres "CHECKPOINT" >/dev/null 2>&1 || true
        sleep 1
    done
}

checkSoukTools() {
    [ -x "$SOUKD" ] && [ -x "$SOUKCTL" ] ||
        die "soukd or soukctl is not built ($SOUKD); build first (README), or set SOUK_BIN_DIR"
    command -v openssl >/dev/null || die "openssl is missing; apt-get install openssl"
    command -v curl >/dev/null || die "curl is missing; apt-get install curl"
}

# One certificate for every node, for 127.0.0.1 and localhost: the console trusts it by its SHA-256.
makeCertificate() {
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj /CN=souk-cluster \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$DIR/tls/node.key" \
        -out "$DIR/tls/node.pem" >/dev/null 2>&1 || die "openssl could not make the nodes' certificate"
    chmod 600 "$DIR/tls/node.key"
}

# A platform admin and an API key acting as it, made on the store before the nodes start.
makeAdminKey() {
    local password out
    password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    "$SOUKCTL" --store "$URL" users add "$ADMIN" --role admin --password-stdin <<<"$password" \
        >>"$DIR/logs/soukctl.log" 2>&1 || die "soukctl could not add the admin (logs/soukctl.log)"
    out=$("$SOUKCTL" --store "$URL" apikeys create --user "$ADMIN" --name cluster.sh 2>>"$DIR/logs/soukctl.log") ||
        die "soukctl could not create the admin's API key (logs/soukctl.log)"
    ADMIN_KEY=$(grep -o 'sk_[A-Za-z0-9_-]*' <<<"$out" | head -n 1)
    [ -n "$ADMIN_KEY" ] || die "soukctl printed no API key: $out"
    (umask 077 && echo "$ADMIN_KEY" >"$DIR/admin.key")
}

# startSoukd I PORT: the I-th node, in its own session, logging to logs/soukd-I.log.
startSoukd() {
    setsid "$SOUKD" --store "$URL" --listen "127.0.0.1:$2" --cert "$DIR/tls/node.pem" --key "$DIR/tls/node.key" \
        >>"$DIR/logs/soukd-$1.log" 2>&1 </dev/null &
    record $!
    echo "$1 $2 $!" >>"$DIR/soukd.nodes"
}

# Whether node I says it listens; a node that ended instead stops up at once, with its log.
soukdListening() {
    grep -q '^soukd listening on' "$DIR/logs/soukd-$1.log" && return 0
    local pid
    pid=$(awk -v i="$1" '$1 == i { print $3 }' "$DIR/soukd.nodes")
    ours "$pid" || die "soukd node $1 ended: $(tail -n 3 "$DIR/logs/soukd-$1.log")"
    return 1
}

startSoukdNodes() {
    local n=$1 i port
    checkSoukTools
    mkdir -p "$DIR/tls"
    makeCertificate
    makeAdminKey
    for i in $(seq "$n"); do
        port=$(freePort)
        take "$port"
        startSoukd "$i" "$port"
    done
    for i in $(seq "$n"); do
        waitFor 60 "soukd node $i did not start (logs/soukd-$i.log)" soukdListening "$i"
    done
    FINGERPRINT=$(sed -n 's/^soukd certificate SHA-256 //p' "$DIR/logs/soukd-1.log" | head -n 1)
}

# Each soukd node's URL and whether it says it is ready (/readyz).
soukdStatus() {
    local i port pid state
    [ -f "$DIR/soukd.nodes" ] || return 0
    echo "soukd nodes:"
    while read -r i port pid; do
        if ! ours "$pid"; then
            state=dead
        elif curl -sk --max-time 3 -o /dev/null -w '%{http_code}' "https://127.0.0.1:$port/readyz" | grep -q 200; then
            state=ready
        else
            state="not ready"
        fi
        echo "  node $i  https://127.0.0.1:$port  pid $pid  $state"
    done <"$DIR/soukd.nodes"
}

# Asks the soukd nodes to stop (they finish the requests in flight) before the database goes.
stopSoukdNodes() {
    local i port pid deadline
    [ -f "$DIR/soukd.nodes" ] || return 0
    while read -r i port pid; do
        if ours "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
    done <"$DIR/soukd.nodes"
    deadline=$((SECONDS + 15))
    while [ $SECONDS -lt $deadline ]; do
        local any=0
        while read -r i port pid; do if ours "$pid"; then any=1; fi; done <"$DIR/soukd.nodes"
        [ $any = 1 ] || return 0
        sleep 0.2
    done
}

cmdUp() {
    local n=${1:-}
    [[ -z $n || $n =~ ^[0-9]+$ ]] || usage
    checkTools
    if [ -n "$n" ] && [ "$n" -gt 0 ]; then checkSoukTools; fi
    prepareDir
    trap 'echo "cluster.sh: up failed; stopping what it started" >&2; logTails; cmdDown >&2 || true' EXIT
    PORT_MONITOR=$(freePort)
    take "$PORT_MONITOR"
    PORT_A=$(freePort)
    take "$PORT_A"
    PORT_B=$(freePort)
    take "$PORT_B"
    saveEnv # from here on, down can stop a half-started cluster
    startMonitor
    saveEnv
    startNode a "$PORT_A"
    waitFor 90 "node a did not become a single primary" stateIs a:single/single
    # the nodes' role owns their database (and so its public schema); loopback is trusted
    # pg_monitor: the nodes report the standbys' replication lag (pg_stat_replication's positions)
    sql "$PORT_A" postgres "CREATE ROLE $NODE_ROLE LOGIN; ALTER DATABASE $NODE_ROLE OWNER TO $NODE_ROLE; GRANT pg_monitor TO $NODE_ROLE" >/dev/null
    startNode b "$PORT_B"
    waitForPair
    local uri
    uri=$(asPg pg_autoctl show uri --pgdata "$DIR/monitor" --formation default)
    [[ $uri == postgres://* ]] || die "pg_autoctl show uri gave no URL: $uri"
    URL="postgres://$NODE_ROLE@${uri#postgres://}"
    saveEnv
    if [ -n "$n" ] && [ "$n" -gt 0 ]; then startSoukdNodes "$n"; fi
    trap - EXIT
    echo "PostgreSQL pair up in $DIR: a primary, b hot standby (synchronous), pg_auto_failover monitor"
    echo "database URL: $URL"
    echo "monitor URL:  $MONITOR_URL"
    echo "logs:         $DIR/logs/{monitor,a,b}.log (pg_autoctl), $DIR/{monitor,a,b}/log/ (PostgreSQL)"
    if [ -f "$DIR/soukd.nodes" ]; then
        local i port pid first
        echo "soukd nodes (HTTPS; logs/soukd-N.log):"
        while read -r i port pid; do echo "  https://127.0.0.1:$port"; done <"$DIR/soukd.nodes"
        first=$(head -n 1 "$DIR/soukd.nodes" | cut -d' ' -f2)
        echo "certificate SHA-256: $FINGERPRINT"
        echo "admin API key:       $ADMIN_KEY (user $ADMIN; also in $DIR/admin.key)"
        echo "try: SOUK_API_KEY=\$(cat $DIR/admin.key) $SOUKCTL --url https://127.0.0.1:$first --trust $FINGERPRINT orders list"
        local all
        all=$(cut -d' ' -f2 "$DIR/soukd.nodes" | sed 's|^|https://127.0.0.1:|' | paste -sd, -)
        echo "console on every node: SOUK_API_KEY=\$(cat $DIR/admin.key) $SOUK --connect $all --trust $FINGERPRINT"
    fi
}

# The node the monitor wants primary and that reports it is (a dead primary keeps its last report).
primaryPort() {
    sql "$PORT_MONITOR" pg_auto_failover \
        "select nodeport from pgautofailover.node
          where goalstate in ('primary', 'wait_primary', 'single') and reportedstate = goalstate
          order by nodeid limit 1"
}

cmdStatus() {
    loadEnv
    local primary
    soukdStatus
    echo "Nodes (pg_autoctl show state):"
    asPg pg_autoctl show state --pgdata "$DIR/monitor" || die "the monitor does not answer (port $PORT_MONITOR)"
    echo
    primary=$(primaryPort) || true
    if [ -z "$primary" ]; then
        echo "Replication: no primary right now"
    else
        echo "Replication from the primary on port $primary (pg_stat_replication):"
        asPg psql -X -q -h "$DIR/sock" -p "$primary" -d postgres -c "
            select application_name as standby, state, sync_state,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) as lag_bytes,
                   coalesce(replay_lag, interval '0') as replay_lag
              from pg_stat_replication order by 1" || echo "(the primary on port $primary does not answer)"
    fi
    echo "database URL: $URL"
    echo "monitor URL: $MONITOR_URL"
}

# Whether database node NAME's keeper runs (a pid file of its names a live pg_autoctl).
keeperRuns() {
    local f
    while IFS= read -r f; do
        if ours "$(head -n 1 "$f" 2>/dev/null || true)"; then return 0; fi
    done < <(find "$DIR/run" -path "*/$1/pg_autoctl.pid" 2>/dev/null)
    return 1
}

cmdRejoin() {
    local name=$1
    loadEnv
    [ -d "$DIR/$name" ] || die "no database node $name in $DIR"
    if keeperRuns "$name"; then die "database node $name runs; rejoin starts one that died or stopped"; fi
    startAutoctl "$name" run --pgdata "$DIR/$name"
    # the monitor takes it back as the standby, rewinding it past the other node's promotion
    waitFor 180 "database node $name did not rejoin as the standby" stateIs "$name:secondary/secondary"
    echo "database node $name is the standby again"
}

cmdDown() {
    if [ ! -d "$DIR" ]; then
        echo "no cluster in $DIR"
        return 0
    fi
    local n left deadline
    stopSoukdNodes
    for n in "${NODES[@]}"; do
        if [ -d "$DIR/$n" ]; then asPg pg_autoctl stop --pgdata "$DIR/$n" >/dev/null 2>&1 || true; fi
    done
    deadline=$((SECONDS + 20))
    while [ -n "$(alivePids)" ] && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    left=$(alivePids)
    if [ -n "$left" ]; then
        echo "cluster.sh: killing what did not stop: ${left//$'\n'/ }" >&2
        local pids
        mapfile -t pids <<<"$left"
        kill -KILL "${pids[@]}" 2>/dev/null || true
        deadline=$((SECONDS + 10))
        while [ -n "$(alivePids)" ] && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    fi
    left=$(alivePids)
    [ -z "$left" ] || die "still running after SIGKILL: ${left//$'\n'/ }"
    if [ "${KEEP:-0}" = 1 ]; then
        rm -f "$DIR/cluster.env"
        echo "stopped; state kept in $DIR (KEEP=1)"
    else
        rm -rf "$DIR"
        echo "stopped; $DIR removed"
    fi
}

case "${1:-}" in
up)
    [ $# -le 2 ] || usage
    cmdUp "${2:-}"
    ;;
status)
    [ $# -eq 1 ] || usage
    cmdStatus
    ;;
rejoin)
    [ $# -eq 2 ] && [[ $2 == a || $2 == b ]] || usage
    cmdRejoin "$2"
    ;;
down)
    [ $# -eq 1 ] || usage
    cmdDown
    ;;
*) usage ;;
esac
