"""Digest files end to end: a running server writes signed, chained digests that `dynamotrail validate`,
python-rsa (what awscli v1 verifies with) and awscli's own validate-logs classes accept, and tampering is caught.

The awscli classes run against the bucket directory through small fake S3/CloudTrail clients, because the
real `aws cloudtrail validate-logs` also needs the CloudTrail and S3 APIs of the server.
"""
import base64
import contextlib
import datetime
import glob
import gzip
import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import zlib

import rsa
from botocore.exceptions import ClientError
from dateutil import tz

from awscli.customizations.cloudtrail.validation import CloudTrailValidateLogs, Sha256RSADigestValidator
from dynamotrail_server import BIN, DynamoTrail

BUCKET_NAME = "ct-bucket"
ACCOUNT = "123456789012"
TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:%s:trail/dynamotrail" % ACCOUNT
CONFIG = {"trail": {"deliveryIntervalSeconds": 1, "digest": {"enabled": True, "intervalSeconds": 2},
                    "bucket": {"name": BUCKET_NAME}}}
REGIONS = ("us-east-1", "eu-west-1")


def inflate(data):
    return zlib.decompress(data, zlib.MAX_WBITS | 16)


def read_key(root, key):
    with open(os.path.join(root, key), "rb") as f:
        return f.read()


def metadata(root, key):
    with open(os.path.join(root + "-state", "metadata", key + ".json")) as f:
        return json.load(f)["userMetadata"]


def keys_under(root, folder):
    found = []
    for path in glob.glob(os.path.join(root, "AWSLogs", "*", folder, "*", "*", "*", "*", "*.json.gz")):
        found.append(os.path.relpath(path, root))
    return sorted(found)


def digests(root):
    """{region: [(key, json, inflated, signature)] oldest first}."""
    result = {}
    for key in keys_under(root, "CloudTrail-Digest"):
        inflated = inflate(read_key(root, key))
        meta = metadata(root, key)
        result.setdefault(key.split("/")[3], []).append((key, json.loads(inflated), inflated, meta.get("signature")))
    return result


def public_keys(root, region):
    """{fingerprint: base64 DER PKCS#1} of the region, read from the state directory's keys/*.pub."""
    keys = {}
    for path in glob.glob(os.path.join(root + "-state", "keys", region + "_*.pub")):
        with open(path, "rb") as f:
            key = rsa.PublicKey.load_pkcs1(f.read())
        der = key.save_pkcs1("DER")
        keys[hashlib.md5(der).hexdigest()] = base64.b64encode(der).decode()
    return keys


def string_to_sign(digest, inflated):
    previous = digest["previousDigestSignature"]
    return ("%s\n%s/%s\n%s\n%s" % (digest["digestEndTime"], digest["digestS3Bucket"], digest["digestS3Object"],
                                   hashlib.sha256(inflated).hexdigest(), "null" if previous is None else previous)).encode()


def run_validate(root, *args):
    return subprocess.run([BIN, "validate", "--bucket", root] + list(args), capture_output=True, text=True, timeout=60,
                          cwd=tempfile.gettempdir())


# Fake clients for awscli's validate-logs classes, serving the bucket directory like the server's S3 API.
class FakeBody(io.BytesIO):
    pass


class FakeS3:
    def __init__(self, root):
        self.root = root

    def get_object(self, Bucket, Key):
        path = os.path.join(self.root, Key)
        if Bucket != BUCKET_NAME or not os.path.isfile(path):
            raise ClientError({"Error": {"Code": "NoSuchKey", "Message": "The specified key does not exist."}}, "GetObject")
        meta_path = os.path.join(self.root + "-state", "metadata", Key + ".json")
        meta = metadata(self.root, Key) if os.path.exists(meta_path) else {}
        return {"Body": FakeBody(read_key(self.root, Key)), "Metadata": meta}

    def get_paginator(self, name):
        assert name == "list_objects"
        root = self.root

        class Pages:
            def __init__(self, keys):
                self.keys = keys

            def search(self, expression):
                assert expression == "Contents[*].Key"
                return iter(self.keys)

        class Paginator:
            def paginate(self, Bucket, Marker, Prefix):
                everything = keys_under(root, "CloudTrail-Digest") + keys_under(root, "CloudTrail")
                return Pages(sorted(k for k in everything if k > Marker and k.startswith(Prefix)))

        return Paginator()


class FakeS3Provider:
    def __init__(self, root):
        self.client = FakeS3(root)

    def get_client(self, bucket):
        return self.client


class FakeCloudTrail:
    def __init__(self, root, region):
        self.root, self.region = root, region

    def list_public_keys(self, StartTime, EndTime):
        # As the CLI sees the wire: Value stays base64 (its blob parser is the identity).
        return {"PublicKeyList": [{"Fingerprint": fp, "Value": value}
                                  for fp, value in public_keys(self.root, self.region).items()]}


def cli_validate_logs(root, region, start):
    """Runs awscli's CloudTrailValidateLogs._call as `--region <region> --s3-bucket ct-bucket --verbose` would."""
    command = CloudTrailValidateLogs(None)
    command.trail_arn = TRAIL_ARN
    command.is_verbose = True
    command.s3_bucket, command.s3_prefix, command.account_id = BUCKET_NAME, None, None
    command.start_time = start.replace(tzinfo=tz.tzutc())
    command.end_time = datetime.datetime.now(tz.tzutc())
    command._source_region = region
    command.s3_client_provider = FakeS3Provider(root)
    command.organization_client = None
    command.cloudtrail_client = FakeCloudTrail(root, region)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        command._call()
    code = 1 if command._invalid_digests or command._invalid_logs else 0
    return code, out.getvalue(), err.getvalue()


class DigestTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.start = datetime.datetime.utcnow() - datetime.timedelta(minutes=5)
        cls.work = tempfile.mkdtemp(prefix="dynamotrail-digests-")
        cls.root = os.path.join(cls.work, "bucket")
        with DynamoTrail(config=CONFIG) as server:
            for region in REGIONS:
                server.client("dynamodb", region=region).list_tables()
            # Interval digests while running: at least two per region, listing every log so far.
            deadline = time.time() + 30
            while time.time() < deadline:
                found = digests(server.bucket)
                listed = {f["s3Object"] for chain in found.values() for _, d, _, _ in chain for f in d["logFiles"]}
                logs = set(keys_under(server.bucket, "CloudTrail"))
                if all(len(found.get(r, [])) >= 2 for r in REGIONS) and logs and logs <= listed:
                    break
                time.sleep(0.5)
            cls.running = digests(server.bucket)
            # A restart continues the chain; so does a kill -9 right after a delivery.
            server.client("dynamodb").list_tables()
            server.admin("POST", "/_dynamotrail/flush")
            cls.stop_code = server.stop(signal.SIGKILL)
            server.start()
            server.client("dynamodb", region="eu-west-1").list_tables()
            time.sleep(2.5)
            cls.final_code = server.stop()
            shutil.copytree(server.bucket, cls.root)
            shutil.copytree(server.state, cls.root + "-state")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def tamper_copy(self):
        root = os.path.join(tempfile.mkdtemp(dir=self.work), "bucket")
        shutil.copytree(self.root, root)
        shutil.copytree(self.root + "-state", root + "-state")
        return root

    def test_digests_were_written_while_running_and_on_shutdown(self):
        self.assertEqual(self.final_code, 0)
        for region in REGIONS:
            self.assertGreaterEqual(len(self.running.get(region, [])), 2, region)

    def test_dynamotrail_validate_accepts_the_bucket(self):
        result = run_validate(self.root, "--verbose")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertNotIn("INVALID", result.stdout + result.stderr)
        count = sum(len(chain) for chain in digests(self.root).values())
        self.assertIn("%d/%d digest files valid" % (count, count), result.stdout)
        logs = len(keys_under(self.root, "CloudTrail"))
        self.assertIn("%d/%d log files valid" % (logs, logs), result.stdout)
        self.assertIn("Digest file\ts3://%s/AWSLogs/%s/CloudTrail-Digest/" % (BUCKET_NAME, ACCOUNT), result.stdout)

    def test_signatures_verify_with_python_rsa_and_the_chain_is_unbroken(self):
        found = digests(self.root)
        self.assertEqual(sorted(found), sorted(REGIONS))
        listed = []
        for region, chain in found.items():
            keys = public_keys(self.root, region)
            self.assertEqual(len(keys), 1, region)  # one key per region, reused across the restart
            previous = None
            for key, digest, inflated, signature in chain:
                self.assertEqual(len(signature), 512)
                self.assertEqual(metadata(self.root, key)["signature-algorithm"], "SHA256withRSA")
                self.assertEqual(digest["digestS3Bucket"], BUCKET_NAME)
                self.assertEqual(digest["digestS3Object"], key)
                self.assertEqual(key[-24:-8], digest["digestEndTime"].replace("-", "").replace(":", ""))
                public = rsa.PublicKey.load_pkcs1(base64.b64decode(keys[digest["digestPublicKeyFingerprint"]]), "DER")
                self.assertEqual(rsa.verify(string_to_sign(digest, inflated), bytes.fromhex(signature), public), "SHA-256")
                if previous is None:
                    for field in ("previousDigestS3Bucket", "previousDigestS3Object", "previousDigestHashValue",
                                  "previousDigestHashAlgorithm", "previousDigestSignature"):
                        self.assertIsNone(digest[field], field)
                else:
                    pkey, pdigest, pinflated, psignature = previous
                    self.assertEqual(digest["previousDigestS3Object"], pkey)
                    self.assertEqual(digest["previousDigestS3Bucket"], BUCKET_NAME)
                    self.assertEqual(digest["previousDigestHashValue"], hashlib.sha256(pinflated).hexdigest())
                    self.assertEqual(digest["previousDigestSignature"], psignature)
                    self.assertEqual(digest["digestStartTime"], pdigest["digestEndTime"])  # no gaps
                if not digest["logFiles"]:
                    self.assertIsNone(digest["newestEventTime"])
                    self.assertIsNone(digest["oldestEventTime"])
                for log in digest["logFiles"]:
                    self.assertEqual(log["hashValue"], hashlib.sha256(inflate(read_key(self.root, log["s3Object"]))).hexdigest())
                    listed.append(log["s3Object"])
                previous = (key, digest, inflated, signature)
        # Every delivered log file is in exactly one digest, across the restart and the kill -9.
        self.assertEqual(sorted(listed), keys_under(self.root, "CloudTrail"))

    def test_awscli_validator_classes_accept_every_digest(self):
        for region, chain in digests(self.root).items():
            keys = public_keys(self.root, region)
            for key, digest, inflated, signature in chain:
                data = dict(digest, _signature=signature, _signature_algorithm="SHA256withRSA")
                Sha256RSADigestValidator().validate(BUCKET_NAME, key, keys[digest["digestPublicKeyFingerprint"]], data, inflated)
            code, out, err = cli_validate_logs(self.root, region, self.start)
            self.assertEqual(code, 0, out + err)
            self.assertEqual(err, "", err)
            self.assertIn("%d/%d digest files valid" % (len(chain), len(chain)), out)
            self.assertNotIn("No log files were delivered", out + err)

    def test_a_changed_log_file_is_invalid(self):
        root = self.tamper_copy()
        log = keys_under(root, "CloudTrail")[0]
        body = bytearray(inflate(read_key(root, log)))
        body[body.index(b"eventName") + 12] ^= 0x01  # one byte of the event name
        with open(os.path.join(root, log), "wb") as f:
            f.write(gzip.compress(bytes(body)))
        result = run_validate(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("Log file\ts3://%s/%s\tINVALID: hash value doesn't match" % (BUCKET_NAME, log), result.stderr)
        code, _, err = cli_validate_logs(root, log.split("/")[3], self.start)
        self.assertEqual(code, 1)
        self.assertIn("Log file\ts3://%s/%s\tINVALID: hash value doesn't match" % (BUCKET_NAME, log), err)

    def test_a_deleted_log_file_is_not_found(self):
        root = self.tamper_copy()
        log = keys_under(root, "CloudTrail")[-1]
        os.remove(os.path.join(root, log))
        result = run_validate(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("Log file\ts3://%s/%s\tINVALID: not found" % (BUCKET_NAME, log), result.stderr)
        code, _, err = cli_validate_logs(root, log.split("/")[3], self.start)
        self.assertEqual(code, 1)
        self.assertIn("Log file\ts3://%s/%s\tINVALID: not found" % (BUCKET_NAME, log), err)

    def test_a_deleted_digest_breaks_the_chain(self):
        root = self.tamper_copy()
        chain = digests(root)["us-east-1"]
        self.assertGreaterEqual(len(chain), 3)
        victim = chain[len(chain) // 2][0]
        os.remove(os.path.join(root, victim))
        result = run_validate(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("Digest file\ts3://%s/%s\tINVALID: not found" % (BUCKET_NAME, victim), result.stderr)
        code, _, err = cli_validate_logs(root, "us-east-1", self.start)
        self.assertEqual(code, 1)
        self.assertIn("Digest file\ts3://%s/%s\tINVALID: not found" % (BUCKET_NAME, victim), err)

    def test_a_deleted_newest_digest_is_caught_by_dynamotrail_validate(self):
        root = self.tamper_copy()
        newest = digests(root)["eu-west-1"][-1][0]
        os.remove(os.path.join(root, newest))
        result = run_validate(root, "--region", "eu-west-1")
        self.assertEqual(result.returncode, 1)
        self.assertIn("Digest file\ts3://%s/%s\tINVALID: not found" % (BUCKET_NAME, newest), result.stderr)

    def test_a_forged_digest_fails_signature_verification(self):
        root = self.tamper_copy()
        key, digest, _, _ = digests(root)["us-east-1"][-1]
        digest["logFiles"] = []
        with open(os.path.join(root, key), "wb") as f:
            f.write(gzip.compress(json.dumps(digest).encode()))
        result = run_validate(root)
        self.assertEqual(result.returncode, 1)
        self.assertIn("Digest file\ts3://%s/%s\tINVALID: signature verification failed" % (BUCKET_NAME, key), result.stderr)
        code, _, err = cli_validate_logs(root, "us-east-1", self.start)
        self.assertEqual(code, 1)
        self.assertIn("Digest file\ts3://%s/%s\tINVALID: signature verification failed" % (BUCKET_NAME, key), err)

    def test_bad_arguments_exit_two(self):
        self.assertEqual(run_validate(self.root, "--start-time", "yesterday").returncode, 2)
        self.assertEqual(run_validate(os.path.join(self.work, "nope")).returncode, 2)


if __name__ == "__main__":
    unittest.main()
