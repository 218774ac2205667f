"""CloudTrail data events with boto3 and the AWS CLI: `aws cloudtrail put-event-selectors` / `get-event-selectors`
(basic and advanced), item calls recorded as data events only when selected, LookupEvents leaving them out, and
`aws cloudtrail validate-logs` accepting a chain whose log files hold data events."""
import datetime
import gzip
import json
import os
import subprocess
import time
import unittest

from botocore.exceptions import ClientError

from dynamotrail_server import DynamoTrail
from trail_files import records

ALICE = ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
CONFIG = {
    "accounts": [{"accountId": "123456789012", "default": True, "identities": [
        {"type": "IAMUser", "userName": "alice", "accessKeyId": ALICE[0], "secretAccessKey": ALICE[1]}]}],
    "trail": {"deliveryIntervalSeconds": 1, "digest": {"enabled": True, "intervalSeconds": 2},
              "notifications": {"file": None}},
}
ALL_TABLES = [{"ReadWriteType": "All", "IncludeManagementEvents": True,
               "DataResources": [{"Type": "AWS::DynamoDB::Table", "Values": ["arn:aws:dynamodb"]}]}]
ARN = "arn:aws:cloudtrail:us-east-1:123456789012:trail/dynamotrail"
TABLE_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Music"


def aws(server, *args):
    env = dict(os.environ, AWS_ACCESS_KEY_ID=ALICE[0], AWS_SECRET_ACCESS_KEY=ALICE[1], AWS_DEFAULT_REGION="us-east-1",
               AWS_ENDPOINT_URL=server.endpoint)
    env.pop("AWS_PROFILE", None)
    return subprocess.run(["aws", *args], capture_output=True, text=True, env=env, timeout=120)


def create_music(server):
    ddb = server.client("dynamodb", key=ALICE[0], secret=ALICE[1])
    ddb.create_table(TableName="Music", BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": "Artist", "AttributeType": "S"},
                                           {"AttributeName": "SongTitle", "AttributeType": "S"}],
                     KeySchema=[{"AttributeName": "Artist", "KeyType": "HASH"},
                                {"AttributeName": "SongTitle", "KeyType": "RANGE"}])
    return ddb


KEY = {"Artist": {"S": "No One You Know"}, "SongTitle": {"S": "Call Me Today"}}


def item_calls(ddb):
    """PutItem, GetItem, UpdateItem, DeleteItem; answered or refused, each is a call CloudTrail can record."""
    calls = [
        lambda: ddb.put_item(TableName="Music", Item=dict(KEY, AlbumTitle={"S": "TOP-SECRET-VALUE"}),
                             ReturnConsumedCapacity="TOTAL"),
        lambda: ddb.get_item(TableName="Music", Key=KEY, ConsistentRead=True),
        lambda: ddb.update_item(TableName="Music", Key=KEY, UpdateExpression="SET #Y = :y",
                                ExpressionAttributeNames={"#Y": "Year"},
                                ExpressionAttributeValues={":y": {"N": "424242"}},
                                ConditionExpression="attribute_not_exists(#Y)"),
        lambda: ddb.delete_item(TableName="Music", Key=KEY, ReturnValues="ALL_OLD"),
    ]
    errors = {}
    for name, call in zip(["PutItem", "GetItem", "UpdateItem", "DeleteItem"], calls):
        try:
            call()
        except ClientError as error:
            errors[name] = (error.response["Error"]["Code"], error.response["Error"]["Message"])
    return errors


def data_records(server):
    server.admin("POST", "/_dynamotrail/flush")
    return [record for _, record in records(server.bucket) if record.get("eventCategory") == "Data"]


class EventSelectorsCLITest(unittest.TestCase):
    def test_put_and_get_event_selectors_basic_and_advanced(self):
        with DynamoTrail(config=CONFIG) as server:
            got = aws(server, "cloudtrail", "get-event-selectors", "--trail-name", "dynamotrail")
            self.assertEqual(got.returncode, 0, got.stderr)
            self.assertEqual(json.loads(got.stdout), {"TrailARN": ARN, "EventSelectors": [
                {"ReadWriteType": "All", "IncludeManagementEvents": True, "DataResources": [],
                 "ExcludeManagementEventSources": []}]})

            put = aws(server, "cloudtrail", "put-event-selectors", "--trail-name", "dynamotrail",
                      "--event-selectors", json.dumps(ALL_TABLES))
            self.assertEqual(put.returncode, 0, put.stderr)
            expected = {"TrailARN": ARN, "EventSelectors": [dict(ALL_TABLES[0], ExcludeManagementEventSources=[])]}
            self.assertEqual(json.loads(put.stdout), expected)
            got = aws(server, "cloudtrail", "get-event-selectors", "--trail-name", ARN)
            self.assertEqual(json.loads(got.stdout), expected)
            trail = json.loads(aws(server, "cloudtrail", "get-trail", "--name", "dynamotrail").stdout)["Trail"]
            self.assertTrue(trail["HasCustomEventSelectors"])

            advanced = [{"Name": "Music writes", "FieldSelectors": [
                {"Field": "eventCategory", "Equals": ["Data"]},
                {"Field": "resources.type", "Equals": ["AWS::DynamoDB::Table"]},
                {"Field": "readOnly", "Equals": ["false"]},
                {"Field": "resources.ARN", "Equals": [TABLE_ARN]}]},
                {"Name": "Management", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}]}]
            put = aws(server, "cloudtrail", "put-event-selectors", "--trail-name", "dynamotrail",
                      "--advanced-event-selectors", json.dumps(advanced))
            self.assertEqual(put.returncode, 0, put.stderr)
            self.assertEqual(json.loads(put.stdout), {"TrailARN": ARN, "AdvancedEventSelectors": advanced})
            got = aws(server, "cloudtrail", "get-event-selectors", "--trail-name", "dynamotrail")
            self.assertEqual(json.loads(got.stdout), {"TrailARN": ARN, "AdvancedEventSelectors": advanced})

            bad = aws(server, "cloudtrail", "put-event-selectors", "--trail-name", "dynamotrail", "--event-selectors",
                      json.dumps([{"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::*"]}]}]))
            self.assertNotEqual(bad.returncode, 0)
            self.assertIn("(InvalidEventSelectorsException) when calling the PutEventSelectors operation: "
                          "Value arn:aws:s3:::* for DataResources.Values is invalid.", bad.stderr)


class DataEventsBoto3Test(unittest.TestCase):
    def test_item_calls_are_data_events_only_when_selected(self):
        with DynamoTrail(config=CONFIG) as server:
            ddb = create_music(server)
            item_calls(ddb)
            self.assertEqual(data_records(server), [])

            cloudtrail = server.client("cloudtrail", key=ALICE[0], secret=ALICE[1])
            answer = cloudtrail.put_event_selectors(TrailName="dynamotrail", EventSelectors=ALL_TABLES)
            self.assertEqual(answer["TrailARN"], ARN)
            errors = item_calls(ddb)
            found = {record["eventName"]: record for record in data_records(server)}
            self.assertEqual(sorted(found), ["DeleteItem", "GetItem", "PutItem", "UpdateItem"])
            for name, record in found.items():
                self.assertEqual(record["eventSource"], "dynamodb.amazonaws.com")
                self.assertIs(record["managementEvent"], False)
                self.assertIs(record["readOnly"], name == "GetItem")
                self.assertIsNone(record["responseElements"])
                self.assertEqual(record["eventType"], "AwsApiCall")
                self.assertEqual(record["recipientAccountId"], "123456789012")
                self.assertEqual(record["resources"], [
                    {"accountId": "123456789012", "type": "AWS::DynamoDB::Table", "ARN": TABLE_ARN}])
                self.assertEqual(record["requestParameters"]["tableName"], "Music")
                self.assertEqual(record["requestParameters"]["key"],
                                 {"Artist": "No One You Know", "SongTitle": "Call Me Today"})
                self.assertNotIn("TOP-SECRET-VALUE", json.dumps(record))
                self.assertNotIn("424242", json.dumps(record))
                if name in errors:
                    self.assertEqual((record["errorCode"], record["errorMessage"]), errors[name])
            self.assertEqual(found["PutItem"]["requestParameters"]["item"], ["Artist", "SongTitle", "AlbumTitle"])
            self.assertEqual(found["UpdateItem"]["requestParameters"]["expressionAttributeNames"], {"#Y": "Year"})
            self.assertNotIn("expressionAttributeValues", found["UpdateItem"]["requestParameters"])

            lookup = cloudtrail.lookup_events(LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "PutItem"}])
            self.assertEqual(lookup["Events"], [])
            names = {event["EventName"] for event in cloudtrail.lookup_events()["Events"]}
            self.assertIn("PutEventSelectors", names)

    def test_selectors_set_at_runtime_survive_a_restart(self):
        with DynamoTrail(config=CONFIG) as server:
            cloudtrail = server.client("cloudtrail", key=ALICE[0], secret=ALICE[1])
            cloudtrail.put_event_selectors(TrailName="dynamotrail", EventSelectors=ALL_TABLES)
            server.stop()
            server.start()
            cloudtrail = server.client("cloudtrail", key=ALICE[0], secret=ALICE[1])
            got = cloudtrail.get_event_selectors(TrailName="dynamotrail")
            self.assertEqual(got["EventSelectors"][0]["DataResources"], ALL_TABLES[0]["DataResources"])


class DataEventsValidateLogsTest(unittest.TestCase):
    def test_validate_logs_accepts_a_chain_holding_data_events(self):
        config = json.loads(json.dumps(CONFIG))
        config["trail"]["eventSelectors"] = ALL_TABLES
        with DynamoTrail(config=config) as server:
            start = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
            item_calls(create_music(server))
            self.assertTrue(data_records(server))
            moment = datetime.datetime.now(datetime.timezone.utc)
            deadline = time.time() + 20
            while time.time() < deadline and not self.digest_after(server, moment):
                time.sleep(0.5)
            result = aws(server, "cloudtrail", "validate-logs", "--trail-arn", ARN, "--start-time", start,
                         "--endpoint-url", server.endpoint, "--verbose")
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            self.assertRegex(result.stdout, r"(\d+)/\1 log files valid")
            self.assertNotIn("INVALID", result.stdout + result.stderr)

    @staticmethod
    def digest_after(server, moment):
        for folder, _, files in os.walk(os.path.join(server.bucket, "AWSLogs")):
            for name in files:
                if "CloudTrail-Digest" not in folder:
                    continue
                with gzip.open(os.path.join(folder, name)) as f:
                    end = json.load(f)["digestEndTime"]
                when = datetime.datetime.strptime(end, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
                if when > moment:
                    return True
        return False


if __name__ == "__main__":
    unittest.main()
