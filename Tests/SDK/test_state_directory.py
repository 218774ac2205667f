"""Private state out of the bucket: after a run the bucket directory holds only `AWSLogs/...` objects
(log files and digests, as an S3 bucket of a trail would), the signing keys sit in the state directory
beside it with mode 0600, the shipped config.json writes nothing into the working directory, an old
`<bucket>/.dynamotrail/` is migrated on start without losing a record or breaking the digest chain, and a
CloudTrail log reader that walks the bucket (trailscraper, and our own strict walker) reads every record.
"""
import gzip
import json
import os
import shutil
import signal
import stat
import subprocess
import tempfile
import time
import unittest

from dynamotrail_server import BIN, ROOT, DynamoTrail
from trail_files import records

CONFIG = {"trail": {"deliveryIntervalSeconds": 1, "digest": {"enabled": True, "intervalSeconds": 2}}}
TRAILSCRAPER = os.environ.get("TRAILSCRAPER", os.path.join(ROOT, ".build", "trailscraper-venv", "bin", "trailscraper"))
LOG_FIELDS = {"eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "eventID"}
DIGEST_FIELDS = {"awsAccountId", "digestStartTime", "digestEndTime", "digestS3Bucket", "digestS3Object", "logFiles"}


def find(root):
    """`find root` relative to root: every file and folder below it."""
    found = []
    for folder, folders, files in os.walk(root):
        found += [os.path.relpath(os.path.join(folder, name), root) for name in folders + files]
    return sorted(found)


def walk_as_cloudtrail(root):
    """Opens every file under root as a CloudTrail log file or digest file (gzip JSON); returns
    (log files, digest files, records) and raises on anything else."""
    logs, digests, count = 0, 0, 0
    for key in find(root):
        path = os.path.join(root, key)
        if os.path.isdir(path):
            continue
        if not key.startswith("AWSLogs/") or not key.endswith(".json.gz"):
            raise AssertionError("not a CloudTrail object: %s" % key)
        with open(path, "rb") as f:
            body = json.loads(gzip.decompress(f.read()))
        if "/CloudTrail/" in key:
            missing = [sorted(LOG_FIELDS - set(r)) for r in body["Records"] if not LOG_FIELDS <= set(r)]
            if list(body) != ["Records"] or missing:
                raise AssertionError("not a CloudTrail log file: %s %s" % (key, missing))
            logs, count = logs + 1, count + len(body["Records"])
        elif "/CloudTrail-Digest/" in key:
            if not DIGEST_FIELDS <= set(body):
                raise AssertionError("not a CloudTrail digest file: %s" % key)
            digests += 1
        else:
            raise AssertionError("not under CloudTrail/ or CloudTrail-Digest/: %s" % key)
    return logs, digests, count


def calls(server, label):
    """A few calls in two regions (each is one record)."""
    for region in ("us-east-1", "eu-west-1"):
        dynamodb = server.client("dynamodb", region=region)
        dynamodb.create_table(
            TableName="t-%s-%s" % (label, region), BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
        dynamodb.list_tables()
    return 4


class StateDirectoryTest(unittest.TestCase):
    def test_a_run_leaves_only_aws_logs_objects_and_private_keys(self):
        with DynamoTrail(config=CONFIG) as server:
            made = calls(server, "a")
            server.admin("POST", "/_dynamotrail/flush")
            time.sleep(2.5)  # a digest round
            self.assertEqual(server.stop(), 0)
            found = find(server.bucket)
            self.assertTrue(found and all(p == "AWSLogs" or p.startswith("AWSLogs/") for p in found), found)
            self.assertEqual(sorted(os.listdir(server.dir)), ["bucket", "bucket-state", "config.json"])
            keys = os.path.join(server.state, "keys")
            self.assertEqual(stat.S_IMODE(os.stat(keys).st_mode), 0o700)
            pems = [name for name in os.listdir(keys) if name.endswith(".pem")]
            self.assertEqual(len(pems), 2)  # one per region that had deliveries
            for name in pems:
                self.assertEqual(stat.S_IMODE(os.stat(os.path.join(keys, name)).st_mode), 0o600, name)
            self.assertTrue(os.path.exists(os.path.join(server.state, "bucket-notifications.jsonl")))
            logs, digests, count = walk_as_cloudtrail(server.bucket)
            self.assertEqual(count, made)
            self.assertGreaterEqual(digests, 2)
            validate = subprocess.run([BIN, "validate", "--bucket", server.bucket], capture_output=True, text=True,
                                      timeout=60, cwd=server.dir)
            self.assertEqual(validate.returncode, 0, validate.stdout + validate.stderr)

    def test_the_shipped_config_writes_nothing_into_the_working_directory(self):
        work, elsewhere = tempfile.mkdtemp(prefix="dynamotrail-cwd-"), tempfile.mkdtemp(prefix="dynamotrail-else-")
        try:
            bucket = os.path.join(elsewhere, "bucket")
            process = subprocess.Popen(
                [BIN, "serve", "--config", os.path.join(ROOT, "config.json"), "--port", "0", "--bucket", bucket],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=work)
            endpoint = process.stdout.readline().strip().split(" on ")[1]
            server = DynamoTrail()
            server.endpoint = endpoint
            server.client("dynamodb").list_tables()
            process.send_signal(signal.SIGTERM)
            self.assertEqual(process.wait(timeout=30), 0)
            process.stdout.close()
            self.assertEqual(os.listdir(work), [])
            self.assertEqual(sorted(os.listdir(elsewhere)), ["bucket", "bucket-state"])
            self.assertEqual(os.listdir(bucket), ["AWSLogs"])
            with open(os.path.join(elsewhere, "bucket-state", "bucket-notifications.jsonl")) as f:
                self.assertIn('"s3Bucket":"dynamotrail-logs"', f.read())
        finally:
            shutil.rmtree(work, ignore_errors=True)
            shutil.rmtree(elsewhere, ignore_errors=True)

    def test_an_old_layout_is_migrated_on_start_without_losing_a_record(self):
        with DynamoTrail(config=CONFIG) as server:
            made = calls(server, "before")
            server.admin("POST", "/_dynamotrail/flush")
            time.sleep(2.5)  # a digest round, so the chain has a link before the move
            made += calls(server, "pending")  # acknowledged, journaled, not delivered: then kill -9
            self.assertEqual(server.stop(signal.SIGKILL), -signal.SIGKILL)
            # The layout of earlier versions: the same folders, inside the bucket.
            old = os.path.join(server.bucket, ".dynamotrail")
            os.makedirs(old)
            for name in os.listdir(server.state):
                os.rename(os.path.join(server.state, name), os.path.join(old, name))
            os.rmdir(server.state)
            self.assertIn(".dynamotrail", os.listdir(server.bucket))
            server.start()
            made += calls(server, "after")
            time.sleep(2.5)
            server.process.send_signal(signal.SIGTERM)
            self.assertEqual(server.process.wait(timeout=30), 0)
            stderr = server.process.stderr.read()
            server.process.stdout.close()
            server.process.stderr.close()
            print("\nmigration log:\n" + stderr)
            self.assertIn("state: moved", stderr)
            self.assertIn("removed the old state folder %s" % os.path.join(server.bucket, ".dynamotrail"), stderr)
            found = find(server.bucket)
            self.assertTrue(all(p == "AWSLogs" or p.startswith("AWSLogs/") for p in found), found)
            tables = sorted(r["requestParameters"]["tableName"] for _, r in records(server.bucket)
                            if r["eventName"] == "CreateTable")
            self.assertEqual(len(tables), 6, tables)
            self.assertEqual(len(records(server.bucket)), made)
            self.assertTrue(all(stat.S_IMODE(os.stat(os.path.join(server.state, "keys", n)).st_mode) == 0o600
                                for n in os.listdir(os.path.join(server.state, "keys")) if n.endswith(".pem")))
            validate = subprocess.run([BIN, "validate", "--bucket", server.bucket], capture_output=True, text=True,
                                      timeout=60, cwd=server.dir)
            self.assertEqual(validate.returncode, 0, validate.stdout + validate.stderr)
            self.assertNotIn("INVALID", validate.stdout + validate.stderr)

    @unittest.skipUnless(os.access(TRAILSCRAPER, os.X_OK), "trailscraper is not installed (Tests/run installs it)")
    def test_trailscraper_reads_every_record_of_the_bucket(self):
        for digests in (False, True):
            config = {"trail": {"deliveryIntervalSeconds": 1, "digest": {"enabled": digests, "intervalSeconds": 2}}}
            with DynamoTrail(config=config) as server:
                made = calls(server, "ts")
                server.admin("POST", "/_dynamotrail/flush")
                time.sleep(2.5)
                self.assertEqual(server.stop(), 0)
                result = subprocess.run([TRAILSCRAPER, "select", "--log-dir", server.bucket], capture_output=True,
                                        text=True, timeout=120)
                print("\ntrailscraper select --log-dir bucket (digests %s): exit %d, %d records on stdout, stderr: %r"
                      % ("on" if digests else "off", result.returncode, len(json.loads(result.stdout)["Records"]),
                         result.stderr))
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(len(json.loads(result.stdout)["Records"]), made)
                warnings = [line for line in result.stderr.splitlines() if line]
                if digests:
                    # trailscraper knows only log file names; a digest file (which AWS delivers into the same
                    # bucket, under CloudTrail-Digest/) is "Invalid filename" to it, as for a bucket synced from AWS.
                    self.assertTrue(warnings and all("Invalid filename" in w and "_CloudTrail-Digest_" in w
                                                     for w in warnings), warnings)
                else:
                    self.assertEqual(warnings, [])


if __name__ == "__main__":
    unittest.main()
