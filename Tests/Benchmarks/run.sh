#!/usr/bin/env bash
# The benchmark harness, one command: see run.py's docstring (or `run.sh --help`).
#   Tests/Benchmarks/run.sh               # full run, DynamoTrail beside nginx and moto_server
#   Tests/Benchmarks/run.sh --quick       # one short round
#   Tests/Benchmarks/run.sh --long-run    # also 1,000,000 recorded calls and the peak RSS
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 Tests/Benchmarks/run.py "$@"
