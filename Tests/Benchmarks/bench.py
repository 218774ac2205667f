"""Older single-server figures (compare.py imports its helpers): python3 bench.py DYNAMOTRAIL_BINARY [MOTO_SERVER]. The harness is run.py."""
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

BIN = sys.argv[1]
MOTO = sys.argv[2] if len(sys.argv) > 2 and os.path.exists(sys.argv[2]) else None
DURATION = int(os.environ.get("DURATION", "10"))
HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# A SigV4-shaped header (lenient mode accepts any signature, but the shape must be complete).
AMZ_DATE = "20260101T000000Z"
AUTHORIZATION = ("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/dynamodb/aws4_request, "
                 "SignedHeaders=host;x-amz-date, Signature=0")


def post(port, target, body):
    request = urllib.request.Request(
        "http://127.0.0.1:%d/" % port, data=json.dumps(body).encode(), method="POST",
        headers={"X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.0", "X-Amz-Date": AMZ_DATE,
                 "Authorization": AUTHORIZATION})
    try:
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return json.loads(error.read() or b"{}")


def start_dynamotrail(extra=(), env=None, config_body=None):
    workdir = tempfile.mkdtemp(prefix="dynamotrail-bench-")
    port = free_port()
    config = os.path.join(workdir, "config.json")
    with open(config, "w") as f:
        json.dump(config_body or {"trail": {"deliveryIntervalSeconds": 5}}, f)
    process = subprocess.Popen([BIN, "serve", "--config", config, "--port", str(port), "--bucket", os.path.join(workdir, "bucket"),
                                "--log-level", "warn", *extra], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=workdir,
                               env=dict(os.environ, **(env or {})))
    process.stdout.readline()
    return process, port, workdir


def start_moto():
    port = free_port()
    process = subprocess.Popen([MOTO, "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port)).close()
            return process, port
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("moto_server did not start")


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


def startup_ms():
    """Process start to first answered health request."""
    samples = []
    for _ in range(15):
        workdir = tempfile.mkdtemp(prefix="dynamotrail-bench-")
        port = free_port()
        started = time.perf_counter()
        process = subprocess.Popen([BIN, "serve", "--port", str(port), "--bucket", os.path.join(workdir, "b"), "--log-level", "warn"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=workdir)
        while True:
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/_dynamotrail/health" % port, timeout=1) as r:
                    r.read()
                break
            except OSError:
                time.sleep(0.001)
        samples.append((time.perf_counter() - started) * 1000)
        process.terminate()
        process.wait()
        shutil.rmtree(workdir, ignore_errors=True)
    return statistics.median(samples)


def wrk(port, target, body, connections=16):
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write('wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/x-amz-json-1.0"\n'
                 'wrk.headers["X-Amz-Target"] = "%s"\n'
                 'wrk.headers["X-Amz-Date"] = "%s"\nwrk.headers["Authorization"] = "%s"\n'
                 % (json.dumps(json.dumps(body)), target, AMZ_DATE, AUTHORIZATION))
    script.close()
    out = subprocess.run(["wrk", "-t%d" % min(2, connections), "-c%d" % connections, "-d%ds" % DURATION, "--latency", "-s", script.name,
                          "http://127.0.0.1:%d/" % port], capture_output=True, text=True).stdout
    os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+\w+)", out).group(1)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, p99, int(non2xx.group(1)) if non2xx else 0


TABLE = {"TableName": "bench", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
         "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}


def row(name, figures):
    rps, p50, p99, errors = figures
    print("| %-44s | %10.0f | %8s | %8s |%s" % (name, rps, p50, p99, "" if errors == 0 else " (%d non-2xx)" % errors))


def main():
    print("machine: %d cores; wrk -t2 -c16 -d%ds; release build %s\n" % (os.cpu_count(), DURATION, BIN))
    print("startup to first answered request (median of 15): %.1f ms" % startup_ms())
    process, port, workdir = start_dynamotrail()
    time.sleep(0.3)
    print("idle RSS after start: %.1f MB" % (rss_kb(process.pid) / 1024))
    post(port, "DynamoDB_20120810.CreateTable", TABLE)
    print("\n| workload | req/s | p50 | p99 |\n|---|---:|---:|---:|")
    row("DynamoTrail DescribeTable", wrk(port, "DynamoDB_20120810.DescribeTable", {"TableName": "bench"}))
    row("DynamoTrail ListTables (1 table)", wrk(port, "DynamoDB_20120810.ListTables", {}))
    for i in range(2500):
        post(port, "DynamoDB_20120810.CreateTable", dict(TABLE, TableName="t%04d" % i))
    row("DynamoTrail ListTables Limit 100 (2,501 tables)", wrk(port, "DynamoDB_20120810.ListTables", {"Limit": 100}))
    row("DynamoTrail DescribeTable (2,501 tables)", wrk(port, "DynamoDB_20120810.DescribeTable", {"TableName": "t1234"}))
    print("RSS after load: %.1f MB" % (rss_kb(process.pid) / 1024))
    process.terminate()
    process.wait()
    shutil.rmtree(workdir, ignore_errors=True)

    # Recording cost: the same DescribeTable load with every call journaled (fsync batch) and delivered, and
    # with a WriteOnly trail (DescribeTable is read-only, so nothing is recorded). Three alternating runs each,
    # at 16 connections (latency-bound: each answer waits for the group fsync) and at 128 (saturated).
    for connections in (16, 128):
        runs = {"All": [], "WriteOnly": []}
        for _ in range(3):
            for read_write in ("All", "WriteOnly"):
                process, port, workdir = start_dynamotrail(
                    config_body={"trail": {"readWriteType": read_write, "deliveryIntervalSeconds": 5}})
                post(port, "DynamoDB_20120810.CreateTable", TABLE)
                runs[read_write].append(wrk(port, "DynamoDB_20120810.DescribeTable", {"TableName": "bench"}, connections)[0])
                process.terminate()
                process.wait()
                shutil.rmtree(workdir, ignore_errors=True)
        on, off = statistics.median(runs["All"]), statistics.median(runs["WriteOnly"])
        print("recording cost, %d connections: on %.0f req/s, off %.0f req/s (medians of 3): %.0f%%   runs on %s off %s"
              % (connections, on, off, 100 * on / off, [round(r) for r in runs["All"]], [round(r) for r in runs["WriteOnly"]]))
    if MOTO:
        moto, moto_port = start_moto()
        post(moto_port, "DynamoDB_20120810.CreateTable", TABLE)
        row("moto_server DescribeTable", wrk(moto_port, "DynamoDB_20120810.DescribeTable", {"TableName": "bench"}))
        row("moto_server ListTables (1 table)", wrk(moto_port, "DynamoDB_20120810.ListTables", {}))
        moto.terminate()
        moto.wait()
    else:
        print("(moto_server not available: no peer figures)")


if __name__ == "__main__":
    main()
