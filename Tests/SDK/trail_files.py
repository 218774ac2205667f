"""Reads delivered CloudTrail log files out of a bucket directory."""
import gzip
import json
import os
import re
import zlib

KEY = re.compile(r"^AWSLogs/(\d{12})/CloudTrail/([a-z0-9-]+)/(\d{4})/(\d{2})/(\d{2})/"
                 r"\1_CloudTrail_\2_(\d{8}T\d{4}Z)_[A-Za-z0-9]{16}\.json\.gz$")


def log_keys(bucket):
    """Every delivered log file key (relative to the bucket), sorted."""
    keys = []
    root = os.path.join(bucket, "AWSLogs")
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            key = os.path.relpath(path, bucket)
            if "/CloudTrail/" in key:
                keys.append(key)
    return sorted(keys)


def single_member_gzip(data):
    """True when `data` is exactly one gzip member (what CloudTrail writes)."""
    d = zlib.decompressobj(zlib.MAX_WBITS | 16)
    d.decompress(data)
    return d.eof and d.unused_data == b""


def records(bucket):
    """(key, record) for every record of every delivered log file."""
    out = []
    for key in log_keys(bucket):
        with open(os.path.join(bucket, key), "rb") as f:
            body = json.loads(gzip.decompress(f.read()))
        for record in body["Records"]:
            out.append((key, record))
    return out
