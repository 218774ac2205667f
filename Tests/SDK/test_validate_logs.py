"""The stock `aws cloudtrail validate-logs` against a running DynamoTrail: digests, the CloudTrail API
(DescribeTrails, ListPublicKeys) and the read-only S3 API together. Then tampering, restarts, kill -9."""
import datetime
import gzip
import json
import os
import shutil
import signal
import subprocess
import time
import unittest

from dynamotrail_server import BIN, DynamoTrail

ALICE = ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
CONFIG = {
    "accounts": [{"accountId": "123456789012", "default": True, "identities": [
        {"type": "IAMUser", "userName": "alice", "accessKeyId": ALICE[0], "secretAccessKey": ALICE[1]}]}],
    "trail": {"deliveryIntervalSeconds": 1, "digest": {"enabled": True, "intervalSeconds": 2},
              "notifications": {"file": None}},
}


def aws(server, *args):
    env = dict(os.environ, AWS_ACCESS_KEY_ID=ALICE[0], AWS_SECRET_ACCESS_KEY=ALICE[1], AWS_DEFAULT_REGION="us-east-1",
               AWS_ENDPOINT_URL=server.endpoint)
    env.pop("AWS_PROFILE", None)
    return subprocess.run(["aws", *args], capture_output=True, text=True, env=env, timeout=120)


def digests(bucket):
    out = []
    for folder, _, files in os.walk(os.path.join(bucket, "AWSLogs")):
        out += [os.path.join(folder, f) for f in files if "CloudTrail-Digest" in folder]
    return sorted(out)


def logs(bucket):
    out = []
    for folder, _, files in os.walk(os.path.join(bucket, "AWSLogs")):
        out += [os.path.join(folder, f) for f in files if "/CloudTrail/" in folder + "/"]
    return sorted(out)


class ValidateLogsTest(unittest.TestCase):
    def make_calls(self, server, count=5):
        client = server.client("dynamodb", key=ALICE[0], secret=ALICE[1])
        for i in range(count):
            client.list_tables()
            try:
                client.describe_table(TableName="missing-%d" % i)
            except Exception:
                pass

    def wait_for_digest_after(self, server, moment, timeout=20):
        """Waits until a digest whose end time is after `moment` exists (the window holding the calls is closed)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for path in digests(server.bucket):
                with gzip.open(path) as f:
                    end = json.load(f)["digestEndTime"]
                if datetime.datetime.strptime(end, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc) > moment:
                    return
            time.sleep(0.5)
        self.fail("no digest after %s in %s" % (moment, digests(server.bucket)))

    def validate(self, server, start):
        trail_arn = json.loads(aws(server, "cloudtrail", "describe-trails").stdout)["trailList"][0]["TrailARN"]
        return aws(server, "cloudtrail", "validate-logs", "--trail-arn", trail_arn, "--start-time", start,
                   "--endpoint-url", server.endpoint, "--verbose")

    def offline(self, server, start=None):
        args = [BIN, "validate", "--bucket", server.bucket, "--verbose"] + (["--start-time", start] if start else [])
        return subprocess.run(args, capture_output=True, text=True)

    def start_time(self):
        return (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%SZ")

    def test_cli_accepts_the_chain_then_reports_tampering(self):
        with DynamoTrail(config=CONFIG) as server:
            start = self.start_time()
            self.make_calls(server)
            self.wait_for_digest_after(server, datetime.datetime.now(datetime.timezone.utc))
            result = self.validate(server, start)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            self.assertRegex(result.stdout, r"(\d+)/\1 digest files valid")
            self.assertRegex(result.stdout, r"(\d+)/\1 log files valid")
            self.assertNotIn("INVALID", result.stdout)
            self.assertEqual(self.offline(server).returncode, 0)

            # One byte of one log file changed.
            # The first file delivered, which a digest already lists. (Sorting by name would not do: names carry the
            # minute and a random part, so a file delivered after the last digest, from the validation's own
            # DescribeTrails call, can sort first and is not yet covered by any digest.)
            log = min(logs(server.bucket), key=os.path.getmtime)
            with gzip.open(log) as f:
                body = bytearray(f.read())
            body[20] = ord("X") if body[20] != ord("X") else ord("Y")
            with open(log, "rb") as f:
                original = f.read()
            with open(log, "wb") as f:
                f.write(gzip.compress(bytes(body)))
            result = self.validate(server, start)
            self.assertNotEqual(result.returncode, 0)
            # The CLI prints valid files on stdout and INVALID ones on stderr.
            self.assertIn("INVALID: hash value doesn't match", result.stderr)
            self.assertRegex(result.stdout, r"1/\d+ log files INVALID")
            offline = self.offline(server)
            self.assertEqual(offline.returncode, 1)
            self.assertIn(os.path.basename(log), offline.stdout + offline.stderr)
            with open(log, "wb") as f:
                f.write(original)

            # A log file deleted.
            os.remove(log)
            result = self.validate(server, start)
            self.assertNotEqual(result.returncode, 0)
            self.assertIn("INVALID: not found", result.stderr)
            self.assertEqual(self.offline(server).returncode, 1)
            with open(log, "wb") as f:
                f.write(original)

            # A digest deleted (not the newest one, whose absence the CLI cannot see).
            victims = digests(server.bucket)
            self.assertGreaterEqual(len(victims), 2)
            os.remove(victims[0])
            result = self.validate(server, start)
            self.assertNotEqual(result.returncode, 0, result.stdout)
            self.assertEqual(self.offline(server, start).returncode, 1)

    def test_chain_survives_restart_and_kill_9(self):
        with DynamoTrail(config=CONFIG) as server:
            start = self.start_time()
            self.make_calls(server)
            self.wait_for_digest_after(server, datetime.datetime.now(datetime.timezone.utc))
            self.assertEqual(server.stop(signal.SIGTERM), 0)
            server.start()
            self.make_calls(server)
            self.wait_for_digest_after(server, datetime.datetime.now(datetime.timezone.utc))
            server.process.kill()
            server.process.wait()
            server.process.stdout.close()
            server.process.stderr.close()
            server.start()
            self.make_calls(server)
            self.wait_for_digest_after(server, datetime.datetime.now(datetime.timezone.utc))
            result = self.validate(server, start)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            self.assertRegex(result.stdout, r"(\d+)/\1 log files valid")
            self.assertEqual(self.offline(server).returncode, 0, self.offline(server).stdout)


if __name__ == "__main__":
    unittest.main()
