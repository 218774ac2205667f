"""CloudTrail delivery through real clients: the files, the records, nothing lost across kill -9,
an unwritable bucket that recovers."""
import gzip
import http.client
import json
import os
import re
import shutil
import signal
import threading
import time
import unittest

import botocore.exceptions

from dynamotrail_server import DynamoTrail, ROOT
from trail_files import KEY, log_keys, records, single_member_gzip

with open(os.path.join(ROOT, "config.json")) as f:
    SHIPPED = json.load(f)
DEV, PROD = SHIPPED["accounts"][0], SHIPPED["accounts"][1]


def identity(account, kind):
    return next(i for i in account["identities"] if i["type"] == kind)


def client_for(server, who, region, service="dynamodb"):
    return server.client(service, region=region, key=who["accessKeyId"], secret=who["secretAccessKey"], token=who.get("sessionToken"))


TOP_LEVEL_ORDER = ["eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress",
                   "userAgent", "errorCode", "errorMessage", "requestParameters", "responseElements", "additionalEventData",
                   "requestID", "eventID", "readOnly", "resources", "eventType", "apiVersion", "managementEvent",
                   "recipientAccountId", "sharedEventID", "vpcEndpointId", "vpcEndpointAccountId", "eventCategory"]


class DeliveryTest(unittest.TestCase):
    def config(self, **trail):
        config = json.loads(json.dumps(SHIPPED))
        config["server"] = {}
        config["trail"].pop("bucket")
        config["trail"]["notifications"] = {"file": "notifications.jsonl"}
        config["trail"]["deliveryIntervalSeconds"] = 3600
        config["trail"]["digest"] = {"enabled": False}
        config["trail"].update(trail)
        return config

    def test_scripted_run_delivers_expected_files_and_records(self):
        with DynamoTrail(config=self.config()) as server:
            alice = client_for(server, identity(DEV, "IAMUser"), "us-east-1")
            jane = client_for(server, identity(DEV, "AssumedRole"), "eu-west-1")
            bob = client_for(server, identity(DEV, "FederatedUser"), "us-east-1")
            prod_root = client_for(server, identity(PROD, "Root"), "us-west-2")
            table = dict(KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                         AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
            calls = []  # (request id, account, region, eventName, errorCode or None, identity type)

            def call(client, account, region, kind, operation, **params):
                try:
                    response = getattr(client, operation)(**params)
                    error = None
                except botocore.exceptions.ClientError as e:
                    response = e.response
                    error = e.response["Error"]["Code"]
                name = "".join(part.title() for part in operation.split("_"))
                calls.append((response["ResponseMetadata"]["RequestId"], account, region, name, error, kind))

            call(alice, DEV["accountId"], "us-east-1", "IAMUser", "create_table", TableName="Orders", **table)
            call(alice, DEV["accountId"], "us-east-1", "IAMUser", "describe_table", TableName="Orders")
            call(alice, DEV["accountId"], "us-east-1", "IAMUser", "list_tables")
            call(jane, DEV["accountId"], "eu-west-1", "AssumedRole", "create_table", TableName="Sessions", **table)
            call(jane, DEV["accountId"], "eu-west-1", "AssumedRole", "describe_table", TableName="Missing")
            call(bob, DEV["accountId"], "us-east-1", "FederatedUser", "delete_table", TableName="Orders")
            call(bob, DEV["accountId"], "us-east-1", "FederatedUser", "describe_table", TableName="Orders")
            call(prod_root, PROD["accountId"], "us-west-2", "Root", "create_table", TableName="Ledger", **table)
            call(prod_root, PROD["accountId"], "us-west-2", "Root", "create_table", TableName="Ledger", **table)
            call(prod_root, PROD["accountId"], "us-west-2", "Root", "update_table", TableName="Ledger", DeletionProtectionEnabled=True)
            call(alice, DEV["accountId"], "us-east-1", "IAMUser", "delete_table", TableName="Orders")
            flushed = server.admin("POST", "/_dynamotrail/flush")["keys"]

            # Exactly one file per account and region, at the expected keys.
            keys = log_keys(server.bucket)
            self.assertEqual(sorted(flushed), keys)
            groups = sorted({(a, r) for _, a, r, _, _, _ in calls})
            self.assertEqual(len(keys), len(groups))
            for key in keys:
                match = KEY.match(key)
                self.assertIsNotNone(match, key)
                self.assertIn((match.group(1), match.group(2)), groups)
                with open(os.path.join(server.bucket, key), "rb") as f:
                    data = f.read()
                self.assertTrue(single_member_gzip(data), key)
                self.assertEqual(list(json.loads(gzip.decompress(data)).keys()), ["Records"])
                sidecar = os.path.join(server.state, "metadata", key + ".json")
                self.assertTrue(os.path.exists(sidecar), sidecar)

            # One record per call, field by field.
            by_id = {record["requestID"]: (key, record) for key, record in records(server.bucket)}
            self.assertEqual(len(by_id), len(calls))
            for request_id, account, region, name, error, kind in calls:
                key, record = by_id[request_id]
                self.assertIn("/%s/CloudTrail/%s/" % (account, region), key)
                keys_in_order = [k for k in record.keys()]
                self.assertEqual(keys_in_order, [k for k in TOP_LEVEL_ORDER if k in record], name)
                self.assertEqual(record["eventVersion"], "1.11")
                self.assertEqual(record["eventSource"], "dynamodb.amazonaws.com")
                self.assertEqual(record["eventName"], name)
                self.assertEqual(record["awsRegion"], region)
                self.assertEqual(record["recipientAccountId"], account)
                self.assertEqual(record["userIdentity"]["type"], kind)
                self.assertEqual(record["userIdentity"]["accountId"], account)
                self.assertRegex(record["eventTime"], r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
                self.assertRegex(record["eventID"], r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
                self.assertEqual(record["sourceIPAddress"], "127.0.0.1")
                self.assertTrue(record["userAgent"].startswith("Boto3/"))
                self.assertEqual(record["eventType"], "AwsApiCall")
                self.assertIs(record["managementEvent"], True)
                self.assertEqual(record["eventCategory"], "Management")
                read_only = name.startswith(("Describe", "List"))
                self.assertIs(record["readOnly"], read_only)
                self.assertIn("requestParameters", record)
                self.assertIn("responseElements", record)
                if error == "AccessDeniedException":
                    self.assertEqual(record["errorCode"], "AccessDenied")
                    self.assertNotIn("apiVersion", record)
                    self.assertRegex(record["errorMessage"], r"^User: arn:aws:sts::\d{12}:federated-user/bob is not authorized")
                elif error:
                    self.assertEqual(record["errorCode"], error)
                    self.assertEqual(record["apiVersion"], "2012-08-10")
                    self.assertIsNone(record["responseElements"])
                else:
                    self.assertNotIn("errorCode", record)
                    self.assertEqual(record["apiVersion"], "2012-08-10")
                    if read_only:
                        self.assertIsNone(record["responseElements"])
                    else:
                        self.assertIn("tableDescription", record["responseElements"])
                        created = record["responseElements"]["tableDescription"].get("creationDateTime")
                        if created is not None:
                            self.assertRegex(created, r"^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} (AM|PM)$")
                if name == "ListTables":
                    self.assertIsNone(record["requestParameters"])
                else:
                    self.assertIn("tableName", record["requestParameters"])
                identity_block = record["userIdentity"]
                if kind == "AssumedRole":
                    self.assertEqual(identity_block["arn"], "arn:aws:sts::%s:assumed-role/admin-role/jane" % account)
                    self.assertRegex(identity_block["principalId"], r"^AROA[A-Z0-9]{17}:jane$")
                    self.assertEqual(identity_block["sessionContext"]["sessionIssuer"]["type"], "Role")
                    self.assertEqual(identity_block["sessionContext"]["attributes"]["mfaAuthenticated"], "false")
                elif kind == "Root":
                    self.assertEqual(identity_block["arn"], "arn:aws:iam::%s:root" % account)
                elif kind == "IAMUser":
                    self.assertEqual(identity_block["arn"], "arn:aws:iam::%s:user/alice" % account)
                    self.assertEqual(identity_block["userName"], "alice")
                elif kind == "FederatedUser":
                    self.assertEqual(identity_block["arn"], "arn:aws:sts::%s:federated-user/bob" % account)
            # A notification line per delivered file.
            with open(os.path.join(server.dir, "notifications.jsonl")) as f:
                notes = [json.loads(line) for line in f]
            self.assertEqual(sorted(k for n in notes for k in n["s3ObjectKey"]), keys)
            self.assertTrue(all(set(n) == {"s3Bucket", "s3ObjectKey"} for n in notes))

    def burst_then_kill(self, server, total, kill_after, threads=4):
        """Sends `total` DescribeTable calls from several keep-alive connections; kill -9 once `kill_after`
        answers arrived. Returns the request ids that were answered (acknowledged)."""
        acknowledged = []
        lock = threading.Lock()
        body = json.dumps({"TableName": "Burst"}).encode()
        headers = {"X-Amz-Target": "DynamoDB_20120810.DescribeTable", "Content-Type": "application/x-amz-json-1.0",
                   "X-Amz-Date": "20260101T000000Z",
                   "Authorization": "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/dynamodb/aws4_request, "
                                    "SignedHeaders=host;x-amz-date, Signature=00"}
        server.client("dynamodb").create_table(
            TableName="Burst", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
        killed = threading.Event()

        def worker(count):
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            for _ in range(count):
                if killed.is_set():
                    return
                try:
                    connection.request("POST", "/", body, headers)
                    response = connection.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException):
                    return
                if response.status != 200:
                    raise AssertionError("burst call answered %d" % response.status)
                with lock:
                    acknowledged.append(response.getheader("x-amzn-RequestId"))
                    if len(acknowledged) >= kill_after and not killed.is_set():
                        killed.set()
                        server.process.kill()

        workers = [threading.Thread(target=worker, args=(total // threads,)) for _ in range(threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        server.process.wait(timeout=10)
        return acknowledged

    def test_kill_9_loses_and_duplicates_no_acknowledged_record(self):
        for kill_after in (1500, 6000, 9990):
            with self.subTest(kill_after=kill_after):
                with DynamoTrail(config=self.config(deliveryIntervalSeconds=0.2)) as server:
                    acknowledged = self.burst_then_kill(server, 10000, kill_after)
                    self.assertGreaterEqual(len(acknowledged), kill_after)
                    server.process.stdout.close()
                    server.process.stderr.close()
                    server.start()
                    server.admin("POST", "/_dynamotrail/flush")
                    counts = {}
                    for _, record in records(server.bucket):
                        counts[record["requestID"]] = counts.get(record["requestID"], 0) + 1
                    missing = [r for r in acknowledged if r not in counts]
                    duplicated = [r for r, n in counts.items() if n > 1]
                    self.assertEqual(missing, [], "acknowledged but not delivered")
                    self.assertEqual(duplicated, [], "delivered twice")

    def test_unwritable_bucket_keeps_answering_and_catches_up(self):
        with DynamoTrail(config=self.config(), env={}) as server:
            alice = client_for(server, identity(DEV, "IAMUser"), "us-east-1")
            # Root ignores permission bits, so block the bucket by putting a file where AWSLogs/ must go.
            shutil.rmtree(os.path.join(server.bucket, "AWSLogs"), ignore_errors=True)
            with open(os.path.join(server.bucket, "AWSLogs"), "w") as f:
                f.write("in the way")
            ids = [alice.list_tables()["ResponseMetadata"]["RequestId"] for _ in range(5)]
            server.admin("POST", "/_dynamotrail/flush")
            health = server.admin("GET", "/_dynamotrail/health")
            self.assertEqual(health["status"], "degraded")
            self.assertIsNotNone(health["delivery"]["lastError"])
            self.assertEqual(health["pending"], 5)
            os.remove(os.path.join(server.bucket, "AWSLogs"))
            server.admin("POST", "/_dynamotrail/flush")
            health = server.admin("GET", "/_dynamotrail/health")
            self.assertEqual(health["status"], "ok", health)
            self.assertEqual(health["pending"], 0)
            delivered = [record["requestID"] for _, record in records(server.bucket)]
            self.assertEqual(sorted(delivered), sorted(ids))

    def test_sigterm_delivers_pending_records(self):
        with DynamoTrail(config=self.config()) as server:
            alice = client_for(server, identity(DEV, "IAMUser"), "us-east-1")
            request_id = alice.list_tables()["ResponseMetadata"]["RequestId"]
            self.assertEqual(server.stop(), 0)
            self.assertEqual([r["requestID"] for _, r in records(server.bucket)], [request_id])


if __name__ == "__main__":
    unittest.main()
