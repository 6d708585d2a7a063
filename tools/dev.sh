#!/usr/bin/env bash
# Set up a Debian 12 machine for Souk, build it in Release, then run the console or the tests.
#   tools/dev.sh run [souk options]   install what is missing, build, launch souk on the demo store
#   tools/dev.sh test                 install what is missing, build, run the whole test suite
# Idempotent: packages already present are not touched, and the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
    libqt6sql6-sqlite libqt6sql6-psql libqcustomplot-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    libssl-dev libsqlite3-dev libxkbcommon-dev libargon2-dev libqrencode-dev libxgboost-dev
    libboost1.81-dev prometheus testssl.sh wrk nodejs libpq-dev postgresql-15 postgresql-client-15 postgresql-15-auto-failover pg-auto-failover-cli
    xvfb xauth fonts-wqy-microhei qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus openssl curl
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build build-release -j "$(nproc)"
}

case "${1:-}" in
run)
    shift
    install_missing
    build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "No display found: starting souk in a virtual one (xvfb-run)." >&2
        exec xvfb-run -a -s '-screen 0 1600x1000x24' build-release/app/souk/souk --demo "$@"
    fi
    exec build-release/app/souk/souk --demo "$@"
    ;;
test)
    install_missing
    build
    cd build-release
    # labels: unit, models, gui, api, e2e; benchmarks are built but run on their own (tests/bench)
    exec ctest --output-on-failure --timeout 300 -j 2
    ;;
*)
    echo "usage: tools/dev.sh run [souk options] | tools/dev.sh test" >&2
    exit 2
    ;;
esac
