"""The data-plane workloads of run.py (issue "Query, Scan…", item 7): bytes per stored item, Query and GetItem
cost against the table's size, and BatchWriteItem of 25 items, beside moto_server.

- Scale: a table (pk S of 10 characters, sk N, ten items per partition, three small attributes: about 63 bytes per
  item by AWS's size rules) filled through pipelined PutItem calls (data events not selected, so the calls are not
  recorded and the growth is the table's), then the RSS growth per item; then Query (one partition: 10 items) and
  GetItem at 16 connections against that table. moto_server gets the same with a smaller table (it stores about
  300 items/s), said so in the report.
- BatchWriteItem: 25 PutRequests of fresh keys per call, 16 connections.
An operation this build does not serve (a ValidationException naming it) is skipped with a note.
"""
import os
import re
import socket
import sys
import time

import harness
from harness import AMZ_DATE, AUTHORIZATION, KEY_PLACEHOLDER, Client

SCALE_TABLE = {"TableName": "items", "BillingMode": "PAY_PER_REQUEST",
               "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
               "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                        {"AttributeName": "sk", "AttributeType": "N"}]}
# Items per partition (ten: a Query of one partition returns 10 items); ITEMS_PER_PARTITION=1 measures one item per partition.
PER_PARTITION = int(os.environ.get("ITEMS_PER_PARTITION", "10"))
PUT_TEMPLATE = ('{"TableName":"items","Item":{"pk":{"S":"p%09d"},"sk":{"N":"%d"},'
                '"title":{"S":"Item title number %08d"},"score":{"N":"%d.25"},"active":{"BOOL":true}}}')


def aws_item_size(index):
    """The item's size by AWS's rules: names and values (strings by UTF-8 length, numbers 1 byte per 2 digits + 1)."""
    def number(text):
        return (len(re.sub(r"^0+|\.|0+$", "", text.replace(".", ""))) + 1) // 2 + 1
    pk, sk = "p%09d" % (index // PER_PARTITION), str(index % PER_PARTITION)
    title, score = "Item title number %08d" % index, "%d.25" % index
    return 2 + len(pk) + 2 + number(sk) + 5 + len(title) + 5 + number(score) + 6 + 1


def query_body(partition):
    return {"TableName": "items", "KeyConditionExpression": "pk = :p",
            "ExpressionAttributeValues": {":p": {"S": "p%09d" % partition}}}


def get_body(partition):
    return {"TableName": "items", "Key": {"pk": {"S": "p%09d" % partition}, "sk": {"N": "3"}}}


BATCH_WRITE = ("DynamoDB_20120810.BatchWriteItem", {"RequestItems": {"bench": [
    {"PutRequest": {"Item": dict(harness.ITEM, id={"S": "%s-%02d" % (KEY_PLACEHOLDER, i)})}} for i in range(25)]}})


def not_served(client, target, body):
    """None when the server answers `target` (any 2xx), else the reason to skip it."""
    import json
    status, answer = client.call(target, json.loads(json.dumps(body).replace(KEY_PLACEHOLDER, "probe")))
    if status == 200:
        return None
    operation = target.split(".")[-1]
    text = answer.decode(errors="replace")
    if "ValidationException" in text and operation in text:
        return "%s is not served by this build" % operation
    return "%s answered %d: %s" % (operation, status, text[:200])


# MARK: - Filling a table

def request_bytes(target, body):
    return ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: %s\r\n"
            "X-Amz-Date: %s\r\nAuthorization: %s\r\nContent-Length: %d\r\n\r\n%s"
            % (target, AMZ_DATE, AUTHORIZATION, len(body), body)).encode()


class PipelinedConnection:
    """One keep-alive connection that sends a batch of requests at once and then reads their answers."""

    def __init__(self, port):
        self.socket = socket.create_connection(("127.0.0.1", port))
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer, self.pending = b"", 0

    def send(self, requests):
        self.socket.sendall(b"".join(requests))
        self.pending += len(requests)

    def read_all(self):
        """Reads every pending answer; raises on the first that is not 200."""
        while self.pending:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                head = self.buffer[:end].decode("latin-1")
                length = int(re.search(r"(?im)^content-length:\s*(\d+)", head).group(1))
                if len(self.buffer) >= end + 4 + length:
                    if not head.startswith("HTTP/1.1 200"):
                        raise RuntimeError("fill: %s %s" % (head.splitlines()[0], self.buffer[end + 4:end + 4 + length][:300]))
                    self.buffer = self.buffer[end + 4 + length:]
                    self.pending -= 1
                    continue
            chunk = self.socket.recv(1 << 20)
            if not chunk:
                raise RuntimeError("fill: connection closed with %d answers pending" % self.pending)
            self.buffer += chunk

    def close(self):
        self.socket.close()


def fill_pipelined(port, first, end, depth=64):
    """PutItem of items [first, end) over two connections, `depth` requests in flight on each, alternating."""
    connections = [PipelinedConnection(port) for _ in range(2)]
    index, turn = first, 0
    try:
        while index < end or any(c.pending for c in connections):
            connection = connections[turn % 2]
            turn += 1
            connection.read_all()
            if index < end:
                batch = range(index, min(index + depth, end))
                connection.send([request_bytes("DynamoDB_20120810.PutItem", PUT_TEMPLATE % (
                    i // PER_PARTITION, i % PER_PARTITION, i, i)) for i in batch])
                index = batch.stop
    finally:
        for connection in connections:
            connection.close()


def fill_sequential(port, first, end):
    """PutItem one call at a time (moto_server), reconnecting whenever the server closes."""
    import json
    client = Client(port)
    try:
        for i in range(first, end):
            status, answer = client.call("DynamoDB_20120810.PutItem", json.loads(PUT_TEMPLATE % (
                i // PER_PARTITION, i % PER_PARTITION, i, i)))
            if status != 200:
                raise RuntimeError("fill: %d %s" % (status, answer[:200]))
    finally:
        client.close()


# MARK: - Workloads

def scale_cell(server, count, load, seconds, pipelined=True):
    """Fills `server`'s new table with `count` items; its RSS growth per item, then Query and GetItem at 16 connections."""
    client = Client(server.port)
    try:
        status, answer = client.call("DynamoDB_20120810.CreateTable", SCALE_TABLE)
        if status != 200:
            raise RuntimeError("CreateTable items: %d %s" % (status, answer[:200]))
        fill = fill_pipelined if pipelined else fill_sequential
        warm = min(1000, count // 10)
        fill(server.port, 0, warm)
        time.sleep(0.5)
        before, started = harness.rss_kb(server.pids()), time.monotonic()
        fill(server.port, warm, count)
        fill_seconds = time.monotonic() - started
        time.sleep(1)
        client.close()  # idle through the fill: the server may have closed it
        client = Client(server.port)
        grown = (harness.rss_kb(server.pids()) - before) * 1024
        aws_sizes = sum(aws_item_size(i) for i in range(warm, count)) / (count - warm)
        cell = {"items": count, "bytes_per_item": grown / (count - warm), "aws_bytes_per_item": aws_sizes,
                "puts_per_second": (count - warm) / fill_seconds}
        middle = count // PER_PARTITION // 2
        for name, target, body in (("Query", "DynamoDB_20120810.Query", query_body(middle)),
                                   ("GetItem", "DynamoDB_20120810.GetItem", get_body(middle))):
            skip = not_served(client, target, body)
            if skip:
                cell[name] = {"skipped": skip}
                continue
            if name == "Query":
                import json
                cell["query_items_returned"] = json.loads(client.call(target, body)[1]).get("Count")
            cell[name] = load(server, target, body, 16, seconds)
        print("  scale: %s, %s items done" % (server.name, "{:,}".format(count)), file=sys.stderr)
        return cell
    finally:
        client.close()


def batch_write_cell(server, load, seconds):
    """BatchWriteItem of 25 fresh items per call at 16 connections on the harness's `bench` table."""
    client = Client(server.port)
    try:
        client.call("DynamoDB_20120810.CreateTable", harness.TABLE)
        skip = not_served(client, *BATCH_WRITE)
        if skip:
            return {"skipped": skip}
    finally:
        client.close()
    cell = load(server, *BATCH_WRITE, 16, seconds)
    cell["items_per_second"] = cell["rps"] * 25
    return cell


def run(bench, load):
    """The data-plane part of run.py: every cell on a fresh server; results under bench.results["data_plane"]."""
    o = bench.o
    seconds = 3 if o.quick else o.seconds
    sizes = [1000, 1_000_000 if o.items_million else 100_000]
    moto_sizes = [1000] if o.quick else [1000, 10_000]
    results = {"sizes": sizes, "moto_sizes": moto_sizes, "DynamoTrail": {}, "moto_server": {}}
    for count in sizes:
        server = harness.start_dynamotrail(o.binary)
        try:
            results["DynamoTrail"][str(count)] = scale_cell(server, count, load, seconds)
        finally:
            server.stop()
    if o.moto:
        for count in moto_sizes:
            server = harness.start_moto(o.moto)
            try:
                results["moto_server"][str(count)] = scale_cell(server, count, load, seconds, pipelined=False)
            finally:
                server.stop()
    for name, start in (("DynamoTrail", lambda: harness.start_dynamotrail(o.binary)),
                        ("moto_server", lambda: harness.start_moto(o.moto))):
        if name == "moto_server" and not o.moto:
            continue
        server = start()
        try:
            results[name]["BatchWriteItem"] = batch_write_cell(server, load, seconds)
        finally:
            server.stop()
    bench.results["data_plane"] = results


def report(data):
    """The Markdown lines of the data-plane part."""
    if not data:
        return []
    text = lambda value, digits=0: "–" if value is None else ("{:,.%df}" % digits).format(value)
    lines = ["", "Data plane: a table of small items (pk S, sk N, 3 attributes; %d items per partition) filled by PutItem; "
             "Query of one partition (%d items) and GetItem at 16 connections on that table (data events not recorded)"
             % (PER_PARTITION, PER_PARTITION), "",
             "| server | items in the table | RSS bytes per item | AWS size per item | PutItem/s (fill) "
             "| Query req/s | Query CPU µs/request | GetItem req/s | GetItem CPU µs/request |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    notes = set()
    for name in ("DynamoTrail", "moto_server"):
        for count in data["sizes"] if name == "DynamoTrail" else data["moto_sizes"]:
            cell = data.get(name, {}).get(str(count))
            if not cell:
                continue
            figures = []
            for operation in ("Query", "GetItem"):
                measured = cell.get(operation, {})
                if "skipped" in measured:
                    notes.add(measured["skipped"])
                figures += [text(measured.get("rps")), text(measured.get("cpu_us_per_request"))]
            lines.append("| %s | %s | %s | %s | %s | %s |" % (
                name, text(count), text(cell["bytes_per_item"]), text(cell["aws_bytes_per_item"]),
                text(cell["puts_per_second"]), " | ".join(figures)))
    lines += ["", "BatchWriteItem of 25 fresh items, 16 connections:", "",
              "| server | calls/s | items/s | p99 ms | CPU µs/call |", "|---|---:|---:|---:|---:|"]
    for name in ("DynamoTrail", "moto_server"):
        cell = data.get(name, {}).get("BatchWriteItem")
        if cell is None:
            continue
        if "skipped" in cell:
            notes.add(cell["skipped"])
            lines.append("| %s | skipped | | | |" % name)
            continue
        lines.append("| %s | %s | %s | %s | %s |" % (name, text(cell["rps"]), text(cell["items_per_second"]),
                                                    text(cell["p99_ms"], 2), text(cell["cpu_us_per_request"])))
    if data.get("moto_server"):
        lines += ["", "moto_server's tables hold fewer items (%s): it stores about 300 items per second."
                  % ", ".join("{:,}".format(c) for c in data["moto_sizes"])]
    lines += ["", "Skipped: %s." % "; ".join(sorted(notes))] if notes else []
    failed = ["%s %s %s" % (name, count, operation) for name in ("DynamoTrail", "moto_server")
              for count, cell in data.get(name, {}).items() for operation, measured in
              ([("BatchWriteItem", cell)] if count == "BatchWriteItem" else [(o, cell.get(o, {})) for o in ("Query", "GetItem")])
              if measured.get("non2xx")]
    lines += ["", "Non-2xx answers in: %s." % ", ".join(failed)] if failed else []
    return lines


def checks(data):
    """(what, met) for the issue's Query figure: Query's CPU per request with the large table within 25% of the small one's."""
    if not data:
        return []
    small, large = (data["DynamoTrail"].get(str(count), {}).get("Query", {}) for count in data["sizes"])
    if "cpu_us_per_request" not in small or "cpu_us_per_request" not in large:
        return []
    ratio = large["cpu_us_per_request"] / small["cpu_us_per_request"]
    return [("Query of 10 items costs the same with %s and %s items in the table (CPU per request %.2f×, within 25%%)"
             % tuple(["{:,}".format(c) for c in data["sizes"]] + [ratio]), ratio <= 1.25)]
