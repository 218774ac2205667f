"""Current DynamoDB control-plane features through boto3, against the release binary.

Multi-attribute GSI keys (AWS: "Multi-attribute keys"), UpdateTable's refusal to redefine a keyed attribute's
type (AWS's text as recorded in scylladb's test_gsi_updatetable.py), DescribeStream's ShardFilter (AWS:
"ShardFilter"), GetShardIterator on a shard the stream does not have, the tag operations' order of checks
(dynalite's suite recorded against AWS), and BillingModeSummary/WarmThroughput across a billing-mode switch
(AWS: "BillingModeSummary", "Understanding DynamoDB warm throughput").
"""
import time
import unittest

import botocore.exceptions

from dynamotrail_server import DynamoTrail

ACCOUNT, REGION = "123456789012", "us-east-1"
CONFIG = {"dynamodb": {"transitions": {"createSeconds": 0, "updateSeconds": 0, "deleteSeconds": 0}}}


def arn(name, account=ACCOUNT):
    return "arn:aws:dynamodb:%s:%s:table/%s" % (REGION, account, name)


def keys(hashes, ranges=()):
    return [{"AttributeName": n, "KeyType": "HASH"} for n in hashes] + [{"AttributeName": n, "KeyType": "RANGE"} for n in ranges]


def definitions(names, kind="S"):
    return [{"AttributeName": n, "AttributeType": kind} for n in names]


class CloserToAWSTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DynamoTrail(config=CONFIG).__enter__()
        cls.ddb = cls.server.client("dynamodb")
        cls.streams = cls.server.client("dynamodbstreams")

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def error(self, call, **kwargs):
        with self.assertRaises(botocore.exceptions.ClientError) as raised:
            call(**kwargs)
        return raised.exception.response["Error"], raised.exception.response["ResponseMetadata"]["HTTPStatusCode"]

    def wait_active(self, name):
        for _ in range(50):
            table = self.ddb.describe_table(TableName=name)["Table"]
            if table["TableStatus"] == "ACTIVE" and all(i["IndexStatus"] == "ACTIVE" for i in table.get("GlobalSecondaryIndexes", [])):
                return table
            time.sleep(0.1)
        self.fail("%s never became ACTIVE" % name)

    def test_multi_attribute_global_index_keys(self):
        hashes, ranges = ["h1", "h2", "h3", "h4"], ["r1", "r2", "r3", "r4"]
        self.ddb.create_table(
            TableName="wide", BillingMode="PAY_PER_REQUEST", AttributeDefinitions=definitions(["pk"] + hashes + ranges),
            KeySchema=keys(["pk"]), GlobalSecondaryIndexes=[
                {"IndexName": "wide", "KeySchema": keys(hashes, ranges), "Projection": {"ProjectionType": "ALL"}}])
        [index] = self.wait_active("wide")["GlobalSecondaryIndexes"]
        self.assertEqual(index["KeySchema"], keys(hashes, ranges))
        error, status = self.error(
            self.ddb.create_table, TableName="wider", BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=definitions(["pk", "a", "b", "c", "d", "e"]), KeySchema=keys(["pk"]),
            GlobalSecondaryIndexes=[{"IndexName": "wider", "KeySchema": keys(["a", "b", "c", "d", "e"]),
                                     "Projection": {"ProjectionType": "ALL"}}])
        self.assertEqual((status, error["Code"], error["Message"]), (
            400, "ValidationException", "The KeySchema exceeds the maximum allowed number of HASH key attributes"))

    def test_update_table_refuses_a_redefined_key_type(self):
        self.ddb.create_table(TableName="typed", BillingMode="PAY_PER_REQUEST", AttributeDefinitions=definitions(["pk", "xyz"]),
                              KeySchema=keys(["pk"]), GlobalSecondaryIndexes=[
                                  {"IndexName": "index1", "KeySchema": keys(["xyz"]), "Projection": {"ProjectionType": "ALL"}}])
        self.wait_active("typed")
        error, _ = self.error(
            self.ddb.update_table, TableName="typed", AttributeDefinitions=definitions(["xyz"], "N"),
            GlobalSecondaryIndexUpdates=[{"Create": {"IndexName": "index2", "KeySchema": keys(["xyz"]),
                                                     "Projection": {"ProjectionType": "ALL"}}}])
        self.assertEqual(error["Code"], "ValidationException")
        self.assertEqual(error["Message"], (
            "One or more parameter values were invalid: Attributes cannot be redefined. Please check that your attribute "
            "has the same type as previously defined. Existing schema: Schema:[SchemaElement: key{xyz:S:HASH}] "
            "New schema: Schema:[SchemaElement: key{xyz:N:HASH}]"))

    def test_shard_filter_and_missing_shard(self):
        created = self.ddb.create_table(
            TableName="streamed", BillingMode="PAY_PER_REQUEST", AttributeDefinitions=definitions(["pk"]), KeySchema=keys(["pk"]),
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"})
        stream_arn = created["TableDescription"]["LatestStreamArn"]
        [shard] = self.streams.describe_stream(StreamArn=stream_arn)["StreamDescription"]["Shards"]
        children = self.streams.describe_stream(
            StreamArn=stream_arn, ShardFilter={"Type": "CHILD_SHARDS", "ShardId": shard["ShardId"]})["StreamDescription"]
        self.assertEqual(children["Shards"], [])
        error, _ = self.error(self.streams.get_shard_iterator, StreamArn=stream_arn,
                              ShardId="shardId-00000000000000000000-00000000", ShardIteratorType="LATEST")
        self.assertEqual((error["Code"], error["Message"]),
                         ("ResourceNotFoundException", "Requested resource not found: Shard does not exist"))

    def test_tag_operations_check_in_aws_order(self):
        error, _ = self.error(self.ddb.tag_resource, ResourceArn=arn("ab"), Tags=[])
        self.assertEqual(error["Message"], "Invalid TableArn: Invalid ResourceArn provided as input " + arn("ab"))
        error, _ = self.error(self.ddb.tag_resource, ResourceArn=arn("nope"), Tags=[])
        self.assertEqual(error["Message"], "Atleast one Tag needs to be provided as Input.")
        error, _ = self.error(self.ddb.untag_resource, ResourceArn=arn("nope"), TagKeys=["k"])
        self.assertEqual((error["Code"], error["Message"]),
                         ("ResourceNotFoundException", "Requested resource not found: ResourceArn: %s not found" % arn("nope")))
        error, _ = self.error(self.ddb.tag_resource, ResourceArn=arn("nope", "210987654321"), Tags=[{"Key": "k", "Value": "v"}])
        self.assertEqual((error["Code"], error["Message"]), ("AccessDeniedException", "Access is denied"))

    def test_billing_summary_and_warm_throughput_across_a_switch(self):
        created = self.ddb.create_table(
            TableName="switched", BillingMode="PAY_PER_REQUEST", AttributeDefinitions=definitions(["pk", "g"]),
            KeySchema=keys(["pk"]), GlobalSecondaryIndexes=[
                {"IndexName": "byG", "KeySchema": keys(["g"]), "Projection": {"ProjectionType": "KEYS_ONLY"}}])["TableDescription"]
        self.assertEqual(created["BillingModeSummary"], {"BillingMode": "PAY_PER_REQUEST"})
        before = self.wait_active("switched")
        since = before["BillingModeSummary"]["LastUpdateToPayPerRequestDateTime"]
        self.assertEqual(since, before["CreationDateTime"])
        self.ddb.update_table(
            TableName="switched", BillingMode="PROVISIONED", ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
            GlobalSecondaryIndexUpdates=[{"Update": {"IndexName": "byG", "ProvisionedThroughput": {
                "ReadCapacityUnits": 3, "WriteCapacityUnits": 3}}}])
        after = self.wait_active("switched")
        self.assertEqual(after["BillingModeSummary"], {"BillingMode": "PROVISIONED", "LastUpdateToPayPerRequestDateTime": since})
        warm = {"ReadUnitsPerSecond": 12000, "WriteUnitsPerSecond": 4000, "Status": "ACTIVE"}
        self.assertEqual(after["WarmThroughput"], warm)
        self.assertEqual(after["GlobalSecondaryIndexes"][0]["WarmThroughput"], warm)
        self.assertEqual(after["GlobalSecondaryIndexes"][0]["ProvisionedThroughput"]["ReadCapacityUnits"], 3)


if __name__ == "__main__":
    unittest.main()
