"""TransactWriteItems and TransactGetItems end to end: boto3 (a failing condition answers CancellationReasons as
botocore parses them, rollback, ClientRequestToken idempotency), the AWS CLI, PynamoDB's TransactWrite and
TransactGet context managers (a cancelled one raises TransactWriteError with the reasons), and both calls
recorded as CloudTrail data events naming every table they touch. PynamoDB is optional (Tests/run installs it)."""
import json
import os
import subprocess
import unittest

import botocore.exceptions
from dynamotrail_server import DynamoTrail
from trail_files import records

KEY, SECRET = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
DATA_EVENTS_CONFIG = {
    "accounts": [{"accountId": "123456789012", "default": True, "identities": [
        {"type": "IAMUser", "userName": "alice", "accessKeyId": KEY, "secretAccessKey": SECRET}]}],
    "trail": {"deliveryIntervalSeconds": 1, "notifications": {"file": None}},
}
ALL_TABLES = [{"ReadWriteType": "All", "IncludeManagementEvents": True,
               "DataResources": [{"Type": "AWS::DynamoDB::Table", "Values": ["arn:aws:dynamodb"]}]}]


def create_table(client, name):
    client.create_table(TableName=name, AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}], BillingMode="PAY_PER_REQUEST")
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 5})


class TransactionsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DynamoTrail().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def setUp(self):
        self.server.admin("POST", "/_dynamotrail/reset")
        self.client = self.server.client("dynamodb")
        create_table(self.client, "Orders")
        create_table(self.client, "Stock")

    def item(self, table, pk):
        return self.client.get_item(TableName=table, Key={"pk": {"S": pk}}, ConsistentRead=True).get("Item")

    def test_boto3_write_then_a_failing_condition_cancels_with_reasons_and_rolls_back(self):
        self.client.put_item(TableName="Stock", Item={"pk": {"S": "widget"}, "count": {"N": "1"}})
        answer = self.client.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": "Orders", "Item": {"pk": {"S": "o1"}}, "ConditionExpression": "attribute_not_exists(pk)"}},
                {"Update": {"TableName": "Stock", "Key": {"pk": {"S": "widget"}}, "UpdateExpression": "SET #c = #c - :one",
                            "ConditionExpression": "#c >= :one", "ExpressionAttributeNames": {"#c": "count"},
                            "ExpressionAttributeValues": {":one": {"N": "1"}}}},
            ],
            ReturnConsumedCapacity="TOTAL")
        self.assertEqual(answer["ConsumedCapacity"], [
            {"TableName": "Orders", "CapacityUnits": 2.0, "WriteCapacityUnits": 2.0},
            {"TableName": "Stock", "CapacityUnits": 2.0, "WriteCapacityUnits": 2.0}])
        self.assertEqual(self.item("Stock", "widget")["count"], {"N": "0"})
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.client.transact_write_items(TransactItems=[
                {"Put": {"TableName": "Orders", "Item": {"pk": {"S": "o2"}}}},
                {"Update": {"TableName": "Stock", "Key": {"pk": {"S": "widget"}}, "UpdateExpression": "SET #c = #c - :one",
                            "ConditionExpression": "#c >= :one", "ExpressionAttributeNames": {"#c": "count"},
                            "ExpressionAttributeValues": {":one": {"N": "1"}},
                            "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
            ])
        error = caught.exception.response
        self.assertEqual(error["Error"]["Code"], "TransactionCanceledException")
        self.assertEqual(error["Error"]["Message"],
                         "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]")
        self.assertEqual(error["CancellationReasons"], [
            {"Code": "None"},
            {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed",
             "Item": {"pk": {"S": "widget"}, "count": {"N": "0"}}}])
        self.assertIsNone(self.item("Orders", "o2"))

    def test_boto3_duplicate_item_and_idempotent_token(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.client.transact_write_items(TransactItems=[
                {"Put": {"TableName": "Orders", "Item": {"pk": {"S": "a"}}}},
                {"Delete": {"TableName": "Orders", "Key": {"pk": {"S": "a"}}}}])
        self.assertEqual(caught.exception.response["Error"]["Message"],
                         "Transaction request cannot include multiple operations on one item")
        increment = [{"Update": {"TableName": "Stock", "Key": {"pk": {"S": "n"}}, "UpdateExpression": "ADD v :one",
                                 "ExpressionAttributeValues": {":one": {"N": "1"}}}}]
        for _ in range(3):
            self.client.transact_write_items(TransactItems=increment, ClientRequestToken="same-token")
        self.assertEqual(self.item("Stock", "n")["v"], {"N": "1"})
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.client.transact_write_items(TransactItems=increment[:0] + [
                {"Put": {"TableName": "Stock", "Item": {"pk": {"S": "other"}}}}], ClientRequestToken="same-token")
        self.assertEqual(caught.exception.response["Error"]["Code"], "IdempotentParameterMismatchException")

    def test_boto3_transact_get_items(self):
        self.client.put_item(TableName="Orders", Item={"pk": {"S": "o1"}, "total": {"N": "12.50"}, "note": {"S": "x"}})
        answer = self.client.transact_get_items(
            TransactItems=[
                {"Get": {"TableName": "Orders", "Key": {"pk": {"S": "o1"}}, "ProjectionExpression": "#t",
                         "ExpressionAttributeNames": {"#t": "total"}}},
                {"Get": {"TableName": "Stock", "Key": {"pk": {"S": "missing"}}}},
            ],
            ReturnConsumedCapacity="TOTAL")
        self.assertEqual(answer["Responses"], [{"Item": {"total": {"N": "12.5"}}}, {}])
        self.assertEqual([entry["TableName"] for entry in answer["ConsumedCapacity"]], ["Orders", "Stock"])
        self.assertEqual(answer["ConsumedCapacity"][0]["ReadCapacityUnits"], 2.0)

    def test_aws_cli_transact_write_and_get(self):
        env = dict(os.environ, AWS_ACCESS_KEY_ID=KEY, AWS_SECRET_ACCESS_KEY=SECRET, AWS_DEFAULT_REGION="us-east-1")
        env.pop("AWS_PROFILE", None)

        def aws(*args):
            result = subprocess.run(["aws", "--endpoint-url", self.server.endpoint, "dynamodb", *args, "--output", "json"],
                                    capture_output=True, text=True, env=env, timeout=120)
            return result.returncode, json.loads(result.stdout) if result.stdout.strip() else None, result.stderr

        writes = json.dumps([
            {"Put": {"TableName": "Orders", "Item": {"pk": {"S": "cli"}, "v": {"N": "1"}}}},
            {"ConditionCheck": {"TableName": "Stock", "Key": {"pk": {"S": "none"}},
                                "ConditionExpression": "attribute_not_exists(pk)"}}])
        code, out, err = aws("transact-write-items", "--transact-items", writes, "--client-request-token", "cli-token")
        self.assertEqual(code, 0, err)
        code, out, err = aws("transact-get-items", "--transact-items",
                             json.dumps([{"Get": {"TableName": "Orders", "Key": {"pk": {"S": "cli"}}}}]))
        self.assertEqual(code, 0, err)
        self.assertEqual(out["Responses"], [{"Item": {"pk": {"S": "cli"}, "v": {"N": "1"}}}])
        failing = json.dumps([{"ConditionCheck": {"TableName": "Orders", "Key": {"pk": {"S": "cli"}},
                                                  "ConditionExpression": "attribute_not_exists(pk)"}}])
        code, _, err = aws("transact-write-items", "--transact-items", failing)
        self.assertNotEqual(code, 0)
        self.assertIn("TransactionCanceledException", err)
        self.assertIn("[ConditionalCheckFailed]", err)

    def test_pynamodb_transact_write_and_get(self):
        try:
            from pynamodb.attributes import NumberAttribute, UnicodeAttribute
            from pynamodb.connection import Connection
            from pynamodb.exceptions import TransactWriteError
            from pynamodb.models import Model
            from pynamodb.transactions import TransactGet, TransactWrite
        except ImportError:
            self.skipTest("pynamodb is not installed")
        endpoint = self.server.endpoint

        class Account(Model):
            class Meta:
                table_name = "Accounts"
                host = endpoint
                region = "us-east-1"
                aws_access_key_id = KEY
                aws_secret_access_key = SECRET
                billing_mode = "PAY_PER_REQUEST"

            name = UnicodeAttribute(hash_key=True)
            balance = NumberAttribute(default=0)

        Account.create_table(wait=True)
        Account("alice", balance=100).save()
        Account("bob", balance=0).save()
        connection = Connection(host=endpoint, region="us-east-1", aws_access_key_id=KEY, aws_secret_access_key=SECRET)
        with TransactWrite(connection=connection, client_request_token="move-30") as transaction:
            transaction.update(Account("alice"), actions=[Account.balance.add(-30)], condition=Account.balance >= 30)
            transaction.update(Account("bob"), actions=[Account.balance.add(30)])
        with TransactGet(connection=connection) as reads:
            alice, bob = reads.get(Account, "alice"), reads.get(Account, "bob")
        self.assertEqual((alice.get().balance, bob.get().balance), (70, 30))
        with self.assertRaises(TransactWriteError) as caught:
            with TransactWrite(connection=connection) as transaction:
                transaction.update(Account("alice"), actions=[Account.balance.add(-500)], condition=Account.balance >= 500)
                transaction.save(Account("carol", balance=500))
        self.assertEqual(caught.exception.cause_response_code, "TransactionCanceledException")
        reasons = caught.exception.cancellation_reasons
        self.assertEqual(len(reasons), 2)
        codes = [reason.code if reason else None for reason in reasons]
        self.assertEqual(sorted(codes, key=str), sorted([None, "ConditionalCheckFailed"], key=str))
        self.assertEqual(Account.get("alice", consistent_read=True).balance, 70)
        with self.assertRaises(Account.DoesNotExist):
            Account.get("carol")


class TransactionDataEventsTest(unittest.TestCase):
    def test_both_calls_are_data_events_naming_every_table(self):
        with DynamoTrail(config=DATA_EVENTS_CONFIG) as server:
            cloudtrail = server.client("cloudtrail", key=KEY, secret=SECRET)
            cloudtrail.put_event_selectors(TrailName="dynamotrail", EventSelectors=ALL_TABLES)
            ddb = server.client("dynamodb", key=KEY, secret=SECRET)
            create_table(ddb, "Orders")
            create_table(ddb, "Stock")
            ddb.transact_write_items(TransactItems=[
                {"Put": {"TableName": "Orders", "Item": {"pk": {"S": "o1"}, "secret": {"S": "TOP-SECRET-VALUE"}},
                         "ConditionExpression": "attribute_not_exists(pk)"}},
                {"Delete": {"TableName": "Stock", "Key": {"pk": {"S": "s1"}}}}], ClientRequestToken="tok-1")
            with self.assertRaises(botocore.exceptions.ClientError):
                ddb.transact_write_items(TransactItems=[
                    {"ConditionCheck": {"TableName": "Stock", "Key": {"pk": {"S": "s1"}},
                                        "ConditionExpression": "attribute_exists(pk)"}},
                    {"Put": {"TableName": "Orders", "Item": {"pk": {"S": "o2"}}}}])
            ddb.transact_get_items(TransactItems=[
                {"Get": {"TableName": "Stock", "Key": {"pk": {"S": "s1"}}}},
                {"Get": {"TableName": "Orders", "Key": {"pk": {"S": "o1"}}}}])
            server.admin("POST", "/_dynamotrail/flush")
            events = [record for _, record in records(server.bucket)
                      if record.get("eventName") in ("TransactWriteItems", "TransactGetItems")]
        self.assertEqual([event["eventName"] for event in events],
                         ["TransactWriteItems", "TransactWriteItems", "TransactGetItems"])
        written, cancelled, read = events
        for event in events:
            self.assertEqual((event["eventCategory"], event["managementEvent"]), ("Data", False))
            self.assertIsNone(event["responseElements"])
        self.assertEqual([resource["ARN"] for resource in written["resources"]], [
            "arn:aws:dynamodb:us-east-1:123456789012:table/Orders", "arn:aws:dynamodb:us-east-1:123456789012:table/Stock"])
        self.assertEqual([resource["ARN"] for resource in read["resources"]], [
            "arn:aws:dynamodb:us-east-1:123456789012:table/Stock", "arn:aws:dynamodb:us-east-1:123456789012:table/Orders"])
        self.assertEqual((written["readOnly"], read["readOnly"]), (False, True))
        first = written["requestParameters"]["requestItems"][0]
        self.assertEqual(first["operation"], "Put")
        self.assertEqual(first["tableName"], "Orders")
        self.assertEqual(first["key"], {"pk": "o1"})
        self.assertEqual(first["items"], ["pk", "secret"])
        self.assertNotIn("TOP-SECRET-VALUE", json.dumps(written))
        self.assertEqual(written["requestParameters"]["requestItems"][1]["operation"], "Delete")
        self.assertEqual(cancelled["errorCode"], "TransactionCanceledException")
        self.assertEqual(cancelled["errorMessage"],
                         "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]")
        self.assertEqual(read["requestParameters"]["requestItems"][0]["operation"], "Get")


if __name__ == "__main__":
    unittest.main()
