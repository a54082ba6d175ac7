#!/usr/bin/env bash
# Throughput through Redis, end to end, with the built executables and a redis-server of its own
# on a free loopback port (stopped by its PID):
#   publisher (redis-cli --pipe) -> Redis -> reorder-bridge -> reorder-monitor -> sink
#   publisher (redis-cli --pipe) -> Redis -> reorder-monitor (direct subscription) -> sink
#   XADD (redis-cli --pipe) -> Redis stream -> reorder-bridge -> reorder-monitor -> sink
# The payloads are out of order (each block of 50 ids reversed). The time is taken from the
# first PUBLISH to the monitor's exit after its --count messages.
#   bash bench/redis-throughput.sh [COUNT] [BUILD_DIR]
set -euo pipefail

count="${1:-1000000}"
build="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build}"
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# RESP commands for redis-cli --pipe: COMMAND KEY [field] payload, ids reversed in blocks of 50.
commands() { # $1 = PUBLISH CHANNEL | XADD KEY
    awk -v n="$count" -v cmd="$1" -v key="$2" 'BEGIN {
        for (b = 0; b < n; b += 50) {
            top = b + 49; if (top >= n) top = n - 1
            for (id = top; id >= b; id--) {
                p = "{\"id\":" id ",\"text\":" (id * 7) % 1000 "}"
                if (cmd == "XADD")
                    printf "*5\r\n$4\r\nXADD\r\n$%d\r\n%s\r\n$1\r\n*\r\n$4\r\ndata\r\n$%d\r\n%s\r\n", length(key), key, length(p), p
                else
                    printf "*3\r\n$7\r\nPUBLISH\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(key), key, length(p), p
            }
        }
    }'
}

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$work" --daemonize no > "$work/redis.log" 2>&1 &
pids+=($!)
until redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG; do sleep 0.05; done
# The bench publishes faster than any subscriber reads: let Redis hold the backlog instead of
# disconnecting the subscriber (the default pubsub limit is 32 MiB).
redis-cli -p "$redis_port" config set client-output-buffer-limit "pubsub 0 0 0" > /dev/null

sink_port=$(free_port)
"$build/app/reorder-feed-server" --port "$sink_port" > "$work/sink.log" 2>&1 &
pids+=($!)
sleep 0.3

commands PUBLISH bench > "$work/publish.resp"
commands XADD benchstream > "$work/xadd.resp"

now_ms() { date +%s%3N; }

run() { # $1 = label, $2 = the command that feeds Redis, rest = monitor source arguments
    local label=$1 feed=$2
    shift 2
    "$build/app/reorder-monitor" --headless --quiet --count "$count" \
        --send-url "ws://127.0.0.1:$sink_port/ordered-messages/$label" \
        --report "$work/$label.json" "$@" &
    local monitor=$!
    sleep 0.5
    local start
    start=$(now_ms)
    eval "$feed" > /dev/null
    local fed
    fed=$(now_ms)
    wait "$monitor"
    local done
    done=$(now_ms)
    python3 - "$work/$label.json" "$label" "$count" "$((fed - start))" "$((done - start))" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
label, n, fed, total = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(f"{label:34s} {n} messages: published in {fed} ms, ordered at the sink after {total} ms"
      f" = {n / (total / 1000):,.0f} msg/s; sent {r['sent']}, ordered {r['ordered']},"
      f" missing {r['missing_ids']}, confirmed {r['confirmed']}")
EOF
}

bridge_port=$(free_port)
"$build/app/reorder-bridge" --redis "redis://127.0.0.1:$redis_port" --channel bench \
    --listen "127.0.0.1:$bridge_port" --report-interval 1 > "$work/bridge.log" 2>&1 &
bridge=$!
pids+=($bridge)
sleep 0.3
run bridge-channel "redis-cli -p $redis_port --pipe < $work/publish.resp" \
    --ws-url "ws://127.0.0.1:$bridge_port/raw-messages"
kill "$bridge"; wait "$bridge" || true

run direct-channel "redis-cli -p $redis_port --pipe < $work/publish.resp" \
    --redis-url "redis://127.0.0.1:$redis_port" --channel bench

stream_port=$(free_port)
"$build/app/reorder-bridge" --redis "redis://127.0.0.1:$redis_port" --stream benchstream \
    --listen "127.0.0.1:$stream_port" --report-interval 1 > "$work/stream-bridge.log" 2>&1 &
stream_bridge=$!
pids+=($stream_bridge)
sleep 0.3
run bridge-stream "redis-cli -p $redis_port --pipe < $work/xadd.resp" \
    --ws-url "ws://127.0.0.1:$stream_port/raw-messages"
kill "$stream_bridge"; wait "$stream_bridge" || true

run direct-stream "true" --redis-url "redis://127.0.0.1:$redis_port" --stream benchstream \
    --stream-from 0

echo "bridge log (channel):"
grep -E "messages/s" "$work/bridge.log" | tail -n 3
