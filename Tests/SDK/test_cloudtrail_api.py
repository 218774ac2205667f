"""CloudTrail's API through boto3 and the AWS CLI, and `dynamotrail events` over the delivered files."""
import datetime
import json
import os
import subprocess
import sys
import unittest

from dynamotrail_server import BIN, DynamoTrail

TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:123456789012:trail/dynamotrail"
KEY = "AKIAIOSFODNN7EXAMPLE"


def make_table(ddb, name):
    ddb.create_table(
        TableName=name, AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}], BillingMode="PAY_PER_REQUEST")


def some_dynamodb_calls(server):
    ddb = server.client("dynamodb")
    make_table(ddb, "Music")
    ddb.describe_table(TableName="Music")
    ddb.list_tables()
    try:
        ddb.describe_table(TableName="Missing")
    except ddb.exceptions.ResourceNotFoundException:
        pass


class CloudTrailAPITest(unittest.TestCase):
    def cli(self, server, *args, check=True):
        env = dict(os.environ, AWS_ACCESS_KEY_ID=KEY, AWS_SECRET_ACCESS_KEY="secret", AWS_DEFAULT_REGION="us-east-1",
                   AWS_PAGER="")
        env.pop("AWS_PROFILE", None)
        done = subprocess.run(
            [sys.executable, "-m", "awscli", "--endpoint-url", server.endpoint, "--output", "json", "cloudtrail"] + list(args),
            capture_output=True, text=True, env=env, timeout=60)
        if check:
            self.assertEqual(done.returncode, 0, done.stderr)
            return json.loads(done.stdout) if done.stdout.strip() else {}
        return done

    def events_command(self, server, *args):
        done = subprocess.run([BIN, "events", "--bucket", server.bucket] + list(args), capture_output=True, text=True,
                              cwd=server.dir, timeout=60)
        if "not available yet" in done.stderr:
            self.skipTest("this build has no `dynamotrail events` yet")
        return done

    # boto3

    def test_boto3_trail_operations(self):
        with DynamoTrail() as server:
            ct = server.client("cloudtrail")
            trails = ct.describe_trails()["trailList"]
            self.assertEqual(len(trails), 1)
            trail = trails[0]
            self.assertEqual(trail["Name"], "dynamotrail")
            self.assertEqual(trail["TrailARN"], TRAIL_ARN)
            self.assertEqual(trail["HomeRegion"], "us-east-1")
            self.assertTrue(trail["IsMultiRegionTrail"])
            self.assertTrue(trail["LogFileValidationEnabled"])
            self.assertEqual(ct.describe_trails(trailNameList=[TRAIL_ARN])["trailList"], trails)
            self.assertEqual(ct.get_trail(Name="dynamotrail")["Trail"], trail)
            self.assertEqual(ct.list_trails()["Trails"], [{"TrailARN": TRAIL_ARN, "Name": "dynamotrail", "HomeRegion": "us-east-1"}])
            status = ct.get_trail_status(Name=TRAIL_ARN)
            self.assertTrue(status["IsLogging"])
            self.assertIsInstance(status["StartLoggingTime"], datetime.datetime)
            some_dynamodb_calls(server)
            server.admin("POST", "/_dynamotrail/flush")
            status = ct.get_trail_status(Name="dynamotrail")
            self.assertIsInstance(status["LatestDeliveryTime"], datetime.datetime)
            self.assertRegex(status["LatestDeliveryAttemptSucceeded"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
            keys = ct.list_public_keys(StartTime=datetime.datetime(2020, 1, 1), EndTime=datetime.datetime.now())
            self.assertIn("PublicKeyList", keys)
            for key in keys["PublicKeyList"]:
                self.assertIsInstance(key["Value"], bytes)
                self.assertRegex(key["Fingerprint"], r"^[0-9a-f]{32}$")
            with self.assertRaises(ct.exceptions.TrailNotFoundException) as caught:
                ct.get_trail(Name="other")
            self.assertEqual(caught.exception.response["Error"]["Message"], "Unknown trail: other for the user: 123456789012")
            with self.assertRaises(ct.exceptions.InvalidTimeRangeException):
                ct.list_public_keys(StartTime=datetime.datetime(2030, 1, 1), EndTime=datetime.datetime(2020, 1, 1))

    def test_boto3_lookup_events(self):
        with DynamoTrail() as server:
            some_dynamodb_calls(server)
            ct = server.client("cloudtrail")
            events = ct.lookup_events(
                LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "CreateTable"}])["Events"]
            self.assertEqual(len(events), 1)
            event = events[0]
            self.assertEqual(event["EventSource"], "dynamodb.amazonaws.com")
            self.assertEqual(event["ReadOnly"], "false")
            self.assertEqual(event["AccessKeyId"], KEY)
            self.assertIsInstance(event["EventTime"], datetime.datetime)
            self.assertEqual(event["Resources"], [{"ResourceType": "AWS::DynamoDB::Table", "ResourceName": "Music"}])
            record = json.loads(event["CloudTrailEvent"])
            self.assertEqual(record["eventID"], event["EventId"])
            self.assertEqual(record["eventName"], "CreateTable")
            username = event["Username"]
            checks = {
                "EventId": (event["EventId"], {"CreateTable"}),
                "EventName": ("DescribeTable", {"DescribeTable"}),
                "ReadOnly": ("false", {"CreateTable"}),
                "Username": (username, {"CreateTable", "DescribeTable", "ListTables"}),
                "ResourceType": ("AWS::DynamoDB::Table", {"CreateTable", "DescribeTable"}),
                "ResourceName": ("Missing", {"DescribeTable"}),
                "EventSource": ("dynamodb.amazonaws.com", {"CreateTable", "DescribeTable", "ListTables"}),
                "AccessKeyId": (KEY, {"CreateTable", "DescribeTable", "ListTables"}),
            }
            for key, (value, expected) in checks.items():
                found = ct.lookup_events(LookupAttributes=[{"AttributeKey": key, "AttributeValue": value}])["Events"]
                names = {e["EventName"] for e in found if e["EventSource"] == "dynamodb.amazonaws.com"}
                self.assertEqual(names, expected, key)
            # The paginator walks every page, newest first.
            pages = ct.get_paginator("lookup_events").paginate(
                LookupAttributes=[{"AttributeKey": "EventSource", "AttributeValue": "dynamodb.amazonaws.com"}],
                PaginationConfig={"PageSize": 2})
            page_list = list(pages)
            self.assertEqual(len(page_list), 2)
            names = [e["EventName"] for p in page_list for e in p["Events"]]
            self.assertEqual(names, ["DescribeTable", "ListTables", "DescribeTable", "CreateTable"])
            with self.assertRaises(ct.exceptions.InvalidNextTokenException):
                ct.lookup_events(NextToken="bogus")
            with self.assertRaises(ct.exceptions.InvalidLookupAttributesException):
                ct.lookup_events(LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "A"},
                                                   {"AttributeKey": "EventName", "AttributeValue": "B"}])
            with self.assertRaises(ct.exceptions.InvalidTimeRangeException):
                ct.lookup_events(StartTime=datetime.datetime(2030, 1, 1), EndTime=datetime.datetime(2020, 1, 1))
            # Looked-up ids are the delivered ones.
            server.admin("POST", "/_dynamotrail/flush")
            delivered = self.events_command(server, "--json")
            if delivered.returncode == 0:
                ids = {json.loads(line)["eventID"] for line in delivered.stdout.splitlines()}
                self.assertIn(event["EventId"], ids)

    # AWS CLI

    def test_cli(self):
        with DynamoTrail() as server:
            some_dynamodb_calls(server)
            trails = self.cli(server, "describe-trails")
            self.assertEqual(trails["trailList"][0]["TrailARN"], TRAIL_ARN)
            status = self.cli(server, "get-trail-status", "--name", "dynamotrail")
            self.assertTrue(status["IsLogging"])
            self.assertIn("PublicKeyList", self.cli(server, "list-public-keys"))
            self.assertIn("PublicKeyList", self.cli(server, "list-public-keys", "--start-time", "2026-01-01T00:00:00Z",
                                                    "--end-time", "2030-01-01T00:00:00Z"))
            created = self.cli(server, "lookup-events", "--lookup-attributes",
                               "AttributeKey=EventName,AttributeValue=CreateTable")["Events"]
            self.assertEqual([e["EventName"] for e in created], ["CreateTable"])
            event_id = created[0]["EventId"]
            username = created[0]["Username"]
            values = {
                "EventId": event_id, "EventName": "ListTables", "ReadOnly": "true", "Username": username,
                "ResourceType": "AWS::DynamoDB::Table", "ResourceName": "Music",
                "EventSource": "dynamodb.amazonaws.com", "AccessKeyId": KEY,
            }
            for key, value in values.items():
                found = self.cli(server, "lookup-events", "--lookup-attributes",
                                 "AttributeKey=%s,AttributeValue=%s" % (key, value))["Events"]
                self.assertTrue(found, key)
                for event in found:
                    record = json.loads(event["CloudTrailEvent"])
                    if key == "EventId":
                        self.assertEqual(record["eventID"], value)
                    elif key == "ReadOnly":
                        self.assertEqual(event["ReadOnly"], "true")
                    elif key in ("ResourceType", "ResourceName"):
                        self.assertIn(value, [r["Resource" + key[8:]] for r in event["Resources"]])
                    elif key == "EventSource":
                        self.assertEqual(record["eventSource"], value)
                    elif key == "AccessKeyId":
                        self.assertEqual(record["userIdentity"]["accessKeyId"], value)
                    else:
                        self.assertEqual(event[key], value)
            one = self.cli(server, "lookup-events", "--max-results", "1", "--no-paginate")
            self.assertEqual(len(one["Events"]), 1)
            self.assertIn("NextToken", one)
            everything = self.cli(server, "lookup-events", "--lookup-attributes",
                                  "AttributeKey=EventSource,AttributeValue=dynamodb.amazonaws.com", "--page-size", "1")
            self.assertEqual(len(everything["Events"]), 4)
            failed = self.cli(server, "lookup-events", "--max-results", "51", check=False)
            self.assertNotEqual(failed.returncode, 0)
            self.assertIn("InvalidMaxResultsException", failed.stderr)
            failed = self.cli(server, "get-trail-status", "--name", "nope", check=False)
            self.assertIn("TrailNotFoundException", failed.stderr)

    def test_start_stop_logging_and_events_command(self):
        with DynamoTrail() as server:
            ddb = server.client("dynamodb")
            make_table(ddb, "before")
            self.cli(server, "stop-logging", "--name", "dynamotrail")
            self.assertFalse(self.cli(server, "get-trail-status", "--name", TRAIL_ARN)["IsLogging"])
            make_table(ddb, "during")
            self.cli(server, "start-logging", "--name", TRAIL_ARN)
            make_table(ddb, "after")
            try:
                ddb.delete_table(TableName="nothere")
            except ddb.exceptions.ResourceNotFoundException:
                pass
            keys = server.admin("POST", "/_dynamotrail/flush")["keys"]
            self.assertTrue(keys)

            listed = self.events_command(server, "--json")
            self.assertEqual(listed.returncode, 0, listed.stderr)
            records = [json.loads(line) for line in listed.stdout.splitlines()]
            tables = [r["requestParameters"]["tableName"] for r in records if r["eventName"] == "CreateTable"]
            self.assertEqual(sorted(tables), ["after", "before"])
            names = [r["eventName"] for r in records]
            self.assertIn("StopLogging", names)
            self.assertIn("StartLogging", names)
            self.assertNotIn("GetTrailStatus", names)  # called only while the trail was stopped
            stop = next(r for r in records if r["eventName"] == "StopLogging")
            self.assertEqual(stop["eventSource"], "cloudtrail.amazonaws.com")
            self.assertEqual(stop["requestParameters"], {"name": "dynamotrail"})
            # Each JSON line is the record exactly as delivered: compare with LookupEvents' copy.
            ct = server.client("cloudtrail")
            looked = ct.lookup_events(LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "StopLogging"}])
            self.assertIn(looked["Events"][0]["CloudTrailEvent"], listed.stdout.splitlines())
            # The history saw the call made while the trail was stopped.
            during = ct.lookup_events(LookupAttributes=[{"AttributeKey": "ResourceName", "AttributeValue": "during"}])
            self.assertEqual(len(during["Events"]), 1)

            table = self.events_command(server)
            self.assertEqual(table.returncode, 0, table.stderr)
            lines = table.stdout.splitlines()
            self.assertTrue(lines[0].startswith("TIME"))
            self.assertTrue(any("CreateTable" in line and "123456789012" in line and "us-east-1" in line for line in lines))
            errors = self.events_command(server, "--errors")
            self.assertEqual([l.split()[3] for l in errors.stdout.splitlines()[1:]], ["DeleteTable"])
            self.assertIn("ResourceNotFoundException", errors.stdout)
            only = self.events_command(server, "--json", "--event-name", "CreateTable", "--limit", "1")
            self.assertEqual(len(only.stdout.splitlines()), 1)
            reads = self.events_command(server, "--json", "--read-only")
            self.assertTrue(all(json.loads(l)["readOnly"] for l in reads.stdout.splitlines()))
            by_key = self.events_command(server, "--json", "--access-key", KEY, "--account", "123456789012",
                                         "--region", "us-east-1", "--start-time", "2000-01-01T00:00:00Z")
            self.assertEqual(len(by_key.stdout.splitlines()), len(records))
            nobody = self.events_command(server, "--json", "--user", "nobody-at-all")
            self.assertEqual(nobody.stdout, "")
            future = self.events_command(server, "--json", "--start-time", "2999-01-01T00:00:00Z")
            self.assertEqual(future.stdout, "")
            bad = self.events_command(server, "--start-time", "yesterday")
            self.assertEqual(bad.returncode, 2)
            missing = subprocess.run([BIN, "events", "--bucket", os.path.join(server.dir, "nope")], capture_output=True,
                                     text=True, cwd=server.dir, timeout=60)
            self.assertEqual(missing.returncode, 1)


if __name__ == "__main__":
    unittest.main()
