"""Read-only S3 over the trail's bucket directory through real clients: `aws s3 ls/cp` with
AWS_ENDPOINT_URL, boto3 list_objects (v1, marker paging, encoding-type=url), list_objects_v2,
get_object with Range, head_object metadata from the sidecar, S3's errors, and SigV4 for `s3`."""
import datetime
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import unittest
import urllib.error
import urllib.request
from unittest import mock

import boto3
import botocore.auth
import botocore.exceptions
from botocore.config import Config

from dynamotrail_server import DynamoTrail

BUCKET = "ct-bucket"
ACCOUNT = "123456789012"
DIGEST_DIR = "AWSLogs/%s/CloudTrail-Digest/us-east-1/2026/11/24/" % ACCOUNT
LOG_DIR = "AWSLogs/%s/CloudTrail/us-east-1/2026/11/24/" % ACCOUNT
DIGEST_KEY = DIGEST_DIR + "%s_CloudTrail-Digest_us-east-1_ddb-trail_us-east-1_20261124T173240Z.json.gz" % ACCOUNT
LOG_KEY = LOG_DIR + "%s_CloudTrail_us-east-1_20261124T1722Z_gYdAvs3IDn3Wi3Zo.json.gz" % ACCOUNT
ODD_KEYS = ["odd/a b.txt", "odd/plus+sign", "odd/ü-umlaut", "odd/tab\tand&amp<>"]
PAGED_KEYS = ["paged/%03d" % i for i in range(25)]
LAST_MODIFIED = 1795530820  # 2026-11-24T14:33:40Z

ALICE = ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")


def utf8_order(keys):
    return sorted(keys, key=lambda k: k.encode("utf-8"))


class Bucket:
    """Files placed under a running server's bucket directory, with CloudTrail-style sidecars."""

    def __init__(self, server):
        self.root = server.bucket
        self.state = server.state
        os.makedirs(self.root, exist_ok=True)
        self.contents = {}

    def put(self, key, data, sidecar=None):
        path = os.path.join(self.root, key)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        os.utime(path, (LAST_MODIFIED, LAST_MODIFIED))
        self.contents[key] = data
        if sidecar is not None:
            meta = os.path.join(self.state, "metadata", key + ".json")
            os.makedirs(os.path.dirname(meta), exist_ok=True)
            with open(meta, "w") as f:
                json.dump(sidecar, f)

    def populate(self):
        log = gzip.compress(json.dumps({"Records": [{"eventName": "ListTables"}]}).encode())
        self.put(LOG_KEY, log, {"contentType": "application/json", "contentEncoding": "gzip",
                                "serverSideEncryption": "AES256", "storageClass": "STANDARD", "userMetadata": {},
                                "etag": hashlib.md5(log).hexdigest(), "lastModified": LAST_MODIFIED})
        digest = gzip.compress(b'{"digestStartTime":"2026-11-24T16:32:40Z"}')
        self.put(DIGEST_KEY, digest, {
            "contentType": "application/json", "contentEncoding": "gzip", "serverSideEncryption": "aws:kms",
            "sseKMSKeyId": "arn:aws:kms:us-east-1:%s:key/1234abcd-12ab-34cd-56ef-1234567890ab" % ACCOUNT,
            "storageClass": "STANDARD",
            "userMetadata": {"signature": "0a1b2c3d", "signature-algorithm": "SHA256withRSA"},
            "etag": hashlib.md5(digest).hexdigest(), "lastModified": LAST_MODIFIED})
        self.put("archived/old.json.gz", b"frozen", {
            "contentType": "application/json", "serverSideEncryption": "AES256", "storageClass": "GLACIER",
            "userMetadata": {}, "lastModified": LAST_MODIFIED})
        self.put("plain.bin", bytes(range(256)))
        for key in ODD_KEYS + PAGED_KEYS:
            self.put(key, ("body of " + key).encode())
        # An old layout's private folder never appears (written directly: it is not an object).
        journal = os.path.join(self.root, ".dynamotrail", "journal")
        os.makedirs(journal, exist_ok=True)
        with open(os.path.join(journal, "000001.journal"), "wb") as f:
            f.write(b"private")
        return self

    @property
    def keys(self):
        return utf8_order(self.contents)


def s3_client(server, key=ALICE[0], secret=ALICE[1], region="us-east-1", **config):
    return boto3.client("s3", endpoint_url=server.endpoint, region_name=region, aws_access_key_id=key,
                        aws_secret_access_key=secret,
                        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1, "mode": "standard"},
                                      **config))


def cli_env(server, key=ALICE[0], secret=ALICE[1]):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ENDPOINT_URL=server.endpoint, AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=secret,
               AWS_DEFAULT_REGION="us-east-1", AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull,
               AWS_MAX_ATTEMPTS="1", TZ="UTC")
    return env


class S3LenientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DynamoTrail(config={"trail": {"bucket": {"name": BUCKET}}, "auth": {"allowAnonymous": True}})
        cls.server.__enter__()
        cls.bucket = Bucket(cls.server).populate()
        cls.s3 = s3_client(cls.server)

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def aws(self, *args, binary=False):
        aws = shutil.which("aws")
        if aws is None:
            self.skipTest("aws CLI not on PATH")
        return subprocess.run([aws, *args], capture_output=True, env=cli_env(self.server), timeout=120,
                              text=not binary)

    def assertS3Error(self, call, code, message, status):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            call()
        response = caught.exception.response
        self.assertEqual(response["Error"]["Code"], code)
        self.assertEqual(response["Error"]["Message"], message)
        self.assertEqual(response["ResponseMetadata"]["HTTPStatusCode"], status)
        headers = response["ResponseMetadata"]["HTTPHeaders"]
        self.assertRegex(headers["x-amz-request-id"], r"^[0-9A-F]{16}$")
        self.assertTrue(headers["x-amz-id-2"])
        return response

    # -- the AWS CLI --------------------------------------------------------------------------------

    def test_aws_s3_ls_recursive_lists_every_key(self):
        result = self.aws("s3", "ls", "--recursive", "s3://" + BUCKET)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        listed = [line.split(None, 3)[3] for line in lines]
        self.assertEqual(listed, self.bucket.keys)
        sizes = {line.split(None, 3)[3]: int(line.split(None, 3)[2]) for line in lines}
        self.assertEqual(sizes["plain.bin"], 256)
        self.assertTrue(lines[0].startswith("2026-11-24 14:33:40"), lines[0])
        self.assertNotIn(".dynamotrail", result.stdout)

    def test_aws_s3_ls_top_level_shows_prefixes(self):
        result = self.aws("s3", "ls", "s3://%s/" % BUCKET)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual([line.split()[-1] for line in result.stdout.splitlines()],
                         ["AWSLogs/", "archived/", "odd/", "paged/", "plain.bin"])

    def test_aws_s3_cp_to_stdout(self):
        for key in (LOG_KEY, "plain.bin", "odd/a b.txt", "odd/ü-umlaut"):
            with self.subTest(key=key):
                result = self.aws("s3", "cp", "s3://%s/%s" % (BUCKET, key), "-", binary=True)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(result.stdout, self.bucket.contents[key])

    def test_aws_s3_cp_missing_key_fails(self):
        result = self.aws("s3", "cp", "s3://%s/no/such/key" % BUCKET, "-")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("404", result.stderr)

    # -- boto3 listings -------------------------------------------------------------------------------

    def test_list_objects_v1_pages_with_marker_and_decodes_url_encoding(self):
        keys, marker, pages = [], "", 0
        while True:
            page = self.s3.list_objects(Bucket=BUCKET, Marker=marker, MaxKeys=10)
            pages += 1
            self.assertEqual(page["EncodingType"], "url")  # botocore asks for it and decodes it
            batch = [o["Key"] for o in page.get("Contents", [])]
            keys += batch
            if not page["IsTruncated"]:
                break
            self.assertNotIn("NextMarker", page)  # no delimiter: S3 sends no NextMarker
            marker = batch[-1]
        self.assertEqual(keys, self.bucket.keys)
        self.assertEqual(pages, 4)

    def test_list_objects_v1_paginator_with_delimiter(self):
        paginator = self.s3.get_paginator("list_objects")
        prefixes, keys = [], []
        for page in paginator.paginate(Bucket=BUCKET, Delimiter="/", PaginationConfig={"PageSize": 2}):
            prefixes += [p["Prefix"] for p in page.get("CommonPrefixes", [])]
            keys += [o["Key"] for o in page.get("Contents", [])]
            if page["IsTruncated"]:
                self.assertIn("NextMarker", page)
        self.assertEqual(prefixes, ["AWSLogs/", "archived/", "odd/", "paged/"])
        self.assertEqual(keys, ["plain.bin"])

    def test_validate_logs_style_listing(self):
        # What `aws cloudtrail validate-logs` sends: the v1 paginator with Marker and Prefix.
        marker = DIGEST_DIR + "%s_CloudTrail-Digest_us-east-1_ddb-trail_us-east-1_20261124T143240Z.json.gz" % ACCOUNT
        paginator = self.s3.get_paginator("list_objects")
        keys = [o["Key"] for page in paginator.paginate(
            Bucket=BUCKET, Marker=marker, Prefix="AWSLogs/%s/CloudTrail-Digest/us-east-1" % ACCOUNT)
            for o in page.get("Contents", [])]
        self.assertEqual(keys, [DIGEST_KEY])
        self.assertIsNone(self.s3.get_bucket_location(Bucket=BUCKET)["LocationConstraint"])

    def test_list_objects_v1_odd_keys(self):
        page = self.s3.list_objects(Bucket=BUCKET, Prefix="odd/")
        self.assertEqual([o["Key"] for o in page["Contents"]], utf8_order(ODD_KEYS))
        for entry in page["Contents"]:
            self.assertEqual(entry["Size"], len(self.bucket.contents[entry["Key"]]))
            self.assertEqual(entry["StorageClass"], "STANDARD")
            self.assertEqual(entry["LastModified"], datetime.datetime.fromtimestamp(LAST_MODIFIED, datetime.timezone.utc))

    def test_list_objects_v2_paginator_start_after_and_key_count(self):
        paginator = self.s3.get_paginator("list_objects_v2")
        pages = list(paginator.paginate(Bucket=BUCKET, FetchOwner=True, PaginationConfig={"PageSize": 7}))
        self.assertEqual([o["Key"] for p in pages for o in p.get("Contents", [])], self.bucket.keys)
        self.assertEqual(sum(p["KeyCount"] for p in pages), len(self.bucket.keys))
        self.assertTrue(all("NextContinuationToken" in p for p in pages[:-1]))
        after = self.s3.list_objects_v2(Bucket=BUCKET, StartAfter="paged/020", Prefix="paged/")
        self.assertEqual([o["Key"] for o in after["Contents"]], PAGED_KEYS[21:])
        self.assertEqual(after["StartAfter"], "paged/020")
        self.assertEqual(after["KeyCount"], 4)
        digest = self.s3.list_objects_v2(Bucket=BUCKET, Prefix=DIGEST_DIR)["Contents"][0]
        self.assertEqual(digest["ETag"], '"%s"' % hashlib.md5(self.bucket.contents[DIGEST_KEY]).hexdigest())
        rolled = self.s3.list_objects_v2(Bucket=BUCKET, Delimiter="/", Prefix="AWSLogs/%s/" % ACCOUNT)
        self.assertEqual([p["Prefix"] for p in rolled["CommonPrefixes"]],
                         ["AWSLogs/%s/CloudTrail-Digest/" % ACCOUNT, "AWSLogs/%s/CloudTrail/" % ACCOUNT])

    def test_list_objects_v2_bad_continuation_token(self):
        self.assertS3Error(lambda: self.s3.list_objects_v2(Bucket=BUCKET, ContinuationToken="bogus"),
                           "InvalidArgument", "The continuation token provided is incorrect", 400)

    # -- objects ---------------------------------------------------------------------------------------

    def test_get_object_whole_and_ranges(self):
        whole = self.s3.get_object(Bucket=BUCKET, Key="plain.bin")
        self.assertEqual(whole["Body"].read(), bytes(range(256)))
        self.assertEqual(whole["ETag"], '"%s"' % hashlib.md5(bytes(range(256))).hexdigest())
        self.assertEqual(whole["ContentType"], "binary/octet-stream")
        self.assertEqual(whole["AcceptRanges"], "bytes")
        for header, first, last in [("bytes=2-5", 2, 5), ("bytes=250-", 250, 255), ("bytes=-3", 253, 255),
                                    ("bytes=200-999", 200, 255)]:
            with self.subTest(range=header):
                part = self.s3.get_object(Bucket=BUCKET, Key="plain.bin", Range=header)
                self.assertEqual(part["ResponseMetadata"]["HTTPStatusCode"], 206)
                self.assertEqual(part["ContentRange"], "bytes %d-%d/256" % (first, last))
                self.assertEqual(part["ContentLength"], last - first + 1)
                self.assertEqual(part["Body"].read(), bytes(range(first, last + 1)))

    def test_head_object_metadata_from_the_sidecar(self):
        head = self.s3.head_object(Bucket=BUCKET, Key=DIGEST_KEY)
        self.assertEqual(head["Metadata"], {"signature": "0a1b2c3d", "signature-algorithm": "SHA256withRSA"})
        self.assertEqual(head["ServerSideEncryption"], "aws:kms")
        self.assertEqual(head["SSEKMSKeyId"], "arn:aws:kms:us-east-1:%s:key/1234abcd-12ab-34cd-56ef-1234567890ab" % ACCOUNT)
        self.assertEqual(head["ContentType"], "application/json")
        self.assertEqual(head["ContentEncoding"], "gzip")
        self.assertEqual(head["ContentLength"], len(self.bucket.contents[DIGEST_KEY]))
        self.assertEqual(head["ETag"], '"%s"' % hashlib.md5(self.bucket.contents[DIGEST_KEY]).hexdigest())
        self.assertEqual(head["LastModified"], datetime.datetime.fromtimestamp(LAST_MODIFIED, datetime.timezone.utc))
        self.assertNotIn("StorageClass", head)  # STANDARD is not sent
        raw = head["ResponseMetadata"]["HTTPHeaders"]
        self.assertEqual(raw["last-modified"], "Tue, 24 Nov 2026 14:33:40 GMT")
        self.assertEqual(raw["x-amz-meta-signature"], "0a1b2c3d")
        glacier = self.s3.head_object(Bucket=BUCKET, Key="archived/old.json.gz")
        self.assertEqual(glacier["StorageClass"], "GLACIER")
        self.assertEqual(glacier["ServerSideEncryption"], "AES256")
        # get_object of the digest gives the same metadata, and the raw gzip bytes.
        got = self.s3.get_object(Bucket=BUCKET, Key=DIGEST_KEY)
        self.assertEqual(got["Metadata"]["signature-algorithm"], "SHA256withRSA")
        self.assertEqual(gzip.decompress(got["Body"].read()), b'{"digestStartTime":"2026-11-24T16:32:40Z"}')

    # -- errors ----------------------------------------------------------------------------------------

    def test_no_such_key(self):
        response = self.assertS3Error(lambda: self.s3.get_object(Bucket=BUCKET, Key="AWSLogs/missing.json.gz"),
                                      "NoSuchKey", "The specified key does not exist.", 404)
        self.assertEqual(response["Error"]["Key"], "AWSLogs/missing.json.gz")
        self.assertEqual(response["ResponseMetadata"]["RequestId"],
                         response["ResponseMetadata"]["HTTPHeaders"]["x-amz-request-id"])
        # The body's RequestId and HostId are the headers' ids.
        with self.assertRaises(urllib.error.HTTPError) as raw:
            urllib.request.urlopen("%s/%s/AWSLogs/missing.json.gz" % (self.server.endpoint, BUCKET))
        self.assertEqual(raw.exception.code, 404)
        self.assertEqual(raw.exception.headers["Content-Type"], "application/xml")
        self.assertEqual(
            raw.exception.read().decode(),
            '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not '
            'exist.</Message><Key>AWSLogs/missing.json.gz</Key><RequestId>%s</RequestId><HostId>%s</HostId></Error>'
            % (raw.exception.headers["x-amz-request-id"], raw.exception.headers["x-amz-id-2"]))
        self.assertS3Error(lambda: self.s3.get_object(Bucket=BUCKET, Key=".dynamotrail/journal/000001.journal"),
                           "NoSuchKey", "The specified key does not exist.", 404)
        # HEAD errors have no body: botocore reports the status.
        self.assertS3Error(lambda: self.s3.head_object(Bucket=BUCKET, Key="missing"), "404", "Not Found", 404)

    def test_no_such_bucket(self):
        response = self.assertS3Error(lambda: self.s3.list_objects(Bucket="other-bucket"),
                                      "NoSuchBucket", "The specified bucket does not exist", 404)
        self.assertEqual(response["Error"]["BucketName"], "other-bucket")
        self.assertS3Error(lambda: self.s3.get_object(Bucket="other-bucket", Key="plain.bin"),
                           "NoSuchBucket", "The specified bucket does not exist", 404)

    def test_glacier_object_is_invalid_object_state(self):
        response = self.assertS3Error(lambda: self.s3.get_object(Bucket=BUCKET, Key="archived/old.json.gz"),
                                      "InvalidObjectState", "The operation is not valid for the object's storage class",
                                      403)
        self.assertEqual(response["Error"]["StorageClass"], "GLACIER")

    def test_invalid_range(self):
        response = self.assertS3Error(lambda: self.s3.get_object(Bucket=BUCKET, Key="plain.bin", Range="bytes=256-"),
                                      "InvalidRange", "The requested range is not satisfiable", 416)
        self.assertEqual(response["Error"]["ActualObjectSize"], "256")
        self.assertEqual(response["Error"]["RangeRequested"], "bytes=256-")

    def test_writes_are_access_denied(self):
        calls = [
            lambda: self.s3.put_object(Bucket=BUCKET, Key="new", Body=b"x"),
            lambda: self.s3.delete_object(Bucket=BUCKET, Key="plain.bin"),
            lambda: self.s3.copy_object(Bucket=BUCKET, Key="copy", CopySource={"Bucket": BUCKET, "Key": "plain.bin"}),
            lambda: self.s3.create_bucket(Bucket="new-bucket"),
            lambda: self.s3.delete_objects(Bucket=BUCKET, Delete={"Objects": [{"Key": "plain.bin"}]}),
        ]
        for call in calls:
            self.assertS3Error(call, "AccessDenied", "Access Denied", 403)
        self.assertTrue(os.path.exists(os.path.join(self.bucket.root, "plain.bin")))
        self.assertFalse(os.path.exists(os.path.join(self.bucket.root, "new")))

    def test_unsigned_curl_style_get_is_anonymous_in_lenient_mode(self):
        with urllib.request.urlopen("%s/%s/plain.bin" % (self.server.endpoint, BUCKET)) as response:
            self.assertEqual(response.read(), bytes(range(256)))


class S3EnforceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DynamoTrail(config={
            "auth": {"mode": "enforce"},
            "trail": {"bucket": {"name": BUCKET}, "homeRegion": "eu-west-1"},
            "accounts": [{"accountId": ACCOUNT, "default": True, "identities": [
                {"type": "IAMUser", "userName": "alice", "accessKeyId": ALICE[0], "secretAccessKey": ALICE[1]},
                {"type": "IAMUser", "userName": "lister", "accessKeyId": "AKIALISTERONLY000001",
                 "secretAccessKey": "listerSecret", "deny": ["s3:GetObject"]}]}]})
        cls.server.__enter__()
        cls.bucket = Bucket(cls.server).populate()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def test_signed_requests_pass(self):
        s3 = s3_client(self.server, region="eu-west-1")
        self.assertEqual(s3.get_object(Bucket=BUCKET, Key="plain.bin")["Body"].read(), bytes(range(256)))
        self.assertEqual(s3.get_bucket_location(Bucket=BUCKET)["LocationConstraint"], "eu-west-1")
        self.assertEqual(len(s3.list_objects_v2(Bucket=BUCKET, Prefix="paged/")["Contents"]), 25)

    def test_wrong_secret_is_signature_does_not_match(self):
        s3 = s3_client(self.server, secret="wrong")
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            s3.get_object(Bucket=BUCKET, Key="plain.bin")
        error = caught.exception.response["Error"]
        self.assertEqual(error["Code"], "SignatureDoesNotMatch")
        self.assertEqual(error["Message"], "The request signature we calculated does not match the signature you "
                                           "provided. Check your key and signing method.")
        self.assertEqual(error["AWSAccessKeyId"], ALICE[0])
        self.assertTrue(error["CanonicalRequest"].startswith("GET\n/%s/plain.bin\n" % BUCKET))
        self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], 403)

    def test_unknown_key_is_invalid_access_key_id(self):
        s3 = s3_client(self.server, key="AKIANOBODY0000000001")
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            s3.list_objects(Bucket=BUCKET)
        error = caught.exception.response["Error"]
        self.assertEqual(error["Code"], "InvalidAccessKeyId")
        self.assertEqual(error["Message"], "The AWS Access Key Id you provided does not exist in our records.")
        self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], 403)

    def test_old_request_is_request_time_too_skewed(self):
        s3 = s3_client(self.server)
        old = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - datetime.timedelta(minutes=16)
        with mock.patch("botocore.auth.get_current_datetime", return_value=old):
            with self.assertRaises(botocore.exceptions.ClientError) as caught:
                s3.list_objects(Bucket=BUCKET)
        error = caught.exception.response["Error"]
        self.assertEqual(error["Code"], "RequestTimeTooSkewed")
        self.assertEqual(error["Message"], "The difference between the request time and the current time is too large.")
        self.assertEqual(error["MaxAllowedSkewMilliseconds"], "900000")

    def test_presigned_urls(self):
        # boto3 pre-signs S3 URLs with SigV2 in us-east-1 unless told otherwise; only SigV4 is served.
        s3 = s3_client(self.server, signature_version="s3v4")
        url = s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": "odd/a b.txt"}, ExpiresIn=60)
        with urllib.request.urlopen(url) as response:
            self.assertEqual(response.read(), self.bucket.contents["odd/a b.txt"])
        old = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - datetime.timedelta(seconds=120)
        with mock.patch("botocore.auth.get_current_datetime", return_value=old):
            expired = s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": "plain.bin"}, ExpiresIn=60)
        with self.assertRaises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(expired)
        self.assertEqual(caught.exception.code, 403)
        body = caught.exception.read().decode()
        self.assertIn("<Code>AccessDenied</Code><Message>Request has expired</Message><X-Amz-Expires>60</X-Amz-Expires>",
                      body)
        self.assertRegex(caught.exception.headers["x-amz-request-id"], r"^[0-9A-F]{16}$")

    def test_unsigned_request_is_access_denied(self):
        with self.assertRaises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen("%s/%s/plain.bin" % (self.server.endpoint, BUCKET))
        self.assertEqual(caught.exception.code, 403)
        self.assertIn("<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>",
                      caught.exception.read().decode())

    def test_deny_list_covers_s3_actions(self):
        lister = s3_client(self.server, key="AKIALISTERONLY000001", secret="listerSecret")
        self.assertEqual(len(lister.list_objects(Bucket=BUCKET, Prefix="paged/")["Contents"]), 25)
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            lister.get_object(Bucket=BUCKET, Key="plain.bin")
        self.assertEqual(caught.exception.response["Error"]["Code"], "AccessDenied")
        self.assertEqual(caught.exception.response["Error"]["Message"], "Access Denied")

    def test_aws_cli_with_endpoint_variable(self):
        aws = shutil.which("aws")
        if aws is None:
            self.skipTest("aws CLI not on PATH")
        result = subprocess.run([aws, "s3", "cp", "s3://%s/%s" % (BUCKET, LOG_KEY), "-"], capture_output=True,
                                env=cli_env(self.server), timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, self.bucket.contents[LOG_KEY])
        bad = subprocess.run([aws, "s3", "ls", "s3://%s/" % BUCKET], capture_output=True, text=True,
                             env=cli_env(self.server, secret="wrong"), timeout=120)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("SignatureDoesNotMatch", bad.stderr)


if __name__ == "__main__":
    unittest.main()
