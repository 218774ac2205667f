"""Query and Scan end to end: the boto3 client and its paginators (table and index queries, filters, Limit, both
directions, parallel scan), the AWS CLI's automatic pagination of `aws dynamodb query` and `aws dynamodb scan`
(--page-size, --max-items), and a PynamoDB model with a GSI and an LSI (Model.query, Index.query, Model.scan,
count). PynamoDB is optional (Tests/run installs it): without it that test is skipped."""
import json
import os
import subprocess
import unittest
from decimal import Decimal

import boto3
import botocore.exceptions
from boto3.dynamodb.conditions import Attr, Key
from dynamotrail_server import DynamoTrail

KEY, SECRET = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def create_orders(client):
    """Orders: customer (S) + placed (N), GSI byStatus (status, placed, ALL), LSI byAmount (customer, amount, KEYS_ONLY)."""
    client.create_table(
        TableName="Orders", BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": n, "AttributeType": t}
                              for n, t in [("customer", "S"), ("placed", "N"), ("status", "S"), ("amount", "N")]],
        KeySchema=[{"AttributeName": "customer", "KeyType": "HASH"}, {"AttributeName": "placed", "KeyType": "RANGE"}],
        GlobalSecondaryIndexes=[{"IndexName": "byStatus", "Projection": {"ProjectionType": "ALL"},
                                 "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"},
                                               {"AttributeName": "placed", "KeyType": "RANGE"}]}],
        LocalSecondaryIndexes=[{"IndexName": "byAmount", "Projection": {"ProjectionType": "KEYS_ONLY"},
                                "KeySchema": [{"AttributeName": "customer", "KeyType": "HASH"},
                                              {"AttributeName": "amount", "KeyType": "RANGE"}]}])
    client.get_waiter("table_exists").wait(TableName="Orders", WaiterConfig={"Delay": 1, "MaxAttempts": 5})


def fill_orders(client, customers=5, per_customer=40):
    for c in range(customers):
        for i in range(per_customer):
            client.put_item(TableName="Orders", Item={
                "customer": {"S": "c%d" % c}, "placed": {"N": str(i - 20)}, "amount": {"N": str((i * 37) % 101)},
                "status": {"S": ["open", "shipped"][i % 2]}, "note": {"S": "x" * (i * 10)}})


class QueryScanTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DynamoTrail().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def setUp(self):
        self.server.admin("POST", "/_dynamotrail/reset")
        self.client = self.server.client("dynamodb")
        create_orders(self.client)
        fill_orders(self.client)

    def paginate(self, operation, **kwargs):
        pages = list(self.client.get_paginator(operation).paginate(**kwargs))
        return pages, [item for page in pages for item in page.get("Items", [])]

    def test_query_paginator_forward_backward_with_limit_and_filter(self):
        expected = [str(i - 20) for i in range(40)]
        for forward in (True, False):
            pages, items = self.paginate(
                "query", TableName="Orders", KeyConditionExpression="customer = :c",
                ExpressionAttributeValues={":c": {"S": "c1"}}, ScanIndexForward=forward, PaginationConfig={"PageSize": 7})
            self.assertEqual([i["placed"]["N"] for i in items], expected if forward else expected[::-1])
            self.assertEqual(len(pages), 6)  # 7 per page: 5 full pages, a partial one
        _, items = self.paginate(
            "query", TableName="Orders", KeyConditionExpression="customer = :c AND placed BETWEEN :lo AND :hi",
            FilterExpression="#s = :open", ExpressionAttributeNames={"#s": "status"},
            ExpressionAttributeValues={":c": {"S": "c2"}, ":lo": {"N": "-5"}, ":hi": {"N": "5"}, ":open": {"S": "open"}},
            PaginationConfig={"PageSize": 3})
        self.assertEqual([i["placed"]["N"] for i in items], ["-4", "-2", "0", "2", "4"])
        page = self.client.query(
            TableName="Orders", KeyConditionExpression="customer = :c", FilterExpression="#s = :open",
            ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":c": {"S": "c0"}, ":open": {"S": "open"}},
            Limit=10, ReturnConsumedCapacity="TOTAL")
        self.assertEqual((page["Count"], page["ScannedCount"]), (5, 10))
        self.assertEqual(page["LastEvaluatedKey"], {"customer": {"S": "c0"}, "placed": {"N": "-11"}})
        self.assertEqual(page["ConsumedCapacity"]["TableName"], "Orders")

    def test_index_queries_return_index_keys_and_projections(self):
        pages, items = self.paginate(
            "query", TableName="Orders", IndexName="byStatus", KeyConditionExpression="#s = :s AND placed < :zero",
            ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":s": {"S": "shipped"}, ":zero": {"N": "0"}},
            PaginationConfig={"PageSize": 4})
        self.assertEqual(len(items), 5 * 10)
        placed = [int(i["placed"]["N"]) for i in items]
        self.assertEqual(placed, sorted(placed))
        self.assertEqual(set(pages[0]["LastEvaluatedKey"]), {"status", "placed", "customer"})
        keys_only = self.client.query(
            TableName="Orders", IndexName="byAmount", KeyConditionExpression="customer = :c AND amount > :t",
            ExpressionAttributeValues={":c": {"S": "c3"}, ":t": {"N": "90"}})
        self.assertTrue(all(set(i) == {"customer", "placed", "amount"} for i in keys_only["Items"]))
        totals = [int(i["amount"]["N"]) for i in keys_only["Items"]]
        self.assertEqual(totals, sorted(totals))
        self.assertTrue(totals and all(t > 90 for t in totals))
        with self.assertRaises(botocore.exceptions.ClientError) as refused:
            self.client.query(TableName="Orders", IndexName="byStatus", ConsistentRead=True,
                              KeyConditionExpression="#s = :s", ExpressionAttributeNames={"#s": "status"},
                              ExpressionAttributeValues={":s": {"S": "open"}})
        self.assertEqual(refused.exception.response["Error"]["Message"],
                         "Consistent reads are not supported on global secondary indexes")

    def test_scan_paginator_and_parallel_segments(self):
        _, items = self.paginate("scan", TableName="Orders", PaginationConfig={"PageSize": 13})
        everything = {(i["customer"]["S"], i["placed"]["N"]) for i in items}
        self.assertEqual(len(items), 200)
        self.assertEqual(len(everything), 200)
        segments = []
        for segment in range(4):
            _, part = self.paginate("scan", TableName="Orders", Segment=segment, TotalSegments=4,
                                    PaginationConfig={"PageSize": 9})
            segments.append({(i["customer"]["S"], i["placed"]["N"]) for i in part})
        self.assertEqual(set().union(*segments), everything)
        self.assertEqual(sum(len(s) for s in segments), 200)
        counted = self.client.scan(TableName="Orders", Select="COUNT", FilterExpression="amount >= :t",
                                   ExpressionAttributeValues={":t": {"N": "50"}})
        self.assertNotIn("Items", counted)
        self.assertEqual(counted["ScannedCount"], 200)
        _, index_items = self.paginate("scan", TableName="Orders", IndexName="byStatus", PaginationConfig={"PageSize": 50})
        self.assertEqual(len(index_items), 200)

    def test_resource_query_with_conditions_and_decimals(self):
        resource = boto3.resource("dynamodb", endpoint_url=self.server.endpoint, region_name="us-east-1",
                                  aws_access_key_id=KEY, aws_secret_access_key=SECRET)
        table = resource.Table("Orders")
        result = table.query(KeyConditionExpression=Key("customer").eq("c4") & Key("placed").gte(15),
                             FilterExpression=Attr("status").eq("open"), ProjectionExpression="placed, #t",
                             ExpressionAttributeNames={"#t": "amount"})
        self.assertEqual([i["placed"] for i in result["Items"]], [Decimal(16), Decimal(18)])
        self.assertTrue(all(set(i) == {"placed", "amount"} for i in result["Items"]))

    def aws(self, *args):
        env = dict(os.environ, AWS_ACCESS_KEY_ID=KEY, AWS_SECRET_ACCESS_KEY=SECRET, AWS_DEFAULT_REGION="us-east-1")
        env.pop("AWS_PROFILE", None)
        result = subprocess.run(["aws", "--endpoint-url", self.server.endpoint, "dynamodb", *args, "--output", "json"],
                                capture_output=True, text=True, env=env, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def test_cli_paginates_query_and_scan(self):
        out = self.aws("query", "--table-name", "Orders", "--key-condition-expression", "customer = :c",
                       "--expression-attribute-values", '{":c":{"S":"c0"}}', "--page-size", "6")
        self.assertEqual(len(out["Items"]), 40)
        self.assertEqual(out["Count"], 40)
        self.assertEqual([i["placed"]["N"] for i in out["Items"]], [str(i - 20) for i in range(40)])
        limited = self.aws("query", "--table-name", "Orders", "--key-condition-expression", "customer = :c",
                           "--expression-attribute-values", '{":c":{"S":"c0"}}', "--page-size", "6", "--max-items", "15")
        self.assertEqual(len(limited["Items"]), 15)
        self.assertIn("NextToken", limited)
        rest = self.aws("query", "--table-name", "Orders", "--key-condition-expression", "customer = :c",
                        "--expression-attribute-values", '{":c":{"S":"c0"}}', "--page-size", "6",
                        "--starting-token", limited["NextToken"])
        self.assertEqual([i["placed"]["N"] for i in limited["Items"] + rest["Items"]], [str(i - 20) for i in range(40)])
        scanned = self.aws("scan", "--table-name", "Orders", "--page-size", "17")
        self.assertEqual((len(scanned["Items"]), scanned["Count"], scanned["ScannedCount"]), (200, 200, 200))
        capped = self.aws("scan", "--table-name", "Orders", "--max-items", "25", "--filter-expression", "amount < :t",
                          "--expression-attribute-values", '{":t":{"N":"50"}}')
        self.assertEqual(len(capped["Items"]), 25)

    def test_pynamodb_model_with_a_global_and_a_local_index(self):
        try:
            from pynamodb.attributes import NumberAttribute, UnicodeAttribute
            from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection, LocalSecondaryIndex
            from pynamodb.models import Model
        except ImportError:
            self.skipTest("pynamodb is not installed")
        endpoint = self.server.endpoint

        class ByCity(GlobalSecondaryIndex):
            class Meta:
                index_name = "byCity"
                projection = AllProjection()
            city = UnicodeAttribute(hash_key=True)
            age = NumberAttribute(range_key=True)

        class ByAge(LocalSecondaryIndex):
            class Meta:
                index_name = "byAge"
                projection = KeysOnlyProjection()
            team = UnicodeAttribute(hash_key=True)
            age = NumberAttribute(range_key=True)

        class Member(Model):
            class Meta:
                table_name = "Members"
                host = endpoint
                region = "us-east-1"
                aws_access_key_id = KEY
                aws_secret_access_key = SECRET
                billing_mode = "PAY_PER_REQUEST"
            team = UnicodeAttribute(hash_key=True)
            name = UnicodeAttribute(range_key=True)
            city = UnicodeAttribute()
            age = NumberAttribute()
            by_city = ByCity()
            by_age = ByAge()

        Member.create_table(wait=True)
        for i in range(30):
            Member("t%d" % (i % 3), "m%02d" % i, city=["Oslo", "Lima"][i % 2], age=20 + i).save()
        team = list(Member.query("t1", Member.name.startswith("m1")))
        self.assertEqual([m.name for m in team], ["m10", "m13", "m16", "m19"])
        self.assertEqual(Member.count("t1"), 10)
        self.assertEqual(Member.count("t1", Member.name > "m20"), 3)
        oslo = list(Member.by_city.query("Oslo", Member.age > 40, scan_index_forward=False, page_size=2))
        self.assertEqual([m.age for m in oslo], [48, 46, 44, 42])
        young = list(Member.by_age.query("t2", Member.age < 30))
        self.assertEqual([m.name for m in young], ["m02", "m05", "m08"])
        self.assertEqual(len(list(Member.scan(Member.city == "Lima", page_size=4))), 15)
        self.assertEqual(Member.count(), 30)
        self.assertEqual(sum(1 for _ in Member.scan(segment=0, total_segments=2)) +
                         sum(1 for _ in Member.scan(segment=1, total_segments=2)), 30)


if __name__ == "__main__":
    unittest.main()
