"""Servers, clients and /proc figures for run.py (DynamoTrail, nginx, moto_server side by side)."""
import http.client
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

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TICKS = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
AMZ_DATE = "20260101T000000Z"
AUTHORIZATION = ("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/dynamodb/aws4_request, "
                 "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="
                 "0000000000000000000000000000000000000000000000000000000000000000")
TABLE = {"TableName": "bench", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
         "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}
DESCRIBE = ("DynamoDB_20120810.DescribeTable", {"TableName": "bench"})
# The item workloads: a small item of five attributes (about 120 bytes), PutItem with a fresh key per request
# (KEY_PLACEHOLDER is replaced by wrk's script), GetItem and a counter UpdateItem on one seeded item.
KEY_PLACEHOLDER = "__KEY__"
ITEM = {"id": {"S": KEY_PLACEHOLDER}, "name": {"S": "Ada Lovelace"}, "email": {"S": "ada@example.com"},
        "visits": {"N": "42"}, "active": {"BOOL": True}}
SEEDED_KEY = {"id": {"S": "seeded"}}
PUT_ITEM = ("DynamoDB_20120810.PutItem", {"TableName": "bench", "Item": ITEM})
GET_ITEM = ("DynamoDB_20120810.GetItem", {"TableName": "bench", "Key": SEEDED_KEY})
UPDATE_ITEM = ("DynamoDB_20120810.UpdateItem", {
    "TableName": "bench", "Key": SEEDED_KEY, "UpdateExpression": "SET #name = :name ADD #visits :one",
    "ExpressionAttributeNames": {"#name": "name", "#visits": "visits"},
    "ExpressionAttributeValues": {":name": {"S": "Ada"}, ":one": {"N": "1"}}})


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, process, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("server exited with %s" % process.returncode)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.002)
    raise RuntimeError("no server on port %d" % port)


class Client:
    """One keep-alive connection sending signed JSON-protocol requests."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def call(self, target, body):
        data = json.dumps(body).encode()
        self.connection.request("POST", "/", body=data, headers={
            "X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.0", "X-Amz-Date": AMZ_DATE,
            "Authorization": AUTHORIZATION})
        response = self.connection.getresponse()
        return response.status, response.read()

    def close(self):
        self.connection.close()


# MARK: - Process figures from /proc

def descendants(pid):
    """pid and every process below it (nginx workers, moto's threads are in-process)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except OSError:
                pass
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def cpu_seconds(pids):
    total = 0.0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICKS
        except OSError:
            pass
    return total


def status_kb(pid, field):
    with open("/proc/%d/status" % pid) as f:
        return int(re.search(r"%s:\s+(\d+)" % field, f.read()).group(1))


def rss_kb(pids):
    return sum(status_kb(pid, "VmRSS") for pid in pids)


# MARK: - Servers

class Server:
    """A started server: its process, port and working directory."""

    def __init__(self, name, process, port, workdir=None):
        self.name, self.process, self.port, self.workdir = name, process, port, workdir

    def pids(self):
        return descendants(self.process.pid)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)


def start_dynamotrail(binary, config=None):
    process, port, workdir = launch_dynamotrail(binary, config)
    wait_for_port(port, process)
    return Server("DynamoTrail", process, port, workdir)


def nginx_config(workdir, port, body):
    """Writes the file nginx serves (`body`) and its configuration into `workdir`; returns the config's path."""
    with open(os.path.join(workdir, "describe.json"), "wb") as f:
        f.write(body)
    config = os.path.join(workdir, "nginx.conf")
    with open(config, "w") as f:
        # A POST to a static file is refused with 405; error_page re-serves it as GET with status 200.
        f.write("""worker_processes auto;
pid %(dir)s/nginx.pid;
error_log %(dir)s/error.log error;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path %(dir)s/body; proxy_temp_path %(dir)s/proxy; fastcgi_temp_path %(dir)s/fastcgi;
    uwsgi_temp_path %(dir)s/uwsgi; scgi_temp_path %(dir)s/scgi;
    default_type application/x-amz-json-1.0;
    server {
        listen 127.0.0.1:%(port)d;
        root %(dir)s;
        location / { try_files /describe.json =404; error_page 405 =200 /describe.json; }
    }
}
""" % {"dir": workdir, "port": port})
    return config


def launch_nginx(nginx, body):
    """nginx serving `body`, not yet waited for: (process, port, workdir)."""
    workdir = tempfile.mkdtemp(prefix="nginx-bench-")
    os.chmod(workdir, 0o755)
    port = free_port()
    config = nginx_config(workdir, port, body)
    process = subprocess.Popen([nginx, "-c", config, "-g", "daemon off;"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    return process, port, workdir


def launch_dynamotrail(binary, config=None):
    """DynamoTrail with `config`, not yet waited for: (process, port, workdir)."""
    workdir = tempfile.mkdtemp(prefix="dynamotrail-bench-")
    port = free_port()
    path = os.path.join(workdir, "config.json")
    with open(path, "w") as f:
        json.dump(config or {}, f)
    process = subprocess.Popen([binary, "serve", "--config", path, "--port", str(port), "--bucket",
                                os.path.join(workdir, "bucket"), "--log-level", "warn"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=workdir)
    return process, port, workdir


def launch_moto(moto):
    port = free_port()
    process = subprocess.Popen([moto, "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return process, port, None


def start_nginx(nginx, body):
    process, port, workdir = launch_nginx(nginx, body)
    wait_for_port(port, process)
    return Server("nginx", process, port, workdir)


def start_moto(moto):
    process, port, _ = launch_moto(moto)
    wait_for_port(port, process, timeout=60)
    return Server("moto_server", process, port)


def first_answer_ms(start, path="/"):
    """`start()` launches a server and returns (process, port, workdir); the time from then to the first answered GET."""
    started = time.perf_counter()
    process, port, workdir = start()
    try:
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", path)
                connection.getresponse().read()
                connection.close()
                return (time.perf_counter() - started) * 1000
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError("exited during startup: %s" % command[0])
                time.sleep(0.0005)
    finally:
        process.terminate()
        process.wait()
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)
