#!/usr/bin/env bash
# SigV4 verification benchmark: compiles Sources/AWSProtocol with `swiftc -O` together with main.swift
# (no Package.swift target needed; the CCrypto/CZlib module maps come in through -I) and prints
# µs per verified request. Usage: Tests/Benchmarks/sigv4/run.sh [iterations]   (default 100000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/.build/benchmarks"
mkdir -p "$out"
rm -f "$out/sigv4-bench"
swiftc -O -wmo -module-name SigV4Benchmark \
    -I "$root/Sources/CCrypto" -I "$root/Sources/CZlib" -lcrypto -lz \
    "$root"/Sources/AWSProtocol/*.swift "$here/main.swift" -o "$out/sigv4-bench" 2>&1 | grep -v '^$' || true
test -x "$out/sigv4-bench"
"$out/sigv4-bench" "${1:-100000}"
