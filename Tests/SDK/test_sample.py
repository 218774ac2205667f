"""dynamotrail sample: realistic logs and a digest chain that both validators accept; same seed, same files."""
import glob
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest

from dynamotrail_server import BIN

ARGS = ["--count", "100000", "--seed", "7", "--start-time", "2026-11-20T00:00:00Z", "--end-time", "2026-11-21T00:00:00Z"]


def log_digests(directory):
    """{key: sha256 of the bytes} for every log file (digests are signed with per-directory keys)."""
    out = {}
    for path in glob.glob(os.path.join(directory, "AWSLogs", "*", "CloudTrail", "**", "*.json.gz"), recursive=True):
        with open(path, "rb") as f:
            out[os.path.relpath(path, directory)] = hashlib.sha256(f.read()).hexdigest()
    return out


class SampleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="dynamotrail-sample-")
        cls.out = os.path.join(cls.dir, "a")
        cls.result = subprocess.run([BIN, "sample", "--output", cls.out, *ARGS], capture_output=True, text=True, timeout=600)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_writes_events_files_and_digests(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        self.assertRegex(self.result.stdout, r"^wrote 100000 events in \d+ log files and \d+ digest files to ")
        self.assertEqual(self.result.stderr, "")  # no progress bar when stderr is not a terminal
        records = []
        for path in glob.glob(os.path.join(self.out, "AWSLogs", "*", "CloudTrail", "**", "*.json.gz"), recursive=True):
            with gzip.open(path) as f:
                records += json.load(f)["Records"]
        self.assertEqual(len(records), 100000)
        self.assertEqual({r["userIdentity"]["type"] for r in records}, {"IAMUser", "AssumedRole", "Root", "FederatedUser"})
        self.assertGreaterEqual(len({r["recipientAccountId"] for r in records}), 2)
        self.assertGreaterEqual(len({r["awsRegion"] for r in records}), 3)
        self.assertGreaterEqual(len({r["eventName"] for r in records}), 10)
        self.assertTrue(any("errorCode" in r for r in records))
        self.assertTrue(all("2026-11-20T00:00:00Z" <= r["eventTime"] < "2026-11-21T00:00:00Z" for r in records))

    def test_dynamotrail_validate_accepts_it(self):
        result = subprocess.run([BIN, "validate", "--bucket", self.out], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertRegex(result.stdout, r"(\d+)/\1 digest files valid")

    def test_aws_cli_accepts_it(self):
        # A copy: the server records the CLI's own CloudTrail calls into the bucket it serves.
        served = os.path.join(self.dir, "served")
        shutil.copytree(self.out, served)
        shutil.copytree(self.out + "-state", served + "-state")  # its signing keys and the digests' signatures
        config = os.path.join(self.dir, "config.json")
        with open(config, "w") as f:
            json.dump({}, f)
        process = subprocess.Popen([BIN, "serve", "--config", config, "--port", "0", "--bucket", served, "--log-level", "warn"],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=self.dir)
        try:
            endpoint = process.stdout.readline().strip().split(" on ")[1]
            env = dict(os.environ, AWS_ACCESS_KEY_ID="AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY="x",
                       AWS_DEFAULT_REGION="us-east-1", AWS_ENDPOINT_URL=endpoint)
            result = subprocess.run(
                ["aws", "cloudtrail", "validate-logs", "--trail-arn", "arn:aws:cloudtrail:us-east-1:123456789012:trail/dynamotrail",
                 "--start-time", "2026-11-20T00:00:00Z", "--end-time", "2026-11-21T02:00:00Z", "--endpoint-url", endpoint],
                capture_output=True, text=True, env=env, timeout=300)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            self.assertRegex(result.stdout, r"(\d+)/\1 digest files valid")
            self.assertRegex(result.stdout, r"([1-9]\d*)/\1 log files valid")
        finally:
            process.terminate()
            process.wait()

    def test_same_seed_writes_the_same_log_files(self):
        again = os.path.join(self.dir, "b")
        result = subprocess.run([BIN, "sample", "--output", again, *ARGS], capture_output=True, text=True, timeout=600)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(log_digests(self.out), log_digests(again))

    def test_a_seed_without_a_range_writes_the_same_files_whenever_it_runs(self):
        # Without a range the seeded default is a fixed day, so runs at different times agree (a range ending
        # "now" would move every event time by the time between the runs).
        first, second = os.path.join(self.dir, "c"), os.path.join(self.dir, "d")
        command = ["sample", "--count", "2000", "--seed", "11"]
        self.assertEqual(subprocess.run([BIN, *command, "--output", first], capture_output=True, timeout=600).returncode, 0)
        time.sleep(1.1)
        self.assertEqual(subprocess.run([BIN, *command, "--output", second], capture_output=True, timeout=600).returncode, 0)
        self.assertEqual(log_digests(first), log_digests(second))
        self.assertTrue(all("/2026/01/01/" in key or "/2026/01/02/" in key for key in log_digests(first)))
        # Digests repeat too when the output keeps its signing keys: a second run into the same directory.
        digests = lambda d: {os.path.relpath(p, d): open(p, "rb").read() for p in glob.glob(
            os.path.join(d, "AWSLogs", "*", "CloudTrail-Digest", "**", "*.json.gz"), recursive=True)}
        before = digests(first)
        self.assertEqual(subprocess.run([BIN, *command, "--output", first], capture_output=True, timeout=600).returncode, 0)
        self.assertEqual(digests(first), before)


if __name__ == "__main__":
    unittest.main()
