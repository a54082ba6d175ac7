#!/usr/bin/env bash
# One-stop set-up for a fresh Debian 12 machine:
#   bash scripts/setup.sh run    install what is missing, build (Release), run the app on the
#                                built-in feed simulator
#   bash scripts/setup.sh test   install what is missing, build, run the whole test suite; then
#                                the same suite built with ASan + UBSan; then each libFuzzer
#                                target for FUZZ_SECONDS (default 60) on the seed corpus
#   bash scripts/setup.sh fuzz [SECONDS]   only build and run the fuzzers (default 60 s each)
# Extra arguments after `run` go to reorder-monitor; after `test`, to ctest.
# SANITIZE=0 or FUZZ_SECONDS=0 skip those stages (for a quick local loop; CI runs them all).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
build="${BUILD_DIR:-$root/build}"
build_asan="${ASAN_BUILD_DIR:-$root/build-asan}"
build_fuzz="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
jobs="$(nproc)"

# Each stage says when it starts, in seconds since the start: CI has 20 minutes on 2 cores.
say() {
    echo "setup: [${SECONDS} s] $*"
}

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libhiredis-dev redis-server redis-tools
    zlib1g-dev libdeflate-dev libqt6sql6-sqlite
    libqt6svg6 xvfb xauth
    clang libclang-rt-14-dev
    openssl
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

build_release() {
    say "release build in $build"
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
    cmake --build "$build" --parallel "$jobs"
}

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (any report fails it).
# -O1 keeps the build and the runs short; Debug keeps Qt's own assertions on.
test_sanitized() {
    say "sanitizer build (ASan + UBSan) in $build_asan"
    cmake -S "$root" -B "$build_asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DREORDER_SANITIZE=ON -DREORDER_BUILD_BENCH=OFF
    cmake --build "$build_asan" --parallel "$jobs"
    say "sanitizer tests"
    (
        cd "$build_asan"
        ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:check_initialization_order=1" \
            UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
            ctest --output-on-failure --parallel "$jobs" "$@"
    )
}

# Each libFuzzer target for a bounded time on a working copy of the checked-in seed corpus;
# crashes land in $build_fuzz/artifacts and fail the run.
run_fuzzers() {
    local seconds="$1"
    say "fuzz build (clang, libFuzzer + ASan + UBSan) in $build_fuzz"
    CC=clang CXX=clang++ cmake -S "$root" -B "$build_fuzz" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREORDER_FUZZ=ON
    # Only what the fuzzers link (gcc's -Woverloaded-virtual keeps clang's warning over the rest).
    cmake --build "$build_fuzz" --parallel "$jobs" --target fuzz_messagecodec fuzz_reorderbuffer
    mkdir -p "$build_fuzz/artifacts"
    local target dict
    for target in messagecodec reorderbuffer; do
        mkdir -p "$build_fuzz/work/$target"
        dict=()
        [ -f "$root/tests/fuzz/$target.dict" ] && dict=("-dict=$root/tests/fuzz/$target.dict")
        say "fuzz_$target for ${seconds} s"
        local log="$build_fuzz/fuzz_$target.log" status=0
        "$build_fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -print_final_stats=1 \
            -timeout=10 -rss_limit_mb=2048 "${dict[@]}" \
            -artifact_prefix="$build_fuzz/artifacts/$target-" \
            "$build_fuzz/work/$target" "$root/tests/fuzz/corpus/$target" >"$log" 2>&1 || status=$?
        grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|#[0-9]+\s+DONE)' \
            "$log" || true
        if [ "$status" -ne 0 ]; then
            tail -n 60 "$log" >&2
            echo "setup: fuzz_$target found a problem (exit $status); see $log and" \
                "$build_fuzz/artifacts" >&2
            return 1
        fi
    done
}

command="${1:-}"
shift || true
case "$command" in
run)
    install_missing
    build_release
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        exec "$build/app/reorder-monitor" "$@" # the window, on the built-in simulator
    fi
    echo "setup: no display; running headless on the built-in simulator"
    exec "$build/app/reorder-monitor" --headless "$@"
    ;;
test)
    install_missing
    build_release
    say "release tests"
    (cd "$build" && ctest --output-on-failure --parallel "$jobs" "$@")
    if [ "${SANITIZE:-1}" != 0 ]; then
        test_sanitized "$@"
    fi
    if [ "${FUZZ_SECONDS:-60}" != 0 ]; then
        run_fuzzers "${FUZZ_SECONDS:-60}"
    fi
    say "all passed"
    ;;
fuzz)
    install_missing
    run_fuzzers "${1:-60}"
    ;;
*)
    echo "usage: bash scripts/setup.sh run|test|fuzz [SECONDS]" >&2
    exit 2
    ;;
esac
