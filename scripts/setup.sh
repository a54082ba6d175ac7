#!/usr/bin/env bash
# One-stop set-up for a fresh Debian 12 machine:
#   bash scripts/setup.sh run    install what is missing, build (Release), run the app on the
#                                built-in feed simulator
#   bash scripts/setup.sh test   install what is missing, build, run the whole test suite
# Extra arguments after `run` go to reorder-monitor.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
build="${BUILD_DIR:-$root/build}"

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libhiredis-dev redis-server redis-tools
    xvfb xauth
    clang libclang-rt-14-dev
    openssl
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "setup: installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

build_release() {
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
    cmake --build "$build" --parallel "$(nproc)"
}

command="${1:-}"
shift || true
case "$command" in
run)
    install_missing
    build_release
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$build/app/reorder-monitor-gui" ]; then
        exec "$build/app/reorder-monitor-gui" "$@"
    fi
    exec "$build/app/reorder-monitor" --headless "$@"
    ;;
test)
    install_missing
    build_release
    cd "$build"
    ctest --output-on-failure --parallel "$(nproc)" "$@"
    ;;
*)
    echo "usage: bash scripts/setup.sh run|test" >&2
    exit 2
    ;;
esac
