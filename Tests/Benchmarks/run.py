#!/usr/bin/env python3
"""DynamoTrail beside nginx and moto_server, in one run: the figures of issue "Speed and memory".

    python3 Tests/Benchmarks/run.py             # full run (about 15 minutes on 2 cores)
    python3 Tests/Benchmarks/run.py --quick     # one short round of everything (about 3 minutes)
    python3 Tests/Benchmarks/run.py --long-run  # also 1,000,000 recorded calls, then peak RSS (+6-10 minutes)

Builds the release binary (unless --binary), then measures, interleaving the servers cell by cell so the
shared machine's noise falls on all of them alike, and reports medians of the rounds:
- DescribeTable (SigV4 headers shaped as the SDKs send them; recording on, default settings) at 1, 16 and 128
  connections, wrk -t2: requests/s, p50, p99 and the server's CPU µs per request (utime+stime from /proc,
  summed over the server's processes). nginx serves a static file of the same size as DynamoTrail's answer
  to the same signed POST; moto_server answers the same DescribeTable.
- PutItem (a fresh key per request), GetItem and UpdateItem beside DescribeTable at 16 connections, recording on
  with data events selected as the shipped config.json selects them, beside moto_server: req/s, p99, CPU µs per
  request, and each item call's CPU cost over DescribeTable's.
- the data plane (data_plane.py): bytes per stored item at 1,000 and 100,000 items (1,000,000 with --items-million),
  Query (10 items) and GetItem against those tables, BatchWriteItem of 25 items, beside moto_server (smaller tables);
  an operation the build does not serve yet is skipped with a note.
- startup to first answer, idle RSS, peak RSS (VmHWM) after the load; bytes per table over 2,500 tables
  (measured with the event history already at its byte bound, so only table state is counted);
  DescribeTable and ListTables (Limit 10) at 10 and at 5,000 tables (the table quota is raised).
Writes Markdown to stdout and to --markdown, JSON to --json (defaults under .build/benchmarks/).
Figures only: it asserts nothing and is not part of Tests/run. Needs wrk and nginx (apt-get install wrk
nginx-light) and moto_server (pip install "moto[server]"); a missing peer is skipped and said so.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data_plane  # noqa: E402
import harness  # noqa: E402
from harness import DESCRIBE, TABLE, Client  # noqa: E402


def millis(text):
    value, unit = float(re.match(r"[\d.]+", text).group(0)), re.sub(r"[\d.]+", "", text)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(port, target, body, connections, seconds):
    """wrk -t2 with the signed POST; returns requests, req/s, p50 ms, p99 ms, non-2xx count."""
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    text = json.dumps(body)
    script.write('wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/x-amz-json-1.0"\n'
                 'wrk.headers["X-Amz-Target"] = "%s"\nwrk.headers["X-Amz-Date"] = "%s"\n'
                 'wrk.headers["Authorization"] = "%s"\n'
                 % (json.dumps(text), target, harness.AMZ_DATE, harness.AUTHORIZATION))
    if harness.KEY_PLACEHOLDER in text:
        script.write(FRESH_KEYS)
    script.close()
    out = subprocess.run(["wrk", "-t%d" % min(2, connections), "-c%d" % connections, "-d%ds" % seconds, "--latency",
                          "-s", script.name, "http://127.0.0.1:%d/" % port], capture_output=True, text=True).stdout
    os.unlink(script.name)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"requests": requests, "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50_ms": millis(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
            "p99_ms": millis(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
            "non2xx": int(non2xx.group(1)) if non2xx else 0}


# A fresh key per request: "t<thread>-<count>" in place of the placeholder. The Authorization header stays the
# same: lenient authentication checks that a signature is well formed, not what it signs (README, "Authentication").
FRESH_KEYS = """
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("prefix", "t" .. threads .. "-")
end
count = 0
request = function()
  count = count + 1
  return wrk.format(nil, nil, nil, (wrk.body:gsub("%s", prefix .. count)))
end
""" % harness.KEY_PLACEHOLDER


def load(server, target, body, connections, seconds):
    """wrk against a running server, with the CPU its processes spent per request."""
    pids = server.pids()
    before = harness.cpu_seconds(pids)
    figures = wrk(server.port, target, body, connections, seconds)
    # nginx's master answers on its port before its workers exist: count processes that appeared since (from 0).
    spent = harness.cpu_seconds(set(pids) | set(server.pids())) - before
    figures["cpu_us_per_request"] = spent * 1e6 / max(figures["requests"], 1)
    return figures


def median_cell(runs):
    cell = {key: statistics.median(run[key] for run in runs) for key in ("rps", "p50_ms", "p99_ms", "cpu_us_per_request")}
    cell["non2xx"] = sum(run["non2xx"] for run in runs)
    cell["runs"] = runs
    return cell


class Bench:
    def __init__(self, options):
        self.o = options
        self.results = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                        "machine": machine(), "load_average_start": os.getloadavg()[0], "mode": "quick" if options.quick else "full"}
        self.describe_body = None

    def start(self, name):
        if name == "DynamoTrail":
            server = harness.start_dynamotrail(self.o.binary)
            client = Client(server.port)
            client.call("DynamoDB_20120810.CreateTable", TABLE)
            self.describe_body = self.describe_body or client.call(*DESCRIBE)[1]
            client.close()
            return server
        if name == "nginx":
            return harness.start_nginx(self.o.nginx, self.describe_body)
        server = harness.start_moto(self.o.moto)
        client = Client(server.port)
        client.call("DynamoDB_20120810.CreateTable", TABLE)
        client.close()
        return server

    def servers(self):
        return ["DynamoTrail"] + (["nginx"] if self.o.nginx else []) + (["moto_server"] if self.o.moto else [])

    def throughput(self):
        """Every server at every connection count, rounds interleaved; DynamoTrail's peak RSS after its loads."""
        seconds, rounds = (3, 1) if self.o.quick else (self.o.seconds, self.o.rounds)
        cells, peak_kb = {}, 0
        for connections in (1, 16, 128):
            runs = {name: [] for name in self.servers()}
            for _ in range(rounds):
                for name in self.servers():
                    server = self.start(name)
                    try:
                        runs[name].append(load(server, *DESCRIBE, connections, seconds))
                        if name == "DynamoTrail":
                            peak_kb = max(peak_kb, harness.status_kb(server.process.pid, "VmHWM"))
                    finally:
                        server.stop()
            for name, server_runs in runs.items():
                cells.setdefault(name, {})[str(connections)] = median_cell(server_runs)
            print("  %d connections done" % connections, file=sys.stderr)
        self.results["describe_table"] = cells
        self.results["dynamotrail_peak_rss_after_load_kb"] = peak_kb

    def items(self):
        """DescribeTable beside PutItem (fresh keys), GetItem and UpdateItem at 16 connections, recording on with
        data events selected as the shipped config.json selects them, beside moto_server; rounds interleaved."""
        seconds, rounds = (3, 1) if self.o.quick else (self.o.seconds, self.o.rounds)
        names = ["DynamoTrail"] + (["moto_server"] if self.o.moto else [])
        runs = {name: {operation: [] for operation in ITEM_WORKLOADS} for name in names}
        for _ in range(rounds):
            for name in names:
                for operation, (target, body) in ITEM_WORKLOADS.items():
                    # A fresh server per cell: PutItem's growing table does not weigh on the cells after it.
                    server = self.start_for_items(name)
                    try:
                        runs[name][operation].append(load(server, target, body, 16, seconds))
                    finally:
                        server.stop()
        self.results["items"] = {name: {operation: median_cell(cell) for operation, cell in by_operation.items()}
                                 for name, by_operation in runs.items()}
        print("  item workloads done", file=sys.stderr)

    def start_for_items(self, name):
        if name == "DynamoTrail":
            server = harness.start_dynamotrail(self.o.binary, {"trail": {"eventSelectors": shipped_event_selectors()}})
        else:
            server = harness.start_moto(self.o.moto)
        client = Client(server.port)
        try:
            for target, body in (("DynamoDB_20120810.CreateTable", TABLE),
                                 ("DynamoDB_20120810.PutItem", {"TableName": "bench", "Item": dict(harness.ITEM, **harness.SEEDED_KEY)})):
                status, answer = client.call(target, body)
                if status != 200:
                    raise RuntimeError("%s on %s: %d %s" % (target, name, status, answer[:200]))
        finally:
            client.close()
        return server

    def startup_and_idle(self):
        """Start to first answered GET (medians), and RSS 0.5 s after start."""
        samples = 3 if self.o.quick else 11
        launchers = {"DynamoTrail": (lambda: harness.launch_dynamotrail(self.o.binary), "/_dynamotrail/health")}
        if self.o.nginx:
            launchers["nginx"] = (lambda: harness.launch_nginx(self.o.nginx, self.describe_body or b"{}"), "/")
        if self.o.moto:
            launchers["moto_server"] = (lambda: harness.launch_moto(self.o.moto), "/")
        startup, idle = {}, {}
        for name, (launch, path) in launchers.items():
            count = 1 if name == "moto_server" else samples
            startup[name] = statistics.median(harness.first_answer_ms(launch, path) for _ in range(count))
        for name in self.servers():
            server = self.start(name)
            time.sleep(0.5)
            idle[name] = harness.rss_kb(server.pids())
            server.stop()
        self.results["startup_ms"] = startup
        self.results["idle_rss_kb"] = idle

    def tables(self):
        """Bytes per table over 2,500 tables, and DescribeTable/ListTables at 10 and at 5,000 tables."""
        seconds = 3 if self.o.quick else self.o.seconds
        config = {"dynamodb": {"quotas": {"tablesPerRegion": 10000}}}
        server = harness.start_dynamotrail(self.o.binary, config)
        client = Client(server.port)
        try:
            create_tables(client, 0, 10)
            # The event history fills to its byte bound first, so the table state alone is counted below.
            wrk(server.port, *DESCRIBE_T5, 4, 3 if self.o.quick else 5)
            scaling = {"10": {"DescribeTable": load(server, *DESCRIBE_T5, 16, seconds),
                              "ListTables": load(server, *LIST_10, 16, seconds)}}
            time.sleep(1)
            before = harness.rss_kb(server.pids())
            create_tables(client, 10, 2510)
            time.sleep(1)
            self.results["dynamotrail_bytes_per_table"] = (harness.rss_kb(server.pids()) - before) * 1024 / 2500
            create_tables(client, 2510, 5000)
            scaling["5000"] = {"DescribeTable": load(server, *DESCRIBE_T5, 16, seconds),
                               "ListTables": load(server, *LIST_10, 16, seconds)}
            self.results["table_scaling"] = scaling
        finally:
            client.close()
            server.stop()
        if self.o.moto:
            server = self.start("moto_server")
            client = Client(server.port)
            try:
                time.sleep(0.5)
                before = harness.rss_kb(server.pids())
                create_tables(client, 0, 2500)
                time.sleep(0.5)
                self.results["moto_bytes_per_table"] = (harness.rss_kb(server.pids()) - before) * 1024 / 2500
            finally:
                client.close()
                server.stop()

    def long_run(self, calls):
        """`calls` recorded DescribeTable calls at 16 connections, then DynamoTrail's peak and final RSS."""
        server = self.start("DynamoTrail")
        started, done = time.monotonic(), 0
        try:
            while done < calls:
                done += wrk(server.port, *DESCRIBE, 16, 30)["requests"]
                print("  long run: %d calls" % done, file=sys.stderr)
            pid = server.process.pid
            self.results["long_run"] = {"calls": done, "seconds": time.monotonic() - started,
                                        "peak_rss_kb": harness.status_kb(pid, "VmHWM"), "final_rss_kb": harness.status_kb(pid, "VmRSS")}
        finally:
            server.stop()


ITEM_WORKLOADS = {"DescribeTable": DESCRIBE, "PutItem": harness.PUT_ITEM, "GetItem": harness.GET_ITEM,
                  "UpdateItem": harness.UPDATE_ITEM}


def shipped_event_selectors():
    """The repository's config.json selectors (management events and data events of every table)."""
    with open(os.path.join(harness.ROOT, "config.json")) as f:
        return json.load(f)["trail"]["eventSelectors"]


DESCRIBE_T5 = ("DynamoDB_20120810.DescribeTable", {"TableName": "t0005"})
LIST_10 = ("DynamoDB_20120810.ListTables", {"Limit": 10})


def create_tables(client, first, end):
    for index in range(first, end):
        status, body = client.call("DynamoDB_20120810.CreateTable", dict(TABLE, TableName="t%04d" % index))
        if status != 200:
            raise RuntimeError("CreateTable t%04d: %d %s" % (index, status, body[:200]))


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = re.search(r"model name\s*:\s*(.*)", f.read()).group(1)
    except (OSError, AttributeError):
        pass
    return "%s, %d cores, %s" % (model or platform.processor(), os.cpu_count(), platform.platform())


def ratio(a, b):
    return a / b if a is not None and b else None


def text(value, digits=0, suffix=""):
    return "–" if value is None else ("{:,.%df}" % digits).format(value) + suffix


def report(r):
    """The Markdown: throughput table with ratios, then memory/startup/tables, then the issue's checks."""
    lines = ["DynamoTrail beside nginx and moto_server — %s; %s; %s run, load average %.1f at start, %.1f at end"
             % (r["date"], r["machine"], r["mode"], r["load_average_start"], r.get("load_average_end", 0)), "",
             "DescribeTable, recording on with the defaults; wrk -t2; medians of %s rounds" % r.get("rounds", 1), "",
             "| connections | figure | DynamoTrail | nginx | moto_server | DynamoTrail / nginx | DynamoTrail / moto |",
             "|---:|---|---:|---:|---:|---:|---:|"]
    cells = r.get("describe_table", {})
    for connections in ("1", "16", "128"):
        for key, label, digits in (("rps", "req/s", 0), ("p50_ms", "p50 ms", 2), ("p99_ms", "p99 ms", 2),
                                   ("cpu_us_per_request", "CPU µs/request", 0)):
            values = {name: cells.get(name, {}).get(connections, {}).get(key) for name in ("DynamoTrail", "nginx", "moto_server")}
            lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (
                connections, label, text(values["DynamoTrail"], digits), text(values["nginx"], digits),
                text(values["moto_server"], digits), text(ratio(values["DynamoTrail"], values["nginx"]), 2, "×"),
                text(ratio(values["DynamoTrail"], values["moto_server"]), 1, "×")))
    if not cells:  # the parts not run (--only) leave no empty tables
        lines = lines[:2]
    lines += item_report(r.get("items"))
    lines += data_plane.report(r.get("data_plane"))
    startup, idle = r.get("startup_ms", {}), r.get("idle_rss_kb", {})
    if startup or idle or r.get("dynamotrail_bytes_per_table") or r.get("dynamotrail_peak_rss_after_load_kb") or r.get("long_run"):
        lines += ["", "| figure | DynamoTrail | nginx | moto_server |", "|---|---:|---:|---:|",
                "| startup to first answer, ms | %s | %s | %s |" % tuple(text(startup.get(n), 1) for n in ("DynamoTrail", "nginx", "moto_server")),
                "| idle RSS, MB | %s | %s | %s |" % tuple(text(idle[n] / 1024 if n in idle else None, 1) for n in ("DynamoTrail", "nginx", "moto_server")),
                "| bytes per table (2,500 tables) | %s | | %s |" % (text(r.get("dynamotrail_bytes_per_table")), text(r.get("moto_bytes_per_table"))),
                "| peak RSS after the loads above, MB | %s | | |" % text(r["dynamotrail_peak_rss_after_load_kb"] / 1024 if r.get("dynamotrail_peak_rss_after_load_kb") else None, 1)]
    long_run = r.get("long_run")
    if long_run:
        lines.append("| peak RSS after %s recorded calls (%.0f s), MB | %s | | |" % (
            "{:,}".format(long_run["calls"]), long_run["seconds"], text(long_run["peak_rss_kb"] / 1024, 1)))
    scaling = r.get("table_scaling")
    if scaling:
        lines += ["", "| 16 connections | req/s at 10 tables | at 5,000 tables | ratio | CPU µs/request at 10 | at 5,000 |",
                  "|---|---:|---:|---:|---:|---:|"]
        for operation in ("DescribeTable", "ListTables"):
            small, large = scaling["10"][operation], scaling["5000"][operation]
            lines.append("| %s | %s | %s | %s | %s | %s |" % (
                operation + (" (Limit 10)" if operation == "ListTables" else ""), text(small["rps"]), text(large["rps"]),
                text(ratio(large["rps"], small["rps"]), 2, "×"), text(small["cpu_us_per_request"]), text(large["cpu_us_per_request"])))
    found = checks(r)
    if found:
        lines += ["", "Checks (issues \"Speed and memory\" and \"Query, Scan…\", Must show):", ""] + [
            "- %s %s" % ("✓" if ok else "✗", what) for what, ok in found]
    return "\n".join(lines) + "\n"


def item_report(items):
    """The item workloads' table: DynamoTrail's figures, each CPU cost beside DescribeTable's, moto_server's."""
    if not items:
        return []
    ours, moto = items.get("DynamoTrail", {}), items.get("moto_server", {})
    describe_cpu = ours.get("DescribeTable", {}).get("cpu_us_per_request")
    lines = ["", "Items: 16 connections, recording on with data events selected (the shipped config.json); "
             "PutItem with a fresh key per request, GetItem and UpdateItem (SET and ADD) on one item", "",
             "| operation | DynamoTrail req/s | p99 ms | CPU µs/request | CPU / DescribeTable's | moto_server req/s "
             "| moto CPU µs/request | DynamoTrail / moto req/s |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for operation in ITEM_WORKLOADS:
        cell, peer = ours.get(operation, {}), moto.get(operation, {})
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            operation, text(cell.get("rps")), text(cell.get("p99_ms"), 2), text(cell.get("cpu_us_per_request")),
            text(ratio(cell.get("cpu_us_per_request"), describe_cpu), 2, "×"), text(peer.get("rps")),
            text(peer.get("cpu_us_per_request")), text(ratio(cell.get("rps"), peer.get("rps")), 1, "×")))
    failed = {name: [op for op, cell in cells.items() if cell["non2xx"]] for name, cells in items.items()}
    lines += ["", "Non-2xx answers in: %s" % ", ".join("%s %s" % (n, "/".join(ops)) for n, ops in failed.items() if ops)
              ] if any(failed.values()) else []
    return lines


def checks(r):
    """(what, met) for each Must-show figure that was measured."""
    found = []
    cells = r.get("describe_table", {})
    ours, nginx, moto = (cells.get(n, {}) for n in ("DynamoTrail", "nginx", "moto_server"))
    if "16" in ours and "16" in nginx:
        found += [("16 connections: req/s ≥ 0.5× nginx", ours["16"]["rps"] >= 0.5 * nginx["16"]["rps"]),
                  ("16 connections: p99 ≤ 2× nginx", ours["16"]["p99_ms"] <= 2 * nginx["16"]["p99_ms"]),
                  ("16 connections: CPU per request ≤ 3× nginx", ours["16"]["cpu_us_per_request"] <= 3 * nginx["16"]["cpu_us_per_request"])]
    if "16" in ours and "16" in moto:
        found.append(("16 connections: req/s ≥ 50× moto_server", ours["16"]["rps"] >= 50 * moto["16"]["rps"]))
    if "1" in ours and "1" in nginx:
        found.append(("1 connection: p50 ≤ 2× nginx", ours["1"]["p50_ms"] <= 2 * nginx["1"]["p50_ms"]))
    startup, idle = r.get("startup_ms", {}), r.get("idle_rss_kb", {})
    if "DynamoTrail" in startup and "nginx" in startup:
        found.append(("startup ≤ 1.5× nginx", startup["DynamoTrail"] <= 1.5 * startup["nginx"]))
    if "DynamoTrail" in idle:
        found.append(("idle RSS < 15 MB", idle["DynamoTrail"] < 15 * 1024))
    if r.get("long_run"):
        found.append(("peak RSS < 40 MB after %s calls" % "{:,}".format(r["long_run"]["calls"]), r["long_run"]["peak_rss_kb"] < 40 * 1024))
    if r.get("dynamotrail_bytes_per_table") is not None:
        found.append(("< 3 KB per table over 2,500 tables", r["dynamotrail_bytes_per_table"] < 3 * 1024))
    items = r.get("items", {}).get("DynamoTrail", {})
    if "PutItem" in items and "DescribeTable" in items:
        put, describe = items["PutItem"]["cpu_us_per_request"], items["DescribeTable"]["cpu_us_per_request"]
        found.append(("PutItem with data events costs about what DescribeTable costs: CPU per request %.2f× (≤ 1.25×)"
                      % (put / describe), put <= 1.25 * describe))
    found += data_plane.checks(r.get("data_plane"))
    scaling = r.get("table_scaling")
    if scaling:
        for operation in ("DescribeTable", "ListTables"):
            ratio_value = scaling["5000"][operation]["rps"] / scaling["10"][operation]["rps"]
            found.append(("%s at 5,000 tables within 15%% of 10 tables (%.2f×)" % (operation, ratio_value), ratio_value >= 0.85))
    return found


def find_peer(name, venv_binary):
    found = shutil.which(name)
    if found:
        return found
    return venv_binary if venv_binary and os.path.exists(venv_binary) else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one round, 3-second cells")
    parser.add_argument("--long-run", nargs="?", type=int, const=1_000_000, default=0, metavar="CALLS",
                        help="also record CALLS calls (default 1,000,000) and report the peak RSS")
    parser.add_argument("--items-million", action="store_true",
                        help="the data-plane part fills 1,000,000 items instead of 100,000 (adds a few minutes)")
    parser.add_argument("--binary", help="a built dynamotrail (default: swift build -c release)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per cell in a full run (default 3)")
    parser.add_argument("--seconds", type=int, default=8, help="seconds per cell in a full run (default 8)")
    parser.add_argument("--json", default=os.path.join(harness.ROOT, ".build", "benchmarks", "results.json"))
    parser.add_argument("--markdown", default=os.path.join(harness.ROOT, ".build", "benchmarks", "results.md"))
    parser.add_argument("--only", choices=["throughput", "items", "data", "startup", "tables", "none"], action="append",
                        help="run only these parts (repeatable; \"none\" with --long-run runs the long run alone)")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("needs wrk (apt-get install wrk)")
    if not options.binary:
        subprocess.run(["swift", "build", "-c", "release"], cwd=harness.ROOT, check=True)
        bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=harness.ROOT, check=True,
                                  capture_output=True, text=True).stdout.strip()
        options.binary = os.path.join(bin_path, "dynamotrail")
    options.nginx = find_peer("nginx", "/usr/sbin/nginx")
    options.moto = find_peer("moto_server", os.path.join(harness.ROOT, ".build", "bench-venv", "bin", "moto_server"))
    for name, path in (("nginx", options.nginx), ("moto_server", options.moto)):
        if not path:
            print("(%s not found: measured without it)" % name, file=sys.stderr)
    bench = Bench(options)
    bench.results["rounds"] = 1 if options.quick else options.rounds
    parts = options.only or ["throughput", "items", "data", "startup", "tables"]
    if "throughput" in parts:
        bench.throughput()
    if "items" in parts:
        bench.items()
    if "data" in parts:
        data_plane.run(bench, load)
    if "startup" in parts:
        bench.startup_and_idle()
    if "tables" in parts:
        bench.tables()
    if options.long_run:
        bench.long_run(options.long_run)
    bench.results["load_average_end"] = os.getloadavg()[0]
    markdown = report(bench.results)
    for path, content in ((options.json, json.dumps(bench.results, indent=1)), (options.markdown, markdown)):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(content)
    print(markdown)
    print("JSON: %s\nMarkdown: %s" % (options.json, options.markdown))


if __name__ == "__main__":
    main()
