#!/usr/bin/env python3
"""Two or more DynamoTrail builds side by side on the item workloads: python3 compare_items.py LABEL=BINARY LABEL=BINARY ...

PutItem (a fresh key per request), GetItem and Query (10 items; skipped where not served) at 16 connections, recording on
with data events selected as the shipped config.json selects them, rounds alternating between the builds (a fresh server
per cell), then each build's RSS bytes per stored item over ITEMS (default 100,000) PutItem calls. Prints medians of
the rounds: requests/s, p99 and the server's CPU µs per request. Figures only. ROUNDS (default 3; 0 for the bytes per
item alone), SECONDS (default 5), ITEMS; ITEMS_PER_PARTITION (default 10) shapes the table (see data_plane.py)."""
import os
import statistics
import sys
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data_plane  # noqa: E402
import harness  # noqa: E402
import run  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "3"))
SECONDS = int(os.environ.get("SECONDS", "5"))
ITEMS = int(os.environ.get("ITEMS", "100000"))


def item_cell(binary, operation):
    """One cell: a fresh server with the bench table and its seeded item (and the items table for Query)."""
    bench = run.Bench(types.SimpleNamespace(binary=binary, moto=None, nginx=None, quick=True))
    server = bench.start_for_items("DynamoTrail")
    try:
        if operation == "Query":
            client = harness.Client(server.port)
            try:
                client.call("DynamoDB_20120810.CreateTable", data_plane.SCALE_TABLE)
                data_plane.fill_pipelined(server.port, 0, 1000)
                body = data_plane.query_body(50)
                skip = data_plane.not_served(client, "DynamoDB_20120810.Query", body)
            finally:
                client.close()
            if skip:
                return None
            return run.load(server, "DynamoDB_20120810.Query", body, 16, SECONDS)
        target, body = {"PutItem": harness.PUT_ITEM, "GetItem": harness.GET_ITEM}[operation]
        return run.load(server, target, body, 16, SECONDS)
    finally:
        server.stop()


def bytes_per_item(binary):
    server = harness.start_dynamotrail(binary)
    try:
        return data_plane.scale_cell(server, ITEMS, run.load, 1)["bytes_per_item"]
    finally:
        server.stop()


def main():
    builds = [argument.split("=", 1) for argument in sys.argv[1:]]
    operations = ("PutItem", "GetItem", "Query")
    cells = {(label, operation): [] for label, _ in builds for operation in operations}
    for _ in range(ROUNDS):
        for operation in operations:
            for label, binary in builds:
                cell = item_cell(binary, operation)
                if cell:
                    cells[(label, operation)].append(cell)
    if ROUNDS == 0:  # ROUNDS=0: only the bytes per item
        operations = ()
    if operations:
        print("Item calls at 16 connections, data events recorded; %d s per cell, medians of %d alternating rounds\n"
              % (SECONDS, ROUNDS))
        print("| build | operation | req/s | p99 ms | CPU µs/request |\n|---|---|---:|---:|---:|")
    for operation in operations:
        for label, _ in builds:
            runs = cells[(label, operation)]
            if not runs:
                print("| %s | %s | not served | | |" % (label, operation))
                continue
            median = [statistics.median(r[key] for r in runs) for key in ("rps", "p99_ms", "cpu_us_per_request")]
            print("| %s | %s | %.0f | %.2f | %.0f |" % (label, operation, *median))
    print("\n| build | RSS bytes per item over %s PutItem calls |\n|---|---:|" % "{:,}".format(ITEMS))
    for label, binary in builds:
        print("| %s | %.0f |" % (label, bytes_per_item(binary)))


if __name__ == "__main__":
    main()
