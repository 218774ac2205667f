"""Two or more DynamoTrail builds side by side in one run: python3 compare.py LABEL=BINARY LABEL=BINARY ...

DescribeTable with the default recording (journal.fsync interval), lenient SigV4 headers, wrk -t2 at 16 and 1 connections,
rounds alternating between the binaries so that the shared machine's noise falls on all of them alike.
Prints medians of the rounds: requests/s, p50, p99 and the server's CPU time per request (from /proc).
Figures only, no assertions. ROUNDS (default 3) and DURATION (seconds per cell, default 8) tune it."""
import os
import shutil
import statistics
import sys

sys.argv = [sys.argv[0], "unused"] + sys.argv[1:]
import bench  # noqa: E402  (reuses its server start-up, wrk driver and request shapes; main() is guarded)

ROUNDS = int(os.environ.get("ROUNDS", "3"))
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def millis(text):
    value, unit = float(text.rstrip("usm")), text.lstrip("0123456789.")
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def measure(binary, connections):
    bench.BIN = binary
    process, port, workdir = bench.start_dynamotrail()
    try:
        bench.post(port, "DynamoDB_20120810.CreateTable", bench.TABLE)
        before = cpu_seconds(process.pid)
        rps, p50, p99, errors = bench.wrk(port, "DynamoDB_20120810.DescribeTable", {"TableName": "bench"}, connections)
        cpu = cpu_seconds(process.pid) - before
        return rps, millis(p50), millis(p99), cpu * 1e6 / max(rps * bench.DURATION, 1), errors
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    builds = [argument.split("=", 1) for argument in sys.argv[2:]]
    print("DescribeTable, recording on (defaults); wrk -t2, %d s per cell, medians of %d alternating rounds\n"
          % (bench.DURATION, ROUNDS))
    print("| build | connections | req/s | p50 ms | p99 ms | CPU µs/request |\n|---|---:|---:|---:|---:|---:|")
    for connections in (16, 1):
        cells = {label: [] for label, _ in builds}
        for _ in range(ROUNDS):
            for label, binary in builds:
                cells[label].append(measure(binary, connections))
        for label, _ in builds:
            runs = cells[label]
            median = [statistics.median(run[i] for run in runs) for i in range(4)]
            errors = sum(run[4] for run in runs)
            print("| %s | %d | %.0f | %.2f | %.2f | %.0f |%s" % (label, connections, *median,
                                                                 "" if errors == 0 else " (%d non-2xx)" % errors))


main()
