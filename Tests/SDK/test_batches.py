"""BatchGetItem and BatchWriteItem end to end: the boto3 client (several tables, projections, consumed capacity,
UnprocessedKeys past 16 MB fed back until done), the resource's `Table.batch_writer()` with overwrite_by_pkeys, the
AWS CLI's `batch-write-item --request-items file://…`, PynamoDB's `Model.batch_write()` and `Model.batch_get`, and
both calls as CloudTrail data events naming every table they touch. PynamoDB is optional (Tests/run installs it)."""
import json
import os
import subprocess
import tempfile
import unittest
from decimal import Decimal

import boto3
import botocore.exceptions
from dynamotrail_server import DynamoTrail
from trail_files import records

KEY, SECRET = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
ALL_TABLES = [{"ReadWriteType": "All", "IncludeManagementEvents": True,
               "DataResources": [{"Type": "AWS::DynamoDB::Table", "Values": ["arn:aws:dynamodb"]}]}]
CONFIG = {"trail": {"deliveryIntervalSeconds": 1, "eventSelectors": ALL_TABLES, "notifications": {"file": None}}}


def create_table(client, name, range_key=None):
    definitions = [{"AttributeName": "pk", "AttributeType": "S"}]
    schema = [{"AttributeName": "pk", "KeyType": "HASH"}]
    if range_key:
        definitions.append({"AttributeName": range_key, "AttributeType": "N"})
        schema.append({"AttributeName": range_key, "KeyType": "RANGE"})
    client.create_table(TableName=name, AttributeDefinitions=definitions, KeySchema=schema, BillingMode="PAY_PER_REQUEST")
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 5})


class BatchesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DynamoTrail(config=CONFIG).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def setUp(self):
        self.server.admin("POST", "/_dynamotrail/reset")
        self.client = self.server.client("dynamodb")

    def test_client_batches_over_two_tables_with_projections_and_capacity(self):
        create_table(self.client, "Users")
        create_table(self.client, "Orders", range_key="n")
        written = self.client.batch_write_item(
            RequestItems={
                "Users": [{"PutRequest": {"Item": {"pk": {"S": "u%d" % i}, "name": {"S": "user %d" % i},
                                                   "secret": {"S": "x" * 5000}}}} for i in range(3)],
                "Orders": [{"PutRequest": {"Item": {"pk": {"S": "u1"}, "n": {"N": str(i)}}}} for i in range(2)],
            },
            ReturnConsumedCapacity="TOTAL", ReturnItemCollectionMetrics="SIZE")
        self.assertEqual(written["UnprocessedItems"], {})
        self.assertNotIn("ItemCollectionMetrics", written)
        self.assertEqual(written["ConsumedCapacity"], [{"TableName": "Users", "CapacityUnits": 15.0},
                                                       {"TableName": "Orders", "CapacityUnits": 2.0}])
        got = self.client.batch_get_item(
            RequestItems={
                "Users": {"Keys": [{"pk": {"S": "u0"}}, {"pk": {"S": "u2"}}, {"pk": {"S": "none"}}],
                          "ProjectionExpression": "#n", "ExpressionAttributeNames": {"#n": "name"}, "ConsistentRead": True},
                "Orders": {"Keys": [{"pk": {"S": "u1"}, "n": {"N": "1"}}], "AttributesToGet": ["n"]},
            },
            ReturnConsumedCapacity="INDEXES")
        self.assertEqual(sorted(item["name"]["S"] for item in got["Responses"]["Users"]), ["user 0", "user 2"])
        self.assertTrue(all(set(item) == {"name"} for item in got["Responses"]["Users"]))
        self.assertEqual(got["Responses"]["Orders"], [{"n": {"N": "1"}}])
        self.assertEqual(got["UnprocessedKeys"], {})
        # Users: two 5 KB items (2 units each) and a missing key (1), strongly consistent; Orders: half a unit.
        self.assertEqual(got["ConsumedCapacity"], [
            {"TableName": "Users", "CapacityUnits": 5.0, "Table": {"CapacityUnits": 5.0}},
            {"TableName": "Orders", "CapacityUnits": 0.5, "Table": {"CapacityUnits": 0.5}}])
        deleted = self.client.batch_write_item(RequestItems={"Users": [{"DeleteRequest": {"Key": {"pk": {"S": "u0"}}}}]})
        self.assertEqual(deleted, {"UnprocessedItems": {}, "ResponseMetadata": deleted["ResponseMetadata"]})
        self.assertNotIn("Item", self.client.get_item(TableName="Users", Key={"pk": {"S": "u0"}}))

    def test_refusals_are_whole_and_exact(self):
        create_table(self.client, "Users")
        with self.assertRaises(botocore.exceptions.ClientError) as refused:
            self.client.batch_write_item(RequestItems={"Users": [
                {"PutRequest": {"Item": {"pk": {"S": "a"}}}}, {"DeleteRequest": {"Key": {"pk": {"S": "a"}}}}]})
        self.assertEqual(refused.exception.response["Error"],
                         {"Code": "ValidationException", "Message": "Provided list of item keys contains duplicates"})
        with self.assertRaises(self.client.exceptions.ResourceNotFoundException):
            self.client.batch_write_item(RequestItems={"Users": [{"PutRequest": {"Item": {"pk": {"S": "b"}}}}],
                                                       "Missing": [{"PutRequest": {"Item": {"pk": {"S": "b"}}}}]})
        self.assertNotIn("Item", self.client.get_item(TableName="Users", Key={"pk": {"S": "b"}}))

    def test_unprocessed_keys_past_sixteen_megabytes_are_fed_back_until_done(self):
        create_table(self.client, "Big")
        keys = ["k%02d" % i for i in range(45)]
        filler = "x" * (400 * 1024 - 20)
        for start in range(0, len(keys), 15):
            self.client.batch_write_item(RequestItems={"Big": [
                {"PutRequest": {"Item": {"pk": {"S": key}, "data": {"S": filler}}}} for key in keys[start:start + 15]]})
        request = {"Big": {"Keys": [{"pk": {"S": key}} for key in keys], "ProjectionExpression": "pk"}}
        first = self.client.batch_get_item(RequestItems=request)
        self.assertEqual(len(first["Responses"]["Big"]), 40)
        self.assertEqual(len(first["UnprocessedKeys"]["Big"]["Keys"]), 5)
        self.assertEqual(first["UnprocessedKeys"]["Big"]["ProjectionExpression"], "pk")
        found, pending, rounds = [], request, 0
        while pending and rounds < 5:
            answer = self.client.batch_get_item(RequestItems=pending)
            found += [item["pk"]["S"] for item in answer["Responses"]["Big"]]
            pending, rounds = answer["UnprocessedKeys"], rounds + 1
        self.assertEqual(sorted(found), keys)
        self.assertEqual(rounds, 2)

    def test_resource_batch_writer_with_overwrite_by_pkeys(self):
        create_table(self.client, "Things", range_key="n")
        resource = boto3.resource("dynamodb", endpoint_url=self.server.endpoint, region_name="us-east-1",
                                  aws_access_key_id=KEY, aws_secret_access_key=SECRET)
        table = resource.Table("Things")
        with table.batch_writer(overwrite_by_pkeys=["pk", "n"]) as batch:
            for i in range(60):
                batch.put_item(Item={"pk": "p", "n": i, "price": Decimal("1.5")})
            batch.put_item(Item={"pk": "p", "n": 3, "price": Decimal("9.99")})
            batch.delete_item(Key={"pk": "p", "n": 59})
        self.assertEqual(self.client.describe_table(TableName="Things")["Table"]["ItemCount"], 59)
        self.assertEqual(table.get_item(Key={"pk": "p", "n": 3})["Item"]["price"], Decimal("9.99"))
        got = resource.batch_get_item(RequestItems={"Things": {"Keys": [{"pk": "p", "n": 3}, {"pk": "p", "n": 59}]}})
        self.assertEqual(got["Responses"]["Things"], [{"pk": "p", "n": Decimal(3), "price": Decimal("9.99")}])

    def test_aws_cli_batch_write_item_from_a_file(self):
        create_table(self.client, "Music")
        env = dict(os.environ, AWS_ACCESS_KEY_ID=KEY, AWS_SECRET_ACCESS_KEY=SECRET, AWS_DEFAULT_REGION="us-east-1")
        env.pop("AWS_PROFILE", None)
        requests = {"Music": [{"PutRequest": {"Item": {"pk": {"S": "song %d" % i}, "plays": {"N": str(i)}}}}
                              for i in range(25)]}
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(requests, f)
        try:
            result = subprocess.run(
                ["aws", "--endpoint-url", self.server.endpoint, "dynamodb", "batch-write-item", "--request-items",
                 "file://" + f.name, "--return-consumed-capacity", "TOTAL", "--output", "json"],
                capture_output=True, text=True, env=env, timeout=120)
        finally:
            os.unlink(f.name)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout), {"UnprocessedItems": {},
                                                     "ConsumedCapacity": [{"TableName": "Music", "CapacityUnits": 25.0}]})
        self.assertEqual(self.client.describe_table(TableName="Music")["Table"]["ItemCount"], 25)

    def test_pynamodb_batch_write_and_batch_get(self):
        try:
            from pynamodb.attributes import NumberAttribute, UnicodeAttribute
            from pynamodb.models import Model
        except ImportError:
            self.skipTest("pynamodb is not installed")
        endpoint = self.server.endpoint

        class Reading(Model):
            class Meta:
                table_name = "Readings"
                host = endpoint
                region = "us-east-1"
                aws_access_key_id = KEY
                aws_secret_access_key = SECRET
                billing_mode = "PAY_PER_REQUEST"

            sensor = UnicodeAttribute(hash_key=True)
            at = NumberAttribute(range_key=True)
            value = NumberAttribute()

        Reading.create_table(wait=True)
        with Reading.batch_write() as batch:
            for i in range(40):
                batch.save(Reading("s1", at=i, value=i * 10))
        with Reading.batch_write() as batch:
            batch.delete(Reading("s1", at=0))
        fetched = list(Reading.batch_get([("s1", i) for i in range(0, 40, 3)]))
        self.assertEqual(sorted(r.at for r in fetched), list(range(3, 40, 3)))
        self.assertEqual({r.value for r in fetched}, {i * 10 for i in range(3, 40, 3)})

    def test_batches_are_data_events_naming_every_table(self):
        self.server.admin("POST", "/_dynamotrail/flush")
        earlier = {record["eventID"] for _, record in records(self.server.bucket)}
        create_table(self.client, "Users")
        create_table(self.client, "Orders", range_key="n")
        self.client.batch_write_item(RequestItems={
            "Users": [{"PutRequest": {"Item": {"pk": {"S": "u1"}, "email": {"S": "TOP-SECRET"}}}}],
            "Orders": [{"DeleteRequest": {"Key": {"pk": {"S": "u1"}, "n": {"N": "7"}}}}]})
        self.client.batch_get_item(RequestItems={"Users": {"Keys": [{"pk": {"S": "u1"}}], "ConsistentRead": True},
                                                 "Orders": {"Keys": [{"pk": {"S": "u1"}, "n": {"N": "7"}}]}})
        with self.assertRaises(botocore.exceptions.ClientError):
            self.client.batch_get_item(RequestItems={"Users": {"Keys": [{"pk": {"S": "a"}}, {"pk": {"S": "a"}}]}})
        self.server.admin("POST", "/_dynamotrail/flush")
        found = [record for _, record in records(self.server.bucket)
                 if record.get("eventName") in ("BatchWriteItem", "BatchGetItem") and record["eventID"] not in earlier]
        self.assertEqual([record["eventName"] for record in found], ["BatchWriteItem", "BatchGetItem", "BatchGetItem"])
        arn = "arn:aws:dynamodb:us-east-1:123456789012:table/"
        for record in found:
            self.assertEqual((record["eventCategory"], record["managementEvent"]), ("Data", False))
            self.assertIs(record["readOnly"], record["eventName"] == "BatchGetItem")
            self.assertIsNone(record["responseElements"])
            self.assertNotIn("TOP-SECRET", json.dumps(record))
        self.assertEqual([resource["ARN"] for resource in found[0]["resources"]], [arn + "Users", arn + "Orders"])
        self.assertEqual([resource["ARN"] for resource in found[1]["resources"]], [arn + "Users", arn + "Orders"])
        self.assertEqual(found[0]["requestParameters"]["requestItems"]["Users"][0]["putRequest"],
                         {"key": {"pk": "u1"}, "item": ["pk", "email"]})
        self.assertEqual(found[0]["requestParameters"]["requestItems"]["Orders"][0]["deleteRequest"],
                         {"key": {"pk": "u1", "n": "7"}})
        self.assertEqual(found[1]["requestParameters"]["requestItems"]["Users"],
                         {"keys": [{"pk": "u1"}], "consistentRead": True})
        self.assertEqual((found[2]["errorCode"], found[2]["errorMessage"]),
                         ("ValidationException", "Provided list of item keys contains duplicates"))


if __name__ == "__main__":
    unittest.main()
