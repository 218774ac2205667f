#!/usr/bin/env bash
# Benchmarks on a release build: startup, idle memory, and wrk throughput/latency for DescribeTable and
# ListTables, with moto_server side by side when it can be installed. Prints figures; asserts nothing.
#   Tests/Benchmarks/run.sh            # everything
#   DURATION=5 Tests/Benchmarks/run.sh # shorter wrk runs
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; else echo "needs wrk" >&2; exit 1; fi
fi
swift build -c release 2>&1 | tail -1
BIN=$(swift build -c release --show-bin-path)/dynamotrail
# The peer: moto_server from PATH, else installed into a virtualenv under .build/.
VENV=.build/bench-venv
MOTO=$(command -v moto_server || true)
if [ -z "$MOTO" ]; then
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "moto[server]" >/dev/null 2>&1 || echo "moto_server not installable: benchmarking DynamoTrail alone"
    MOTO="$VENV/bin/moto_server"
fi
exec python3 Tests/Benchmarks/bench.py "$BIN" "$MOTO"
