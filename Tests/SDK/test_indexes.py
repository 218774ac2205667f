"""Secondary indexes end to end with boto3: a GSI added by UpdateTable to a table with items goes CREATING
(Backfilling false, then true) and then ACTIVE with the existing items counted; multi-attribute GSI keys are
type-checked on writes; the item-collection limit of a table with a local secondary index (a small configured
limit) answers ItemCollectionSizeLimitExceededException; ItemCollectionMetrics on PutItem. Queries through the
new indexes run once the server serves Query (skipped while Query answers DynamoTrail's "not implemented")."""
import time
import unittest

import botocore.exceptions
from dynamotrail_server import DynamoTrail


def serves_query(client):
    """True when Query is served (a probe on a missing table answers anything but DynamoTrail's own refusal)."""
    try:
        client.query(TableName="query-probe", KeyConditionExpression="k = :k", ExpressionAttributeValues={":k": {"S": "x"}})
    except botocore.exceptions.ClientError as error:
        return "DynamoTrail" not in error.response["Error"].get("Message", "")
    return True


def wait_active(client, name):
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 20})
    for _ in range(200):
        if client.describe_table(TableName=name)["Table"]["TableStatus"] == "ACTIVE":
            return
        time.sleep(0.1)


class OnlineIndexTest(unittest.TestCase):
    """UpdateTable's Create: resource allocation while the table is UPDATING (1 s), then backfilling (3 s)."""

    @classmethod
    def setUpClass(cls):
        config = {"dynamodb": {"transitions": {"createSeconds": 3, "updateSeconds": 1}}}
        cls.server = DynamoTrail(config=config).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def setUp(self):
        self.server.admin("POST", "/_dynamotrail/reset")
        self.client = self.server.client("dynamodb")
        self.client.create_table(
            TableName="Orders", AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}], BillingMode="PAY_PER_REQUEST")
        wait_active(self.client, "Orders")
        for index in range(12):
            item = {"id": {"S": "o%02d" % index}, "total": {"N": str(index * 10 - 50)}}
            if index % 3 != 0:  # every third order has no status: not in the sparse index
                item["status"] = {"S": "open" if index % 2 else "shipped"}
            self.client.put_item(TableName="Orders", Item=item)

    def add_index(self, name, key_schema, definitions):
        return self.client.update_table(
            TableName="Orders", AttributeDefinitions=definitions,
            GlobalSecondaryIndexUpdates=[{"Create": {"IndexName": name, "KeySchema": key_schema,
                                                     "Projection": {"ProjectionType": "ALL"}}}])

    def follow(self, name):
        """The (IndexStatus, Backfilling) pairs DescribeTable shows, in order, until the index is ACTIVE."""
        seen = []
        for _ in range(300):
            index = [i for i in self.client.describe_table(TableName="Orders")["Table"]["GlobalSecondaryIndexes"]
                     if i["IndexName"] == name][0]
            state = (index["IndexStatus"], index.get("Backfilling"))
            if not seen or seen[-1] != state:
                seen.append(state)
            if state[0] == "ACTIVE":
                return seen, index
            time.sleep(0.1)
        self.fail("index %s never became ACTIVE: %s" % (name, seen))

    def test_an_index_added_to_a_table_with_items_is_backfilled(self):
        answer = self.add_index("byStatus", [{"AttributeName": "status", "KeyType": "HASH"},
                                             {"AttributeName": "total", "KeyType": "RANGE"}],
                                [{"AttributeName": "status", "AttributeType": "S"},
                                 {"AttributeName": "total", "AttributeType": "N"}])
        created = answer["TableDescription"]["GlobalSecondaryIndexes"][0]
        self.assertEqual((created["IndexStatus"], created["Backfilling"]), ("CREATING", False))
        querying = serves_query(self.client)
        if querying:
            with self.assertRaises(botocore.exceptions.ClientError) as refused:
                self.client.query(TableName="Orders", IndexName="byStatus", KeyConditionExpression="#s = :s",
                                  ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":s": {"S": "open"}})
            self.assertEqual(refused.exception.response["Error"]["Message"],
                             "Cannot read from backfilling global secondary index: byStatus")
        seen, index = self.follow("byStatus")
        # CREATING without then with Backfilling, then ACTIVE (no Backfilling member); a slow poll may miss a step.
        order = [("CREATING", False), ("CREATING", True), ("ACTIVE", None)]
        self.assertEqual(seen, [state for state in order if state in seen])
        self.assertIn(("CREATING", True), seen)
        self.assertEqual(index["ItemCount"], 8)  # the twelve orders but the four without a status
        self.assertGreater(index["IndexSizeBytes"], 0)
        if not querying:
            self.skipTest("Query is not served yet: the reads through the backfilled index run once it is")
        items = self.client.query(TableName="Orders", IndexName="byStatus", KeyConditionExpression="#s = :s",
                                  ExpressionAttributeNames={"#s": "status"},
                                  ExpressionAttributeValues={":s": {"S": "open"}})["Items"]
        self.assertEqual([int(item["total"]["N"]) for item in items], [-40, 0, 20, 60])

    def test_a_multi_attribute_index_added_online_orders_by_its_range_attributes(self):
        self.add_index("byStatusTotal", [{"AttributeName": "status", "KeyType": "HASH"},
                                         {"AttributeName": "region", "KeyType": "HASH"},
                                         {"AttributeName": "total", "KeyType": "RANGE"},
                                         {"AttributeName": "id", "KeyType": "RANGE"}],
                       [{"AttributeName": "status", "AttributeType": "S"},
                        {"AttributeName": "region", "AttributeType": "S"},
                        {"AttributeName": "total", "AttributeType": "N"},
                        {"AttributeName": "id", "AttributeType": "S"}])
        _, index = self.follow("byStatusTotal")
        self.assertEqual(index["ItemCount"], 0)  # no order has a region yet
        for number, total in enumerate(["-1E2", "5", "-7.5", "5", "1E1"]):
            self.client.put_item(TableName="Orders", Item={
                "id": {"S": "r%d" % number}, "status": {"S": "open"}, "region": {"S": "eu"}, "total": {"N": total}})
        with self.assertRaises(botocore.exceptions.ClientError) as wrong:
            self.client.put_item(TableName="Orders", Item={
                "id": {"S": "bad"}, "status": {"S": "open"}, "region": {"N": "1"}, "total": {"N": "1"}})
        self.assertEqual(wrong.exception.response["Error"]["Message"],
                         "One or more parameter values were invalid: Type mismatch for Index Key region Expected: S "
                         "Actual: N IndexName: byStatusTotal")
        table = self.client.describe_table(TableName="Orders")["Table"]
        self.assertEqual([i["ItemCount"] for i in table["GlobalSecondaryIndexes"] if i["IndexName"] == "byStatusTotal"], [5])
        if not serves_query(self.client):
            self.skipTest("Query is not served yet: the composite-key reads run once it is")
        names = {"#s": "status", "#r": "region"}  # every name must be used (AWS refuses unused ones)
        values = {":s": {"S": "open"}, ":r": {"S": "eu"}}
        items = self.client.query(TableName="Orders", IndexName="byStatusTotal", KeyConditionExpression="#s = :s AND #r = :r",
                                  ExpressionAttributeNames=names, ExpressionAttributeValues=values)["Items"]
        self.assertEqual([item["id"]["S"] for item in items], ["r0", "r2", "r1", "r3", "r4"])
        items = self.client.query(TableName="Orders", IndexName="byStatusTotal",
                                  KeyConditionExpression="#s = :s AND #r = :r AND #t = :t AND id > :id",
                                  ExpressionAttributeNames=dict(names, **{"#t": "total"}), ScanIndexForward=False,
                                  ExpressionAttributeValues=dict(values, **{":t": {"N": "5"}, ":id": {"S": "r1"}}))["Items"]
        self.assertEqual([item["id"]["S"] for item in items], ["r3"])
        with self.assertRaises(botocore.exceptions.ClientError) as gap:
            self.client.query(TableName="Orders", IndexName="byStatusTotal", KeyConditionExpression="#s = :s AND #r = :r AND id = :id",
                              ExpressionAttributeNames=names, ExpressionAttributeValues=dict(values, **{":id": {"S": "r1"}}))
        self.assertEqual(gap.exception.response["Error"]["Message"],
                         "RANGE key attributes total must have equality conditions specified in the query because a "
                         "condition is present on key attribute id")


class ItemCollectionTest(unittest.TestCase):
    """A table with a local secondary index on a server whose item-collection limit is 1,000 bytes."""

    @classmethod
    def setUpClass(cls):
        cls.server = DynamoTrail(config={"dynamodb": {"itemCollectionSizeLimitBytes": 1000}}).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def setUp(self):
        self.server.admin("POST", "/_dynamotrail/reset")
        self.client = self.server.client("dynamodb")
        self.client.create_table(
            TableName="Threads", BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "forum", "AttributeType": "S"},
                                  {"AttributeName": "subject", "AttributeType": "S"},
                                  {"AttributeName": "posted", "AttributeType": "N"}],
            KeySchema=[{"AttributeName": "forum", "KeyType": "HASH"}, {"AttributeName": "subject", "KeyType": "RANGE"}],
            LocalSecondaryIndexes=[{"IndexName": "byPosted",
                                    "KeySchema": [{"AttributeName": "forum", "KeyType": "HASH"},
                                                  {"AttributeName": "posted", "KeyType": "RANGE"}],
                                    "Projection": {"ProjectionType": "KEYS_ONLY"}}])
        wait_active(self.client, "Threads")

    def put(self, forum, subject, body=200):
        return self.client.put_item(TableName="Threads", ReturnItemCollectionMetrics="SIZE", Item={
            "forum": {"S": forum}, "subject": {"S": subject}, "posted": {"N": "1"}, "body": {"S": "x" * body}})

    def test_put_item_answers_item_collection_metrics(self):
        answer = self.put("S3", "first")
        self.assertEqual(answer["ItemCollectionMetrics"],
                         {"ItemCollectionKey": {"forum": {"S": "S3"}}, "SizeEstimateRangeGB": [0.0, 1.0]})
        quiet = self.client.put_item(TableName="Threads", Item={"forum": {"S": "S3"}, "subject": {"S": "second"}})
        self.assertNotIn("ItemCollectionMetrics", quiet)

    def test_a_collection_past_the_limit_is_refused_and_others_are_not(self):
        written = 0
        with self.assertRaises(botocore.exceptions.ClientError) as refused:
            for number in range(20):
                self.put("EC2", "s%02d" % number)
                written += 1
        error = refused.exception.response["Error"]
        self.assertEqual((error["Code"], error["Message"]), ("ItemCollectionSizeLimitExceededException", "Collection size exceeded."))
        self.assertEqual(written, 3)  # each item (230 bytes) and its KEYS_ONLY index entry (26) take 256 of the 1,000
        self.put("S3", "elsewhere")  # another partition key value is another collection
        self.client.delete_item(TableName="Threads", Key={"forum": {"S": "EC2"}, "subject": {"S": "s00"}})
        self.put("EC2", "again")  # room again after a delete
        count = self.client.scan(TableName="Threads", Select="COUNT")["Count"] if serves_query(self.client) else None
        if count is not None:
            self.assertEqual(count, 4)


if __name__ == "__main__":
    unittest.main()
