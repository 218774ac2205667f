"""PutItem, GetItem, UpdateItem and DeleteItem end to end: the boto3 client and resource (conditions, return
values, Decimal numbers, sets, binary), the AWS CLI, and a PynamoDB model that saves, updates under conditions
and deletes. PynamoDB is optional (Tests/run installs it): without it that test is skipped."""
import json
import os
import subprocess
import unittest
from decimal import Decimal

import boto3
import botocore.exceptions
from boto3.dynamodb.conditions import Attr
from dynamotrail_server import DynamoTrail

KEY, SECRET = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def create_table(client, name="Items", range_key=False):
    definitions = [{"AttributeName": "pk", "AttributeType": "S"}]
    schema = [{"AttributeName": "pk", "KeyType": "HASH"}]
    if range_key:
        definitions.append({"AttributeName": "sk", "AttributeType": "N"})
        schema.append({"AttributeName": "sk", "KeyType": "RANGE"})
    client.create_table(TableName=name, AttributeDefinitions=definitions, KeySchema=schema, BillingMode="PAY_PER_REQUEST")
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 5})


class ItemsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DynamoTrail().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def setUp(self):
        self.server.admin("POST", "/_dynamotrail/reset")
        self.client = self.server.client("dynamodb")

    def test_client_put_get_update_delete_with_conditions_and_return_values(self):
        create_table(self.client)
        item = {"pk": {"S": "a"}, "n": {"N": "10"}, "tags": {"SS": ["x", "y"]}, "blob": {"B": b"\x00\x01\xff"},
                "doc": {"M": {"list": {"L": [{"N": "1"}, {"BOOL": True}, {"NULL": True}]}}}}
        first = self.client.put_item(TableName="Items", Item=item, ReturnValues="ALL_OLD", ReturnConsumedCapacity="TOTAL")
        self.assertNotIn("Attributes", first)
        self.assertEqual(first["ConsumedCapacity"], {"TableName": "Items", "CapacityUnits": 1.0})
        got = self.client.get_item(TableName="Items", Key={"pk": {"S": "a"}}, ConsistentRead=True)["Item"]
        self.assertEqual(got["blob"], {"B": b"\x00\x01\xff"})
        self.assertEqual(sorted(got["tags"]["SS"]), ["x", "y"])
        projected = self.client.get_item(
            TableName="Items", Key={"pk": {"S": "a"}}, ProjectionExpression="doc.#l[0], n",
            ExpressionAttributeNames={"#l": "list"})["Item"]
        self.assertEqual(projected, {"doc": {"M": {"list": {"L": [{"N": "1"}]}}}, "n": {"N": "10"}})
        updated = self.client.update_item(
            TableName="Items", Key={"pk": {"S": "a"}}, UpdateExpression="SET n = n - :d REMOVE doc ADD tags :t",
            ConditionExpression="n > :min", ExpressionAttributeValues={":d": {"N": "2.5"}, ":min": {"N": "5"}, ":t": {"SS": ["z"]}},
            ReturnValues="ALL_NEW")["Attributes"]
        self.assertEqual(updated["n"], {"N": "7.5"})
        self.assertNotIn("doc", updated)
        with self.assertRaises(botocore.exceptions.ClientError) as failed:
            self.client.put_item(
                TableName="Items", Item={"pk": {"S": "a"}}, ConditionExpression="attribute_not_exists(pk)",
                ReturnValuesOnConditionCheckFailure="ALL_OLD")
        self.assertEqual(failed.exception.response["Error"]["Code"], "ConditionalCheckFailedException")
        self.assertEqual(failed.exception.response["Item"]["n"], {"N": "7.5"})
        old = self.client.delete_item(TableName="Items", Key={"pk": {"S": "a"}}, ReturnValues="ALL_OLD")["Attributes"]
        self.assertEqual(old["pk"], {"S": "a"})
        self.assertNotIn("Item", self.client.get_item(TableName="Items", Key={"pk": {"S": "a"}}))
        self.assertEqual(self.client.describe_table(TableName="Items")["Table"]["ItemCount"], 0)

    def test_resource_table_with_decimals_sets_and_binary(self):
        create_table(self.client, range_key=True)
        resource = boto3.resource("dynamodb", endpoint_url=self.server.endpoint, region_name="us-east-1",
                                  aws_access_key_id=KEY, aws_secret_access_key=SECRET)
        table = resource.Table("Items")
        table.put_item(Item={"pk": "p", "sk": 1, "price": Decimal("19.99"), "sizes": {1, 2, 3}, "raw": b"bytes",
                             "big": Decimal("12345678901234567890123456789012345678")})
        item = table.get_item(Key={"pk": "p", "sk": 1})["Item"]
        self.assertEqual(item["price"], Decimal("19.99"))
        self.assertEqual(item["sizes"], {Decimal(1), Decimal(2), Decimal(3)})
        self.assertEqual(item["raw"].value, b"bytes")
        self.assertEqual(item["big"], Decimal("12345678901234567890123456789012345678"))
        answer = table.update_item(
            Key={"pk": "p", "sk": 1}, UpdateExpression="SET price = price + :p, note = if_not_exists(note, :n)",
            ConditionExpression=Attr("price").lt(100), ExpressionAttributeValues={":p": Decimal("0.01"), ":n": "new"},
            ReturnValues="UPDATED_NEW")
        self.assertEqual(answer["Attributes"], {"price": Decimal("20"), "note": "new"})
        with self.assertRaises(resource.meta.client.exceptions.ConditionalCheckFailedException):
            table.delete_item(Key={"pk": "p", "sk": 1}, ConditionExpression=Attr("price").gt(100))
        old = table.delete_item(Key={"pk": "p", "sk": 1}, ReturnValues="ALL_OLD")["Attributes"]
        self.assertEqual(old["note"], "new")

    def test_aws_cli_item_commands(self):
        create_table(self.client)
        env = dict(os.environ, AWS_ACCESS_KEY_ID=KEY, AWS_SECRET_ACCESS_KEY=SECRET, AWS_DEFAULT_REGION="us-east-1")
        env.pop("AWS_PROFILE", None)

        def aws(*args):
            result = subprocess.run(["aws", "--endpoint-url", self.server.endpoint, "dynamodb", *args, "--output", "json"],
                                    capture_output=True, text=True, env=env, timeout=120)
            return result.returncode, json.loads(result.stdout) if result.stdout.strip() else None, result.stderr

        code, _, err = aws("put-item", "--table-name", "Items", "--item", '{"pk":{"S":"cli"},"v":{"N":"1"}}',
                           "--condition-expression", "attribute_not_exists(pk)")
        self.assertEqual(code, 0, err)
        code, _, err = aws("put-item", "--table-name", "Items", "--item", '{"pk":{"S":"cli"}}',
                           "--condition-expression", "attribute_not_exists(pk)")
        self.assertNotEqual(code, 0)
        self.assertIn("ConditionalCheckFailedException", err)
        code, out, err = aws("update-item", "--table-name", "Items", "--key", '{"pk":{"S":"cli"}}',
                             "--update-expression", "SET v = v + :one", "--condition-expression", "v = :old",
                             "--expression-attribute-values", '{":one":{"N":"1"},":old":{"N":"1"}}',
                             "--return-values", "UPDATED_NEW")
        self.assertEqual(code, 0, err)
        self.assertEqual(out["Attributes"], {"v": {"N": "2"}})
        code, out, err = aws("get-item", "--table-name", "Items", "--key", '{"pk":{"S":"cli"}}')
        self.assertEqual(out["Item"], {"pk": {"S": "cli"}, "v": {"N": "2"}})
        code, out, err = aws("delete-item", "--table-name", "Items", "--key", '{"pk":{"S":"cli"}}',
                             "--return-values", "ALL_OLD")
        self.assertEqual(code, 0, err)
        self.assertEqual(out["Attributes"]["v"], {"N": "2"})

    def test_pynamodb_model_saves_updates_with_conditions_and_deletes(self):
        try:
            from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UnicodeSetAttribute
            from pynamodb.exceptions import DeleteError, PutError, UpdateError
            from pynamodb.models import Model
        except ImportError:
            self.skipTest("pynamodb is not installed")
        endpoint = self.server.endpoint

        class Thing(Model):
            class Meta:
                table_name = "Things"
                host = endpoint
                region = "us-east-1"
                aws_access_key_id = KEY
                aws_secret_access_key = SECRET
                billing_mode = "PAY_PER_REQUEST"

            name = UnicodeAttribute(hash_key=True)
            count = NumberAttribute(default=0)
            labels = UnicodeSetAttribute(null=True)

        Thing.create_table(wait=True)
        thing = Thing("widget", count=1, labels={"a"})
        thing.save(condition=Thing.name.does_not_exist())
        with self.assertRaises(PutError):
            Thing("widget").save(condition=Thing.name.does_not_exist())
        thing.update(actions=[Thing.count.add(2), Thing.labels.add({"b"})], condition=Thing.count == 1)
        self.assertEqual(thing.count, 3)
        with self.assertRaises(UpdateError):
            thing.update(actions=[Thing.count.set(10)], condition=Thing.count == 1)
        fetched = Thing.get("widget", consistent_read=True)
        self.assertEqual((fetched.count, fetched.labels), (3, {"a", "b"}))
        with self.assertRaises(DeleteError):
            fetched.delete(condition=Thing.count > 5)
        fetched.delete(condition=Thing.count == 3)
        with self.assertRaises(Thing.DoesNotExist):
            Thing.get("widget")


if __name__ == "__main__":
    unittest.main()
