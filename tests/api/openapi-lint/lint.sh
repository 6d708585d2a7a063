#!/usr/bin/env bash
# Lint an OpenAPI 3.1 document with the pinned Redocly CLI and the rules in redocly.yaml.
#
#   lint.sh OPENAPI.json WORKDIR
#
# WORKDIR holds the linter's npm tree (e.g. a folder in the build tree). It is installed
# there with `npm ci` from this folder's package-lock.json on the first run, and reused
# while the lock file is unchanged. Works from any directory; needs only node (>= 20.19)
# and npm. Prints the linter's findings; exits non-zero on any error or warning.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 OPENAPI.json WORKDIR" >&2
    exit 2
fi
doc=$1
workdir=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [[ ! -f $doc ]]; then
    echo "openapi-lint: no such file: $doc" >&2
    exit 2
fi
for tool in node npm; do
    if ! command -v "$tool" >/dev/null; then
        echo "openapi-lint: '$tool' not found (install Node.js >= 20.19 with npm)" >&2
        exit 2
    fi
done
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
    echo "openapi-lint: Node.js >= 20.19 required, found $(node --version)" >&2
    exit 2
fi

# No telemetry, update checks or notices: they would reach out to hosts a closed network lacks.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export REDOCLY_SUPPRESS_NOTIFICATIONS=true
export npm_config_update_notifier=false
export npm_config_fund=false
export npm_config_audit=false

mkdir -p "$workdir"
workdir=$(cd "$workdir" && pwd)
cli=$workdir/node_modules/@redocly/cli/bin/cli.js
stamp=$workdir/.openapi-lint-lock-hash
want=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)

install_tree() {
    if [[ -f $cli && -f $stamp && $(cat "$stamp") == "$want" ]]; then
        return 0
    fi
    echo "openapi-lint: installing the pinned linter into $workdir (npm ci)" >&2
    rm -f "$stamp"
    if [[ $workdir != "$here" ]]; then
        cp "$here/package.json" "$here/package-lock.json" "$workdir/"
    fi
    npm ci --prefix "$workdir" --no-audit --no-fund --prefer-offline >&2
    echo "$want" >"$stamp"
}

# Serialise the install when several tests share one WORKDIR.
if command -v flock >/dev/null; then
    exec {lockfd}>"$workdir/.openapi-lint.lock"
    flock "$lockfd"
    install_tree
    flock -u "$lockfd"
else
    install_tree
fi

lint() {
    node "$cli" lint --config "$here/redocly.yaml" --lint-config=error --max-problems=1000 "$@" "$doc"
}

# Human-readable findings first; then, if the linter passed, the verdict is checked against
# its JSON totals, so that a warning (should a rule ever be set to "warn") fails as an error does.
status=0
lint --format=codeframe || status=$?
if [[ $status -ne 0 ]]; then
    echo "openapi-lint: FAILED: $doc (linter exit status $status)" >&2
    exit 1
fi
report=$(lint --format=json 2>/dev/null) || true
if ! totals=$(printf '%s' "$report" | node -e '
    let s = "";
    process.stdin.on("data", d => s += d).on("end", () => {
        try { const t = JSON.parse(s).totals; console.log(`${t.errors} ${t.warnings}`); }
        catch { process.exit(1); }
    });'); then
    echo "openapi-lint: FAILED: could not read the linter's JSON report for $doc" >&2
    exit 1
fi
read -r errors warnings <<<"$totals"
if [[ $errors -ne 0 || $warnings -ne 0 ]]; then
    echo "openapi-lint: FAILED: $doc: $errors error(s), $warnings warning(s)" >&2
    exit 1
fi
echo "openapi-lint: OK: $doc"
